/**
 * Ways of reading API responses that the 10.6 default namespace breaks (see
 * ../shared/domain/xml-namespace-behaviour.md §4): unprefixed XPath, lookups by unqualified name,
 * leaf-value equality on object mappers, literal tag matches, literal namespace strips, pinned URIs
 * and serializer roots bound to no namespace.
 */
import type { XmlOperation } from '../../../types.js';
import { DISTINCTIVE_ELEMENTS, LEAF_ROOT_ELEMENTS, NAMESPACE_URI_PATTERN, RESPONSE_ELEMENTS, ROOT_ELEMENTS } from '../../../knowledge/bomgar.js';
import { literalRootTag, stripsOneNamespace } from '../../../knowledge/xml-strings.js';
import { looksLikeXPath, unprefixedElementNames } from '../../../knowledge/xpath.js';
import type { Annotation, Expr, Stmt } from '../ir.js';
import type { LanguageKnowledge } from '../knowledge.js';
import { describe } from './describe.js';
import { inCalleeSet, lookupCallee, type Value, type ValueAnalysis } from './values.js';
import { calleeMethod, dottedName, walkProgram, type ScopeNode } from './walk.js';

type Call = Extract<Expr, { k: 'call' }>;
type StringExpr = Extract<Expr, { k: 'string' }>;
type XmlValue = Extract<Value, { kind: 'xml' }>;

const EQUALITY = new Set(['==', '!=', '===', '!==', '-eq', '-ne', '-ceq', '-ieq', 'equals']);
const SEARCH_OPERATORS = new Set(['in', 'not in', '-match', '-notmatch', '-cmatch', '-imatch', '-like', '-notlike', '-clike', '-ilike', '=~', '!~']);
/** `xmlns="<uri>"` written inside a longer literal (a whole response, a root tag). */
const DECLARED_NAMESPACE = /\bxmlns\s*=\s*["']([^"']+)["']/;
/** A string naming an element in a namespace, Clark notation: `{uri}session` or ElementTree's `{*}session`. */
const CLARK = /^\{([^}]*)\}/;

export function collectXmlOperations(body: readonly Stmt[], values: ValueAnalysis, strings: readonly StringExpr[]): XmlOperation[] {
  const k = values.knowledge;
  const xml = k.xml;
  const operations: XmlOperation[] = [];
  const claimed = new Set<StringExpr>();
  const add = (node: { span: { start: number; end: number } }, op: Omit<XmlOperation, 'span'>): void => {
    if (!operations.some((o) => o.kind === op.kind && o.span.start === node.span.start)) operations.push({ ...op, span: node.span });
  };
  const apiDocument = (value: Value | undefined): XmlValue | undefined => (value?.kind === 'xml' && !value.namespaceFree ? value : undefined);
  const libraryName = (value: XmlValue | undefined): string | undefined => (value ? xml.libraries.get(value.library)?.name ?? value.library : undefined);
  const perLibrary = <T>(table: ReadonlyMap<string, T>, value: XmlValue | undefined, key: string): T | undefined =>
    (value ? table.get(`${value.library}.${key}`) : undefined) ?? table.get(key);

  const qualifiedNameMember = (owner: XmlValue | undefined, member: string): boolean =>
    (owner !== undefined && xml.qualifiedNameMembers.has(`${owner.library}.${member}`)) || xml.qualifiedNameMembers.has(member);
  const xpathOperation = (node: Expr, path: string, api: string, library: string | undefined, wildcard: boolean): void => {
    if (wildcard && path.includes('{*}')) return;
    if (CLARK.test(path) || !looksLikeXPath(path)) return;
    const names = unprefixedElementNames(path);
    if (names?.length) add(node, { kind: 'unprefixed-xpath', api, detail: path, ...(library ? { library } : {}) });
  };

  // Variables and fields assigned a call (file-wide, by name): where a compiled XPath came from.
  const compiledBy = new Map<string, Expr>();
  walkProgram(body, {
    stmt(stmt) {
      if (stmt.k !== 'assign' || stmt.value?.k !== 'call') return;
      for (const target of stmt.targets) {
        const held = heldName(target);
        if (held) compiledBy.set(held, stmt.value);
      }
    },
  });

  const visitCall = (call: Call, scope: ScopeNode): void => {
    const name = dottedName(call.callee);
    const method = calleeMethod(call.callee);
    const receiverExpr = call.callee.k === 'member' ? call.callee.object : undefined;
    const receiver = receiverExpr ? values.valueOf(receiverExpr, scope) : undefined;
    const document = apiDocument(receiver);
    const positional = call.args.filter((a) => !a.name && a.name !== '|');
    const firstExpr = positional[0]?.value;
    const first = firstExpr ? values.stringOf(firstExpr, scope) : undefined;

    // XPath methods on a node: root.findall('.//session'), doc.SelectNodes("//session"), $xml->xpath('//session').
    const xpathMethod = method && call.callee.k === 'member' ? perLibrary(xml.xpathMethods, document, method) : undefined;
    // Java: the path of a compiled expression, `xpath.compile("//session").evaluate(doc)`, also when the
    // compiled expression is kept in a variable or field (`SESSIONS = XPATH.compile(…)`; `SESSIONS.evaluate(doc)`).
    const compiledPath = (): { value: string } | undefined => {
      const holder = receiverExpr ? heldName(receiverExpr) : undefined;
      const compile = receiverExpr?.k === 'call' ? receiverExpr : holder ? compiledBy.get(holder) : undefined;
      if (compile?.k !== 'call' || compile.callee.k !== 'member') return undefined;
      const compiler = values.valueOf(compile.callee.object, scope);
      if (compiler?.kind !== 'xml' || !perLibrary(xml.xpathMethods, compiler, compile.callee.name)) return undefined;
      const path = compile.args[0] ? values.stringOf(compile.args[0].value, scope) : undefined;
      return path && xml.libraries.get(compiler.library)?.xpathTakesDocument ? path : undefined;
    };
    const path = first ?? (xpathMethod ? compiledPath() : undefined);
    if (xpathMethod && path && receiver?.kind !== 'subject' && !(receiver?.kind === 'xml' && receiver.namespaceFree)) {
      const library = xml.libraries.get(document?.library ?? '');
      if (library?.xpathTakesDocument) {
        // Java: the document is an argument; a namespace-unaware DOM keeps `//x` working.
        const target = call.args.map((a) => values.valueOf(a.value, scope)).find((v): v is XmlValue => v?.kind === 'xml' && v !== receiver);
        if (target?.namespaceAware && !target.namespaceFree) xpathOperation(call, path.value, `${method}()`, libraryName(document), xpathMethod.wildcard);
      } else if (document ? document.namespaceAware : namesApiElement(path.value)) {
        xpathOperation(call, path.value, `${method}()`, libraryName(document), xpathMethod.wildcard);
      }
    }
    // Commands taking the XPath by name: Select-Xml -XPath '//session'.
    const command = name ? xml.xpathCommands?.get(name) : undefined;
    if (command) {
      const arg = call.args.find((a) => a.name?.toLowerCase() === command.xpathArg.toLowerCase()) ?? positional[0];
      const path = arg ? values.stringOf(arg.value, scope) : undefined;
      const inputs = call.args.filter((a) => a !== arg).map((a) => values.valueOf(a.value, scope));
      const local = inputs.some((v) => v?.kind === 'xml' && v.namespaceFree) || call.args.some((a) => a.name?.toLowerCase() === 'path' && a.value.k === 'string');
      if (path && !local) xpathOperation(call, path.value, name!, undefined, false);
    }
    // Unqualified-name lookups: Element("session"), Descendants("session"), root.iter('session').
    const lookup = method && call.callee.k === 'member' ? perLibrary(xml.noNamespaceLookups, document, method) : undefined;
    // An unknown receiver (a parameter fed from another file) counts when the name is an API element.
    if (lookup && first && (document ? document.namespaceAware : receiver === undefined && namesApiElement(first.value.replace(CLARK, '')))) {
      const clark = CLARK.exec(first.value);
      if (!clark || (clark[1] === '*' && !lookup.wildcard)) {
        if (!clark && !/^[A-Za-z_][\w.-]*$/.test(first.value)) return;
        add(call, { kind: 'null-namespace-lookup', api: method!, detail: `'${first.value}'`, ...(libraryName(document) ? { library: libraryName(document)! } : {}) });
      }
    }
    // getElementsByTagNameNS(null, 'session'), ('', 'session').
    // On a namespace-unaware DOM (Java's default factory) such a lookup finds nothing with or without xmlns: not a 10.6 change.
    if (method && xml.namespacedLookups?.has(method) && (document ? document.namespaceAware : receiver === undefined)) {
      // (namespace, name) as in the DOM, or (name, namespace) as in .NET's GetElementsByTagName/ReadToFollowing/IsStartElement.
      const isEmpty = (e: Expr | undefined) => e?.k === 'null' || (e?.k === 'string' && e.value === '');
      const [a, b] = [positional[0]?.value, positional[1]?.value];
      const local = isEmpty(a) && b?.k === 'string' ? b : a?.k === 'string' && a.value !== '' && isEmpty(b) ? a : undefined;
      if (local?.k === 'string') add(call, { kind: 'null-namespace-lookup', api: method, detail: local === b ? `${a?.k === 'null' ? 'null' : "''"}, '${local.value}'` : `'${local.value}', ''` });
    }
    // String searches for a root tag with its closing `>`: strpos($r, '<error>'), body.Contains("<error>").
    if ((method && k.stringSearches.has(method)) || inCalleeSet(k.stringSearches, name)) {
      for (const arg of call.args) {
        const text = values.stringOf(arg.value, scope);
        const tag = text && literalRootTag(text.value);
        if (tag) add(text.literal, { kind: 'literal-tag-match', api: `${name ?? method}()`, detail: tag });
      }
    }
    const regex = (name && lookupCallee(k.regexCalls, name)) ?? (method && call.callee.k === 'member' ? k.regexCalls.get(method) : undefined);
    if (regex) {
      const pattern = positional[regex.pattern] ? values.stringOf(positional[regex.pattern]!.value, scope) : undefined;
      const tag = pattern && literalRootTag(pattern.value);
      if (tag) add(pattern.literal, { kind: 'literal-tag-match', api: `${name ?? method}()`, detail: tag });
    }
    // Stripping one namespace by its literal text: body.replace('xmlns="http://…/API"', '').
    // The full name first: C# `Regex.Replace(input, pattern, …)` is not `input.Replace(pattern, …)`.
    const replaceIndex = (name ? lookupCallee(k.replaces, name) : undefined) ?? (method && call.callee.k === 'member' ? k.replaces.get(method) : undefined);
    if (replaceIndex !== undefined) {
      const pattern = positional[replaceIndex] ? values.stringOf(positional[replaceIndex]!.value, scope) : undefined;
      if (pattern && stripsOneNamespace(pattern.value)) {
        claimed.add(pattern.literal);
        add(call, { kind: 'namespace-strip-literal', api: `${name ?? method}()`, detail: pattern.value });
      }
    }
  };

  const visitBinary = (expr: Extract<Expr, { k: 'binary' }>, scope: ScopeNode): void => {
    if (EQUALITY.has(expr.op)) {
      for (const [rawSide, other] of [[expr.left, expr.right], [expr.right, expr.left]] as const) {
        // A name built from a bare local name (Java `new QName("session")`) is a name in no namespace.
        const literal = values.stringOf(other, scope) ?? (other.k === 'new' && other.args.length === 1 ? values.stringOf(other.args[0]!.value, scope) : undefined);
        if (!literal) continue;
        // A response compared whole with a root tag: body.equals("<session_list/>").
        if (other.k !== 'new') {
          const tag = literalRootTag(literal.value);
          if (tag) add(literal.literal, { kind: 'literal-tag-match', api: expr.op, detail: tag });
        }
        // A getter call reads a member: StAX `reader.getName()`.
        const side = rawSide.k === 'call' && rawSide.args.length === 0 && rawSide.callee.k === 'member' ? rawSide.callee : rawSide;
        // el.tag == 'session', el.Name == "session": a qualified name never equals a bare one.
        if (side.k === 'member' && !CLARK.test(literal.value) && /^[A-Za-z_][\w.-]*$/.test(literal.value)) {
          const ownerValue = values.valueOf(side.object, scope);
          const owner = apiDocument(ownerValue);
          const qualified = qualifiedNameMember(owner, side.name);
          if (qualified && (owner ? owner.namespaceAware : ownerValue === undefined && namesApiElement(literal.value))) {
            add(expr, { kind: 'null-namespace-lookup', api: `${describe(side, values.knowledge.notation)} ==`, detail: `'${literal.value}'`, ...(libraryName(owner) ? { library: libraryName(owner)! } : {}) });
          }
        }
        // d['error'] == 'Login failed', $r.error -eq 'Login failed' on an object mapper.
        const key = leafKey(rawSide);
        if (key) {
          const owner = apiDocument(values.valueOf(key.object, scope));
          if (owner?.style === 'mapper') add(expr, { kind: 'leaf-equality', api: `${describe(side, values.knowledge.notation)} ${expr.op} '${literal.value}'`, detail: key.name, ...(libraryName(owner) ? { library: libraryName(owner)! } : {}) });
        }
      }
    }
    if (SEARCH_OPERATORS.has(expr.op)) {
      const needle = expr.op === 'in' || expr.op === 'not in' ? expr.left : expr.right;
      const text = values.stringOf(needle, scope);
      const tag = text && literalRootTag(text.value);
      if (tag) add(text.literal, { kind: 'literal-tag-match', api: expr.op, detail: tag });
    }
    if (expr.op === '-replace') {
      const pattern = expr.right.k === 'list' ? expr.right.items[0] : expr.right;
      const text = pattern ? values.stringOf(pattern, scope) : undefined;
      if (text && stripsOneNamespace(text.value)) {
        claimed.add(text.literal);
        add(expr, { kind: 'namespace-strip-literal', api: '-replace', detail: text.value });
      }
    }
  };

  const accepted = new Set<StringExpr>();
  /** Strings that are statements of their own (Python docstrings) document, they do not match anything. */
  const docstrings = new Set<StringExpr>();
  walkProgram(body, {
    expr(expr, scope) {
      if (expr.k === 'call') visitCall(expr, scope);
      else if (expr.k === 'binary') visitBinary(expr, scope);
      else if (expr.k === 'new') rootBinding(expr.type, [...expr.args, ...(expr.init ?? [])], expr, k, add);
      // Two or more URIs in one list or map: the code accepts several versions, as it should.
      const items = expr.k === 'list' ? expr.items : expr.k === 'dict' ? expr.entries.map((e) => e.value) : [];
      const uris = items.filter((item): item is StringExpr => item.k === 'string' && isNamespaceUri(item.value));
      if (uris.length >= 2) uris.forEach((uri) => accepted.add(uri));
    },
    stmt(stmt) {
      if (stmt.k === 'expr' && stmt.expr.k === 'string') docstrings.add(stmt.expr);
      if (stmt.k === 'class') for (const annotation of stmt.annotations ?? []) rootBinding(annotation.name, annotation.args, annotation, k, add);
    },
  });
  for (const literal of strings) {
    if (claimed.has(literal) || accepted.has(literal) || docstrings.has(literal)) continue;
    if (isNamespaceUri(literal.value)) add(literal, { kind: 'pinned-namespace-uri', api: 'namespace URI', detail: literal.value });
    else {
      // A whole response or root tag written out with one URI: `data == '<error xmlns="http://www.bomgar.com/…">…'`.
      const declared = DECLARED_NAMESPACE.exec(literal.value)?.[1];
      if (declared && NAMESPACE_URI_PATTERN.test(declared)) add(literal, { kind: 'pinned-namespace-uri', api: 'namespace URI', detail: declared });
    }
  }
  return operations;
}

/** The variable or own field an expression names: `expr`, `this.expr`, `self.expr`. */
function heldName(expr: Expr): string | undefined {
  if (expr.k === 'name') return expr.name;
  if (expr.k === 'member' && expr.object.k === 'name' && (expr.object.name === 'this' || expr.object.name === 'self')) return expr.name;
  return undefined;
}

/** A Bomgar API namespace URI, alone or as the `{uri}` of a qualified name. */
function isNamespaceUri(text: string): boolean {
  const clark = CLARK.exec(text);
  return NAMESPACE_URI_PATTERN.test(clark ? clark[1]! : text);
}

/**
 * Whether a path names an element only API responses have, so an XPath on a receiver of unknown
 * origin (a parameter fed from another file) is taken to read one. Generic children (`name`, `data`)
 * do not count.
 */
function namesApiElement(path: string): boolean {
  return (unprefixedElementNames(path) ?? []).some((name) => ROOT_ELEMENTS.has(name) || DISTINCTIVE_ELEMENTS.has(name) || name === 'session');
}

/** `d['error']`, `$r.error`, `d.get('error')`: a key read of a leaf root element. */
function leafKey(expr: Expr): { object: Expr; name: string } | undefined {
  if (expr.k === 'member' && LEAF_ROOT_ELEMENTS.has(expr.name)) return { object: expr.object, name: expr.name };
  if (expr.k === 'index' && expr.index.k === 'string' && LEAF_ROOT_ELEMENTS.has(expr.index.value)) return { object: expr.object, name: expr.index.value };
  if (expr.k === 'call' && expr.callee.k === 'member' && expr.callee.name === 'get' && expr.args[0]?.value.k === 'string' && LEAF_ROOT_ELEMENTS.has(expr.args[0].value.value)) {
    return { object: expr.callee.object, name: expr.args[0].value.value };
  }
  return undefined;
}

/** `[XmlRoot("session_list")]`, `@XmlRootElement(name = "session_list")`, `new XmlRootAttribute("session_list")` with no namespace. */
function rootBinding(type: string, args: readonly { name?: string; value: Expr }[], node: { span: { start: number; end: number } } | Annotation | Expr, knowledge: LanguageKnowledge, add: (node: { span: { start: number; end: number } }, op: Omit<XmlOperation, 'span'>) => void): void {
  const bare = type.replace(/Attribute$/, '').split(/[.\\]/).pop()!;
  const binding = knowledge.xml.rootBindings?.get(bare);
  if (!binding) return;
  const nameArg = binding.nameArgs.map((argName) => (argName === '' ? args.find((a) => !a.name) : args.find((a) => a.name === argName))).find(Boolean);
  const root = nameArg?.value.k === 'string' ? nameArg.value.value : undefined;
  if (!root || !(ROOT_ELEMENTS.has(root) || RESPONSE_ELEMENTS.has(root))) return;
  const namespace = args.find((a) => a.name === binding.namespaceArg);
  if (namespace && !(namespace.value.k === 'string' && namespace.value.value === '')) return;
  add(node, { kind: 'schema-without-namespace', api: bare, detail: root, library: binding.library });
}
