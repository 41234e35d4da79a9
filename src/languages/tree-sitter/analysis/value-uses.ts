/**
 * What the code does with LSIDs and lseqs: conversions, comparisons, arithmetic, sorting, keys,
 * validation and digit patterns, judged from the values (./values.ts) and the language's tables.
 */
import type { Subject, ValueUse, ValueUseKind } from '../../../types.js';
import { capturesLsidAsDigits } from '../../../knowledge/lsid-patterns.js';
import type { Expr, Stmt } from '../ir.js';
import { describe } from './describe.js';
import { digitCapture, digitsOnly } from './regex.js';
import { numericFormatArguments } from './format.js';
import { inCalleeSet, lookupCallee, subjectKey, subjectOfName, type Value, type ValueAnalysis } from './values.js';
import { bareType, calleeMethod, dottedName, exprChildren, walkProgram, type ScopeNode } from './walk.js';

type Call = Extract<Expr, { k: 'call' }>;
type Lambda = Extract<Expr, { k: 'lambda' }>;
type SubjectValue = Extract<Value, { kind: 'subject' }>;

/** Output and logging calls: what only reaches them is shown, not used. */
const DISPLAY_CALLS = /^(?:print|println|printf|echo|puts|format|Format|sprintf|WriteLine|Write|Write-Host|Write-Output|Write-Verbose|Write-Information|Write-Warning|debug|info|warning|warn|error|log|trace|Debug|Info|Warning|Warn|Error|Log|Trace|LogInformation|LogDebug|LogWarning)$/;
const RELATIONAL = new Set(['<', '>', '<=', '>=', '<=>']);
const ARITHMETIC = new Set(['-', '*', '/', '%', '**', '//', '<<', '>>']);
const MEMBERSHIP = new Set(['in', 'not in', '-contains', '-notcontains', '-in', '-notin']);
const REGEX_OPERATORS = new Set(['-match', '-notmatch', '-cmatch', '-imatch', '-cnotmatch', '-inotmatch', '=~', '!~']);

/** `lsid - 1`, `lsid + 1`; not `'%s' % lsid` (Python formatting) or `'a' + lsid` (concatenation). */
function isArithmetic(expr: Extract<Expr, { k: 'binary' }>): boolean {
  if (expr.left.k === 'string' || expr.left.k === 'template') return false;
  if (ARITHMETIC.has(expr.op)) return true;
  return expr.op === '+' && (expr.left.k === 'number' || expr.right.k === 'number');
}

/** An update of a counter or list kept per key: it reads the same container it writes. */
function isTally(stmt: Extract<Stmt, { k: 'assign' }>, target: Extract<Expr, { k: 'index' }>): boolean {
  if (stmt.op !== '=' && stmt.op !== ':=') return true;
  const container = dottedName(target.object);
  if (!container || !stmt.value) return false;
  let reads = false;
  const visit = (expr: Expr): void => {
    if (reads) return;
    if ((expr.k === 'index' || expr.k === 'member') && dottedName(expr.object) === container) reads = true;
    exprChildren(expr).forEach(visit);
  };
  visit(stmt.value);
  return reads;
}

/** Per subject: LSIDs break as numbers; lseqs are numbers, but not unique or gap-free. */
const KIND_BY_SUBJECT: Record<string, Record<Subject, ValueUseKind | undefined>> = {
  relational: { lsid: 'relational', lseq: 'sequence-cursor' },
  arithmetic: { lsid: 'arithmetic', lseq: 'sequence-cursor' },
  'min-max': { lsid: 'min-max', lseq: 'sequence-cursor' },
  'numeric-sort': { lsid: 'numeric-sort', lseq: undefined },
  'numeric-conversion': { lsid: 'numeric-conversion', lseq: undefined },
  'numeric-validation': { lsid: 'numeric-validation', lseq: undefined },
  'lossy-storage': { lsid: 'lossy-storage', lseq: undefined },
  'unique-key': { lsid: undefined, lseq: 'unique-key' },
  'digit-pattern': { lsid: 'digit-pattern', lseq: undefined },
  'numeric-type': { lsid: 'numeric-type', lseq: undefined },
  'recency-order': { lsid: 'recency-order', lseq: undefined },
};

export function collectValueUses(body: readonly Stmt[], values: ValueAnalysis, strings: readonly Extract<Expr, { k: 'string' }>[]): ValueUse[] {
  const k = values.knowledge;
  const uses: ValueUse[] = [];
  const seen = new Set<string>();
  /** Comparator and sort-key lambdas: what they do is reported once, as the sort. */
  const sortCallbacks = new Set<Lambda>();

  const add = (node: Expr | Stmt | { span: { start: number; end: number } }, subject: Subject, kindName: string, construct: string, origin: string): void => {
    const kind = KIND_BY_SUBJECT[kindName]?.[subject];
    if (!kind) return;
    const key = `${kind}:${node.span.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    uses.push({ subject, kind, span: node.span, construct, origin });
  };
  const scalar = (expr: Expr | undefined, scope: ScopeNode) => (expr ? values.scalarSubject(expr, scope) : undefined);
  const anySubject = (expr: Expr | undefined, scope: ScopeNode) => (expr ? values.subjectValue(expr, scope) : undefined);
  const positional = (call: Call) => call.args.filter((a) => !a.name);
  /** The operand of a numeric conversion (`Long.parseLong(x)`, `(long) x`): ordering by it orders by the LSID. */
  /** The operand of a numeric conversion: `int(x)`, `Long.parseLong(x)`, `(int)x`, `[int]$x`. */
  const conversionOperand = (expr: Expr): Expr | undefined => {
    if (expr.k === 'call' && inCalleeSet(k.conversions, dottedName(expr.callee))) return positional(expr)[0]?.value;
    if (expr.k === 'cast' && k.numericTypes.has(bareType(expr.type))) return expr.operand;
    return undefined;
  };
  const unconverted = (expr: Expr): Expr => conversionOperand(expr) ?? expr;
  const convertedSubject = (expr: Expr, scope: ScopeNode): SubjectValue | undefined => {
    const operand = conversionOperand(expr);
    return operand ? scalar(operand, scope) : undefined;
  };

  /** What a key lambda or extractor yields: `lambda s: s.lsid`, `s => s.Lsid`, `Session::getLsid`, `'lsid'`. */
  const keyOf = (expr: Expr, scope: ScopeNode): SubjectValue | undefined => {
    if (expr.k === 'lambda') {
      // A tuple key (`lambda s: (s.end_time, s.lsid)`) orders by its first item; later ones break ties.
      const returned = expr.body.length === 1 && expr.body[0]!.k === 'return' ? expr.body[0]!.value : undefined;
      if (returned?.k === 'list') return returned.items[0] ? values.scalarSubject(returned.items[0], expr) : undefined;
      const result = values.lambdaResult(expr);
      return result?.kind === 'subject' ? result : convertedKey(expr);
    }
    if (expr.k === 'string') {
      // A leading `-`/`+` is a sort direction (`order_by('-lsid')`), not part of the name.
      const subject = subjectKey(expr.value.replace(/^[-+]/, ''));
      return subject ? { kind: 'subject', subject, collection: false, origin: `'${expr.value}'` } : undefined;
    }
    // A function of this file passed by name: `sort(key=lsid_of)`.
    if (expr.k === 'name' && values.functionsNamed(expr.name).length) {
      const result = values.functionResult(expr.name);
      return result?.kind === 'subject' && !result.collection ? result : undefined;
    }
    if (expr.k === 'call' && inCalleeSet(k.keyExtractors ?? new Set(), dottedName(expr.callee))) {
      return expr.args.map((arg) => keyOf(arg.value, scope)).find(Boolean);
    }
    if (expr.k === 'list') return expr.items.map((item) => keyOf(item, scope)).find(Boolean);
    return undefined;
  };

  /** A key that converts the subject to a number first: `lambda s: int(s.lsid)`, `{ [int]$_.lsid }`. */
  const convertedKey = (lambda: Lambda): SubjectValue | undefined => {
    for (const stmt of lambda.body) {
      const value = stmt.k === 'return' && stmt.value ? convertedSubject(stmt.value, lambda) : undefined;
      if (value) return value;
    }
    return undefined;
  };

  /** A comprehension of converted subjects: `max(int(s.get('lsid')) for s in sessions)`. */
  const convertedElements = (expr: Expr, scope: ScopeNode): SubjectValue | undefined =>
    (expr.k === 'comprehension' ? convertedSubject(expr.element, scope) : undefined);

  /** A mapping whose callback converts the subject: `xs.stream().mapToLong(s -> Long.parseLong(s.lsid)).max()`. */
  const mappedConversion = (expr: Expr): SubjectValue | undefined => {
    if (expr.k !== 'call' || !(k.maps.has(calleeMethod(expr.callee) ?? '') || inCalleeSet(k.maps, dottedName(expr.callee)))) return undefined;
    const lambda = expr.args.find((a) => a.value.k === 'lambda')?.value as Lambda | undefined;
    return lambda ? convertedKey(lambda) : undefined;
  };

  /** A comparator (two parameters) that orders by the subject: `a.lsid - b.lsid`, `$a['lsid'] <=> $b['lsid']`, `a.Lsid.CompareTo(b.Lsid)`. */
  const comparatorSubject = (lambda: Lambda): Subject | undefined => {
    if (lambda.params.length < 2) return undefined;
    let found: Subject | undefined;
    walkProgram(lambda.body, {
      expr(expr, scope) {
        if (found) return;
        if (expr.k === 'binary' && (RELATIONAL.has(expr.op) || expr.op === '-')) {
          found = scalar(unconverted(expr.left), scope)?.subject ?? scalar(unconverted(expr.right), scope)?.subject;
        } else if (expr.k === 'call') {
          const method = calleeMethod(expr.callee);
          if (inCalleeSet(k.comparisons, dottedName(expr.callee)) || (method && k.comparisons.has(method))) {
            const receiver = expr.callee.k === 'member' ? scalar(expr.callee.object, scope) : undefined;
            // Through a conversion too: `Long.compare(Long.parseLong(a.lsid), Long.parseLong(b.lsid))` orders by the LSID.
            found = receiver?.subject ?? expr.args.map((a) => scalar(unconverted(a.value), scope)?.subject).find(Boolean);
          }
        }
      },
    });
    return found;
  };

  const regexUse = (node: Expr, pattern: string, subjectExpr: Expr | undefined, scope: ScopeNode, construct: string): void => {
    const value = scalar(subjectExpr, scope);
    if (!value) return;
    if (digitsOnly(pattern)) add(node, value.subject, 'numeric-validation', construct, value.origin);
    // A pattern that names the LSID itself is reported once, where it is written (below).
    else if (digitCapture(pattern) && !capturesLsidAsDigits(pattern)) add(node, value.subject, 'digit-pattern', construct, value.origin);
  };

  /** Query-builder calls whose rows are cut to the first few further down the chain (`->orderBy(…)->limit(10)`). */
  const limited = new Set<Call>();
  const markLimited = (call: Call): void => {
    const method = calleeMethod(call.callee);
    if (!method || !k.limits?.has(method)) return;
    for (let receiver = call.callee.k === 'member' ? call.callee.object : undefined; receiver?.k === 'call'; receiver = receiver.callee.k === 'member' ? receiver.callee.object : undefined) {
      limited.add(receiver);
    }
  };
  /** `orderByDesc('lsid')`, `orderBy('s.lsid', 'DESC')`, `order_by('-lsid')`, or ascending but limited: newest-first by LSID. */
  const orderingUse = (call: Call, method: string, scope: ScopeNode): void => {
    const direction = k.orderings?.get(method);
    const keyExpr = positional(call)[0]?.value;
    const key = direction && keyExpr ? values.stringOf(keyExpr, scope)?.value : undefined;
    if (!key || subjectKey(key.replace(/^-/, '').split('.').pop() ?? '') !== 'lsid') return;
    // After another ordering the LSID only breaks ties: `orderBy('end_time', 'desc')->orderBy('lsid')`.
    for (let receiver = call.callee.k === 'member' ? call.callee.object : undefined; receiver?.k === 'call'; receiver = receiver.callee.k === 'member' ? receiver.callee.object : undefined) {
      const earlier = calleeMethod(receiver.callee);
      if (earlier && k.orderings?.has(earlier)) return;
    }
    const second = positional(call)[1]?.value;
    const descending = direction === 'desc' || key.startsWith('-') || (direction === 'arg' && /^desc$/i.test((second && values.stringOf(second, scope)?.value) ?? ''));
    if (descending || limited.has(call)) add(call, 'lsid', 'recency-order', `${method}('${key}')${descending ? '' : ' with a limit'}`, `column '${key}'`);
  };

  /** Declared or constructed types by variable and field name (`var seen = new HashSet<long>()` → HashSet), file-wide. */
  let typesByName: Map<string, string> | undefined;
  const declaredTypes = (): Map<string, string> => {
    if (typesByName) return typesByName;
    const types = new Map<string, string>();
    const record = (target: Expr, type: string | undefined): void => {
      const key = target.k === 'name' ? target.name : target.k === 'member' ? dottedName(target) : undefined;
      if (key && type && !/^(?:var|val|let|auto)$/.test(type)) types.set(key, bareType(type.replace(/<.*$/s, '')));
    };
    walkProgram(body, {
      stmt(stmt) {
        if (stmt.k === 'assign') for (const target of stmt.targets) record(target, stmt.value?.k === 'new' ? stmt.value.type : stmt.declaredType);
        if (stmt.k === 'function') for (const param of stmt.params) record({ k: 'name', name: param.name, span: param.span }, param.type);
      },
    });
    return (typesByName = types);
  };

  /** Parents of expressions (filled by the walk before a node's children are visited). */
  const parents = new Map<Expr, Expr | Stmt>();
  /** Whether a value only feeds output: `print('%d-%d' % (min(x), max(x)))`, `Write-Host "…$(…)"`, `log.info(f'{max(x)}')`. */
  const onlyDisplayed = (expr: Expr): boolean => {
    let current: Expr | Stmt | undefined = parents.get(expr);
    for (let hops = 0; current && hops < 4; hops++, current = parents.get(current as Expr)) {
      if (current.k === 'template') return true;
      if (current.k === 'call') {
        const method = calleeMethod(current.callee) ?? '';
        return DISPLAY_CALLS.test(method) || !!k.formatCalls?.has(method) || !!k.formatCalls?.has(dottedName(current.callee) ?? '');
      }
      if (current.k !== 'list' && current.k !== 'other' && !(current.k === 'binary' && current.op === '%')) return false;
    }
    return false;
  };

  const visitCall = (call: Call, scope: ScopeNode): void => {
    markLimited(call);
    const orderingMethod = call.callee.k === 'member' ? calleeMethod(call.callee) : undefined;
    if (orderingMethod && k.orderings?.has(orderingMethod)) orderingUse(call, orderingMethod, scope);
    const name = dottedName(call.callee);
    const method = calleeMethod(call.callee);
    const receiverExpr = call.callee.k === 'member' ? call.callee.object : undefined;
    const receiver = receiverExpr ? values.valueOf(receiverExpr, scope) : undefined;
    const args = positional(call);
    const first = args[0]?.value;
    const label = `${name ?? method ?? 'call'}()`;

    if (inCalleeSet(k.conversions, name)) {
      const value = scalar(first, scope);
      if (value) add(call, value.subject, 'numeric-conversion', label, value.origin);
    }
    const conversionRef = (a: { value: Expr }) => (a.value.k === 'name' || a.value.k === 'member' || a.value.k === 'type') && inCalleeSet(k.conversions, dottedName(a.value));
    if (method && k.accessors.has(method) && first?.k === 'string' && call.args.some((a) => a.name && conversionRef(a))) {
      const key = subjectKey(first.value);
      if (key) add(call, key, 'numeric-conversion', `${method}('${first.value}', ${call.args.find((a) => a.name && conversionRef(a))!.name}=…)`, describe(call, k.notation));
    }
    if (((method && k.maps.has(method)) || inCalleeSet(k.maps, name)) && call.args.some(conversionRef)) {
      const source = call.args.filter((a) => !conversionRef(a)).map((a) => values.subjectValue(a.value, scope)).find((v) => v?.collection)
        ?? (receiver?.kind === 'subject' && receiver.collection ? receiver : undefined);
      if (source) add(call, source.subject, 'numeric-conversion', label, source.origin);
    }
    const format = (name ? lookupCallee(k.formatCalls ?? new Map<string, number>(), name) : undefined) ?? (method && call.callee.k === 'member' ? k.formatCalls?.get(method) : undefined);
    const formatText = format !== undefined && args[format] ? values.stringOf(args[format]!.value, scope) : undefined;
    if (format !== undefined && formatText) {
      for (const index of numericFormatArguments(formatText.value)) {
        const value = scalar(args[format + 1 + index]?.value, scope);
        if (value) add(call, value.subject, 'numeric-conversion', `${label} with a numeric placeholder`, value.origin);
      }
    }
    if (method && k.conversionMethods?.has(method) && receiver?.kind === 'subject' && !receiver.collection) {
      add(call, receiver.subject, 'numeric-conversion', `.${method}()`, receiver.origin);
    }
    if (method && first?.k === 'string') {
      const key = subjectKey(first.value);
      const numericTypeArg = (call.typeArgs ?? []).some((t) => k.numericTypes.has(bareType(t)));
      if (key && (k.numericAccessors.has(method) || (numericTypeArg && k.accessors.has(method)))) {
        add(call, key, 'numeric-conversion', `${method}${numericTypeArg ? `<${call.typeArgs!.join(', ')}>` : ''}('${first.value}')`, describe(call, k.notation));
      }
      // A column builder named by a numeric type: Laravel `$table->integer('lsid')`, also `'session_lsid'`.
      const named = subjectOfName(first.value);
      const column = key ?? (named && !named.collection ? named.subject : undefined);
      if (column && k.numericTypes.has(method) && call.callee.k === 'member') add(call, column, 'numeric-type', `${method}('${first.value}')`, `column '${first.value}'`);
      if (column && k.keyAnnotations.has(method) && call.callee.k === 'member') add(call, column, 'unique-key', `${method}('${first.value}')`, `column '${first.value}'`);
      if (column && k.guidTypes.has(method) && call.callee.k === 'member') add(call, column, 'lossy-storage', `${method}('${first.value}')`, `column '${first.value}'`);
    }
    if (inCalleeSet(k.guidConversions, name) || (method && call.callee.k === 'type' && k.guidConversions.has(method))) {
      const value = scalar(first, scope) ?? call.args.filter((a) => a.name).map((a) => scalar(a.value, scope)).find(Boolean);
      if (value) add(call, value.subject, 'lossy-storage', label, value.origin);
    }
    if (inCalleeSet(k.validationFunctions, name)) {
      const value = call.args.map((a) => scalar(a.value, scope)).find(Boolean);
      if (value) add(call, value.subject, 'numeric-validation', label, value.origin);
    }
    const flag = name && lookupCallee(k.validationFlags ?? new Map<string, string>(), name);
    if (flag && call.args.some((a) => dottedName(a.value)?.endsWith(flag))) {
      const value = call.args.map((a) => scalar(a.value, scope)).find(Boolean);
      const named = call.args.map((a) => (a.value.k === 'string' ? subjectKey(a.value.value) : undefined)).find(Boolean);
      if (value) add(call, value.subject, 'numeric-validation', label, value.origin);
      else if (named) add(call, named, 'numeric-validation', label, `input '${named}'`);
    }
    if (method && k.validationMethods.has(method) && receiver?.kind === 'subject' && !receiver.collection) {
      add(call, receiver.subject, 'numeric-validation', `.${method}()`, receiver.origin);
    }
    // A digit test applied to every character of the value: C# `lsid.All(char.IsDigit)`, `lsid.All(c => char.IsDigit(c))`.
    if (receiver?.kind === 'subject' && !receiver.collection && call.args.some((a) => isDigitPredicate(a.value))) {
      add(call, receiver.subject, 'numeric-validation', `${method ?? 'call'}(digit test)`, receiver.origin);
    }
    const regex = (name && lookupCallee(k.regexCalls, name)) ?? (method && call.callee.k === 'member' ? k.regexCalls.get(method) : undefined);
    if (regex) {
      const patternExpr = args[regex.pattern]?.value;
      const pattern = patternExpr && values.stringOf(patternExpr, scope);
      const subjectExpr = regex.subject === -1 ? receiverExpr : args[regex.subject]?.value;
      if (pattern) regexUse(call, pattern.value, subjectExpr, scope, label);
    }
    if ((method && k.minMax.has(method)) || inCalleeSet(k.minMax, name)) {
      const required = k.requiredSwitches?.get(method ?? '');
      if (!required || call.args.some((a) => a.name && required.includes(a.name.toLowerCase()))) {
        const value = call.args.map((a) => anySubject(a.value, scope) ?? keyOf(a.value, scope) ?? convertedElements(a.value, scope)).find(Boolean)
          ?? (receiver?.kind === 'subject' ? receiver : undefined)
          ?? (receiverExpr ? mappedConversion(receiverExpr) : undefined);
        // An lseq range only printed or logged steers nothing; an LSID maximum is wrong wherever it goes.
        if (value && !(value.subject === 'lseq' && onlyDisplayed(call))) add(call, value.subject, 'min-max', label, value.origin);
      }
    }
    if ((method && k.sorts.has(method)) || inCalleeSet(k.sorts, name)) {
      for (const arg of call.args) if (arg.value.k === 'lambda') sortCallbacks.add(arg.value);
      // Of several property names (`order_by('-start_time', 'lsid')`) only the first orders; the others break ties.
      const firstProperty = call.args.find((a) => a.value.k === 'string');
      const byKey = call.args
        .filter((a) => a.value.k !== 'string' || a === firstProperty)
        .map((a) => (a.value.k === 'lambda' && a.value.params.length >= 2 ? undefined : keyOf(a.value, scope))).find(Boolean);
      const comparator = call.args.map((a) => (a.value.k === 'lambda' ? comparatorSubject(a.value) : undefined)).find(Boolean);
      const source = values.collectionSource(call, scope);
      const sorted = source?.kind === 'subject' && source.collection ? source : undefined;
      if (byKey) add(call, byKey.subject, 'numeric-sort', label, byKey.origin);
      else if (comparator) add(call, comparator, 'numeric-sort', label, 'a comparator');
      // A plain sort of LSID strings is a text order, harmless unless it is asked to be numeric (`sort($lsids, SORT_NUMERIC)`).
      else if (sorted && call.args.some((a) => k.numericSortFlags?.has(dottedName(a.value) ?? ''))) add(call, sorted.subject, 'numeric-sort', label, sorted.origin);
    }
    if (!insideSortCallback(scope) && (inCalleeSet(k.comparisons, name) || (method && k.comparisons.has(method)))) {
      const value = (receiver?.kind === 'subject' && !receiver.collection ? receiver : undefined) ?? call.args.map((a) => scalar(a.value, scope)).find(Boolean);
      if (value) add(call, value.subject, 'relational', label, value.origin);
    }
    // `add` keys only a set or map: `seen.Add(lseq)` on a HashSet drops duplicates, `shown.add(lseq)` on a List keeps them.
    const keyedHere = (method && k.keyedMethods.has(method)) || inCalleeSet(k.keyedMethods, name)
      || (!!method && !!k.setOnlyMethods?.has(method) && !!receiverExpr && k.keyedTypes !== undefined && k.keyedTypes.has(declaredTypes().get(dottedName(receiverExpr) ?? '') ?? ''));
    if (keyedHere) {
      const value = scalar(first, scope) ?? (first?.k === 'string' ? scalar(args[1]?.value, scope) : undefined);
      if (value) add(call, value.subject, 'unique-key', label, value.origin);
    }
    if ((method && k.dedupers.has(method) && call.callee.k === 'member') || inCalleeSet(k.dedupers, name)) {
      const switches = k.requiredSwitches?.get(method ?? '');
      const applies = !switches || call.args.some((a) => a.name && switches.includes(a.name.toLowerCase()));
      const value = (receiver?.kind === 'subject' && receiver.collection ? receiver : undefined)
        ?? call.args.map((a) => {
          const held = anySubject(a.value, scope);
          // Piped input is a stream of values: `$s.lseq | Sort-Object -Unique` de-duplicates lseqs.
          return held?.collection || (held && a.name === '|') ? held : keyOf(a.value, scope);
        }).find(Boolean);
      if (value && applies) add(call, value.subject, 'unique-key', label, value.origin);
    }
    // A key keyword chained onto an index over the value: EF Core `HasIndex(s => s.Lseq).IsUnique()`.
    if (method && k.keyKeywords?.has(method) && receiverExpr?.k === 'call') {
      const key = receiverExpr.args.map((a) => keyOf(a.value, scope)).find(Boolean);
      if (key) add(call, key.subject, 'unique-key', `${calleeMethod(receiverExpr.callee) ?? 'index'}(…).${method}()`, key.origin);
    }
    if ((method && k.keyedCollectors?.has(method)) || inCalleeSet(k.keyedCollectors ?? new Set(), name)) {
      const key = call.args.map((a) => keyOf(a.value, scope)).find(Boolean);
      if (key) add(call, key.subject, 'unique-key', label, key.origin);
    }
  };

  /** A function reference or one-parameter lambda testing a character for a digit: `char.IsDigit`, `c => char.IsDigit(c)`. */
  const isDigitPredicate = (expr: Expr): boolean => {
    if (expr.k === 'name' || expr.k === 'member') return inCalleeSet(k.validationFunctions, dottedName(expr));
    if (expr.k !== 'lambda' || expr.params.length !== 1) return false;
    const result = expr.body.length === 1 && expr.body[0]!.k === 'return' ? expr.body[0]!.value : undefined;
    return result?.k === 'call' && inCalleeSet(k.validationFunctions, dottedName(result.callee))
      && result.args[0]?.value.k === 'name' && result.args[0].value.name === expr.params[0]!.name;
  };

  const insideSortCallback = (scope: ScopeNode): boolean => {
    for (let current: ScopeNode | undefined = scope; current && current !== 'module'; current = values.scopeParent(current)) {
      if (typeof current === 'object' && current.k === 'lambda' && sortCallbacks.has(current)) return true;
    }
    return false;
  };

  const visitBinary = (expr: Extract<Expr, { k: 'binary' }>, scope: ScopeNode): void => {
    if (RELATIONAL.has(expr.op)) {
      if (insideSortCallback(scope)) return;
      const value = scalar(unconverted(expr.left), scope) ?? scalar(unconverted(expr.right), scope);
      if (value) add(expr, value.subject, 'relational', expr.op, value.origin);
    } else if (isArithmetic(expr)) {
      if (insideSortCallback(scope) && expr.op === '-') return;
      // `LOG_FORMAT % lsid`: a format string held by a constant formats, it does not divide.
      if (expr.op === '%' && values.stringOf(expr.left, scope)) return;
      const value = scalar(unconverted(expr.left), scope) ?? scalar(unconverted(expr.right), scope);
      if (value) add(expr, value.subject, 'arithmetic', expr.op, value.origin);
    } else if (expr.op === '-as') {
      const type = expr.right.k === 'type' || expr.right.k === 'name' ? bareType(expr.right.name) : undefined;
      const value = scalar(expr.left, scope);
      if (value && type && k.numericTypes.has(type)) add(expr, value.subject, 'numeric-conversion', `-as [${type}]`, value.origin);
      if (value && type && k.guidTypes.has(type)) add(expr, value.subject, 'lossy-storage', `-as [${type}]`, value.origin);
    } else if (REGEX_OPERATORS.has(expr.op)) {
      const pattern = values.stringOf(expr.right, scope);
      if (pattern) regexUse(expr, pattern.value, expr.left, scope, expr.op);
    } else if (MEMBERSHIP.has(expr.op)) {
      const [needle, haystack] = expr.op === '-contains' || expr.op === '-notcontains' ? [expr.right, expr.left] : [expr.left, expr.right];
      const value = scalar(needle, scope);
      if (value && haystack.k !== 'string' && haystack.k !== 'list') add(expr, value.subject, 'unique-key', expr.op, value.origin);
    }
  };

  walkProgram(body, {
    expr(expr, scope, parent) {
      if (parent) parents.set(expr, parent);
      switch (expr.k) {
        case 'call': return visitCall(expr, scope);
        case 'binary': return visitBinary(expr, scope);
        case 'cast': {
          const type = bareType(expr.type);
          const value = scalar(expr.operand, scope);
          if (!value) return;
          const written = k.castSyntax === 'brackets' ? `[${expr.type}]` : `(${expr.type})`;
          if (k.numericTypes.has(type)) add(expr, value.subject, 'numeric-conversion', written, value.origin);
          else if (k.guidTypes.has(type)) add(expr, value.subject, 'lossy-storage', written, value.origin);
          return;
        }
        case 'unary': {
          if (expr.op !== '++' && expr.op !== '--') return;
          const value = scalar(expr.operand, scope);
          if (value) add(expr, value.subject, 'arithmetic', expr.op, value.origin);
          return;
        }
        case 'new': {
          const type = bareType(expr.type);
          const value = scalar(expr.args[0]?.value, scope);
          if (value && k.guidTypes.has(type)) add(expr, value.subject, 'lossy-storage', `new ${expr.type}()`, value.origin);
          // Converting constructors are listed as `new T`: Java `new BigInteger(lsid, 16)`.
          if (value && k.conversions.has(`new ${type}`)) add(expr, value.subject, 'numeric-conversion', `new ${expr.type}()`, value.origin);
          const collection = expr.args.map((a) => values.subjectValue(a.value, scope)).find((v) => v?.collection);
          if (collection && k.dedupers.has(type)) add(expr, collection.subject, 'unique-key', `new ${expr.type}()`, collection.origin);
          return;
        }
        case 'dict': {
          for (const entry of expr.entries) {
            const value = scalar(entry.key, scope);
            if (value) add(entry.key, value.subject, 'unique-key', 'dictionary key', value.origin);
          }
          return;
        }
        case 'comprehension': {
          const value = (expr.kind === 'dict' && expr.key ? scalar(expr.key, scope) : undefined) ?? (expr.kind === 'set' ? scalar(expr.element, scope) : undefined);
          if (value) add(expr, value.subject, 'unique-key', expr.kind === 'set' ? 'set comprehension' : 'dictionary key', value.origin);
          return;
        }
        case 'list': {
          if (expr.kind !== 'set') return;
          const value = expr.items.map((item) => scalar(item, scope)).find(Boolean);
          if (value) add(expr, value.subject, 'unique-key', 'set member', value.origin);
          return;
        }
        default:
          return;
      }
    },
    stmt(stmt, scope) {
      if (stmt.k !== 'assign') return;
      for (const target of stmt.targets) {
        // seen[lseq] = True, $seen[$lseq] = true, cache[lseq] = row: the lseq is taken for a unique key.
        // A tally (`counts[lseq] = counts.get(lseq, 0) + 1`, `counts[lseq] += 1`) expects repeats.
        if (target.k === 'index' && !isTally(stmt, target)) {
          const key = scalar(target.index, scope);
          if (key) add(target, key.subject, 'unique-key', 'dictionary key', key.origin);
        }
        if ((stmt.op === '+=' || stmt.op === '-=') && stmt.value?.k === 'number') {
          const value = scalar(target, scope);
          if (value) add(stmt, value.subject, 'arithmetic', stmt.op, value.origin);
        }
      }
    },
  });

  for (const literal of strings) {
    if (capturesLsidAsDigits(literal.value)) add(literal, 'lsid', 'digit-pattern', describe(literal, k.notation), 'a pattern');
  }
  return uses;
}
