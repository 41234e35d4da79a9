import { ts } from 'ts-morph';
import type { Subject, ValueUse, ValueUseKind } from '../../types.js';
import { calleeName, enclosingCallOfCallback, isNumericLiteralLike, span, stringValue, unwrap } from './syntax.js';
import { capturesLsidAsDigits } from '../../knowledge/lsid-patterns.js';
import { isConversionFunction, namedValue, type AbstractValue, type ValueAnalysis } from './values.js';

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

/** `/^\d+$/`, `/^[0-9]{1,10}$/`, `/\D/`: the whole value must be digits. */
const DIGITS_ONLY = /^\/\^?(?:\\d|\[0-9\])(?:\+|\*|\{\d+(?:,\d*)?\})\$?\/[a-z]*$|^\/\\D\/[a-z]*$|^\/\[\^0-9\]\/[a-z]*$/;
/** A capture group of digits applied to an LSID: `/(\d+)/.exec(lsid)`. */
const DIGIT_CAPTURE = /\((?:\?<\w+>)?(?:\\d|\[0-9\])(?:\+|\*|\{)/;
/** `lsid.replace(/\D/g, '')`: keeps the digits of a GUID, which identify nothing. */
const NON_DIGIT_STRIP = /^\/(?:\\D|\[\^0-9\]|\[\^\\d\])[+*]?\/g?[a-z]*$/;
const FORMATTERS = /(?:^|\.)(?:format|sprintf|printf|vsprintf)$/;

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
  // A comparator that orders by time first and uses the LSID only to break ties is the recommended fix.
  const isTieBreaker = (node: ts.Node): boolean => {
    for (let current: ts.Node = node; current.parent && !ts.isFunctionLike(current.parent); current = current.parent) {
      const parent = current.parent;
      if (ts.isBinaryExpression(parent) && (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken || parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) &&
        parent.right === current && !mentionsSubject(parent.left, values, 'lsid')) return true;
    }
    return false;
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
    if (name && (name.endsWith('.apply') || name.endsWith('.call')) && MIN_MAX.has(name.replace(/\.(?:apply|call)$/, ''))) {
      const value = call.arguments.slice(1).map((arg) => minMaxOperand(arg, values)).find(Boolean);
      if (value) add(call, value, classify(value.subject, 'min-max', 'sequence-cursor'), `${name}()`);
      return;
    }
    if (name && FORMATTERS.test(name)) {
      const value = formattedAsInteger(call, values);
      if (value) add(call, value, classify(value.subject, 'numeric-conversion', undefined), `${name}() %d`);
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
    const receiverRegex = regexLiteral(callee.expression, values);
    const argumentRegex = first ? regexLiteral(first, values) : undefined;
    if ((method === 'test' || method === 'exec') && receiverRegex && first) {
      const value = values.scalarSubjectOf(first);
      if (value && DIGITS_ONLY.test(receiverRegex)) add(call, value, classify(value.subject, 'numeric-validation', undefined), `${receiverRegex}.${method}()`);
      else if (value && DIGIT_CAPTURE.test(receiverRegex)) add(call, value, classify(value.subject, 'digit-pattern', undefined), `${receiverRegex}.${method}()`);
      return;
    }
    if ((method === 'match' || method === 'search' || method === 'replace' || method === 'replaceAll') && argumentRegex) {
      const value = values.scalarSubjectOf(callee.expression);
      if (!value) return;
      if (DIGITS_ONLY.test(argumentRegex) && method !== 'replace' && method !== 'replaceAll') add(call, value, classify(value.subject, 'numeric-validation', undefined), `${method}(${argumentRegex})`);
      else if (method === 'match' ? DIGIT_CAPTURE.test(argumentRegex) : method !== 'search' && NON_DIGIT_STRIP.test(argumentRegex)) {
        add(call, value, classify(value.subject, 'digit-pattern', undefined), `${method}(${argumentRegex})`);
      }
      return;
    }
    if (method === 'map' && first && isConversionFunction(first, values.scopes)) {
      const value = values.subjectOf(callee.expression);
      if (value?.collection) add(call, value, classify(value.subject, 'numeric-conversion', undefined), `map(${unwrap(first).getText()})`);
      return;
    }
    if ((method === 'max' || method === 'min') && call.arguments.length >= 1 && stringValue(first) !== undefined) {
      // Query builders: .max('lsid as maxLsid') seeds a watermark from the database.
      const column = stringValue(first)!.split(/\s+as\s+/i)[0]!.trim().split('.').pop()!;
      const value = namedValue(column, `column ${column}`);
      if (value?.kind === 'subject' && !value.collection) add(call, value, classify(value.subject, 'min-max', 'sequence-cursor'), `${method}('${stringValue(first)}')`);
      return;
    }
    if ((method === 'where' || method === 'andWhere' || method === 'orWhere') && call.arguments.length === 3) {
      // Query builders: .where('lsid', '>', lastLsid).
      const column = stringValue(call.arguments[0]);
      const op = stringValue(call.arguments[1]);
      const value = column !== undefined ? namedValue(column, `column ${column}`) : undefined;
      if (value?.kind === 'subject' && op && /^[<>]=?$/.test(op)) add(call, value, classify(value.subject, 'relational', isNumericLiteralLike(call.arguments[2]!) ? undefined : 'sequence-cursor'), `where('${column}', '${op}', …)`);
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
      if (comparator && isTieBreaker(binary)) return;
      // lseq against a literal (`lseq > 0`) is a presence check; a cursor compares with a remembered value.
      const cursor = !isNumericLiteralLike(left ? binary.right : binary.left);
      add(binary, operand, classify(operand.subject, comparator ? 'numeric-sort' : 'relational', comparator || !cursor ? undefined : 'sequence-cursor'), token);
      return;
    }
    const numericOther = operand && (operator !== ts.SyntaxKind.PlusToken || isNumericOperand(left ? binary.right : binary.left, values) || (left && right));
    if ((ARITHMETIC.has(operator) || operator === ts.SyntaxKind.PlusToken) && operand && numericOther) {
      const comparator = inComparator(binary);
      if (comparator && isTieBreaker(binary)) return;
      // lseq arithmetic computes a next cursor or checks a gap where its result is kept or compared, not where it is logged.
      add(binary, operand, classify(operand.subject, comparator ? 'numeric-sort' : 'arithmetic', comparator || !isKeptOrCompared(binary) ? undefined : 'sequence-cursor'), token);
      return;
    }
    if ((operator === ts.SyntaxKind.PlusEqualsToken || operator === ts.SyntaxKind.MinusEqualsToken) && left && isNumericOperand(binary.right, values)) {
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
      if (value && !acceptsStringsToo(binary, typeofOperand)) add(binary, value, classify(value.subject, 'numeric-validation', undefined), `typeof === '${typeName}'`);
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
  return outermost(uses);
}

/** `lastSeq + 1 < lseq` is one hazard: drop a finding nested inside another of the same subject and kind. */
function outermost(uses: ValueUse[]): ValueUse[] {
  return uses.filter((use) => !uses.some((other) => other !== use && other.subject === use.subject && other.kind === use.kind &&
    other.span.start <= use.span.start && use.span.end <= other.span.end && (other.span.end - other.span.start) > (use.span.end - use.span.start)));
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

function mentionsSubject(node: ts.Node, values: ValueAnalysis, subject: 'lsid' | 'lseq'): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isExpression(child) && values.subjectOf(child)?.subject === subject) found = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** A number: a numeric literal, a const initialised with one, or a binding declared `number`. */
function isNumericOperand(expression: ts.Expression, values: ValueAnalysis): boolean {
  const inner = unwrap(expression);
  if (isNumericLiteralLike(inner)) return true;
  if (!ts.isIdentifier(inner)) return false;
  const binding = values.scopes.resolve(inner);
  if (binding?.typeNode?.kind === ts.SyntaxKind.NumberKeyword) return true;
  return binding?.source.kind === 'initializer' && binding.source.path.length === 0 && !binding.assignments.length && isNumericLiteralLike(binding.source.expression);
}

/** Whether an expression's value is compared, returned or stored (`prev + 1 < lseq`, `return last.lseq + 1`), not just printed. */
function isKeptOrCompared(expression: ts.Expression): boolean {
  let current: ts.Node = expression;
  while (ts.isParenthesizedExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isBinaryExpression(parent)) {
    return RELATIONAL.has(parent.operatorToken.kind) || EQUALITY.has(parent.operatorToken.kind) ||
      (parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === current);
  }
  return ts.isReturnStatement(parent) || ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isArrowFunction(parent);
}

/**
 * `typeof lsid === 'number' ? String(lsid) : lsid` normalises, and
 * `typeof lsid !== 'number' && typeof lsid !== 'string'` accepts strings: neither rejects a GUID.
 */
function acceptsStringsToo(check: ts.BinaryExpression, operand: ts.Expression): boolean {
  let current: ts.Node = check;
  while (ts.isParenthesizedExpression(current.parent)) current = current.parent;
  if (ts.isConditionalExpression(current.parent) && current.parent.condition === current) return true;
  let chain: ts.Node = current;
  while (ts.isBinaryExpression(chain.parent) && (chain.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || chain.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)) chain = chain.parent;
  const target = operand.getText();
  let string = false;
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && ts.isTypeOfExpression(unwrap(node.left)) && (unwrap(node.left) as ts.TypeOfExpression).expression.getText() === target && stringValue(node.right) === 'string') string = true;
    ts.forEachChild(node, visit);
  };
  visit(chain);
  return string;
}

/** A regular expression literal, directly or through a const. */
function regexLiteral(expression: ts.Expression, values: ValueAnalysis): string | undefined {
  const inner = unwrap(expression);
  if (ts.isRegularExpressionLiteral(inner)) return inner.text;
  if (!ts.isIdentifier(inner)) return undefined;
  const binding = values.scopes.resolve(inner);
  if (binding?.source.kind !== 'initializer' || binding.source.path.length || binding.assignments.length) return undefined;
  const init = unwrap(binding.source.expression);
  return ts.isRegularExpressionLiteral(init) ? init.text : undefined;
}

/** `util.format('…lsid=%d', lsid)`: the integer specifier prints NaN for a GUID. */
function formattedAsInteger(call: ts.CallExpression, values: ValueAnalysis): SubjectValue | undefined {
  const format = stringValue(call.arguments[0]);
  if (format === undefined) return undefined;
  let index = 0;
  for (const match of format.matchAll(/%(?:[-+ 0#]*\d*(?:\.\d+)?)([sdifjoOc%])/g)) {
    if (match[1] === '%') continue;
    index += 1;
    if (match[1] !== 'd' && match[1] !== 'i') continue;
    const argument = call.arguments[index];
    const value = argument ? values.scalarSubjectOf(argument) : undefined;
    if (value?.subject === 'lsid') return value;
  }
  return undefined;
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
