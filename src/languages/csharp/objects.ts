/** C# object creation: `new T(args) { Init = … }`, target-typed `new()`, collection and anonymous-object initializers. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Arg, Expr } from '../tree-sitter/ir.js';
import { LowerContext, namedChildren, spanOf, typeText } from './context.js';
import { lowerArgs, lowerChildren, lowerExpr, stringExpr, valueChild, isSelf } from './expressions.js';
import { STRING_LITERAL_TYPES } from './literals.js';

export function creation(cx: LowerContext, node: Node): Expr {
  const typeNode = node.childForFieldName('type');
  const type = typeText(typeNode) ?? cx.expectedType ?? '';
  const expr: Extract<Expr, { k: 'new' }> = { k: 'new', type, args: lowerArgs(cx, node.childForFieldName('arguments')), span: spanOf(node) };
  const init = node.childForFieldName('initializer') ?? namedChildren(node).find((child) => child.type === 'initializer_expression');
  if (init) expr.init = initializerArgs(cx, init);
  return expr;
}

/** `{ Lsid = x, ["key"] = y, item, { "k", v } }`: member and index assignments become named args. */
function initializerArgs(cx: LowerContext, node: Node): Arg[] {
  const saved = cx.expectedType;
  cx.expectedType = undefined;
  try {
    return namedChildren(node).map((child): Arg => {
      if (child.type !== 'assignment_expression') return { value: lowerExpr(cx, child) };
      const left = child.childForFieldName('left');
      const right = child.childForFieldName('right');
      const value = right ? lowerExpr(cx, right) : lowerChildren(cx, child);
      if (left?.type === 'identifier') return { name: left.text, value };
      const key = left?.type === 'element_binding_expression' ? namedChildren(left).find((c) => c.type === 'argument') : undefined;
      const keyValue = key && valueChild(key);
      if (keyValue && STRING_LITERAL_TYPES.has(keyValue.type)) return { name: stringExpr(cx, keyValue).value, value };
      return { value: { k: 'other', children: [...(keyValue ? [lowerExpr(cx, keyValue)] : []), value], span: spanOf(child) } };
    });
  } finally {
    cx.expectedType = saved;
  }
}

/** A bare initializer: `{ A = 1 }` (nested object initializer) is a dict, `{ 1, 2 }` a list. */
export function initializer(cx: LowerContext, node: Node): Expr {
  const span = spanOf(node);
  const args = initializerArgs(cx, node);
  if (args.length && args.every((arg) => arg.name !== undefined)) {
    return { k: 'dict', entries: args.map((arg) => ({ key: { k: 'string', value: arg.name!, span: arg.value.span }, value: arg.value })), span };
  }
  return { k: 'list', items: args.map((arg) => arg.value), span };
}

/** `new { Lsid = x, s.Name }`: a dict keyed by member name (projections take the last name). */
export function anonymousObject(cx: LowerContext, node: Node): Expr {
  const entries: { key: Expr; value: Expr }[] = [];
  const children = node.children.filter((child): child is Node => !!child && child.type !== 'comment');
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (!child.isNamed && !isSelf(child)) continue;
    if (child.type === 'identifier' && children[i + 1]?.type === '=' && children[i + 2]) {
      entries.push({ key: { k: 'string', value: child.text, span: spanOf(child) }, value: lowerExpr(cx, children[i + 2]!) });
      i += 2;
      continue;
    }
    const value = lowerExpr(cx, child);
    const key = value.k === 'member' ? value.name : value.k === 'name' ? value.name : undefined;
    entries.push({ key: { k: 'string', value: key ?? '', span: value.span }, value });
  }
  return { k: 'dict', entries, span: spanOf(node) };
}
