/** Lowering of C# expressions (tree-sitter-c-sharp) into the shared IR. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from '../../types.js';
import type { Arg, Expr, Param, Stmt } from '../tree-sitter/ir.js';
import { LowerContext, namedChildren, spanOf, typeText, type StringExpr } from './context.js';
import { interpolationParts, literalValue, STRING_LITERAL_TYPES } from './literals.js';
import { lowerQuery } from './query.js';
import { lowerParams } from './declarations.js';
import { anonymousObject, creation, initializer } from './objects.js';
import { patternTest, switchExpression } from './patterns.js';
import { lowerBody } from './statements.js';

const OPERATORS: Readonly<Record<string, string>> = { '&&': 'and', '||': 'or' };

export function stringExpr(cx: LowerContext, node: Node): StringExpr {
  return cx.stringAt(node, () => ({ k: 'string', value: literalValue(node), span: spanOf(node) }));
}

function other(children: Expr[], span: Span): Expr {
  return { k: 'other', children, span };
}

/** `this`/`base` are anonymous tokens in this grammar; both lower to `this`. */
export function isSelf(node: Node): boolean {
  return node.type === 'this' || node.type === 'base';
}

/** The expression child of a wrapper (`argument`, `parenthesized_expression`, …): the last named or `this` child. */
export function valueChild(node: Node): Node | undefined {
  for (let i = node.childCount - 1; i >= 0; i--) {
    const child = node.child(i);
    if (!child || child.type === 'comment') continue;
    if (child.isNamed || isSelf(child)) {
      if (node.fieldNameForChild(i) === 'name' && node.type === 'argument') continue;
      return child;
    }
  }
  return undefined;
}

export function lowerExpr(cx: LowerContext, node: Node): Expr {
  const span = spanOf(node);
  if (isSelf(node)) return { k: 'name', name: 'this', span };
  if (STRING_LITERAL_TYPES.has(node.type) || node.type === 'character_literal') return stringExpr(cx, node);
  switch (node.type) {
    case 'identifier':
      // C# names fields without `this.`; the IR spells them as members of `this`.
      if (cx.isMember(node.text)) return { k: 'member', object: { k: 'name', name: 'this', span }, name: node.text, span, nameSpan: span };
      return { k: 'name', name: node.text, span };
    case 'predefined_type':
      return { k: 'name', name: node.text, span };
    case 'discard':
      return { k: 'name', name: '_', span };
    case 'generic_name':
      return { k: 'name', name: genericBase(node), span };
    case 'qualified_name':
    case 'alias_qualified_name': {
      const qualifier = node.childForFieldName('qualifier') ?? node.childForFieldName('alias');
      const name = node.childForFieldName('name');
      if (!qualifier || !name) return { k: 'name', name: node.text, span };
      return { k: 'member', object: lowerExpr(cx, qualifier), name: nameText(name), span, nameSpan: spanOf(name) };
    }
    case 'integer_literal':
    case 'real_literal':
      return { k: 'number', text: node.text, span };
    case 'boolean_literal':
      return { k: 'bool', value: node.text === 'true', span };
    case 'null_literal':
      return { k: 'null', span };
    case 'interpolated_string_expression':
      return template(cx, node);
    case 'member_access_expression': {
      const object = node.childForFieldName('expression');
      const name = node.childForFieldName('name');
      if (!object || !name) return lowerChildren(cx, node);
      return { k: 'member', object: lowerExpr(cx, object), name: nameText(name), span, nameSpan: spanOf(name) };
    }
    case 'conditional_access_expression':
      return conditionalAccess(cx, node);
    case 'member_binding_expression': {
      const name = node.childForFieldName('name');
      const receiver = cx.receivers[cx.receivers.length - 1];
      if (!name || !receiver) return lowerChildren(cx, node);
      return { k: 'member', object: receiver, name: nameText(name), span: { start: receiver.span.start, end: span.end }, nameSpan: spanOf(name) };
    }
    case 'element_binding_expression': {
      const receiver = cx.receivers[cx.receivers.length - 1];
      const index = firstArgument(cx, node);
      if (!receiver || !index) return lowerChildren(cx, node);
      return { k: 'index', object: receiver, index, span: { start: receiver.span.start, end: span.end } };
    }
    case 'element_access_expression': {
      const object = node.childForFieldName('expression');
      const subscript = node.childForFieldName('subscript');
      const index = subscript && firstArgument(cx, subscript);
      if (!object || !index) return lowerChildren(cx, node);
      return { k: 'index', object: lowerExpr(cx, object), index, span };
    }
    case 'invocation_expression':
      return invocation(cx, node);
    case 'object_creation_expression':
    case 'implicit_object_creation_expression':
      return creation(cx, node);
    case 'anonymous_object_creation_expression':
      return anonymousObject(cx, node);
    case 'array_creation_expression':
    case 'implicit_array_creation_expression':
    case 'stackalloc_expression':
    case 'implicit_stackalloc_expression': {
      const init = namedChildren(node).find((child) => child.type === 'initializer_expression');
      return init ? { ...initializer(cx, init), span } : lowerChildren(cx, node);
    }
    case 'initializer_expression':
      return initializer(cx, node);
    case 'collection_expression':
      return { k: 'list', items: namedChildren(node).map((child) => lowerExpr(cx, child)), span };
    case 'tuple_expression':
      return { k: 'list', items: namedChildren(node).map((arg) => lowerExpr(cx, valueChild(arg) ?? arg)), span };
    case 'cast_expression': {
      const type = typeText(node.childForFieldName('type'));
      const value = node.childForFieldName('value');
      if (!type || !value) return lowerChildren(cx, node);
      return { k: 'cast', type, operand: lowerExpr(cx, value), span };
    }
    case 'as_expression': {
      const left = node.childForFieldName('left');
      const type = typeText(node.childForFieldName('right'));
      if (!left || !type) return lowerChildren(cx, node);
      return { k: 'cast', type, operand: lowerExpr(cx, left), span };
    }
    case 'is_expression': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right) return lowerChildren(cx, node);
      return { k: 'binary', op: 'instanceof', left: lowerExpr(cx, left), right: { k: 'type', name: typeText(right) ?? right.text, span: spanOf(right) }, span };
    }
    case 'is_pattern_expression': {
      const subject = node.childForFieldName('expression');
      const pattern = node.childForFieldName('pattern');
      if (!subject || !pattern) return lowerChildren(cx, node);
      return patternTest(cx, lowerExpr(cx, subject), pattern, span);
    }
    case 'binary_expression': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const op = node.childForFieldName('operator')?.text;
      if (!left || !right || !op) return lowerChildren(cx, node);
      return { k: 'binary', op: OPERATORS[op] ?? op, left: lowerExpr(cx, left), right: lowerExpr(cx, right), span };
    }
    case 'prefix_unary_expression':
    case 'unary_expression': {
      const operand = valueChild(node);
      const op = node.child(0)?.text;
      if (!operand || !op || operand.id === node.child(0)?.id) return lowerChildren(cx, node);
      return { k: 'unary', op, operand: lowerExpr(cx, operand), span };
    }
    case 'postfix_unary_expression': {
      const operand = node.child(0);
      const op = node.child(node.childCount - 1)?.text;
      if (!operand) return lowerChildren(cx, node);
      // `x!` only tells the compiler the value is not null.
      if (op === '!') return lowerExpr(cx, operand);
      if (op === '++' || op === '--') return { k: 'unary', op, operand: lowerExpr(cx, operand), span };
      return lowerChildren(cx, node);
    }
    case 'assignment_expression':
      return assignmentInExpression(cx, node);
    case 'conditional_expression': {
      const condition = node.childForFieldName('condition');
      const whenTrue = node.childForFieldName('consequence');
      const whenFalse = node.childForFieldName('alternative');
      if (!condition || !whenTrue || !whenFalse) return lowerChildren(cx, node);
      return { k: 'conditional', condition: lowerExpr(cx, condition), whenTrue: lowerExpr(cx, whenTrue), whenFalse: lowerExpr(cx, whenFalse), span };
    }
    case 'lambda_expression':
    case 'anonymous_method_expression':
      return lambda(cx, node);
    case 'parenthesized_expression':
    case 'checked_expression':
    case 'ref_expression':
    case 'await_expression': {
      const inner = valueChild(node);
      return inner ? lowerExpr(cx, inner) : lowerChildren(cx, node);
    }
    case 'typeof_expression': {
      const type = node.childForFieldName('type');
      return { k: 'type', name: typeText(type) ?? type?.text ?? '', span };
    }
    case 'sizeof_expression':
      return { k: 'number', text: '0', span };
    case 'default_expression':
      return other([], span);
    case 'declaration_expression':
      return declarationExpression(cx, node);
    case 'switch_expression':
      return switchExpression(cx, node);
    case 'query_expression':
      return lowerQuery(cx, node);
    default:
      return lowerChildren(cx, node);
  }
}

/** Unknown constructs keep their child expressions, so values and strings inside them are still seen. */
export function lowerChildren(cx: LowerContext, node: Node): Expr {
  const children: Expr[] = [];
  for (const child of node.children) {
    if (!child || child.type === 'comment') continue;
    if (child.isNamed || isSelf(child)) children.push(lowerExpr(cx, child));
  }
  return other(children, spanOf(node));
}

function genericBase(node: Node): string {
  return namedChildren(node).find((child) => child.type === 'identifier')?.text ?? node.text.replace(/<.*$/s, '');
}

function nameText(node: Node): string {
  return node.type === 'generic_name' ? genericBase(node) : node.text;
}

function typeArgsOf(node: Node | null | undefined): string[] | undefined {
  if (!node || node.type !== 'generic_name') return undefined;
  const list = namedChildren(node).find((child) => child.type === 'type_argument_list');
  return list ? namedChildren(list).map((arg) => typeText(arg) ?? arg.text) : undefined;
}

function template(cx: LowerContext, node: Node): Expr {
  const parts: Expr[] = [];
  for (const part of interpolationParts(node)) {
    if ('value' in part) {
      const piece = part;
      parts.push(cx.stringAt(piece.first, () => ({ k: 'string', value: piece.value, span: { start: piece.start, end: piece.end } })));
    } else {
      // An interpolation: `{expr}`, `{expr,10}`, `{expr:N2}`; only the expression matters.
      const inner = namedChildren(part).find((child) => child.type !== 'interpolation_brace' && !child.type.startsWith('interpolation_'));
      if (inner) parts.push(lowerExpr(cx, inner));
    }
  }
  return { k: 'template', parts, span: spanOf(node) };
}

function conditionalAccess(cx: LowerContext, node: Node): Expr {
  const condition = node.childForFieldName('condition');
  const rest = namedChildren(node).find((child) => child.id !== condition?.id);
  if (!condition || !rest) return lowerChildren(cx, node);
  cx.receivers.push(lowerExpr(cx, condition));
  try {
    return lowerExpr(cx, rest);
  } finally {
    cx.receivers.pop();
  }
}

function firstArgument(cx: LowerContext, list: Node): Expr | undefined {
  const first = namedChildren(list).find((child) => child.type === 'argument');
  const value = first && valueChild(first);
  return value ? lowerExpr(cx, value) : undefined;
}

/** Arguments of an `argument_list` or `bracketed_argument_list`: names (`name: x`) and `out`/`ref` modifiers kept. */
export function lowerArgs(cx: LowerContext, list: Node | null | undefined): Arg[] {
  if (!list) return [];
  const args: Arg[] = [];
  for (const arg of namedChildren(list)) {
    if (arg.type !== 'argument') continue;
    const value = valueChild(arg);
    if (!value) continue;
    const entry: Arg = { value: lowerExpr(cx, value) };
    const name = arg.childForFieldName('name');
    if (name) entry.name = name.text;
    const modifier = arg.children.find((child) => child?.type === 'out' || child?.type === 'ref');
    if (modifier) entry.modifier = modifier.type as 'out' | 'ref';
    args.push(entry);
  }
  return args;
}

function invocation(cx: LowerContext, node: Node): Expr {
  const span = spanOf(node);
  const fn = node.childForFieldName('function');
  const argList = node.childForFieldName('arguments');
  if (!fn) return lowerChildren(cx, node);
  if (fn.type === 'identifier' && fn.text === 'nameof' && argList) {
    // nameof(x.Lsid) is the string "Lsid".
    const target = argList.namedChildren.find((child) => child?.type === 'argument');
    const last = target?.text.split('.').pop()?.trim() ?? '';
    return cx.stringAt(node, () => ({ k: 'string', value: last, span }));
  }
  const callee = lowerExpr(cx, fn);
  const typeArgs = typeArgsOf(fn.type === 'member_access_expression' ? fn.childForFieldName('name') : fn.type === 'member_binding_expression' ? fn.childForFieldName('name') : fn);
  const call: Expr = { k: 'call', callee, args: lowerArgs(cx, argList), span };
  if (typeArgs) call.typeArgs = typeArgs;
  return call;
}

/** `out long lsid`: the variable (and, when typed, a declaration before the statement). */
function declarationExpression(cx: LowerContext, node: Node): Expr {
  const name = node.childForFieldName('name');
  const type = typeText(node.childForFieldName('type'));
  if (!name) return lowerChildren(cx, node);
  const target: Expr = { k: 'name', name: name.text, span: spanOf(name) };
  if (type) cx.hoisted.push({ k: 'assign', targets: [target], op: '=', declaredType: type, span: spanOf(node) });
  return { k: 'name', name: name.text, span: spanOf(name) };
}

/**
 * `(line = reader.ReadLine()) != null`: the assignment becomes a statement before the one holding
 * it, and the expression reads the target.
 */
function assignmentInExpression(cx: LowerContext, node: Node): Expr {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const op = node.childForFieldName('operator')?.text ?? '=';
  if (!left || !right) return lowerChildren(cx, node);
  cx.hoisted.push({ k: 'assign', targets: [lowerExpr(cx, left)], value: lowerExpr(cx, right), op, span: spanOf(node) });
  return lowerExpr(cx, left);
}

/** Lambda and anonymous-method parameters and bodies; an expression body is the lambda's return value. */
function lambda(cx: LowerContext, node: Node): Expr {
  const paramsNode = node.childForFieldName('parameters') ?? namedChildren(node).find((child) => child.type === 'parameter_list');
  let params: Param[] = [];
  if (paramsNode?.type === 'implicit_parameter' || paramsNode?.type === 'identifier') {
    params = [{ name: paramsNode.text, span: spanOf(paramsNode) }];
  } else if (paramsNode) {
    params = lowerParams(cx, paramsNode);
  }
  const bodyNode = node.childForFieldName('body') ?? namedChildren(node).find((child) => child.type === 'block');
  let body: Stmt[] = [];
  if (bodyNode?.type === 'block') body = lowerBody(cx, bodyNode);
  else if (bodyNode) body = cx.collecting(() => [{ k: 'return', value: lowerExpr(cx, bodyNode), span: spanOf(bodyNode) }]);
  return { k: 'lambda', params, body, span: spanOf(node) };
}
