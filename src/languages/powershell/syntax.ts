/**
 * Reading tree-sitter-powershell nodes: comment-free children, the collapse of single-child
 * precedence chains, spans, type names and variable names as PowerShell resolves them.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from '../../types.js';
import { canonicalMember, canonicalType } from './commands.js';
import { verbatimValue } from './strings.js';

export { spanOf } from '../tree-sitter/syntax.js';
export const spanFrom = (start: Node | Span, end: Node | Span): Span => ({
  start: 'startIndex' in start ? start.startIndex : start.start,
  end: 'endIndex' in end ? end.endIndex : end.end,
});

/** Children other than comments (comments are extras and may sit anywhere). */
export function children(node: Node): Node[] {
  return node.children.filter((c): c is Node => c !== null && c.type !== 'comment');
}
export function namedChildren(node: Node | null | undefined): Node[] {
  if (!node) return [];
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}
export function childOfType(node: Node | null | undefined, ...types: string[]): Node | undefined {
  return namedChildren(node).find((c) => types.includes(c.type));
}

/** Precedence and grouping nodes that add nothing when they hold a single child. */
const WRAPPERS = new Set([
  'pipeline', 'pipeline_chain', 'logical_expression', 'bitwise_expression', 'comparison_expression', 'additive_expression',
  'multiplicative_expression', 'format_expression', 'range_expression', 'array_literal_expression', 'unary_expression',
  'expression_with_unary_operator', 'argument_expression', 'logical_argument_expression', 'bitwise_argument_expression',
  'comparison_argument_expression', 'additive_argument_expression', 'multiplicative_argument_expression',
  'format_argument_expression', 'range_argument_expression', 'left_assignment_expression', 'key_expression',
  'string_literal', 'integer_literal', 'command_name_expr', 'while_condition', 'for_condition', 'for_initializer',
  'for_iterator', 'label_expression', 'redirected_file_name', 'switch_filename', 'switch_clause_condition', 'member_name',
]);

export function unwrap(node: Node): Node {
  let current = node;
  while (WRAPPERS.has(current.type)) {
    const all = children(current);
    if (all.length !== 1 || !all[0]!.isNamed) break;
    current = all[0]!;
  }
  return current;
}

export const BINARY_NODES = new Set([
  'logical_expression', 'bitwise_expression', 'comparison_expression', 'additive_expression', 'multiplicative_expression',
  'format_expression', 'range_expression', 'logical_argument_expression', 'bitwise_argument_expression',
  'comparison_argument_expression', 'additive_argument_expression', 'multiplicative_argument_expression',
  'format_argument_expression', 'range_argument_expression',
]);

const SCOPE_PREFIX = /^(?:global|local|private|script|using|workflow):/i;

/** `$script:Lsid` → `Lsid`, `${x}` → `x`, `$PSItem` → `_`, `$this` → `this`, `@splat` → `splat`. */
export function bareVariable(text: string): string {
  let name = text.startsWith('${') ? text.slice(2, -1) : text.replace(/^[$@]/, '');
  name = name.replace(SCOPE_PREFIX, '');
  const lower = name.toLowerCase();
  if (lower === '_' || lower === 'psitem') return '_';
  if (lower === 'this') return 'this';
  return name;
}

export function unwrapTo(node: Node, type: string): Node {
  return node.type === type ? node : (childOfType(node, type) ?? node);
}

/** A type as written, generic arguments in angle brackets (`HashSet<int>`), accelerators lower-cased. */
export function typeOf(node: Node | undefined): string {
  if (!node) return '';
  switch (node.type) {
    case 'type_literal':
    case 'attribute_name':
      return typeOf(childOfType(node, 'type_spec', 'type_name'));
    case 'type_spec': {
      const generic = childOfType(node, 'generic_type_name');
      if (generic) {
        const args = namedChildren(childOfType(node, 'generic_type_arguments')).map((a) => typeOf(a));
        return `${typeOf(childOfType(generic, 'type_name'))}<${args.join(',')}>`;
      }
      const array = childOfType(node, 'array_type_name');
      if (array) {
        const dimension = childOfType(node, 'dimension')?.text ?? '';
        return `${typeOf(childOfType(array, 'type_name'))}[${dimension}]`;
      }
      return typeOf(childOfType(node, 'type_name'));
    }
    case 'type_name':
      return node.text.includes('.') ? node.text : canonicalType(node.text);
    default:
      return node.text;
  }
}

/** `System.Collections.Generic.HashSet[int]` as written in `New-Object` → `…HashSet<int>`. */
export function psTypeName(text: string): string {
  const generic = /^([\w.]+)\[([\w.,\s]+)\]$/.exec(text);
  if (generic) return `${generic[1]}<${generic[2]!.split(',').map((t) => canonicalType(t.trim())).join(',')}>`;
  return text.includes('.') ? text : canonicalType(text);
}

export function memberNameText(member: Node): string | undefined {
  if (member.type === 'simple_name') return canonicalMember(member.text);
  if (member.type === 'verbatim_string_characters') return verbatimValue(member.text);
  if (member.type === 'expandable_string_literal' && !namedChildren(member).length) return member.text.slice(1, -1);
  return undefined;
}

export function stringValue(node: Node): string | undefined {
  if (node.type === 'verbatim_string_characters') return verbatimValue(node.text);
  if (node.type === 'expandable_string_literal') return node.text.slice(1, -1);
  if (node.type === 'generic_token') return node.text;
  return undefined;
}
