import { ts } from 'ts-morph';
import type { Subject, ValueUse, ValueUseKind } from '../../types.js';
import { calleeName, enclosingCallOfCallback, isNumericLiteralLike, span, stringValue, unwrap } from './syntax.js';
import { capturesLsidAsDigits } from '../../knowledge/lsid-patterns.js';
import { namedValue, type AbstractValue, type ValueAnalysis } from './values.js';

type SubjectValue = Extract<AbstractValue, { kind: 'subject' }>;

const CONVERSIONS = new Set([
  'parseInt', 'parseFloat', 'Number', 'BigInt', 'Number.parseInt', 'Number.parseFloat',
  'Math.floor', 'Math.round', 'Math.trunc', 'Math.ceil', 'Math.abs', 'Math.sign',
]);
const VALIDATIONS = new Set([
  'Number.isInteger', 'Number.isSafeInteger', 'Number.isFinite', 'Number.isNaN', 'isNaN', 'isFinite',
  'validator.isInt', 'validator.isNumeric', 'isInt', 'isNumeric',
]);
const MIN_MAX = new Set(['Math.max', 'Math.min', '_.max', '_.min', 'lodash.max', 'lodash.min']);
const MIN_MAX_BY = new Set(['_.maxBy', '_.minBy', 'lodash.maxBy', 'lodash.minBy']);
const SORT_BY = new Set(['_.sortBy', '_.orderBy', 'lodash.sortBy', 'lodash.orderBy']);
const KEY_BY = new Set(['_.keyBy', '_.uniqBy', '_.indexBy', 'lodash.keyBy', 'lodash.uniqBy', '_.sortedUniqBy']);
const SORT_METHODS = new Set(['sort', 'toSorted']);
const ARITHMETIC = new Set([
  ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AsteriskAsteriskToken, ts.SyntaxKind.LessThanLessThanToken, ts.SyntaxKind.GreaterThanGreaterThanToken,
  ts.SyntaxKind.AmpersandToken, ts.SyntaxKind.CaretToken,
]);
const RELATIONAL = new Set([
  ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanEqualsToken,
]);
const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken,
]);
/** `x | 0`, `x >>> 0`, `x * 1`, `x - 0`: idioms whose only effect is a numeric conversion. */
const CONVERSION_IDIOMS: ReadonlyMap<ts.SyntaxKind, string> = new Map([
  [ts.SyntaxKind.BarToken, '0'], [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken, '0'], [ts.SyntaxKind.GreaterThanGreaterThanToken, '0'],
  [ts.SyntaxKind.AsteriskToken, '1'], [ts.SyntaxKind.MinusToken, '0'],
]);

const DIGITS_ONLY = /^\/\^?(?:\\d|\[0-9\])(?:\+|\*|\{\d+(?:,\d*)?\})\$?\/[a-z]*$|^\/\\D\/[a-z]*$|^\/\[\^0-9\]\/[a-z]*$/;

/** How one operation on an LSID or lseq classifies; undefined means it is harmless for that subject. */
function classify(subject: Subject, lsidKind: ValueUseKind | undefined, lseqKind: ValueUseKind | undefined): ValueUseKind | undefined {
  return subject === 'lsid' ? lsidKind : lseqKind;
}

export function collectValueUses(sourceFile: ts.SourceFile, values: ValueAnalysis): ValueUse[] {
  const uses: ValueUse[] = [];
  const comparators = sortComparators(sourceFile, values);
  const add = (node: ts.Node, value: SubjectValue, kind: ValueUseKind | undefined, construct: string): void => {
    if (kind) uses.push({ subject: value.subject, kind, span: span(node), construct, origin: value.origin });
  };
  const inComparator = (node: ts.Node): boolean => {
    for (let current = node.parent; current; current = current.parent) {
      if (ts.isFunctionLike(current)) return comparators.has(current);
    }
    return false;
  };

  const visitCall = (call: ts.CallExpression): void => {
    const name = calleeName(call.expression);
    const first = call.arguments[0];
    if (name && CONVERSIONS.has(name) && first) {
      const value = values.scalarSubjectOf(first);
      if (value) add(call, value, classify(value.subject, 'numeric-conversion', undefined), `${name}()`);
      return;
    }
    if (name && VALIDATIONS.has(name) && first) {
      const value = values.scalarSubjectOf(first);
      if (value) add(call, value, classify(value.subject, 'numeric-validation', undefined), `${name}()`);
      return;
    }
    if (name && MIN_MAX.has(name)) {
      const value = call.arguments.map((arg) => minMaxOperand(arg, values)).find(Boolean);
      if (value) add(call, value, classify(value.subject, 'min-max', 'sequence-cursor'), `${name}()`);
      return;
    }
    if (name && (MIN_MAX_BY.has(name) || SORT_BY.has(name) || KEY_BY.has(name))) {
      const value = keyedBy(call.arguments[1], values);
      if (!value) return;
      if (MIN_MAX_BY.has(name)) add(call, value, classify(value.subject, 'min-max', 'sequence-cursor'), `${name}()`);
      else if (SORT_BY.has(name)) add(call, value, classify(value.subject, 'numeric-sort', undefined), `${name}()`);
      else add(call, value, classify(value.subject, undefined, 'unique-key'), `key of ${name}()`);
      return;
    }
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    const regex = unwrap(callee.expression);
    if (method === 'test' && ts.isRegularExpressionLiteral(regex) && DIGITS_ONLY.test(regex.text) && first) {
      const value = values.scalarSubjectOf(first);
      if (value) add(call, value, classify(value.subject, 'numeric-validation', undefined), `${regex.text}.test()`);
      return;
    }
    if ((method === 'match' || method === 'search') && first && ts.isRegularExpressionLiteral(unwrap(first)) && DIGITS_ONLY.test(unwrap(first).getText())) {
      const value = values.scalarSubjectOf(callee.expression);
      if (value) add(call, value, classify(value.subject, 'numeric-validation', undefined), `${method}(${unwrap(first).getText()})`);
      return;
    }
    if ((method === 'set' && call.arguments.length === 2) || (method === 'add' && call.arguments.length === 1)) {
      const value = first ? values.subjectOf(first) : undefined;
      if (value && !value.collection) add(call, value, classify(value.subject, undefined, 'unique-key'), method === 'set' ? 'Map key' : 'Set member');
    }
  };

  const visitBinary = (binary: ts.BinaryExpression): void => {
    const operator = binary.operatorToken.kind;
    const left = values.scalarSubjectOf(binary.left);
    const right = values.scalarSubjectOf(binary.right);
    const operand = left ?? right;
    const token = binary.operatorToken.getText();

    const idiom = CONVERSION_IDIOMS.get(operator);
    if (idiom !== undefined && operand) {
      const other = left ? binary.right : binary.left;
      if (unwrap(other).getText() === idiom && (left || operator === ts.SyntaxKind.AsteriskToken)) {
        add(binary, operand, classify(operand.subject, 'numeric-conversion', undefined), `${token} ${idiom}`);
        return;
      }
    }
    if (RELATIONAL.has(operator) && operand) {
      const comparator = inComparator(binary);
      add(binary, operand, classify(operand.subject, comparator ? 'numeric-sort' : 'relational', comparator ? undefined : 'sequence-cursor'), token);
      return;
    }
    if (ARITHMETIC.has(operator) && operand) {
      const comparator = inComparator(binary);
      add(binary, operand, classify(operand.subject, comparator ? 'numeric-sort' : 'arithmetic', comparator ? undefined : 'sequence-cursor'), token);
      return;
    }
    if (operator === ts.SyntaxKind.PlusToken && operand) {
      const other = left ? binary.right : binary.left;
      if (isNumericLiteralLike(other) || (left && right)) add(binary, operand, classify(operand.subject, 'arithmetic', 'sequence-cursor'), '+');
      return;
    }
    if ((operator === ts.SyntaxKind.PlusEqualsToken || operator === ts.SyntaxKind.MinusEqualsToken) && left && isNumericLiteralLike(binary.right)) {
      add(binary, left, classify(left.subject, 'arithmetic', 'sequence-cursor'), token);
      return;
    }
    if (EQUALITY.has(operator)) {
      visitEquality(binary, left, right);
      return;
    }
    if (operator === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(binary.left)) {
      const key = values.subjectOf(binary.left.argumentExpression);
      if (key && !key.collection) add(binary.left, key, classify(key.subject, undefined, 'unique-key'), 'object key');
    }
  };

  const visitEquality = (binary: ts.BinaryExpression, left: SubjectValue | undefined, right: SubjectValue | undefined): void => {
    const typeofOperand = typeofOf(binary.left) ?? typeofOf(binary.right);
    const typeName = stringValue(binary.right) ?? stringValue(binary.left);
    if (typeofOperand && (typeName === 'number' || typeName === 'bigint')) {
      const value = values.scalarSubjectOf(typeofOperand);
      if (value) add(binary, value, classify(value.subject, 'numeric-validation', undefined), `typeof === '${typeName}'`);
      return;
    }
    // lseq === last + 1: a gap detector, which assumes lseq is strictly sequential.
    const lseq = left?.subject === 'lseq' ? left : right?.subject === 'lseq' ? right : undefined;
    const other = lseq === left ? binary.right : binary.left;
    if (lseq && isStepExpression(other, values)) add(binary, lseq, 'sequence-cursor', binary.operatorToken.getText());
  };

  const visitUnary = (node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression): void => {
    const operator = node.operator;
    if (operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken) {
      const value = values.scalarSubjectOf(node.operand);
      if (value) add(node, value, classify(value.subject, 'arithmetic', 'sequence-cursor'), operator === ts.SyntaxKind.PlusPlusToken ? '++' : '--');
      return;
    }
    if (!ts.isPrefixUnaryExpression(node)) return;
    if (operator === ts.SyntaxKind.PlusToken || operator === ts.SyntaxKind.MinusToken) {
      const value = values.scalarSubjectOf(node.operand);
      if (value) add(node, value, classify(value.subject, 'numeric-conversion', undefined), operator === ts.SyntaxKind.PlusToken ? 'unary +' : 'unary -');
    } else if (operator === ts.SyntaxKind.TildeToken) {
      const inner = unwrap(node.operand);
      if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.TildeToken) {
        const value = values.scalarSubjectOf(inner.operand);
        if (value) add(node, value, classify(value.subject, 'numeric-conversion', undefined), '~~');
      }
    }
  };

  const visitNew = (expression: ts.NewExpression): void => {
    const constructor = unwrap(expression.expression);
    const first = expression.arguments?.[0];
    if (!ts.isIdentifier(constructor) || !first) return;
    if (constructor.text === 'Set') {
      const value = values.subjectOf(first);
      if (value?.collection) add(expression, value, classify(value.subject, undefined, 'unique-key'), 'de-duplication key (new Set())');
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) visitCall(node);
    else if (ts.isBinaryExpression(node)) visitBinary(node);
    else if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) visitUnary(node);
    else if (ts.isNewExpression(node)) visitNew(node);
    else if (ts.isArrayLiteralExpression(node)) visitEntry(node, values, add);
    else if ((ts.isRegularExpressionLiteral(node) || ts.isStringLiteralLike(node)) && capturesLsidAsDigits(node.text)) {
      uses.push({ subject: 'lsid', kind: 'digit-pattern', span: span(node), construct: node.getText(), origin: 'the captured group' });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return uses;
}

/** `new Map(list.map(s => [s.lseq, s]))` and `Object.fromEntries(…)`: an entry whose key is an lseq. */
function visitEntry(
  array: ts.ArrayLiteralExpression,
  values: ValueAnalysis,
  add: (node: ts.Node, value: SubjectValue, kind: ValueUseKind | undefined, construct: string) => void,
): void {
  if (array.elements.length !== 2) return;
  const fn = array.parent;
  if (!ts.isArrowFunction(fn) || fn.body !== array) return;
  const mapCall = enclosingCallOfCallback(fn);
  if (!mapCall || mapCall.method !== 'map') return;
  const consumer = mapCall.call.parent;
  const isMapConstructor = ts.isNewExpression(consumer) && calleeName(consumer.expression) === 'Map';
  const isFromEntries = ts.isCallExpression(consumer) && calleeName(consumer.expression) === 'Object.fromEntries';
  if (!isMapConstructor && !isFromEntries) return;
  const key = values.subjectOf(array.elements[0]!);
  if (key && !key.collection) add(array.elements[0]!, key, key.subject === 'lseq' ? 'unique-key' : undefined, isMapConstructor ? 'Map key' : 'object key');
}

function minMaxOperand(argument: ts.Expression, values: ValueAnalysis): SubjectValue | undefined {
  if (ts.isSpreadElement(argument)) {
    const value = values.subjectOf(argument.expression);
    return value && !value.derived ? value : undefined;
  }
  const value = values.subjectOf(argument);
  return value && !value.derived ? value : undefined;
}

/** The key of `_.maxBy(list, 'lsid')` or `_.maxBy(list, s => s.lsid)`. */
function keyedBy(argument: ts.Expression | undefined, values: ValueAnalysis): SubjectValue | undefined {
  if (!argument) return undefined;
  const key = stringValue(argument);
  if (key !== undefined) {
    const value = namedValue(key, key);
    return value?.kind === 'subject' ? value : undefined;
  }
  const fn = unwrap(argument);
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const value = values.returnValue(fn);
  return value?.kind === 'subject' && !value.collection ? value : undefined;
}

function typeofOf(expression: ts.Expression): ts.Expression | undefined {
  const inner = unwrap(expression);
  return ts.isTypeOfExpression(inner) ? inner.expression : undefined;
}

/** `last + 1` / `prev - 1`, not itself about an lseq. */
function isStepExpression(expression: ts.Expression, values: ValueAnalysis): boolean {
  const inner = unwrap(expression);
  if (!ts.isBinaryExpression(inner)) return false;
  const operator = inner.operatorToken.kind;
  if (operator !== ts.SyntaxKind.PlusToken && operator !== ts.SyntaxKind.MinusToken) return false;
  if (values.scalarSubjectOf(inner.left) || values.scalarSubjectOf(inner.right)) return false;
  return isNumericLiteralLike(inner.right) && unwrap(inner.right).getText() === '1';
}

/** Functions used as `Array.prototype.sort` comparators: inline, or local functions passed by name. */
function sortComparators(sourceFile: ts.SourceFile, values: ValueAnalysis): Set<ts.Node> {
  const comparators = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(unwrap(node.expression))) {
      const method = (unwrap(node.expression) as ts.PropertyAccessExpression).name.text;
      const first = node.arguments[0];
      if (SORT_METHODS.has(method) && first) {
        const fn = unwrap(first);
        if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) comparators.add(fn);
        else {
          const local = values.localFunction(fn);
          if (local) comparators.add(local);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return comparators;
}
