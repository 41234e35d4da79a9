import { ts } from 'ts-morph';
import type { XmlOperation } from '../../types.js';
import { LEAF_ROOT_ELEMENTS, NAMESPACE_URI_PATTERN, RESPONSE_ELEMENTS, ROOT_ELEMENTS } from '../../knowledge/bomgar.js';
import { LIBXMLJS_XPATH_METHODS, STRING_MATCH_METHODS, XML_MODULES, XPATH_COMPILED_EVALUATORS, XPATH_EVALUATORS } from '../../knowledge/xml-js.js';
import { literalRootTag, stripsOneNamespace } from '../../knowledge/xml-strings.js';
import { unprefixedElementNames } from '../../knowledge/xpath.js';
import { span, stringValue, unwrap } from './syntax.js';
import type { AbstractValue, ValueAnalysis } from './values.js';
import type { Scopes } from './scope.js';

const LEAF_STRING_METHODS = new Set(['includes', 'startsWith', 'endsWith', 'indexOf', 'match', 'toLowerCase', 'toUpperCase', 'trim', 'localeCompare', 'split']);

/** The ways this file reads XML that a default namespace on the response changes. */
export function collectXmlOperations(sourceFile: ts.SourceFile, values: ValueAnalysis): XmlOperation[] {
  const operations: XmlOperation[] = [];
  const claimedLiterals = new Set<ts.Node>();
  const add = (node: ts.Node, operation: Omit<XmlOperation, 'span'>): void => {
    operations.push({ ...operation, span: span(node) });
  };

  const visitCall = (call: ts.CallExpression): void => {
    const callee = unwrap(call.expression);
    const first = call.arguments[0];
    const calleeValue = values.valueOf(callee);
    if (calleeValue?.kind === 'module' && XML_MODULES[calleeValue.module] === 'xpath' && XPATH_EVALUATORS.has(last(calleeValue.path))) {
      if (!isNamespaceFree(values.valueOf(call.arguments[1] ?? call))) checkXPath(call, first, `xpath.${last(calleeValue.path)}`, 'xpath');
      return;
    }
    if (calleeValue?.kind === 'xml' && calleeValue.role === 'selector') {
      if (!isNamespaceFree(values.valueOf(call.arguments[1] ?? call))) checkXPath(call, first, 'xpath.useNamespaces(…)', 'xpath');
      return;
    }
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    const receiver = values.valueOf(callee.expression);

    if (receiver?.kind === 'xml' && receiver.role === 'compiled' && XPATH_COMPILED_EVALUATORS.has(method)) {
      if (!allowsAnyNamespace(first, values)) checkXPath(call, compiledExpression(callee.expression, values.scopes), `xpath.parse(…).${method}`, 'xpath');
      return;
    }
    if (receiver?.kind === 'xml' && receiver.role === 'document' && receiver.library === 'libxmljs' && LIBXMLJS_XPATH_METHODS.has(method) && !receiver.namespaceFree) {
      checkXPath(call, first, `libxmljs ${method}()`, 'libxmljs');
      return;
    }
    if (method === 'evaluate' && isBrowserDocument(callee.expression, receiver, values.scopes) && !isNamespaceFree(receiver)) {
      checkXPath(call, first, 'document.evaluate', 'browser DOM');
      return;
    }
    if (method === 'getElementsByTagNameNS' && call.arguments.length === 2) {
      const namespace = constantExpression(call.arguments[0]!, values.scopes);
      const name = stringValue(call.arguments[1]);
      const noNamespace = namespace.kind === ts.SyntaxKind.NullKeyword || stringValue(namespace) === '';
      if (noNamespace && name !== undefined && (RESPONSE_ELEMENTS.has(name) || name === '*')) {
        add(call, { kind: 'null-namespace-lookup', api: 'getElementsByTagNameNS', detail: `${namespace.getText()}, '${name}'`, library: 'DOM' });
      }
      return;
    }
    const joinedAway = method === 'split' && ts.isPropertyAccessExpression(call.parent) && call.parent.name.text === 'join' &&
      ts.isCallExpression(call.parent.parent) && stringValue(call.parent.parent.arguments[0]) === '';
    if ((method === 'replace' || method === 'replaceAll' || joinedAway) && first) {
      const stripped = stripPattern(first, values.scopes);
      if (stripped) {
        stripped.literals.forEach((literal) => claimedLiterals.add(literal));
        add(call, { kind: 'namespace-strip-literal', api: joinedAway ? "split(…).join('')" : `String.prototype.${method}`, detail: stripped.text });
        return;
      }
    }
    if (STRING_MATCH_METHODS.has(method) && first) {
      const text = stringValue(first) ?? templateText(first);
      const tag = text !== undefined ? literalRootTag(text) : undefined;
      if (tag) {
        claimedLiterals.add(unwrap(first));
        add(first, { kind: 'literal-tag-match', api: `String.prototype.${method}`, detail: tag });
        return;
      }
    }
    if (LEAF_STRING_METHODS.has(method) && isFragileLeaf(receiver, true)) {
      add(call, { kind: 'leaf-equality', api: `${callee.expression.getText()}.${method}()`, detail: receiver.member!, library: receiver.library });
    }
  };

  const checkXPath = (call: ts.CallExpression, argument: ts.Expression | string | undefined, api: string, library: string): void => {
    const expression = typeof argument === 'string' ? argument : argument ? constantString(argument, values.scopes) : undefined;
    if (expression === undefined || isNamespaceGuarded(call)) return;
    const names = unprefixedElementNames(expression);
    if (!names?.some((name) => RESPONSE_ELEMENTS.has(name))) return;
    // An absolute path names the root: `/mapping/team` reads some other document, not an API response.
    const root = /^\s*\/(?!\/)/.test(expression) ? names[0] : undefined;
    if (root !== undefined && !ROOT_ELEMENTS.has(root)) return;
    add(call, { kind: 'unprefixed-xpath', api, detail: expression, library });
  };

  const visitComparison = (binary: ts.BinaryExpression): void => {
    for (const [side, other] of [[binary.left, binary.right], [binary.right, binary.left]] as const) {
      const value = values.valueOf(side);
      const comparesText = stringValue(other) !== undefined;
      if (isFragileLeaf(value, false) && comparesText) {
        add(binary, { kind: 'leaf-equality', api: `${side.getText()} ${binary.operatorToken.getText()} ${other.getText()}`, detail: value.member!, library: value.library });
        return;
      }
      const typeOperand = ts.isTypeOfExpression(unwrap(side)) ? (unwrap(side) as ts.TypeOfExpression).expression : undefined;
      const typeValue = typeOperand ? values.valueOf(typeOperand) : undefined;
      if (isFragileLeaf(typeValue, true) && stringValue(other) === 'string') {
        add(binary, { kind: 'leaf-equality', api: binary.getText(), detail: typeValue.member!, library: typeValue.library });
        return;
      }
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) visitCall(node);
    else if (ts.isBinaryExpression(node) && isEquality(node.operatorToken.kind)) visitComparison(node);
    else if (ts.isSwitchStatement(node)) {
      const value = values.valueOf(node.expression);
      const textCases = node.caseBlock.clauses.some((clause) => ts.isCaseClause(clause) && stringValue(clause.expression) !== undefined);
      if (isFragileLeaf(value, false) && textCases) add(node.expression, { kind: 'leaf-equality', api: `switch (${node.expression.getText()})`, detail: value.member!, library: value.library });
    } else if (ts.isRegularExpressionLiteral(node)) {
      const tag = literalRootTag(regexSource(node.text));
      if (tag) add(node, { kind: 'literal-tag-match', api: 'regular expression', detail: tag });
    } else if (ts.isNewExpression(node) && unwrap(node.expression).getText() === 'RegExp' && node.arguments?.[0]) {
      const text = stringValue(node.arguments[0]);
      const tag = text !== undefined ? literalRootTag(text) : undefined;
      if (tag) {
        claimedLiterals.add(unwrap(node.arguments[0]));
        add(node, { kind: 'literal-tag-match', api: 'new RegExp', detail: tag });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  operations.push(...pinnedNamespaceUris(sourceFile, claimedLiterals));
  return operations;
}

function last(path: readonly string[]): string {
  return path[path.length - 1] ?? '';
}

/** A document parsed from text whose default namespaces were stripped generically, or read from a local file. */
function isNamespaceFree(value: AbstractValue | undefined): boolean {
  return value?.kind === 'xml' && value.namespaceFree === true;
}

const NAMESPACE_TEST = /namespace|\bns(?:uri)?\b|xmlns|\bhref\b|\buri\b/i;

/**
 * `href ? doc.find('//a:x', { a: href }) : doc.find('//x')` and `if (!ns) doc.evaluate('//x', …)`:
 * the unprefixed path runs only when the code has checked that the document has no namespace.
 */
function isNamespaceGuarded(node: ts.Node): boolean {
  for (let current = node; current.parent && !ts.isFunctionLike(current); current = current.parent) {
    const parent = current.parent;
    const condition = ts.isIfStatement(parent) && parent.expression !== current ? parent.expression
      : ts.isConditionalExpression(parent) && parent.condition !== current ? parent.condition : undefined;
    if (condition && NAMESPACE_TEST.test(condition.getText())) return true;
  }
  return false;
}

function isEquality(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken;
}

/**
 * The root element of an object mapper's result whose text-only form turns into an object under 10.6.
 * Only leaf roots (`error`, `success`) hold text; an empty list root compared with '' breaks the same way.
 */
function isFragileLeaf(value: AbstractValue | undefined, leafOnly: boolean): value is Extract<AbstractValue, { kind: 'xml' }> {
  if (value?.kind !== 'xml' || value.role !== 'object' || !value.fragileLeaves || value.member === undefined) return false;
  return leafOnly ? LEAF_ROOT_ELEMENTS.has(value.member) : ROOT_ELEMENTS.has(value.member);
}

function allowsAnyNamespace(options: ts.Expression | undefined, values: ValueAnalysis): boolean {
  return values.literalOptions(options)?.allowAnyNamespaceForNoPrefix === true;
}

/** The expression of `xpath.parse('…')`, directly or through a const. */
function compiledExpression(receiver: ts.Expression, scopes: Scopes): string | undefined {
  let expression = unwrap(receiver);
  if (ts.isIdentifier(expression)) {
    const binding = scopes.resolve(expression);
    if (binding?.source.kind !== 'initializer') return undefined;
    expression = unwrap(binding.source.expression);
  }
  return ts.isCallExpression(expression) ? constantString(expression.arguments[0], scopes) : undefined;
}

/** `document.evaluate` in a browser, or a document from the browser's own DOMParser (jsdom's XPath ignores namespaces). */
function isBrowserDocument(receiver: ts.Expression, value: AbstractValue | undefined, scopes: Scopes): boolean {
  if (value?.kind === 'xml') return value.role === 'document' && value.library === 'browser';
  const inner = unwrap(receiver);
  return ts.isIdentifier(inner) && inner.text === 'document' && !scopes.resolve(inner);
}

/** A string known at analysis time: literals, consts, `+` and templates of those. */
export function constantString(expression: ts.Expression | undefined, scopes: Scopes, depth = 0): string | undefined {
  if (!expression || depth > 8) return undefined;
  const inner = unwrap(expression);
  const literal = stringValue(inner);
  if (literal !== undefined) return literal;
  if (ts.isIdentifier(inner)) {
    const binding = scopes.resolve(inner);
    if (binding?.source.kind !== 'initializer' || binding.source.path.length || binding.assignments.length) return undefined;
    return constantString(binding.source.expression, scopes, depth + 1);
  }
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = constantString(inner.left, scopes, depth + 1);
    const right = left === undefined ? undefined : constantString(inner.right, scopes, depth + 1);
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
  if (ts.isTemplateExpression(inner)) {
    let text = inner.head.text;
    for (const templateSpan of inner.templateSpans) {
      const part = constantString(templateSpan.expression, scopes, depth + 1);
      if (part === undefined) return undefined;
      text += part + templateSpan.literal.text;
    }
    return text;
  }
  return undefined;
}

/** The regex body of a literal `/…/flags`. */
function regexSource(literal: string): string {
  return literal.slice(1, literal.lastIndexOf('/'));
}

/** `xml.replace(' xmlns="http://…"', '')` or the same as a regex: removes one exact namespace URI. */
function stripPattern(argument: ts.Expression, scopes: Scopes): { text: string; literals: ts.Node[] } | undefined {
  const inner = unwrap(argument);
  const literals: ts.Node[] = [];
  // The literals the pattern is built from, through consts, are claimed by the strip finding.
  const seen = new Set<ts.Node>();
  const collect = (node: ts.Node): void => {
    if (seen.has(node)) return;
    seen.add(node);
    if (ts.isStringLiteralLike(node)) literals.push(node);
    if (ts.isIdentifier(node)) {
      const binding = scopes.resolve(node);
      if (binding?.source.kind === 'initializer') collect(binding.source.expression);
    }
    ts.forEachChild(node, collect);
  };
  collect(inner);
  const pattern = ts.isNewExpression(inner) && inner.expression.getText() === 'RegExp' && inner.arguments?.[0] ? unwrap(inner.arguments[0]) : inner;
  const text = ts.isRegularExpressionLiteral(pattern) ? regexSource(pattern.text) : constantString(pattern, scopes) ?? templateText(pattern);
  if (text === undefined || !stripsOneNamespace(text)) return undefined;
  return { text, literals };
}

/** A template's literal text with `…` for each substitution. */
function templateText(expression: ts.Expression): string | undefined {
  const inner = unwrap(expression);
  if (!ts.isTemplateExpression(inner)) return undefined;
  return inner.head.text + inner.templateSpans.map((span) => `…${span.literal.text}`).join('');
}

/** An expression, or the initializer of the const it names (`const NO_NAMESPACE = null`). */
function constantExpression(expression: ts.Expression, scopes: Scopes): ts.Expression {
  const inner = unwrap(expression);
  if (!ts.isIdentifier(inner)) return inner;
  const binding = scopes.resolve(inner);
  if (binding?.source.kind !== 'initializer' || binding.source.path.length || binding.assignments.length) return inner;
  return unwrap(binding.source.expression);
}

/**
 * A Bomgar namespace URI written into the code, unless it is one of a list of accepted URIs
 * (two or more in one array), which is the recommended way to pin namespaces.
 */
function pinnedNamespaceUris(sourceFile: ts.SourceFile, claimed: ReadonlySet<ts.Node>): XmlOperation[] {
  const operations: XmlOperation[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) && NAMESPACE_URI_PATTERN.test(node.text) && !claimed.has(node) && !isAcceptedUriList(node)) {
      operations.push({ kind: 'pinned-namespace-uri', span: span(node), api: 'namespace URI', detail: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return operations;
}

/** One of two or more accepted URIs: an array, an object map of URIs, or the cases of one switch. */
function isAcceptedUriList(literal: ts.Node): boolean {
  const isUri = (node: ts.Node | undefined): boolean => !!node && ts.isStringLiteralLike(node) && NAMESPACE_URI_PATTERN.test(node.text);
  const parent = literal.parent;
  let siblings: (ts.Node | undefined)[] = [];
  if (ts.isArrayLiteralExpression(parent)) siblings = [...parent.elements];
  else if (ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) {
    siblings = parent.parent.properties.map((p) => (ts.isPropertyAssignment(p) ? p.initializer : undefined));
  } else if (ts.isCaseClause(parent) && ts.isCaseBlock(parent.parent)) {
    siblings = parent.parent.clauses.map((c) => (ts.isCaseClause(c) ? c.expression : undefined));
  }
  return siblings.filter(isUri).length >= 2;
}
