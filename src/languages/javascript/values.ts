import { ts } from 'ts-morph';
import type { ExportedValue, Subject } from '../../types.js';
import { namedSubject } from '../../knowledge/names.js';
import {
  LIBXMLJS_NODE_METHODS, LIBXMLJS_PARSERS, XML2JS_CALLBACK_PARSERS, XML2JS_PROMISE_PARSERS, XML_MODULES,
  leafRootBecomesObject, type JsXmlLibrary,
} from '../../knowledge/xml-js.js';
import { stripsOneNamespace } from '../../knowledge/xml-strings.js';
import { Scopes, type Binding, type PathStep } from './scope.js';
import { propertyName, stringValue, unwrap, calleeName } from './syntax.js';

/** What the analyzer knows about an expression's value. */
export type AbstractValue =
  /** An LSID or lseq (or a collection of them). `derived`: a string built from one, such as a composite key. */
  | { kind: 'subject'; subject: Subject; collection: boolean; origin: string; derived?: boolean }
  /** An object literal some of whose fields are tracked. */
  | { kind: 'record'; fields: Map<string, AbstractValue> }
  /** An imported module, or a member of one (`xpath.select` → module xpath, path ['select']). */
  | { kind: 'module'; module: string; path: string[] }
  /** A function known (from another module's exports) to return this value. */
  | { kind: 'callable'; returns: AbstractValue }
  /** A value from an XML library. */
  | { kind: 'xml'; library: JsXmlLibrary; role: XmlRole; fragileLeaves?: boolean; member?: string; namespaceFree?: boolean };

/** Type information from a whole-program model (`--type-aware`). */
export interface TypeHints {
  /** The name of the type an expression is declared with (`id: Lsid` → 'Lsid'), across modules. */
  declaredTypeName(expression: ts.Expression): string | undefined;
}

export type XmlRole =
  /** xml2js Parser, fast-xml-parser XMLParser, DOMParser instances */
  | 'parser'
  /** the object an object mapper returns; `member` set for its first-level properties (the root element) */
  | 'object'
  /** a DOM or libxmljs document or node */
  | 'document'
  /** a function from `xpath.useNamespaces(map)` */
  | 'selector'
  /** `xpath.parse(expr)` */
  | 'compiled';

const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'flatMap', 'findIndex', 'sort', 'toSorted']);
const ELEMENT_RETURNING = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
const COLLECTION_PRESERVING = new Set(['filter', 'slice', 'sort', 'toSorted', 'reverse', 'toReversed', 'concat', 'flat']);
/** Calls that return their receiver's or argument's value unchanged in kind (a string stays an LSID). */
const VALUE_PRESERVING_METHODS = new Set(['toString', 'trim', 'toLowerCase', 'toUpperCase', 'valueOf', 'text', 'value', 'trimStart', 'trimEnd', 'normalize']);
const VALUE_PRESERVING_FUNCTIONS = new Set([
  'String', 'parseInt', 'parseFloat', 'Number', 'BigInt', 'decodeURIComponent', 'encodeURIComponent', 'Math.floor',
  'Math.round', 'Math.trunc', 'Math.ceil', 'Math.abs', 'Number.parseInt', 'Number.parseFloat',
]);
/** Accessors that read a named attribute, form field or query parameter: `getAttribute('lsid')`. */
const NAMED_READERS = new Set(['getAttribute', 'getAttributeNS', 'attr', 'get', 'getAll', 'param', 'getParameter', 'getNamedItem']);

export class ValueAnalysis {
  private readonly cache = new Map<ts.Node, AbstractValue | undefined>();
  private readonly inProgress = new Set<ts.Node>();
  private readonly parameterValues = new Map<ts.SignatureDeclaration, Map<number, AbstractValue>>();
  private readonly calls: ts.CallExpression[] = [];

  constructor(
    sourceFile: ts.SourceFile,
    readonly scopes: Scopes,
    private readonly imported?: (specifier: string, name: string) => ExportedValue | undefined,
    private readonly types?: TypeHints,
  ) {
    const collect = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) this.calls.push(node);
      ts.forEachChild(node, collect);
    };
    collect(sourceFile);
    this.propagateArguments();
  }

  /** Arguments flow into local functions' parameters; repeat until nothing new is learnt. */
  private propagateArguments(): void {
    for (let round = 0; round < 4; round++) {
      let learnt = false;
      for (const call of this.calls) {
        const fn = this.localFunction(call.expression);
        if (!fn) continue;
        call.arguments.forEach((argument, index) => {
          if (index >= fn.parameters.length) return;
          const value = this.valueOf(argument);
          if (!value) return;
          let table = this.parameterValues.get(fn);
          if (!table) this.parameterValues.set(fn, (table = new Map()));
          // One value per parameter; an LSID wins, as its hazards are the ones that break.
          const known = table.get(index);
          if (!known || (isSubject(value, 'lsid') && !isSubject(known, 'lsid'))) {
            table.set(index, value);
            learnt = true;
          }
        });
      }
      if (!learnt) return;
      this.cache.clear();
    }
  }

  /** The local function a callee refers to: a declaration, a function-valued const, or `this.method`. */
  localFunction(callee: ts.Expression): ts.SignatureDeclaration | undefined {
    const target = unwrap(callee);
    if (ts.isIdentifier(target)) {
      const binding = this.scopes.resolve(target);
      if (binding?.source.kind === 'function') return binding.source.fn;
      if (binding?.source.kind === 'initializer' && binding.source.path.length === 0) {
        const init = unwrap(binding.source.expression);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
      }
      return undefined;
    }
    if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClass(target);
      const method = cls?.members.find((m) => ts.isMethodDeclaration(m) && propertyName(m.name) === target.name.text);
      return method as ts.MethodDeclaration | undefined;
    }
    return undefined;
  }

  valueOf(expression: ts.Expression): AbstractValue | undefined {
    if (this.cache.has(expression)) return this.cache.get(expression);
    if (this.inProgress.has(expression)) return undefined;
    this.inProgress.add(expression);
    const value = this.compute(expression);
    this.inProgress.delete(expression);
    this.cache.set(expression, value);
    return value;
  }

  subjectOf(expression: ts.Expression): Extract<AbstractValue, { kind: 'subject' }> | undefined {
    const value = this.valueOf(expression);
    return value?.kind === 'subject' ? value : undefined;
  }

  /** A single (non-collection, non-derived) LSID or lseq value. */
  scalarSubjectOf(expression: ts.Expression): Extract<AbstractValue, { kind: 'subject' }> | undefined {
    const value = this.subjectOf(expression);
    return value && !value.collection && !value.derived ? value : undefined;
  }

  private compute(node: ts.Expression): AbstractValue | undefined {
    const expression = unwrap(node);
    if (expression !== node) return this.valueOf(expression);
    if (ts.isIdentifier(expression)) return this.identifierValue(expression);
    if (ts.isPropertyAccessExpression(expression)) {
      return this.member(expression.expression, expression.name.text, expression);
    }
    if (ts.isElementAccessExpression(expression)) {
      const key = stringValue(expression.argumentExpression);
      if (key !== undefined) return this.member(expression.expression, key, expression);
      return this.indexed(this.valueOf(expression.expression));
    }
    if (ts.isCallExpression(expression)) return this.callValue(expression);
    if (ts.isNewExpression(expression)) return this.newValue(expression);
    if (ts.isAwaitExpression(expression)) return this.valueOf(expression.expression);
    if (ts.isConditionalExpression(expression)) {
      // `typeof v === 'object' ? v._ : v` is the documented way to read a leaf either way: not the raw leaf any more.
      if (testsTypeof(expression.condition)) return undefined;
      return this.valueOf(expression.whenTrue) ?? this.valueOf(expression.whenFalse);
    }
    if (ts.isBinaryExpression(expression)) return this.binaryValue(expression);
    if (ts.isTemplateExpression(expression)) return this.derivedFrom(expression.templateSpans.map((span) => span.expression));
    if (ts.isArrayLiteralExpression(expression)) return this.arrayValue(expression);
    if (ts.isObjectLiteralExpression(expression)) return this.recordValue(expression);
    if (ts.isPrefixUnaryExpression(expression) && (expression.operator === ts.SyntaxKind.PlusToken || expression.operator === ts.SyntaxKind.TildeToken)) {
      return this.scalarSubjectOf(expression.operand);
    }
    return undefined;
  }

  private identifierValue(identifier: ts.Identifier): AbstractValue | undefined {
    const binding = this.scopes.resolve(identifier);
    const fromBinding = binding ? this.bindingValue(binding) : undefined;
    return fromBinding ?? namedValue(identifier.text, identifier.text) ?? this.typedValue(identifier);
  }

  /** A value declared with an LSID-named type (`type Lsid = string; let id: Lsid`). */
  private typedValue(expression: ts.Expression, typeNode?: ts.TypeNode): AbstractValue | undefined {
    const name = typeNode && ts.isTypeReferenceNode(typeNode) ? typeNode.typeName.getText() : this.types?.declaredTypeName(expression);
    const value = name ? namedValue(name.split('.').pop()!, `${expression.getText()}: ${name}`) : undefined;
    return value?.kind === 'subject' ? { ...value, origin: shorten(`${expression.getText()}: ${name}`) } : undefined;
  }

  bindingValue(binding: Binding): AbstractValue | undefined {
    const key = binding.declaration;
    if (this.cache.has(key)) return this.cache.get(key);
    if (this.inProgress.has(key)) return undefined;
    this.inProgress.add(key);
    let value = this.sourceValue(binding);
    value ??= binding.typeNode ? this.typedValue(binding.declaration, binding.typeNode) : undefined;
    for (const assigned of binding.assignments) value ??= this.valueOf(assigned);
    for (const element of binding.appended) {
      const appended = ts.isSpreadElement(element) ? this.subjectOf(element.expression) : this.scalarSubjectOf(element);
      if (!value && appended) value = { ...appended, collection: true };
    }
    value ??= namedValue(binding.name, binding.name);
    this.inProgress.delete(key);
    this.cache.set(key, value);
    return value;
  }

  private sourceValue(binding: Binding): AbstractValue | undefined {
    const source = binding.source;
    const value = this.pathSourceValue(source);
    if (value || !('path' in source)) return value;
    // `const { lsid: sessionId } = req.body`: the property named it, whatever the base is.
    const key = [...source.path].reverse().find((step): step is string => typeof step === 'string');
    return key !== undefined ? namedValue(key, `${key} (destructured as ${binding.name})`) : undefined;
  }

  private pathSourceValue(source: Binding['source']): AbstractValue | undefined {
    switch (source.kind) {
      case 'initializer':
        return this.applyPath(this.valueOf(source.expression), source.path);
      case 'iteration':
        return this.applyPath(this.indexed(this.valueOf(source.iterable)), source.path);
      case 'parameter':
        return this.applyPath(this.parameterValue(source.fn, source.index), source.path);
      case 'import':
        if (source.imported === '*') return { kind: 'module', module: source.module, path: [] };
        return this.importedMember(source.module, source.imported) ??
          { kind: 'module', module: source.module, path: source.imported === 'default' ? [] : [source.imported] };
      default:
        return undefined;
    }
  }

  private parameterValue(fn: ts.SignatureDeclaration, index: number): AbstractValue | undefined {
    const fromCalls = this.parameterValues.get(fn)?.get(index);
    if (fromCalls) return fromCalls;
    // A callback: its parameters are what the calling API passes it.
    const call = fn.parent;
    if (!ts.isCallExpression(call) || !call.arguments.includes(fn as unknown as ts.Expression)) return undefined;
    if (!ts.isPropertyAccessExpression(call.expression)) return this.callbackOfModuleFunction(call, index);
    const method = call.expression.name.text;
    const receiver = this.valueOf(call.expression.expression);
    if (ELEMENT_CALLBACKS.has(method) && (index === 0 || (index === 1 && method.startsWith('sort')) || method.endsWith('orted'))) {
      return this.indexed(receiver);
    }
    if ((method === 'reduce' || method === 'reduceRight') && index === 1) return this.indexed(receiver);
    if (method === 'then' && index === 0) return receiver;
    if (XML2JS_CALLBACK_PARSERS.has(method) && index === 1) return this.xml2jsResult(call, receiver);
    return undefined;
  }

  /** `parseString(xml, (err, result) => …)` imported from xml2js. */
  private callbackOfModuleFunction(call: ts.CallExpression, index: number): AbstractValue | undefined {
    const callee = this.valueOf(call.expression);
    if (callee?.kind !== 'module' || XML_MODULES[callee.module] !== 'xml2js' || index !== 1) return undefined;
    if (!XML2JS_CALLBACK_PARSERS.has(callee.path[callee.path.length - 1] ?? '')) return undefined;
    return this.xml2jsResult(call, callee);
  }

  private xml2jsResult(call: ts.CallExpression, receiver: AbstractValue | undefined): AbstractValue | undefined {
    if (receiver?.kind === 'xml' && receiver.role === 'parser') return { kind: 'xml', library: 'xml2js', role: 'object', fragileLeaves: receiver.fragileLeaves };
    if (receiver?.kind === 'module' && XML_MODULES[receiver.module] === 'xml2js') {
      // parseString(xml, [options,] callback) and parseStringPromise(xml, [options]).
      const lastIsCallback = call.arguments.length >= 2 && isFunctionExpression(call.arguments[call.arguments.length - 1]!);
      const options = call.arguments.length - (lastIsCallback ? 1 : 0) >= 2 ? this.literalOptions(call.arguments[1]) : {};
      return { kind: 'xml', library: 'xml2js', role: 'object', fragileLeaves: leafRootBecomesObject('xml2js', options) };
    }
    return undefined;
  }

  /** An export of another scanned module (relative specifiers only), as this file sees it. */
  private importedMember(module: string, name: string): AbstractValue | undefined {
    if (!module.startsWith('.') || !this.imported) return undefined;
    const exported = this.imported(module, name);
    if (!exported) return undefined;
    const value: AbstractValue = { kind: 'subject', subject: exported.subject, collection: exported.collection, origin: exported.origin };
    return exported.via === 'return' ? { kind: 'callable', returns: value } : value;
  }

  applyPath(value: AbstractValue | undefined, path: readonly PathStep[]): AbstractValue | undefined {
    let current = value;
    for (const step of path) {
      if (!current) return undefined;
      current = typeof step === 'number' ? this.indexed(current) : this.memberOfValue(current, step);
    }
    return current;
  }

  private indexed(value: AbstractValue | undefined): AbstractValue | undefined {
    if (value?.kind === 'subject') return { ...value, collection: false };
    return undefined;
  }

  private member(object: ts.Expression, name: string, whole: ts.Expression): AbstractValue | undefined {
    const named = namedValue(name, whole.getText());
    if (named) return named;
    if (object.kind === ts.SyntaxKind.ThisKeyword) return this.thisField(whole, name);
    const assigned = ts.isIdentifier(object) ? this.scopes.resolve(object)?.fieldAssignments.get(name) : undefined;
    for (const expression of assigned ?? []) {
      const value = this.valueOf(expression);
      if (value) return value;
    }
    const base = this.valueOf(object);
    return (base ? this.memberOfValue(base, name) : undefined) ?? this.typedValue(whole);
  }

  private memberOfValue(value: AbstractValue, name: string): AbstractValue | undefined {
    switch (value.kind) {
      case 'record':
        return value.fields.get(name);
      case 'module':
        if (value.path.length === 0) {
          const exported = this.importedMember(value.module, name);
          if (exported) return exported;
        }
        return { kind: 'module', module: value.module, path: [...value.path, name] };
      case 'callable':
        return undefined;
      case 'subject':
        return /^\d+$/.test(name) ? { ...value, collection: false } : undefined;
      case 'xml':
        if (value.role === 'object' && value.member === undefined) return { ...value, member: name };
        if (value.role === 'document') return value;
        return undefined;
    }
  }

  /** What a class property holds, from its initializer or `this.x = …` anywhere in the class. */
  fieldValue(property: ts.PropertyDeclaration): AbstractValue | undefined {
    const name = propertyName(property.name);
    return name !== undefined ? this.thisField(property, name) : undefined;
  }

  /** `this.x` inside a class: what the class assigns to `x` anywhere (constructor, methods, initializers). */
  private thisField(access: ts.Node, name: string): AbstractValue | undefined {
    const cls = ts.isClassLike(access.parent) ? access.parent : enclosingClass(access);
    if (!cls) return undefined;
    for (const member of cls.members) {
      if (ts.isPropertyDeclaration(member) && propertyName(member.name) === name && member.initializer) {
        const value = this.valueOf(member.initializer);
        if (value) return value;
      }
    }
    let found: AbstractValue | undefined;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (
        ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) && node.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
        node.left.name.text === name
      ) {
        found = this.valueOf(node.right);
      }
      ts.forEachChild(node, visit);
    };
    cls.members.forEach(visit);
    return found;
  }

  private callValue(call: ts.CallExpression): AbstractValue | undefined {
    const callee = unwrap(call.expression);
    const name = calleeName(callee);
    const firstArgument = call.arguments[0];

    if (name === 'require' && firstArgument && ts.isStringLiteral(firstArgument)) {
      return { kind: 'module', module: firstArgument.text, path: [] };
    }
    if (name && VALUE_PRESERVING_FUNCTIONS.has(name) && firstArgument) return this.scalarSubjectOf(firstArgument);

    const fn = this.localFunction(callee);
    if (fn) return this.returnValue(fn);
    if ((name === 'promisify' || name === 'util.promisify') && firstArgument) {
      // promisify(xml2js.parseString) resolves to what the callback would have received.
      const wrapped = this.valueOf(firstArgument);
      if (wrapped?.kind === 'module' && XML_MODULES[wrapped.module] === 'xml2js' && XML2JS_CALLBACK_PARSERS.has(wrapped.path[wrapped.path.length - 1] ?? '')) {
        return { kind: 'callable', returns: { kind: 'xml', library: 'xml2js', role: 'object', fragileLeaves: leafRootBecomesObject('xml2js', {}) } };
      }
    }

    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const member = this.valueOf(callee);
      if (member?.kind === 'callable') return member.returns;
      const receiverExpression = callee.expression;
      if (NAMED_READERS.has(method)) {
        const read = call.arguments
          .map(stringValue)
          .map((key) => (key === undefined ? undefined : namedValue(key, call.getText())))
          .find((value) => value !== undefined);
        if (read?.kind === 'subject') return method === 'getAll' ? { ...read, collection: true } : read;
      }
      const receiver = this.valueOf(receiverExpression);
      if (receiver?.kind === 'subject') {
        if (VALUE_PRESERVING_METHODS.has(method)) return receiver.collection ? undefined : receiver;
        if (receiver.collection && COLLECTION_PRESERVING.has(method)) return receiver;
        if (receiver.collection && ELEMENT_RETURNING.has(method)) return { ...receiver, collection: false };
      }
      if (method === 'map' && receiver?.kind === 'subject' && receiver.collection && firstArgument && isConversionFunction(firstArgument, this.scopes)) {
        return receiver;
      }
      if (method === 'map' || method === 'flatMap') {
        const mapped = this.callbackReturn(firstArgument);
        if (mapped?.kind === 'subject') return { ...mapped, collection: true };
      }
      if (method === 'from' && calleeName(receiverExpression) === 'Array' && firstArgument) return this.valueOf(firstArgument);
      return this.xmlCallValue(call, method, receiver);
    }
    const calleeValue = this.valueOf(callee);
    if (calleeValue?.kind === 'callable') return calleeValue.returns;
    if (calleeValue?.kind === 'module') return this.moduleCallValue(call, calleeValue);
    return undefined;
  }

  private callbackReturn(argument: ts.Expression | undefined): AbstractValue | undefined {
    if (!argument) return undefined;
    const fn = unwrap(argument);
    if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) return this.returnValue(fn);
    return undefined;
  }

  returnValue(fn: ts.SignatureDeclaration): AbstractValue | undefined {
    if (this.inProgress.has(fn)) return undefined;
    this.inProgress.add(fn);
    let value: AbstractValue | undefined;
    if (ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) value = this.valueOf(fn.body);
    else forEachReturn(fn, (expression) => (value ??= this.valueOf(expression)));
    this.inProgress.delete(fn);
    return value;
  }

  private moduleCallValue(call: ts.CallExpression, callee: Extract<AbstractValue, { kind: 'module' }>): AbstractValue | undefined {
    const library = XML_MODULES[callee.module];
    const fn = callee.path[callee.path.length - 1] ?? 'default';
    if (library === 'libxmljs' && LIBXMLJS_PARSERS.has(fn)) return { kind: 'xml', library, role: 'document', namespaceFree: this.isNamespaceFreeText(call.arguments[0]) };
    if (library === 'xml2js' && XML2JS_PROMISE_PARSERS.has(fn)) return this.xml2jsResult(call, callee);
    if (library === 'xpath' && fn === 'useNamespaces') return { kind: 'xml', library, role: 'selector' };
    if (library === 'xpath' && fn === 'parse') return { kind: 'xml', library, role: 'compiled' };
    return undefined;
  }

  private xmlCallValue(call: ts.CallExpression, method: string, receiver: AbstractValue | undefined): AbstractValue | undefined {
    if (receiver?.kind === 'module') return this.moduleCallValue(call, { ...receiver, path: [...receiver.path, method] });
    if (receiver?.kind !== 'xml') return undefined;
    if (receiver.role === 'parser') {
      if (receiver.library === 'xml2js' && XML2JS_PROMISE_PARSERS.has(method)) return this.xml2jsResult(call, receiver);
      if (receiver.library === 'fast-xml-parser' && method === 'parse') return { ...receiver, role: 'object' };
      if (method === 'parseFromString') return { kind: 'xml', library: receiver.library, role: 'document', namespaceFree: this.isNamespaceFreeText(call.arguments[0]) };
    }
    if (receiver.role === 'document' && receiver.library === 'libxmljs' && LIBXMLJS_NODE_METHODS.has(method)) return receiver;
    return undefined;
  }

  private newValue(expression: ts.NewExpression): AbstractValue | undefined {
    const constructor = unwrap(expression.expression);
    if (ts.isIdentifier(constructor) && constructor.text === 'DOMParser' && !this.scopes.resolve(constructor)) {
      return { kind: 'xml', library: 'browser', role: 'parser' };
    }
    const value = this.valueOf(constructor);
    if (value?.kind !== 'module') return undefined;
    const library = XML_MODULES[value.module];
    const className = value.path[value.path.length - 1];
    const options = this.literalOptions(expression.arguments?.[0]);
    if (library === 'xml2js' && className === 'Parser') return { kind: 'xml', library, role: 'parser', fragileLeaves: leafRootBecomesObject(library, options) };
    if (library === 'fast-xml-parser' && className === 'XMLParser') return { kind: 'xml', library, role: 'parser', fragileLeaves: leafRootBecomesObject(library, options) };
    if ((library === 'xmldom' || library === 'jsdom') && className === 'DOMParser') return { kind: 'xml', library, role: 'parser' };
    return undefined;
  }

  /**
   * Whether text reaching an XML parser carries no API namespace: every default namespace was removed
   * generically (`xml.replace(/\sxmlns="[^"]*"/g, '')`), or it was read from a local file.
   */
  isNamespaceFreeText(argument: ts.Expression | undefined, depth = 0): boolean {
    if (!argument || depth > 6) return false;
    const expression = unwrap(argument);
    // A document read from a local file (a mapping, a fixture) never carries the API's namespace.
    if (ts.isCallExpression(expression) && /(?:^|\.)(?:readFileSync|readFile)$/.test(calleeName(expression.expression) ?? '')) return true;
    if (ts.isAwaitExpression(expression)) return this.isNamespaceFreeText(expression.expression, depth + 1);
    if (ts.isIdentifier(expression)) {
      const binding = this.scopes.resolve(expression);
      const sources = binding?.source.kind === 'initializer' ? [binding.source.expression, ...binding.assignments] : binding?.assignments ?? [];
      return sources.length > 0 && sources.some((source) => this.isNamespaceFreeText(source, depth + 1));
    }
    if (!ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression)) return false;
    const method = expression.expression.name.text;
    const pattern = expression.arguments[0] ? unwrap(expression.arguments[0]) : undefined;
    if ((method === 'replace' || method === 'replaceAll') && pattern) {
      const text = ts.isRegularExpressionLiteral(pattern) ? pattern.text : ts.isStringLiteralLike(pattern) ? pattern.text : '';
      if (/xmlns/.test(text) && !stripsOneNamespace(text)) return true;
    }
    return this.isNamespaceFreeText(expression.expression.expression, depth + 1);
  }

  /** Boolean options of an object literal (possibly through a const); undefined if they cannot be read. */
  literalOptions(argument: ts.Expression | undefined): Record<string, boolean> | undefined {
    if (!argument) return {};
    let expression = unwrap(argument);
    if (ts.isIdentifier(expression)) {
      const binding = this.scopes.resolve(expression);
      if (binding?.source.kind !== 'initializer' || binding.source.path.length > 0 || binding.assignments.length) return undefined;
      expression = unwrap(binding.source.expression);
    }
    if (!ts.isObjectLiteralExpression(expression)) return undefined;
    const options: Record<string, boolean> = {};
    for (const property of expression.properties) {
      if (ts.isSpreadAssignment(property)) return undefined;
      if (!ts.isPropertyAssignment(property)) continue;
      const key = propertyName(property.name);
      const init = property.initializer.kind;
      if (key && (init === ts.SyntaxKind.TrueKeyword || init === ts.SyntaxKind.FalseKeyword)) options[key] = init === ts.SyntaxKind.TrueKeyword;
    }
    return options;
  }

  private binaryValue(expression: ts.BinaryExpression): AbstractValue | undefined {
    const operator = expression.operatorToken.kind;
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
      // `v['#text'] ?? v` reads the text of a leaf whichever shape it has.
      const left = unwrap(expression.left);
      if ((ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) && left.expression.getText() === unwrap(expression.right).getText()) return undefined;
      return this.valueOf(expression.left) ?? this.valueOf(expression.right);
    }
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.CommaToken) return this.valueOf(expression.right);
    if (operator === ts.SyntaxKind.PlusToken) {
      const isString = (e: ts.Expression) => ts.isStringLiteralLike(unwrap(e)) || ts.isTemplateExpression(unwrap(e));
      if (isString(expression.left) || isString(expression.right)) return this.derivedFrom([expression.left, expression.right]);
    }
    if (operator === ts.SyntaxKind.BarToken || operator === ts.SyntaxKind.AsteriskToken || operator === ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken) {
      return this.scalarSubjectOf(expression.left) ?? this.scalarSubjectOf(expression.right);
    }
    return undefined;
  }

  /** A string built from an lseq (`${end}:${lseq}`) still identifies by lseq; an LSID built into a URL does not matter. */
  private derivedFrom(parts: readonly ts.Expression[]): AbstractValue | undefined {
    for (const part of parts) {
      const value = this.subjectOf(part);
      if (value && value.subject === 'lseq' && !value.collection) return { ...value, derived: true };
    }
    return undefined;
  }

  private arrayValue(expression: ts.ArrayLiteralExpression): AbstractValue | undefined {
    for (const element of expression.elements) {
      const value = ts.isSpreadElement(element) ? this.subjectOf(element.expression) : this.scalarSubjectOf(element);
      if (value) return { ...value, collection: true };
    }
    return undefined;
  }

  private recordValue(expression: ts.ObjectLiteralExpression): AbstractValue | undefined {
    const fields = new Map<string, AbstractValue>();
    for (const property of expression.properties) {
      if (ts.isPropertyAssignment(property)) {
        const key = propertyName(property.name);
        const value = key !== undefined ? this.valueOf(property.initializer) : undefined;
        if (key !== undefined && value) fields.set(key, value);
      } else if (ts.isShorthandPropertyAssignment(property)) {
        const value = this.valueOf(property.name);
        if (value) fields.set(property.name.text, value);
      }
    }
    return fields.size ? { kind: 'record', fields } : undefined;
  }
}

const CONVERSION_FUNCTIONS = new Set(['Number', 'parseInt', 'parseFloat', 'BigInt']);

/** `Number` or `parseInt` passed by reference (`ids.map(Number)`), not shadowed by a local. */
export function isConversionFunction(expression: ts.Expression, scopes: Scopes): boolean {
  const inner = unwrap(expression);
  return ts.isIdentifier(inner) && CONVERSION_FUNCTIONS.has(inner.text) && !scopes.resolve(inner);
}

function isSubject(value: AbstractValue, subject: Subject): boolean {
  return value.kind === 'subject' && value.subject === subject;
}

function isFunctionExpression(expression: ts.Expression): boolean {
  const inner = unwrap(expression);
  return ts.isArrowFunction(inner) || ts.isFunctionExpression(inner);
}

function testsTypeof(condition: ts.Expression): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (ts.isTypeOfExpression(node)) found = true;
    else if (!found) ts.forEachChild(node, visit);
  };
  visit(condition);
  return found;
}

/** An LSID or lseq recognised by its name: `lsid`, `lastLsid`, `session_lsid`, `@_lsid`, `lsids`. */
export function namedValue(name: string, origin: string): AbstractValue | undefined {
  for (const subject of ['lsid', 'lseq'] as const) {
    const shape = namedSubject(name, subject);
    if (shape) return { kind: 'subject', subject, collection: shape === 'collection', origin: shorten(origin) };
  }
  return undefined;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
  }
  return undefined;
}

/** Return statements of a function body, not of functions nested in it. */
export function forEachReturn(fn: ts.SignatureDeclaration, callback: (expression: ts.Expression) => void): void {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return;
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node) && node.expression) callback(node.expression);
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
}
