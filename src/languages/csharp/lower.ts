/**
 * C# (tree-sitter-c-sharp) → the shared IR (../tree-sitter/ir.ts). Declarations and statements are
 * in ./declarations.ts and ./statements.ts, expressions in ./expressions.ts (objects and patterns in
 * ./objects.ts and ./patterns.ts), LINQ query syntax in ./query.ts.
 *
 * C#-specific choices: namespaces are flattened; fields and properties are `assign`s in the class
 * body, and a bare field name inside a method lowers to `this.<name>`; constructors are functions
 * named after their class; attributes keep their last name segment without the `Attribute` suffix;
 * `await x`, `x!` and parentheses lower to `x`; typed `out T x` and `is T x` declarations become
 * `assign`s right before their statement.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Program } from '../tree-sitter/ir.js';
import { LowerContext, spanOf } from './context.js';
import { stringExpr } from './expressions.js';
import { interpolationParts, STRING_LITERAL_TYPES } from './literals.js';
import { lowerMembers } from './declarations.js';

export function lower(root: Node): Program {
  const cx = new LowerContext();
  const body = lowerMembers(cx, root);
  // Every literal, also those in constructs the lowering drops (attributes of ignored members, errors).
  for (const node of root.descendantsOfType([...STRING_LITERAL_TYPES, 'interpolated_string_expression'])) {
    if (!node) continue;
    if (node.type !== 'interpolated_string_expression') {
      stringExpr(cx, node);
      continue;
    }
    for (const part of interpolationParts(node)) {
      if ('value' in part) cx.stringAt(part.first, () => ({ k: 'string', value: part.value, span: { start: part.start, end: part.end } }));
    }
  }
  const strings = [...cx.strings.values()].sort((a, b) => a.span.start - b.span.start);
  const names = root.descendantsOfType('identifier').filter((node): node is Node => !!node).map((node) => ({ name: node.text, span: spanOf(node) }));
  const namespace = root.descendantsOfType(['file_scoped_namespace_declaration', 'namespace_declaration'])[0]?.childForFieldName('name');
  return { body, strings, names, ...(namespace ? { package: namespace.text.replace(/\s+/g, '') } : {}) };
}
