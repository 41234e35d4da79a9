/** C# patterns (`is`, `switch` statements and expressions) as comparisons on their subject. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from '../../types.js';
import type { Expr } from '../tree-sitter/ir.js';
import { LowerContext, namedChildren, spanOf, typeText } from './context.js';
import { lowerChildren, lowerExpr, valueChild } from './expressions.js';

function binary(op: string, left: Expr, right: Expr, span: Span): Expr {
  return { k: 'binary', op, left, right, span };
}

/**
 * `x is …` and `switch` patterns as comparisons on the subject: `is "a"` → `==`, `is > 5` → `>`,
 * `is not null` → `!=`, `is { Lsid: var l }` → tests on `x.Lsid`, `is XElement el` → a typed declaration of `el`.
 */
export function patternTest(cx: LowerContext, subject: Expr, pattern: Node, span: Span): Expr {
  switch (pattern.type) {
    case 'constant_pattern': {
      const value = valueChild(pattern);
      return value ? binary('==', subject, lowerExpr(cx, value), span) : lowerChildren(cx, pattern);
    }
    case 'relational_pattern': {
      const value = valueChild(pattern);
      const op = pattern.child(0)?.text ?? '==';
      return value ? binary(op, subject, lowerExpr(cx, value), span) : lowerChildren(cx, pattern);
    }
    case 'negated_pattern': {
      const inner = valueChild(pattern);
      if (inner?.type === 'constant_pattern' && valueChild(inner)?.type === 'null_literal') return binary('!=', subject, { k: 'null', span: spanOf(inner) }, span);
      return inner ? { k: 'unary', op: '!', operand: patternTest(cx, subject, inner, span), span } : lowerChildren(cx, pattern);
    }
    case 'and_pattern':
    case 'or_pattern': {
      const left = pattern.childForFieldName('left');
      const right = pattern.childForFieldName('right');
      if (!left || !right) return lowerChildren(cx, pattern);
      return binary(pattern.type === 'and_pattern' ? 'and' : 'or', patternTest(cx, subject, left, span), patternTest(cx, subject, right, span), span);
    }
    case 'parenthesized_pattern': {
      const inner = valueChild(pattern);
      return inner ? patternTest(cx, subject, inner, span) : lowerChildren(cx, pattern);
    }
    case 'declaration_pattern':
    case 'type_pattern':
    case 'var_pattern':
    case 'recursive_pattern':
      return declarationPattern(cx, subject, pattern, span);
    case 'discard':
      return { k: 'bool', value: true, span };
    default:
      return { k: 'other', children: [subject, lowerChildren(cx, pattern)], span };
  }
}

function declarationPattern(cx: LowerContext, subject: Expr, pattern: Node, span: Span): Expr {
  const typeNode = pattern.childForFieldName('type') ?? (pattern.type === 'type_pattern' ? valueChild(pattern) : undefined);
  const type = typeText(typeNode);
  const designation = pattern.childForFieldName('name') ?? namedChildren(pattern).find((child) => child.type === 'identifier' && child.id !== typeNode?.id);
  if (designation?.type === 'identifier') {
    const target: Expr = { k: 'name', name: designation.text, span: spanOf(designation) };
    cx.hoisted.push({ k: 'assign', targets: [target], value: subject, op: '=', ...(type ? { declaredType: type } : {}), span: spanOf(pattern) });
  }
  const tests: Expr[] = [];
  if (type) tests.push(binary('instanceof', subject, { k: 'type', name: type, span: spanOf(typeNode!) }, span));
  for (const clause of namedChildren(pattern)) {
    if (clause.type !== 'property_pattern_clause') continue;
    for (const sub of namedChildren(clause)) {
      if (sub.type !== 'subpattern') continue;
      const parts = namedChildren(sub);
      const inner = parts[parts.length - 1];
      const member = parts.length > 1 ? parts[0] : undefined;
      if (!inner) continue;
      const memberExpr: Expr = member
        ? { k: 'member', object: subject, name: member.text.split('.').pop()!, span: { start: subject.span.start, end: member.endIndex }, nameSpan: spanOf(member) }
        : subject;
      tests.push(patternTest(cx, memberExpr, inner, spanOf(sub)));
    }
  }
  if (!tests.length) return { k: 'bool', value: true, span };
  return tests.reduce((left, right) => binary('and', left, right, span));
}

/** `x switch { "a" => 1, > 5 => 2, _ => 3 }`: each arm's test on the subject and its value. */
export function switchExpression(cx: LowerContext, node: Node): Expr {
  const children = namedChildren(node);
  const subjectNode = children[0];
  if (!subjectNode) return lowerChildren(cx, node);
  const subject = lowerExpr(cx, subjectNode);
  const parts: Expr[] = [subject];
  for (const arm of children.slice(1)) {
    if (arm.type !== 'switch_expression_arm') continue;
    const armChildren = namedChildren(arm);
    const pattern = armChildren[0];
    const value = armChildren[armChildren.length - 1];
    if (pattern && pattern.id !== value?.id) parts.push(patternTest(cx, subject, pattern, spanOf(pattern)));
    for (const guard of armChildren.filter((child) => child.type === 'when_clause')) parts.push(lowerChildren(cx, guard));
    if (value) parts.push(lowerExpr(cx, value));
  }
  return { k: 'other', children: parts, span: spanOf(node) };
}
