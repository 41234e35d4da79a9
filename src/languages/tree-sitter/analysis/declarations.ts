/**
 * Declarations that fix an LSID's type or an lseq's role: typed fields, properties, parameters and
 * variables named for the value or bound to its wire name by an annotation; ORM columns; key
 * annotations; ORM classes mapped to the Integration Client's `session` table without an lseq.
 */
import type { Subject, ValueUse } from '../../../types.js';
import type { Annotation, Arg, Expr, Param, Stmt } from '../ir.js';
import type { LanguageKnowledge } from '../knowledge.js';
import { digitsOnly } from './regex.js';
import { subjectKey, subjectOfName } from './values.js';
import { bareType, calleeMethod, dottedName, walkProgram } from './walk.js';

type Assign = Extract<Stmt, { k: 'assign' }>;
type ClassStmt = Extract<Stmt, { k: 'class' }>;

/** The table name Integration Client schemas give the session table. */
const SESSION_TABLE = /^(?:\[?dbo\]?\.)?\[?["`]?session["`]?\]?$/i;

export function collectDeclarations(body: readonly Stmt[], knowledge: LanguageKnowledge): ValueUse[] {
  const uses: ValueUse[] = [];
  const add = (node: { span: { start: number; end: number } }, subject: Subject, kind: ValueUse['kind'], construct: string, origin: string): void => {
    if (!uses.some((u) => u.kind === kind && u.span.start === node.span.start)) uses.push({ subject, kind, span: node.span, construct, origin });
  };

  /** Column constructors already judged as the value of a declaration. */
  const declaredColumns = new Set<Expr>();
  walkProgram(body, {
    stmt(stmt) {
      if (stmt.k === 'assign') {
        declaredAssignment(stmt, knowledge, add);
        if (stmt.value?.k === 'call') declaredColumns.add(stmt.value);
      }
      if (stmt.k === 'function') {
        for (const param of stmt.params) declaredParam(param, knowledge, add);
        const named = subjectOfName(stmt.name);
        if (named?.subject === 'lsid' && !named.collection && stmt.returnType && isNumericType(stmt.returnType, knowledge)) {
          add({ span: stmt.nameSpan }, 'lsid', 'numeric-type', `returns ${stmt.returnType}`, `${stmt.name}()`);
        }
      }
      if (stmt.k === 'class') missingLseq(stmt, knowledge, add);
    },
    expr(expr) {
      if (expr.k === 'lambda') for (const param of expr.params) declaredParam(param, knowledge, add);
      // A column named by its first argument outside a declaration: SQLAlchemy Core `Table(…, Column('lsid', Integer))`.
      if (expr.k === 'call' && !declaredColumns.has(expr) && isColumnConstructor(expr, knowledge)) {
        const bound = boundName([constructorBinding(expr)], knowledge);
        if (bound !== undefined && subjectKey(bound) === 'lsid') {
          if (numericColumn(expr, knowledge)) add(expr, 'lsid', 'numeric-type', `${dottedName(expr.callee) ?? 'column'}(…)`, `column '${bound}'`);
          else if (guidColumn(expr, knowledge)) add(expr, 'lsid', 'lossy-storage', `${dottedName(expr.callee) ?? 'column'}(…)`, `column '${bound}'`);
        }
      }
      // Laravel-style validation maps: `$request->validate(['lsid' => 'required|integer'])`, `rules()` returning one.
      if (expr.k === 'dict') {
        for (const entry of expr.entries) {
          const key = entry.key.k === 'string' ? subjectKey(entry.key.value) : undefined;
          const rule = key === 'lsid' ? numericRule(entry.value) : undefined;
          if (rule && /^(?:rules|validate|validateWithBag|make|validator|validation|setRules)$/i.test(dictOwner(expr, body) ?? '')) {
            add(entry.key, 'lsid', 'numeric-validation', `'${rule}' rule`, 'a validation rule map');
          }
        }
      }
      // Eloquent `$casts = ['lsid' => 'integer']`, Pydantic/TypedDict `{'lsid': int}`.
      if (expr.k === 'dict') {
        for (const entry of expr.entries) {
          const key = entry.key.k === 'string' ? subjectKey(entry.key.value) : undefined;
          const type = entry.value.k === 'string' ? entry.value.value : entry.value.k === 'name' ? entry.value.name : undefined;
          if (key === 'lsid' && type && knowledge.numericTypes.has(type) && /^(?:casts?|\$casts|dtype|dtypes|converters|schema|fields)$/i.test(dictOwner(expr, body) ?? '')) {
            add(entry.key, key, 'numeric-type', `'${entry.key.k === 'string' ? entry.key.value : ''}' => ${type}`, 'a field map');
          }
        }
      }
    },
  });
  return uses;
}

/** Rule names that accept only integers or digits in `field => 'rule|rule'` validation maps. */
const NUMERIC_RULE = /^(?:integer|int|numeric|digits|digits_between|min_digits|max_digits|is_natural|is_natural_no_zero|decimal)(?::|$)/i;

/** `'required|integer'` or `['required', 'digits_between:1,10']`: the rule that demands digits, if any. */
function numericRule(value: Expr): string | undefined {
  const rules = value.k === 'string' ? value.value.split('|') : value.k === 'list' ? value.items.flatMap((i) => (i.k === 'string' ? i.value.split('|') : [])) : [];
  return rules.map((r) => r.trim()).find((r) => NUMERIC_RULE.test(r));
}

type Add = (node: { span: { start: number; end: number } }, subject: Subject, kind: ValueUse['kind'], construct: string, origin: string) => void;

function isNumericType(type: string, knowledge: LanguageKnowledge): boolean {
  return knowledge.numericTypes.has(bareType(type)) || knowledge.numericTypes.has(type.trim());
}

/** The wire name an annotation binds a member to: `[XmlAttribute("lsid")]`, `@JsonProperty("lsid")`, `db_column='lsid'`. */
export function boundName(annotations: readonly Annotation[] | undefined, knowledge: LanguageKnowledge): string | undefined {
  for (const annotation of annotations ?? []) {
    const names = knowledge.bindings.get(annotation.name) ?? knowledge.bindings.get(annotation.name.split(/[.\\]/).pop()!);
    if (!names) continue;
    for (const argName of names) {
      const arg = argName === '' ? annotation.args.find((a) => !a.name) : annotation.args.find((a) => a.name?.toLowerCase() === argName.toLowerCase());
      if (arg?.value.k === 'string') return arg.value.value;
    }
  }
  return undefined;
}

/** The subject a declared member stands for: its binding wins over its name (`[JsonPropertyName("lsid")] int Id`). */
function memberSubject(name: string | undefined, annotations: readonly Annotation[] | undefined, kwargs: readonly Arg[], knowledge: LanguageKnowledge): Subject | undefined {
  const bound = boundName(annotations, knowledge) ?? kwargs.map((a) => (a.name && /^(?:db_column|name|column_name|key|alias|serialization_alias|validation_alias|source)$/i.test(a.name) && a.value.k === 'string' ? a.value.value : undefined)).find(Boolean);
  if (bound !== undefined) {
    const boundNamed = subjectOfName(bound);
    return subjectKey(bound) ?? (boundNamed && !boundNamed.collection ? boundNamed.subject : undefined);
  }
  if (!name) return undefined;
  const named = subjectOfName(name);
  return named && !named.collection ? named.subject : subjectKey(name);
}

function targetName(target: Expr): string | undefined {
  if (target.k === 'name') return target.name;
  if (target.k === 'member') return target.name;
  return undefined;
}

/** A field constructor as a binding: `Column('lsid', Integer)` names its column like `[Column("lsid")]` does. */
function constructorBinding(call: Extract<Expr, { k: 'call' }>): Annotation {
  return { name: dottedName(call.callee) ?? '', args: call.args, span: call.span };
}

function declaredAssignment(stmt: Assign, knowledge: LanguageKnowledge, add: Add): void {
  const target = stmt.targets[0];
  if (!target || stmt.targets.length !== 1) return;
  const name = targetName(target);
  if (name && stmt.declaredType && numericCollection(name, stmt.declaredType, knowledge)) add(target, 'lsid', 'numeric-type', stmt.declaredType, name);
  const call = stmt.value?.k === 'call' ? stmt.value : undefined;
  const kwargs = call?.args.filter((a) => a.name) ?? [];
  const subject = memberSubject(name, [...(stmt.annotations ?? []), ...(call ? [constructorBinding(call)] : [])], kwargs, knowledge);
  if (!subject) return;
  const origin = name ?? 'field';
  if (subject === 'lsid') {
    // The field's constructor validates too: pydantic `Field(pattern=r'^\d+$')`.
    validatingAnnotations(target, stmt.declaredType, [...(stmt.annotations ?? []), ...(call ? [constructorBinding(call)] : [])], origin, knowledge, add);
    if (stmt.declaredType && isNumericType(stmt.declaredType, knowledge)) add(target, 'lsid', 'numeric-type', stmt.declaredType, origin);
    else if (call && numericColumn(call, knowledge)) add(target, 'lsid', 'numeric-type', `${dottedName(call.callee) ?? 'column'}(…)`, origin);
    // A GUID type re-formats the 32 hex digits: `lsid: UUID`, `models.UUIDField()`, `Column(UUID(as_uuid=True))`.
    if (stmt.declaredType && isGuidType(stmt.declaredType, knowledge)) add(target, 'lsid', 'lossy-storage', stmt.declaredType, origin);
    else if (call && guidColumn(call, knowledge)) add(target, 'lsid', 'lossy-storage', `${dottedName(call.callee) ?? 'column'}(…)`, origin);
    const columnType = annotatedColumnType(stmt.annotations, knowledge);
    if (columnType && isNumericType(columnType, knowledge)) add(target, 'lsid', 'numeric-type', `column type ${columnType}`, origin);
    else if (columnType && isGuidType(columnType, knowledge)) add(target, 'lsid', 'lossy-storage', `column type ${columnType}`, origin);
  }
  if (subject === 'lseq' && declaresKey(stmt.annotations, kwargs, knowledge)) add(target, 'lseq', 'unique-key', keyConstruct(stmt.annotations, kwargs, knowledge), origin);
}

/** A collection of LSIDs declared with numeric elements: `List<int> pendingLsids`, `long[] lsids`, `lsids: list[int]`. */
function numericCollection(name: string, type: string, knowledge: LanguageKnowledge): boolean {
  const named = subjectOfName(name);
  if (named?.subject !== 'lsid' || !named.collection) return false;
  const t = type.trim();
  const element = /^(.+?)\s*\[\s*\]$/.exec(t)?.[1] ?? /^[\w.]+\s*[<[]\s*([\w.?]+)\s*[>\]]$/.exec(t)?.[1];
  return element !== undefined && isNumericType(element, knowledge);
}

function declaredParam(param: Param, knowledge: LanguageKnowledge, add: Add): void {
  if (param.type && numericCollection(param.name, param.type, knowledge)) add(param, 'lsid', 'numeric-type', param.type, param.name);
  const subject = memberSubject(param.name, param.annotations, [], knowledge);
  if (subject === 'lsid' && param.type && isNumericType(param.type, knowledge)) add(param, 'lsid', 'numeric-type', param.type, param.name);
  if (subject === 'lsid') validatingAnnotations(param, param.type, param.annotations, param.name, knowledge, add);
  if (subject === 'lsid' && param.type && isGuidType(param.type, knowledge)) add(param, 'lsid', 'lossy-storage', param.type, param.name);
  if (subject === 'lseq' && declaresKey(param.annotations, [], knowledge)) add(param, 'lseq', 'unique-key', keyConstruct(param.annotations, [], knowledge), param.name);
}

/** The type a column annotation names: Doctrine `#[ORM\Column(type: 'integer')]`, `#[ORM\Column(type: Types::GUID)]`. */
function annotatedColumnType(annotations: readonly Annotation[] | undefined, knowledge: LanguageKnowledge): string | undefined {
  for (const annotation of annotations ?? []) {
    if (!knowledge.columnConstructors?.has(annotation.name)) continue;
    const arg = annotation.args.find((a) => a.name !== undefined && /^type_?$/i.test(a.name));
    if (arg?.value.k === 'string') return arg.value.value;
    const dotted = arg ? dottedName(arg.value) : undefined;
    if (dotted) return bareType(dotted);
  }
  return undefined;
}

function isGuidType(type: string, knowledge: LanguageKnowledge): boolean {
  return knowledge.guidTypes.has(bareType(type)) || knowledge.guidTypes.has(type.trim());
}

function isColumnConstructor(call: Extract<Expr, { k: 'call' }>, knowledge: LanguageKnowledge): boolean {
  return !!(knowledge.columnConstructors?.has(dottedName(call.callee) ?? '') || knowledge.columnConstructors?.has(calleeMethod(call.callee) ?? ''));
}

/** `models.UUIDField()`, `Column(UUID(as_uuid=True))`, `mapped_column(Uuid)`: a column of a GUID type. */
function guidColumn(call: Extract<Expr, { k: 'call' }>, knowledge: LanguageKnowledge): boolean {
  const method = calleeMethod(call.callee) ?? '';
  if (knowledge.guidTypes.has(method) || knowledge.guidTypes.has(dottedName(call.callee) ?? '')) return true;
  if (!isColumnConstructor(call, knowledge)) return false;
  return call.args.some((arg) => {
    const typeName = dottedName(arg.value.k === 'call' ? arg.value.callee : arg.value);
    return !!typeName && isGuidType(typeName, knowledge) && (!arg.name || /^type_?$/i.test(arg.name));
  });
}

/**
 * Validation attributes on an LSID member: a digits-only pattern (`[ValidatePattern('^\d+$')]`,
 * reported on the attribute), or a numeric range on a member with no numeric type of its own
 * (`[ValidateRange(1, 100)]$Lsid`, reported on the member).
 */
function validatingAnnotations(member: { span: { start: number; end: number } }, type: string | undefined, annotations: readonly Annotation[] | undefined, origin: string, knowledge: LanguageKnowledge, add: Add): void {
  for (const annotation of annotations ?? []) {
    const argNames = knowledge.patternAnnotations?.get(annotation.name);
    if (argNames) {
      const pattern = argNames.map((argName) => (argName === '' ? annotation.args.find((a) => !a.name) : annotation.args.find((a) => a.name?.toLowerCase() === argName.toLowerCase()))).find(Boolean);
      if (pattern?.value.k === 'string' && digitsOnly(pattern.value.value)) add(annotation, 'lsid', 'numeric-validation', `[${annotation.name}('${pattern.value.value}')]`, origin);
    }
    if (knowledge.numericAnnotations?.has(annotation.name) && !(type && isNumericType(type, knowledge))) {
      add(member, 'lsid', 'numeric-type', `[${annotation.name}(…)]`, origin);
    }
  }
}

/** `models.IntegerField()`, `Column(Integer)`, `mapped_column(BigInteger, …)`, `Column('lsid', Integer)`. */
function numericColumn(call: Extract<Expr, { k: 'call' }>, knowledge: LanguageKnowledge): boolean {
  const name = dottedName(call.callee) ?? '';
  const method = calleeMethod(call.callee) ?? '';
  if (knowledge.numericFieldConstructors?.has(name) || knowledge.numericFieldConstructors?.has(method)) return true;
  if (!(knowledge.columnConstructors?.has(name) || knowledge.columnConstructors?.has(method))) return false;
  return call.args.some((arg) => {
    const value = arg.value.k === 'call' ? arg.value.callee : arg.value;
    const typeName = dottedName(value);
    return !!typeName && isNumericType(typeName, knowledge) && (!arg.name || /^(?:type_?|type)$/i.test(arg.name));
  });
}

function declaresKey(annotations: readonly Annotation[] | undefined, kwargs: readonly Arg[], knowledge: LanguageKnowledge): boolean {
  if ((annotations ?? []).some((a) => knowledge.keyAnnotations.has(a.name) || a.args.some((arg) => isTrueKeyword(arg, knowledge)))) return true;
  return kwargs.some((arg) => isTrueKeyword(arg, knowledge));
}

function isTrueKeyword(arg: Arg, knowledge: LanguageKnowledge): boolean {
  return !!arg.name && !!knowledge.keyKeywords?.has(arg.name) && arg.value.k === 'bool' && arg.value.value;
}

function keyConstruct(annotations: readonly Annotation[] | undefined, kwargs: readonly Arg[], knowledge: LanguageKnowledge): string {
  const annotation = (annotations ?? []).find((a) => knowledge.keyAnnotations.has(a.name));
  if (annotation) return `@${annotation.name}`;
  const keyword = [...kwargs, ...(annotations ?? []).flatMap((a) => a.args)].find((arg) => isTrueKeyword(arg, knowledge));
  return keyword ? `${keyword.name}=true` : 'key';
}

/**
 * An ORM class mapped to table `session` that maps an LSID column but no lseq: it mirrors the
 * Integration Client's table as it was before 10.6.
 */
function missingLseq(cls: ClassStmt, knowledge: LanguageKnowledge, add: Add): void {
  const table = tableNameOf(cls, knowledge);
  if (!table || !SESSION_TABLE.test(table.value)) return;
  const members = collectMembers(cls, knowledge);
  if (members.has('lsid') && !members.has('lseq')) add(table.node, 'lseq', 'missing-column', `table ${table.value}`, cls.name);
}

function tableNameOf(cls: ClassStmt, knowledge: LanguageKnowledge): { value: string; node: Expr } | undefined {
  for (const annotation of cls.annotations ?? []) {
    const argNames = knowledge.tableAnnotations?.get(annotation.name);
    if (!argNames) continue;
    for (const argName of argNames) {
      const arg = argName === '' ? annotation.args.find((a) => !a.name) : annotation.args.find((a) => a.name === argName);
      if (arg?.value.k === 'string') return { value: arg.value.value, node: arg.value };
    }
  }
  const fromBody = (body: readonly Stmt[]): { value: string; node: Expr } | undefined => {
    for (const stmt of body) {
      if (stmt.k === 'assign' && stmt.value?.k === 'string' && stmt.targets.some((t) => knowledge.tableNameFields?.has(targetName(t) ?? ''))) {
        return { value: stmt.value.value, node: stmt.value };
      }
      // Django keeps it in an inner `class Meta`.
      if (stmt.k === 'class' && stmt.name === 'Meta') {
        const inner = fromBody(stmt.body);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return fromBody(cls.body);
}

function collectMembers(cls: ClassStmt, knowledge: LanguageKnowledge): Set<Subject> {
  const members = new Set<Subject>();
  for (const stmt of cls.body) {
    if (stmt.k === 'assign') {
      const call = stmt.value?.k === 'call' ? stmt.value : undefined;
      for (const target of stmt.targets) {
        const subject = memberSubject(targetName(target), [...(stmt.annotations ?? []), ...(call ? [constructorBinding(call)] : [])], call?.args.filter((a) => a.name) ?? [], knowledge);
        if (subject) members.add(subject);
      }
      const names = stmt.value?.k === 'list' ? stmt.value.items : stmt.value?.k === 'dict' ? stmt.value.entries.map((e) => e.key) : [];
      for (const item of names) {
        const subject = item.k === 'string' ? subjectKey(item.value) : undefined;
        if (subject) members.add(subject);
      }
    }
    if (stmt.k === 'function') {
      // Constructor promotion (PHP) and Python `__init__` assigning self.lseq.
      for (const param of stmt.params) {
        const subject = memberSubject(param.name, param.annotations, [], knowledge);
        if (subject && (param.annotations?.length || stmt.name === '__construct')) members.add(subject);
      }
    }
  }
  return members;
}

/** The name a dict literal is assigned to (`$casts = [...]`, `dtype = {...}`), to tell field maps from data. */
function dictOwner(dict: Expr, body: readonly Stmt[]): string | undefined {
  let owner: string | undefined;
  walkProgram(body, {
    stmt(stmt, scope) {
      if (owner === undefined && stmt.k === 'assign' && stmt.value === dict) owner = targetName(stmt.targets[0]!);
      if (owner === undefined && stmt.k === 'return' && stmt.value === dict && typeof scope === 'object' && scope.k === 'function') owner = scope.name;
    },
    expr(expr) {
      if (owner === undefined && expr.k === 'call') {
        const arg = expr.args.find((a) => a.value === dict);
        if (arg) owner = arg.name ?? calleeMethod(expr.callee);
      }
    },
  });
  return owner;
}
