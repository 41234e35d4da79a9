/**
 * Abstract values over the IR: which expressions hold an LSID or lseq (or a collection of them), and
 * which hold an XML document or node from the API. Flow is followed through variables, parameters
 * (from call sites in the same file), returns, fields, loops, lambdas and comprehensions, by
 * re-evaluating the program until nothing new is learnt (a few rounds in practice).
 */
import type { Subject } from '../../../types.js';
import { namedSubject } from '../../../knowledge/names.js';
import { stripsEveryNamespace } from '../../../knowledge/xml-strings.js';
import { ENDPOINT_PATTERN } from '../../../knowledge/bomgar.js';
import type { Expr, Param, Stmt } from '../ir.js';
import type { LanguageKnowledge, XmlLibrary } from '../knowledge.js';
import { bareType, calleeMethod, dottedName, exprChildren, stmtChildren, stmtExprs, type ScopeNode } from './walk.js';
import { describe } from './describe.js';

export type Value =
  | { kind: 'subject'; subject: Subject; collection: boolean; origin: string }
  | {
    kind: 'xml';
    library: string;
    style: XmlLibrary['style'];
    collection: boolean;
    /** Parsed from input that carries no API namespace (a local file by literal path, generically stripped text): not an API response. */
    namespaceFree: boolean;
    /** False for documents from a factory left namespace-unaware (Java's default DocumentBuilderFactory). */
    namespaceAware: boolean;
  }
  /**
   * Response text whose default namespaces were removed generically (`re.sub(r'\sxmlns="[^"]*"', '', body)`):
   * a document parsed from it has none, which the matrix verifies works before and after 10.6.
   */
  | { kind: 'namespace-free-text' }
  /** A string constant, so `find(SESSION_PATH)` and `in ERROR_TAG` see their literal. */
  | { kind: 'string'; value: string; literal: Extract<Expr, { k: 'string' }> };

const MAX_ROUNDS = 6;
const LOCAL_FILE = /^[\w./\\:~-]+\.(?:xml|config|xsd|wsdl|plist|resx|csproj|props|targets|xaml|svg|rss|atom)$/i;

/** Scopes: functions and lambdas; names resolve in the innermost scope that binds them, then outwards. */
class Environment {
  private readonly bindings = new Map<ScopeNode, Map<string, Value>>();
  changed = false;

  constructor(private readonly parents: ReadonlyMap<ScopeNode, ScopeNode>) {}

  lookup(scope: ScopeNode, name: string): Value | undefined {
    for (let current: ScopeNode | undefined = scope; current; current = current === 'module' ? undefined : this.parents.get(current) ?? 'module') {
      const value = this.bindings.get(current)?.get(name);
      if (value) return value;
    }
    return undefined;
  }

  /** Replaces a binding where it lives (a setter changed the object it names). */
  rebind(scope: ScopeNode, name: string, value: Value): void {
    for (let current: ScopeNode | undefined = scope; current; current = current === 'module' ? undefined : this.parents.get(current) ?? 'module') {
      if (this.bindings.get(current)?.has(name)) return this.bind(current, name, value, true);
    }
  }

  bind(scope: ScopeNode, name: string, value: Value | undefined, replace = false): void {
    if (!value) return;
    let map = this.bindings.get(scope);
    if (!map) this.bindings.set(scope, (map = new Map()));
    const existing = map.get(name);
    const becomesAware = existing?.kind === 'xml' && value.kind === 'xml' && value.namespaceAware && !existing.namespaceAware;
    if (existing && !replace && !becomesAware && rank(existing) >= rank(value)) return;
    if (existing && sameValue(existing, value)) return;
    map.set(name, value);
    this.changed = true;
  }
}

/**
 * Subjects win over XML, which wins over string constants: a name once seen to hold an LSID stays one.
 * An LSID wins over an lseq, so a helper called with both (`toInt(s.lseq)`, `toInt(s.lsid)`) is
 * judged by the value that breaks.
 */
function rank(value: Value): number {
  return value.kind === 'subject' ? (value.subject === 'lsid' ? 4 : 3) : value.kind === 'xml' ? 2 : 1;
}

function sameValue(a: Value, b: Value): boolean {
  return JSON.stringify(a, (key, v) => (key === 'literal' ? undefined : v)) === JSON.stringify(b, (key, v) => (key === 'literal' ? undefined : v));
}

export function elementOf(value: Value | undefined): Value | undefined {
  if (!value) return undefined;
  if (value.kind === 'subject' || value.kind === 'xml') return value.collection ? { ...value, collection: false } : value.kind === 'xml' ? value : undefined;
  return undefined;
}

export function subjectOfName(name: string): { subject: Subject; collection: boolean } | undefined {
  for (const subject of ['lsid', 'lseq'] as const) {
    const shape = namedSubject(name, subject);
    if (shape) return { subject, collection: shape === 'collection' };
  }
  return undefined;
}

/** A key naming the subject itself: `'lsid'`, `"LSID"`, `'@lsid'` (xmltodict attributes). */
export function subjectKey(key: string): Subject | undefined {
  const bare = key.replace(/^[@$]/, '').toLowerCase();
  return bare === 'lsid' || bare === 'lseq' ? bare : undefined;
}

type FunctionStmt = Extract<Stmt, { k: 'function' }>;
type Lambda = Extract<Expr, { k: 'lambda' }>;

export class ValueAnalysis {
  private readonly env: Environment;
  private readonly parents = new Map<ScopeNode, ScopeNode>();
  private readonly functions = new Map<string, FunctionStmt[]>();
  private readonly fields = new Map<string, Value>();
  private readonly returns = new Map<FunctionStmt | Lambda, Value>();
  private readonly memo = new Map<Expr, Value | undefined>();

  constructor(private readonly body: readonly Stmt[], readonly knowledge: LanguageKnowledge) {
    this.indexScopes(body, 'module');
    this.env = new Environment(this.parents);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      this.env.changed = false;
      this.fieldsChanged = false;
      this.memo.clear();
      this.propagate(body, 'module');
      if (!this.env.changed && !this.fieldsChanged) break;
    }
    this.memo.clear();
  }

  private fieldsChanged = false;

  /** The value of an expression in a scope (memoised once the flow has settled). */
  valueOf(expr: Expr, scope: ScopeNode): Value | undefined {
    return this.evaluate(expr, scope);
  }

  /** Memoised per round (and for good once the flow has settled), so long call chains stay linear. */
  private evaluate(expr: Expr, scope: ScopeNode): Value | undefined {
    if (this.memo.has(expr)) return this.memo.get(expr);
    const value = this.compute(expr, scope);
    this.memo.set(expr, value);
    return value;
  }

  /** A scalar LSID/lseq, or undefined. */
  scalarSubject(expr: Expr, scope: ScopeNode): Extract<Value, { kind: 'subject' }> | undefined {
    const value = this.valueOf(expr, scope);
    return value?.kind === 'subject' && !value.collection ? value : undefined;
  }

  subjectValue(expr: Expr, scope: ScopeNode): Extract<Value, { kind: 'subject' }> | undefined {
    const value = this.valueOf(expr, scope);
    return value?.kind === 'subject' ? value : undefined;
  }

  xmlValue(expr: Expr, scope: ScopeNode): Extract<Value, { kind: 'xml' }> | undefined {
    const value = this.valueOf(expr, scope);
    return value?.kind === 'xml' ? value : undefined;
  }

  /** The string an expression holds: a literal or a constant bound to one. */
  stringOf(expr: Expr, scope: ScopeNode): { value: string; literal: Extract<Expr, { k: 'string' }> } | undefined {
    if (expr.k === 'string') return { value: expr.value, literal: expr };
    // Concatenated or interpolated constants: `' xmlns="' . NS . '"'`, `` ` xmlns="${NS}"` ``, f' xmlns="{NS}"'.
    const parts = expr.k === 'template' ? expr.parts : expr.k === 'binary' && (expr.op === '.' || expr.op === '+') ? [expr.left, expr.right] : undefined;
    if (parts) {
      const pieces = parts.map((part) => this.stringOf(part, scope));
      if (!pieces.every(Boolean)) return undefined;
      return { value: pieces.map((p) => p!.value).join(''), literal: pieces[0]!.literal };
    }
    const value = this.valueOf(expr, scope);
    return value?.kind === 'string' ? value : undefined;
  }

  /** What calling a lambda returns, e.g. the key of `key=lambda s: s.lsid`. */
  lambdaResult(lambda: Lambda): Value | undefined {
    return this.returns.get(lambda);
  }

  functionsNamed(name: string): readonly FunctionStmt[] {
    return this.functions.get(name) ?? [];
  }

  /** What a function of this file returns, e.g. a sort key passed by name (`key=lsid_of`). */
  functionResult(name: string): Value | undefined {
    return this.functionsNamed(name).map((fn) => this.returns.get(fn)).find(Boolean);
  }

  scopeParent(scope: ScopeNode): ScopeNode | undefined {
    return scope === 'module' ? undefined : this.parents.get(scope);
  }

  private indexScopes(body: readonly Stmt[], scope: ScopeNode): void {
    const visitExpr = (expr: Expr, current: ScopeNode): void => {
      if (expr.k === 'lambda') {
        this.parents.set(expr, current);
        expr.body.forEach((s) => visitStmt(s, expr));
      }
      exprChildren(expr).forEach((child) => visitExpr(child, current));
    };
    const visitStmt = (stmt: Stmt, current: ScopeNode): void => {
      stmtExprs(stmt).forEach((expr) => visitExpr(expr, current));
      if (stmt.k === 'function') {
        this.parents.set(stmt, current);
        const list = this.functions.get(stmt.name) ?? [];
        list.push(stmt);
        this.functions.set(stmt.name, list);
      }
      const inner: ScopeNode = stmt.k === 'function' ? stmt : current;
      stmtChildren(stmt).forEach((child) => visitStmt(child, inner));
    };
    body.forEach((stmt) => visitStmt(stmt, scope));
  }

  /** One round: bind assignments, loop targets, parameters (from types and call sites) and returns. */
  private propagate(body: readonly Stmt[], scope: ScopeNode): void {
    for (const stmt of body) this.propagateStmt(stmt, scope);
  }

  private propagateStmt(stmt: Stmt, scope: ScopeNode): void {
    for (const expr of stmtExprs(stmt)) this.propagateExpr(expr, scope);
    switch (stmt.k) {
      case 'assign': {
        const value = stmt.value ? this.evaluate(stmt.value, scope) : undefined;
        const declared = stmt.declaredType ? this.typedValue(stmt.declaredType) : undefined;
        for (const target of stmt.targets) {
          const bound = stmt.unpack ? elementOf(value) : value;
          // `[xml]$doc = $text -replace '\sxmlns="[^"]*"', ''`: a typed document of stripped text has no namespace.
          const typed = declared?.kind === 'xml' && bound?.kind !== 'xml' && bound?.kind !== 'subject'
            ? { ...declared, namespaceFree: bound?.kind === 'namespace-free-text' } : undefined;
          this.bindTarget(target, scope, stmt.op === '=' || stmt.op === ':=' ? typed ?? bound ?? declared : undefined);
        }
        break;
      }
      case 'for':
        this.bindTarget(stmt.target, scope, elementOf(this.evaluate(stmt.iterable, scope)));
        break;
      case 'return':
        if (stmt.value && scope !== 'module') this.setReturn(scope, this.evaluate(stmt.value, scope));
        break;
      case 'function':
        for (const param of stmt.params) this.env.bind(stmt, param.name, this.paramValue(param));
        this.propagate(stmt.body, stmt);
        return;
      case 'class':
        // Fields and constants declared in a class body are what methods read as `this.x` (C#, Java: a bare name).
        for (const member of stmt.body) {
          if (member.k !== 'assign' || member.targets.length !== 1 || member.targets[0]!.k !== 'name') continue;
          const value = (member.value ? this.evaluate(member.value, scope) : undefined) ?? (member.declaredType ? this.typedValue(member.declaredType) : undefined);
          if (value) this.setField(member.targets[0]!.name, value);
        }
        break;
      default:
        break;
    }
    const inner: ScopeNode = scope;
    for (const child of stmtChildren(stmt)) this.propagateStmt(child, inner);
  }

  private propagateExpr(expr: Expr, scope: ScopeNode): void {
    if (expr.k === 'lambda') {
      for (const param of expr.params) this.env.bind(expr, param.name, this.paramValue(param));
      this.propagate(expr.body, expr);
      return;
    }
    if (expr.k === 'call') {
      this.bindCall(expr, scope);
      this.applyNamespaceAwareSetter(expr, scope);
      this.applyNamespaceFreeLoad(expr, scope);
    }
    if (expr.k === 'new') this.bindConstructor(expr, scope);
    if (expr.k === 'comprehension') {
      this.bindTarget(expr.target, scope, elementOf(this.evaluate(expr.iterable, scope)));
    }
    for (const child of exprChildren(expr)) this.propagateExpr(child, scope);
  }

  private paramValue(param: Param): Value | undefined {
    return param.type ? this.typedValue(param.type) : undefined;
  }

  /** A declared XML node type (`XElement el`, `Document doc`) holds an API document in this file's context. */
  private typedValue(type: string): Value | undefined {
    const library = this.knowledge.xml.nodeTypes.get(bareType(type)) ?? this.knowledge.xml.nodeTypes.get(type.trim());
    if (!library) return undefined;
    return this.xmlOf(library, /\[\]$|^(?:List|IEnumerable|NodeList|XmlNodeList|Collection)\b/.test(type.trim()));
  }

  private xmlOf(library: string, collection = false, namespaceFree = false): Value {
    const info = this.knowledge.xml.libraries.get(library);
    return { kind: 'xml', library, style: info?.style ?? 'tree', collection, namespaceFree, namespaceAware: info?.namespaceAware ?? true };
  }

  private setReturn(scope: ScopeNode, value: Value | undefined): void {
    if (!value || scope === 'module') return;
    const existing = this.returns.get(scope);
    if (existing && rank(existing) >= rank(value)) return;
    this.returns.set(scope, value);
    this.fieldsChanged = true;
  }

  private bindTarget(target: Expr, scope: ScopeNode, value: Value | undefined): void {
    if (!value) return;
    if (target.k === 'name') this.env.bind(scope, target.name, value);
    else if (target.k === 'member' && target.object.k === 'name' && target.object.name === 'this') this.setField(target.name, value);
    else if (target.k === 'list' || target.k === 'other') target.k === 'list' ? target.items.forEach((item) => this.bindTarget(item, scope, elementOf(value))) : undefined;
  }

  private setField(name: string, value: Value): void {
    const existing = this.fields.get(name);
    if (existing && rank(existing) >= rank(value)) return;
    this.fields.set(name, value);
    this.fieldsChanged = true;
  }

  /** Arguments at a call site flow into the parameters of same-named functions; lambdas get elements of the collection they iterate. */
  /** `new Session(lsid)`: arguments flow into the constructors, which C# and Java name after their class. */
  private bindConstructor(expr: Extract<Expr, { k: 'new' }>, scope: ScopeNode): void {
    const type = bareType(expr.type);
    for (const fn of this.functions.get(type) ?? []) {
      let index = 0;
      for (const arg of expr.args) {
        const param = arg.name ? fn.params.find((p) => p.name.toLowerCase() === arg.name!.toLowerCase()) : fn.params[index++];
        if (param && !param.rest) this.env.bind(fn, param.name, this.evaluate(arg.value, scope));
      }
    }
  }

  private bindCall(call: Extract<Expr, { k: 'call' }>, scope: ScopeNode): void {
    const method = calleeMethod(call.callee);
    if (method) {
      for (const fn of this.functions.get(method) ?? []) {
        const positional = fn.params[0]?.name === 'this' || fn.params[0]?.name === 'self' ? fn.params.slice(1) : fn.params;
        let index = 0;
        for (const arg of call.args) {
          const param = arg.name ? fn.params.find((p) => p.name.toLowerCase() === arg.name!.toLowerCase()) : positional[index++];
          if (param && !param.rest) this.env.bind(fn, param.name, this.evaluate(arg.value, scope));
        }
      }
    }
    const lambdas = call.args.filter((arg) => arg.value.k === 'lambda').map((arg) => arg.value as Lambda);
    if (!lambdas.length) return;
    const source = this.collectionSource(call, scope);
    const element = elementOf(source);
    for (const lambda of lambdas) {
      const params = lambda.params.length ? lambda.params : [];
      for (const param of params) this.env.bind(lambda, param.name, element);
    }
  }

  /** `doc.LoadXml(stripped)`, `$dom->loadXML($clean)`: the document that loads stripped text has no namespace. */
  private applyNamespaceFreeLoad(call: Extract<Expr, { k: 'call' }>, scope: ScopeNode): void {
    if (call.callee.k !== 'member' || call.callee.object.k !== 'name') return;
    const target = call.callee.object;
    if (!call.args.some((a) => isNamespaceFreeInput(this.evaluate(a.value, scope)))) return;
    const value = this.evaluate(target, scope);
    if (value?.kind === 'xml' && !value.namespaceFree) this.env.rebind(scope, target.name, { ...value, namespaceFree: true });
  }

  /** `factory.setNamespaceAware(true)`: documents the factory builds are namespace-aware (Java's default is not). */
  private applyNamespaceAwareSetter(call: Extract<Expr, { k: 'call' }>, scope: ScopeNode): void {
    if (call.callee.k !== 'member' || !this.knowledge.xml.namespaceAwareSetters?.has(call.callee.name)) return;
    const target = call.callee.object;
    const flag = call.args[0]?.value;
    if (target.k !== 'name' || flag?.k !== 'bool') return;
    const value = this.evaluate(target, scope);
    if (value?.kind === 'xml' && value.namespaceAware !== flag.value) this.env.rebind(scope, target.name, { ...value, namespaceAware: flag.value });
  }

  /** The collection a call with a callback iterates: the receiver, the piped input, or the first other argument with a value. */
  collectionSource(call: Extract<Expr, { k: 'call' }>, scope: ScopeNode): Value | undefined {
    const piped = call.args.find((arg) => arg.name === '|');
    if (piped) return this.evaluate(piped.value, scope);
    if (call.callee.k === 'member') {
      const receiver = this.evaluate(call.callee.object, scope);
      if (receiver) return receiver;
    }
    for (const arg of call.args) {
      if (arg.value.k === 'lambda') continue;
      const value = this.evaluate(arg.value, scope);
      if (value && value.kind !== 'string') return value;
    }
    return undefined;
  }

  private compute(expr: Expr, scope: ScopeNode): Value | undefined {
    const k = this.knowledge;
    switch (expr.k) {
      case 'name': {
        const bound = this.env.lookup(scope, expr.name);
        if (bound) return bound;
        const named = subjectOfName(expr.name);
        return named ? { kind: 'subject', ...named, origin: describe(expr, this.knowledge.notation) } : undefined;
      }
      case 'string':
        return { kind: 'string', value: expr.value, literal: expr };
      case 'member': {
        if (expr.object.k === 'name' && expr.object.name === 'this') {
          const field = this.fields.get(expr.name);
          if (field) return field;
        }
        const object = this.evaluate(expr.object, scope);
        const key = subjectKey(expr.name);
        if (key) return { kind: 'subject', subject: key, collection: isCollection(object), origin: describe(expr, this.knowledge.notation) };
        if (object?.kind === 'subject' && k.transparent.has(expr.name)) return object;
        if (object?.kind === 'xml') return k.transparent.has(expr.name) ? undefined : object;
        const named = subjectOfName(expr.name);
        return named ? { kind: 'subject', ...named, origin: describe(expr, this.knowledge.notation) } : undefined;
      }
      case 'index': {
        const object = this.evaluate(expr.object, scope);
        const key = expr.index.k === 'string' ? subjectKey(expr.index.value) : undefined;
        if (key) return { kind: 'subject', subject: key, collection: isCollection(object), origin: describe(expr, this.knowledge.notation) };
        if (object?.kind === 'xml') return expr.index.k === 'number' ? elementOf(object) : object;
        // A key named like a member: state['last_lsid'] as state.last_lsid.
        const named = expr.index.k === 'string' && /^[A-Za-z_$@][\w$]*$/.test(expr.index.value) ? subjectOfName(expr.index.value) : undefined;
        if (named && object?.kind !== 'subject') return { kind: 'subject', ...named, origin: describe(expr, this.knowledge.notation) };
        if (object?.kind === 'subject' && object.collection) return elementOf(object);
        return undefined;
      }
      case 'call':
        return this.evaluateCall(expr, scope);
      case 'new': {
        const library = k.xml.parsers.get(`new ${expr.type}`) ?? k.xml.parsers.get(`new ${bareType(expr.type)}`);
        if (library) return this.xmlOf(library, false, this.isNamespaceFreeSource(expr.args.map((a) => a.value), scope));
        // Readers and streams over stripped text (`new StringReader(clean)`) carry it on.
        if (expr.args.some((a) => this.evaluate(a.value, scope)?.kind === 'namespace-free-text')) return { kind: 'namespace-free-text' };
        return this.subjectCollectionOf(expr.args.map((a) => a.value), scope);
      }
      case 'cast': {
        const type = bareType(expr.type);
        const parser = k.xml.castParsers?.get(type) ?? k.xml.castParsers?.get(expr.type);
        // `[xml](Get-Content .\settings.xml)`, `[xml]($raw -replace '\sxmlns="[^"]*"', '')`: no API namespace.
        if (parser) return this.xmlOf(parser, false, this.evaluate(expr.operand, scope)?.kind === 'namespace-free-text');
        const operand = this.evaluate(expr.operand, scope);
        if (k.stringTypes.has(type)) return operand;
        if (operand?.kind === 'xml') return operand;
        // An lseq is a number: `(int)s.lseq` is still the lseq (an LSID converted is not an LSID any more).
        if (operand?.kind === 'subject' && operand.subject === 'lseq' && k.numericTypes.has(type)) return operand;
        return undefined;
      }
      case 'conditional': {
        const a = this.evaluate(expr.whenTrue, scope);
        const b = this.evaluate(expr.whenFalse, scope);
        return a?.kind === 'subject' ? a : b?.kind === 'subject' ? b : a ?? b;
      }
      case 'binary': {
        if (expr.op === '??' || expr.op === 'or') return this.evaluate(expr.left, scope) ?? this.evaluate(expr.right, scope);
        if (expr.op === '-replace') {
          const pattern = expr.right.k === 'list' ? expr.right.items[0] : expr.right;
          const text = pattern ? this.stringOf(pattern, scope) : undefined;
          if (text && stripsEveryNamespace(text.value)) return { kind: 'namespace-free-text' };
        }
        if (expr.op === '-as') {
          const type = expr.right.k === 'type' || expr.right.k === 'name' ? bareType(expr.right.name) : undefined;
          if (type && k.xml.castParsers?.has(type)) return this.xmlOf(k.xml.castParsers.get(type)!);
          return type && k.stringTypes.has(type) ? this.evaluate(expr.left, scope) : undefined;
        }
        return undefined;
      }
      case 'list':
        return this.subjectCollectionOf(expr.items, scope);
      case 'comprehension': {
        const element = this.evaluate(expr.element, scope);
        if (element?.kind === 'subject' && !element.collection) return { ...element, collection: true };
        if (element?.kind === 'xml') return { ...element, collection: true };
        return undefined;
      }
      case 'lambda':
        return undefined;
      case 'other':
        return expr.children.length === 1 ? this.evaluate(expr.children[0]!, scope) : undefined;
      default:
        return undefined;
    }
  }

  private subjectCollectionOf(items: readonly Expr[], scope: ScopeNode): Value | undefined {
    for (const item of items) {
      const value = this.evaluate(item, scope);
      if (value?.kind === 'subject') return { ...value, collection: true };
    }
    return undefined;
  }

  /** `Invoke-RestMethod -Uri 'https://…/oauth2/token'`: a URL known not to be the XML API returns no document. */
  private fetchesOtherThanXmlApi(call: Extract<Expr, { k: 'call' }>, name: string, scope: ScopeNode): boolean {
    const urlArgs = this.knowledge.xml.urlDependentParsers?.get(name);
    if (!urlArgs) return false;
    const arg = urlArgs.map((argName) => (argName === '' ? call.args.find((a) => !a.name) : call.args.find((a) => a.name?.toLowerCase() === argName.toLowerCase()))).find(Boolean);
    if (!arg) return false;
    const literal = (expr: Expr): string | undefined =>
      expr.k === 'template' ? expr.parts.map((part) => (part.k === 'string' ? part.value : '\u0000')).join('') : this.stringOf(expr, scope)?.value;
    const url = literal(arg.value);
    return url !== undefined && /\//.test(url) && !ENDPOINT_PATTERN.test(url);
  }

  /** Whether a parser's input carries no API namespace: a local file by literal path, or generically stripped text. */
  private isNamespaceFreeSource(args: readonly Expr[], scope: ScopeNode): boolean {
    const first = args[0];
    return !!first && (this.evaluate(first, scope)?.kind === 'namespace-free-text' || this.isLocalFilePath(first, scope));
  }

  private isLocalFilePath(expr: Expr | undefined, scope: ScopeNode): boolean {
    const text = expr ? this.stringOf(expr, scope)?.value : undefined;
    return text !== undefined && LOCAL_FILE.test(text.trim());
  }

  private evaluateCall(call: Extract<Expr, { k: 'call' }>, scope: ScopeNode): Value | undefined {
    const k = this.knowledge;
    const name = dottedName(call.callee);
    const method = calleeMethod(call.callee);
    const receiver = call.callee.k === 'member' ? this.evaluate(call.callee.object, scope) : undefined;
    const first = call.args.find((arg) => arg.name !== '|')?.value;

    // Accessors by name: el.get('lsid'), GetAttribute("lsid"), request.form.get('lsid').
    if (method && k.accessors.has(method) && first) {
      const key = first.k === 'string' ? subjectKey(first.value) : undefined;
      if (key && !(call.typeArgs ?? []).some((t) => k.numericTypes.has(bareType(t)))) {
        return { kind: 'subject', subject: key, collection: isCollection(receiver), origin: describe(call, this.knowledge.notation) };
      }
    }
    const parser = name && lookupCallee(k.xml.parsers, name);
    if (parser && !this.fetchesOtherThanXmlApi(call, name, scope)) return this.xmlOf(parser, false, this.isNamespaceFreeSource(call.args.map((a) => a.value), scope));
    const replaceIndex = (name ? lookupCallee(k.replaces, name) : undefined) ?? (method && call.callee.k === 'member' ? k.replaces.get(method) : undefined);
    if (replaceIndex !== undefined) {
      const pattern = call.args.filter((a) => !a.name)[replaceIndex]?.value;
      const text = pattern ? this.stringOf(pattern, scope) : undefined;
      if (text && stripsEveryNamespace(text.value)) return { kind: 'namespace-free-text' };
    }
    if (receiver?.kind === 'namespace-free-text' && method && !k.xml.parsers.has(method)) return receiver;
    // The contents of a local file named by a literal path (`Get-Content .\settings.xml`, `open('app.config')`).
    if (this.isLocalFilePath(call.args.find((a) => a.name !== '|' && a.value.k !== 'bool')?.value, scope)) return { kind: 'namespace-free-text' };

    const pluck = method && k.plucks?.get(method);
    if (pluck) {
      const keyArg = typeof pluck.keyArg === 'number' ? call.args.filter((a) => !a.name)[pluck.keyArg] : call.args.find((a) => a.name?.toLowerCase() === String(pluck.keyArg).toLowerCase());
      const key = keyArg?.value.k === 'string' ? subjectKey(keyArg.value.value) : undefined;
      if (key) return { kind: 'subject', subject: key, collection: true, origin: describe(call, this.knowledge.notation) };
    }
    if (method && k.maps.has(method)) {
      const lambda = call.args.find((arg) => arg.value.k === 'lambda')?.value as Lambda | undefined;
      const result = lambda ? this.returns.get(lambda) : undefined;
      if (result?.kind === 'subject') return { ...result, collection: true };
      if (result?.kind === 'xml') return { ...result, collection: true };
      const source = this.collectionSource(call, scope);
      if (!lambda && source?.kind === 'xml') return source;
    }
    // Filters keep (part of) the collection they iterate: `$xs | Where-Object { … }`, `xs.Where(…)`.
    if (method && k.filters?.has(method)) {
      const source = this.collectionSource(call, scope);
      if ((source?.kind === 'subject' && source.collection) || source?.kind === 'xml') return source;
    }
    if (receiver?.kind === 'subject' && method && (k.transparent.has(method) || k.dedupers.has(method))) return receiver;
    if (name && (k.transparentFunctions.has(name) || k.dedupers.has(name)) && first) {
      const value = this.evaluate(first, scope);
      if (value?.kind === 'subject') return value;
    }
    if (method && (k.sorts.has(method) || k.minMax.has(method))) {
      const source = this.collectionSource(call, scope);
      if (source?.kind === 'subject' && source.collection) return k.minMax.has(method) ? elementOf(source) : source;
    }
    // Functions of this file: their return value, or what their name says (getLsid, fetch_lsids).
    if (method) {
      for (const fn of this.functions.get(method) ?? []) {
        const value = this.returns.get(fn);
        if (value) return value;
      }
      const named = subjectOfName(method);
      if (named && !k.conversions.has(name ?? method)) return { kind: 'subject', ...named, origin: `${method}()` };
    }
    // A method of an XML node returns nodes of the same document (find, Descendants, SelectNodes …),
    // except views of its text.
    // builder.parse(new InputSource(new StringReader(clean))): what a document reads from stripped text has no namespace.
    if (receiver?.kind === 'xml' && method && call.args.some((a) => isNamespaceFreeInput(this.evaluate(a.value, scope)))) return { ...receiver, namespaceFree: true };
    if (receiver?.kind === 'xml' && method && !k.transparent.has(method)) {
      const setter = k.xml.namespaceAwareSetters?.has(method);
      if (setter) return undefined;
      return { ...receiver, collection: /(?:all|s|Nodes|List|iter|iterfind|Elements|Descendants)$/i.test(method) && !/^(?:get|find|attributes)$/i.test(method) };
    }
    if (receiver?.kind === 'subject' && receiver.collection && method) return undefined;
    return undefined;
  }

}

/** Stripped text, or a reader over it (`new InputSource(new StringReader(clean))`). */
function isNamespaceFreeInput(value: Value | undefined): boolean {
  return value?.kind === 'namespace-free-text' || (value?.kind === 'xml' && value.namespaceFree);
}

export function isCollection(value: Value | undefined): boolean {
  return (value?.kind === 'subject' || value?.kind === 'xml') && value.collection;
}

/** Finds a callee in a table by its dotted text, also when written with a longer qualifier (`System.Convert.ToInt32`). */
export function lookupCallee<T>(table: ReadonlyMap<string, T>, name: string): T | undefined {
  const direct = table.get(name);
  if (direct !== undefined) return direct;
  for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) {
    const suffix = table.get(name.slice(dot + 1));
    if (suffix !== undefined && name.slice(dot + 1).includes('.')) return suffix;
  }
  return undefined;
}

export function inCalleeSet(set: ReadonlySet<string>, name: string | undefined): boolean {
  if (!name) return false;
  if (set.has(name)) return true;
  for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) {
    const suffix = name.slice(dot + 1);
    if (suffix.includes('.') && set.has(suffix)) return true;
  }
  return false;
}
