import { ts } from 'ts-morph';

/** Strips parentheses, type assertions and non-null assertions, which do not change a value. */
export function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) ||
      ts.isTypeAssertionExpression(current) || ts.isSatisfiesExpression(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** The text of a string literal or a template without substitutions. */
export function stringValue(expression: ts.Expression | undefined): string | undefined {
  if (!expression) return undefined;
  const inner = unwrap(expression);
  return ts.isStringLiteralLike(inner) ? inner.text : undefined;
}

export function propertyName(name: ts.PropertyName | ts.Expression): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name)) return stringValue(name.expression);
  return undefined;
}

/** `parseInt`, `Math.max`, `Number.isInteger`, `_.maxBy`: a callee as dotted text, if it is one. */
export function calleeName(expression: ts.Expression): string | undefined {
  const inner = unwrap(expression);
  if (ts.isIdentifier(inner)) return inner.text;
  if (ts.isPropertyAccessExpression(inner)) {
    const object = calleeName(inner.expression);
    return object ? `${object}.${inner.name.text}` : undefined;
  }
  return undefined;
}

export function span(node: ts.Node): { start: number; end: number } {
  return { start: node.getStart(), end: node.getEnd() };
}

export function isNumericLiteralLike(expression: ts.Expression): boolean {
  const inner = unwrap(expression);
  if (ts.isNumericLiteral(inner) || ts.isBigIntLiteral(inner)) return true;
  return ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(inner.operand);
}

/** The parameters of the function an argument is passed to, when the argument is an inline function. */
export function enclosingCallOfCallback(fn: ts.Node): { call: ts.CallExpression; method: string } | undefined {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return undefined;
  const callee = unwrap(call.expression);
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  return method ? { call, method } : undefined;
}
