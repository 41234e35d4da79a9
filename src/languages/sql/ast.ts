import { astDataType, isNumericClass, lsidStorage, readType, typeText, type DataType } from './data-types.js';
import type { SqlDialect } from './dialect.js';
import { subjectName, type Candidate, type CandidateKind, type SubjectName } from './model.js';
import { isDigitPattern } from './expressions.js';
import { tokenize } from './tokens.js';

/**
 * What a trusted node-sql-parser AST says about one statement, in the same terms as the token
 * scanner (kind and subject name), so the two can be reconciled. The walk is generic: every
 * object in the tree is visited, and the shapes below are recognized wherever they occur
 * (WHERE, ON, CASE, subqueries, window specifications), across the dialects' AST variants.
 */

export interface AstFinding {
  kind: CandidateKind;
  name: SubjectName;
  construct: string;
  declaration: boolean;
  table?: string;
  other?: { name: string; qualifier?: string; variable: boolean };
  operator?: string;
  otherKind?: Candidate['otherKind'];
}

interface AstRef {
  name: string;
  qualifier?: string;
  variable: boolean;
}

type Node = Record<string, unknown>;

const RELATIONAL = new Set(['<', '>', '<=', '>=', '!<', '!>']);
const EQUALITY = new Set(['=', '<>', '!=', '==']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', 'DIV', 'MOD']);
const PATTERN = new Set(['LIKE', 'NOT LIKE', 'ILIKE', 'NOT ILIKE', 'REGEXP', 'NOT REGEXP', 'RLIKE', 'NOT RLIKE', '~', '~*', '!~', 'GLOB', 'NOT GLOB', 'SIMILAR TO', 'NOT SIMILAR TO']);
const STRING_FUNCTIONS = /^(?:CONCAT|CAST|CONVERT|FORMAT|STR|LTRIM|RTRIM|TRIM|UPPER|LOWER|REPLACE|SUBSTRING|LEFT|RIGHT|QUOTENAME)$/;
const NULL_DEFAULT_CONVERTS: ReadonlySet<SqlDialect> = new Set(['mssql', 'postgres']);

export function astFindings(ast: unknown, dialect: SqlDialect): AstFinding[] {
  const findings: AstFinding[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as Node;
    inspect(node, dialect, findings);
    // ALTER COLUMN lsid TYPE int USING lsid::int: the conversion belongs to the reported declaration.
    const alterLsid = node.action === 'alter' && node.resource === 'column' && subjectRef(node.column)?.name.subject === 'lsid';
    for (const key in node) {
      if (key === 'loc' || (key === 'using' && alterLsid)) continue;
      const child = node[key];
      if (child && typeof child === 'object') visit(child);
    }
  };
  visit(ast);
  return findings;
}

function inspect(node: Node, dialect: SqlDialect, out: AstFinding[]): void {
  const add = (kind: CandidateKind, name: SubjectName, construct: string, extra: Partial<AstFinding> = {}): void => {
    out.push({ kind, name, construct, declaration: false, ...extra });
  };
  switch (node.type) {
    case 'binary_expr':
      binary(node, add);
      break;
    case 'cast': {
      const subject = lsidRef(node.expr);
      const target = Array.isArray(node.target) ? astDataType(node.target[node.target.length - 1]) : undefined;
      if (subject && target && isNumericClass(target)) add('numeric-conversion', subject.name, `CAST(${subject.ref.name} AS ${typeText(target)})`);
      break;
    }
    case 'aggr_func': {
      const name = String(node.name ?? '').toUpperCase();
      const args = node.args as Node | undefined;
      const subject = (name === 'MAX' || name === 'MIN') ? subjectRef(args?.expr) : undefined;
      if (subject) add(subject.name.subject === 'lsid' ? 'min-max' : 'sequence-cursor', subject.name, `${name}(${subject.ref.name})`);
      break;
    }
    case 'function':
      call(node, dialect, add);
      break;
    case 'create':
      if (node.keyword === 'table') createTable(node, dialect, out);
      else if (node.keyword === 'index') createIndex(node, out);
      break;
    case 'alter':
      alterTable(node, dialect, out);
      break;
    case 'declare':
      declare(node, dialect, out);
      break;
    default:
  }
  // A query's or a window's ORDER BY; an aggregate's (string_agg(… ORDER BY …)) only orders its output text.
  if (Array.isArray(node.orderby) && node.orderby.length && (node.type === 'select' || 'partitionby' in node)) orderBy(node, add);
}

type Add = (kind: CandidateKind, name: SubjectName, construct: string, extra?: Partial<AstFinding>) => void;

function binary(node: Node, add: Add): void {
  const op = String(node.operator ?? '').toUpperCase();
  const left = node.left;
  const right = node.right;
  if (RELATIONAL.has(op)) {
    const l = subjectRef(left);
    const subject = l ?? subjectRef(right);
    // lsid > '' is a non-empty check.
    if (subject && !isEmptyString(subject === l ? right : left)) add(subject.name.subject === 'lsid' ? 'relational' : 'sequence-cursor', subject.name, `${subject.ref.name} ${op}`);
    return;
  }
  if (EQUALITY.has(op)) {
    const l = subjectRef(left);
    const r = subjectRef(right);
    const subject = l ?? r;
    if (!subject || subject.name.subject !== 'lsid' || (l && r)) return;
    const other = subject === l ? right : left;
    if (isNumber(other)) add('relational', subject.name, `${subject.ref.name} ${op} ${numberText(other)}`);
    else {
      const ref = refOf(other);
      if (ref && !ref.variable) add('integer-join', subject.name, `${subject.ref.name} ${op} ${ref.qualifier ? `${ref.qualifier}.` : ''}${ref.name}`, { other: ref });
    }
    return;
  }
  if (op === 'BETWEEN' || op === 'NOT BETWEEN') {
    const subject = subjectRef(left);
    if (subject) add(subject.name.subject === 'lsid' ? 'relational' : 'sequence-cursor', subject.name, `${subject.ref.name} ${op}`);
    return;
  }
  if (op === 'IN' || op === 'NOT IN') {
    const subject = lsidRef(left);
    const list = (right as Node | undefined)?.value;
    if (subject && Array.isArray(list) && isNumber(list[0])) add('relational', subject.name, `${subject.ref.name} ${op} (…)`);
    return;
  }
  if (ARITHMETIC.has(op)) {
    const l = subjectOperand(left);
    const subject = l ?? subjectOperand(right);
    if (!subject) return;
    const other = subject === l ? right : left;
    if (op === '+' && (isString(other) || STRING_FUNCTIONS.test(functionName(other)) || (other as Node | undefined)?.type === 'cast')) return;
    if (subject.name.subject === 'lseq' && op !== '+' && op !== '-') return;
    const ref = refOf(other);
    const otherKind = isNumber(other) ? 'number' : ref ? 'ref' : isString(other) ? 'string' : 'other';
    add(subject.name.subject === 'lsid' ? 'arithmetic' : 'sequence-cursor', subject.name, `${subject.ref.name} ${op}`, { operator: op, otherKind, ...(ref ? { other: ref } : {}) });
    return;
  }
  if (PATTERN.has(op)) {
    const subject = lsidRef(left);
    const pattern = (right as Node | undefined)?.value;
    if (subject && isString(right) && typeof pattern === 'string' && isDigitPattern(pattern)) add('numeric-validation', subject.name, `${subject.ref.name} ${op} '${pattern}'`);
  }
}

function call(node: Node, dialect: SqlDialect, add: Add): void {
  const name = functionName(node);
  const argsNode = node.args as Node | undefined;
  const args = Array.isArray(argsNode?.value) ? (argsNode!.value as unknown[]) : [];
  switch (name) {
    case 'CONVERT':
    case 'TRY_CONVERT': {
      const first = typeArgument(args[0], dialect);
      if (first && isNumericClass(first)) {
        const subject = lsidRef(args[1]);
        if (subject) add('numeric-conversion', subject.name, `${name}(${typeText(first)}, ${subject.ref.name})`);
        return;
      }
      const second = typeArgument(args[1], dialect);
      const subject = lsidRef(args[0]);
      if (subject && second && isNumericClass(second)) add('numeric-conversion', subject.name, `${name}(${subject.ref.name}, ${typeText(second)})`);
      return;
    }
    case 'TO_NUMBER': {
      const subject = lsidRef(args[0]);
      if (subject) add('numeric-conversion', subject.name, `TO_NUMBER(${subject.ref.name})`);
      return;
    }
    case 'ISNULL':
    case 'COALESCE':
    case 'IFNULL':
    case 'NVL': {
      if (!NULL_DEFAULT_CONVERTS.has(dialect)) return;
      const subject = args.map(lsidRef).find(Boolean);
      if (subject && args.some(isNumber)) add('numeric-conversion', subject.name, `${name}(${subject.ref.name}, …)`);
      return;
    }
    case 'MAX':
    case 'MIN': {
      const subject = args.length === 1 ? subjectRef(args[0]) : undefined;
      if (subject) add(subject.name.subject === 'lsid' ? 'min-max' : 'sequence-cursor', subject.name, `${name}(${subject.ref.name})`);
      return;
    }
    case 'GREATEST':
    case 'LEAST': {
      const subject = args.map(subjectRef).find(Boolean);
      if (subject) add(subject.name.subject === 'lsid' ? 'min-max' : 'sequence-cursor', subject.name, `${name}(${subject.ref.name}, …)`);
      return;
    }
    case 'MOD': {
      const subject = subjectRef(args[0]);
      if (subject) add(subject.name.subject === 'lsid' ? 'arithmetic' : 'sequence-cursor', subject.name, `MOD(${subject.ref.name}, …)`);
      return;
    }
    case 'ISNUMERIC': {
      const subject = lsidRef(args[0]);
      if (subject) add('numeric-validation', subject.name, `ISNUMERIC(${subject.ref.name})`);
      return;
    }
    case 'REGEXP_LIKE': {
      const subject = lsidRef(args[0]);
      const pattern = (args[1] as Node | undefined)?.value;
      if (subject && isString(args[1]) && typeof pattern === 'string' && isDigitPattern(pattern)) add('numeric-validation', subject.name, `REGEXP_LIKE(${subject.ref.name}, '${pattern}')`);
      return;
    }
    default:
  }
}

function orderBy(node: Node, add: Add): void {
  const first = (node.orderby as Node[])[0];
  const subject = lsidRef(first?.expr);
  if (!subject) return;
  const descending = String(first?.type ?? '').toUpperCase() === 'DESC';
  const isQuery = node.type === 'select';
  const top = node.top as Node | null | undefined;
  const limit = node.limit as Node | null | undefined;
  const limited = isQuery && (
    (top !== null && top !== undefined && top.value !== null && top.value !== undefined)
    || (limit !== null && limit !== undefined && ((Array.isArray(limit.value) ? limit.value.length > 0 : Boolean(limit.value)) || Boolean(limit.fetch)))
  );
  if (descending || limited) add('recency-order', subject.name, `ORDER BY ${subject.ref.name}${descending ? ' DESC' : ''}`);
}

function createTable(node: Node, dialect: SqlDialect, out: AstFinding[]): void {
  const table = tableName(node.table);
  for (const definition of asArray(node.create_definitions)) columnOrConstraint(definition, table, dialect, out);
}

function columnOrConstraint(definition: Node, table: string | undefined, dialect: SqlDialect, out: AstFinding[]): void {
  if (definition.resource === 'column') {
    const ref = refOf(definition.column);
    const name = ref ? subjectName(ref.name) : undefined;
    if (!ref || !name) return;
    storage(name, astDataType(definition.definition), table, dialect, out);
    if (name.subject === 'lseq' && (definition.unique || definition.primary_key || definition.unique_or_primary)) {
      out.push({ kind: 'unique-key', name, construct: `${definition.primary_key ? 'primary key' : 'unique'} column ${ref.name}`, declaration: true, ...(table ? { table } : {}) });
    }
    return;
  }
  if (definition.resource === 'constraint') {
    const type = String(definition.constraint_type ?? '').toLowerCase();
    if (!type.startsWith('unique') && !type.startsWith('primary')) return;
    uniqueColumns(asArray(definition.definition), type.startsWith('primary') ? 'primary key' : 'unique constraint', table, out);
  }
}

function uniqueColumns(columns: unknown[], what: string, table: string | undefined, out: AstFinding[]): void {
  let lseq: SubjectName | undefined;
  for (const column of columns) {
    const ref = refOf(column) ?? refOf((column as Node | undefined)?.column) ?? refOf((column as Node | undefined)?.expr);
    const name = ref ? subjectName(ref.name) : undefined;
    if (!name) continue;
    if (name.subject === 'lsid') return;
    lseq ??= name;
  }
  if (lseq) out.push({ kind: 'unique-key', name: lseq, construct: `${what} (${lseq.name})`, declaration: true, ...(table ? { table } : {}) });
}

function createIndex(node: Node, out: AstFinding[]): void {
  if (String(node.index_type ?? '').toLowerCase() !== 'unique') return;
  uniqueColumns(asArray(node.index_columns), `unique index ${String(node.index ?? '')}`.trim(), tableName(node.table), out);
}

function alterTable(node: Node, dialect: SqlDialect, out: AstFinding[]): void {
  const table = tableName(node.table);
  for (const action of asArray(node.expr)) {
    if (action.resource === 'column' && action.definition) columnOrConstraint({ ...action, resource: 'column' }, table, dialect, out);
    else if (action.resource === 'constraint' && action.create_definitions) columnOrConstraint(action.create_definitions as Node, table, dialect, out);
  }
}

function declare(node: Node, dialect: SqlDialect, out: AstFinding[]): void {
  for (const item of asArray(node.declare)) {
    const variable = `${String(item.at ?? '')}${String(item.name ?? '')}`;
    if (item.keyword === 'table') {
      for (const definition of asArray(item.definition)) columnOrConstraint(definition, variable.toLowerCase(), dialect, out);
      continue;
    }
    const name = subjectName(variable);
    if (name) storage(name, astDataType(item.datatype), undefined, dialect, out);
  }
}

function storage(name: SubjectName, type: DataType | undefined, table: string | undefined, dialect: SqlDialect, out: AstFinding[]): void {
  if (!type || name.subject !== 'lsid') return;
  const verdict = lsidStorage(type, dialect);
  const extra = { declaration: true, ...(table ? { table } : {}) };
  if (verdict.verdict === 'numeric' || verdict.verdict === 'short') out.push({ kind: 'numeric-type', name, construct: typeText(type), ...extra });
  else if (verdict.verdict === 'lossy') out.push({ kind: 'lossy-storage', name, construct: `${typeText(type)}: ${verdict.reason}`, ...extra });
}

// ---------------------------------------------------------------------------
// AST shapes across dialects.

function refOf(value: unknown): AstRef | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const node = value as Node;
  if (node.type === 'var' && typeof node.name === 'string') {
    return { name: `${typeof node.prefix === 'string' ? node.prefix : '@'}${node.name}`.toLowerCase(), variable: true };
  }
  if (node.type !== 'column_ref') return undefined;
  const column = columnText(node.column);
  if (!column || column === '*') return undefined;
  const table = typeof node.table === 'string' && node.table ? node.table.toLowerCase() : undefined;
  return { name: column.toLowerCase(), ...(table ? { qualifier: table } : {}), variable: column.startsWith('@') };
}

function columnText(column: unknown): string | undefined {
  if (typeof column === 'string') return column;
  if (column && typeof column === 'object') {
    const expr = (column as Node).expr as Node | undefined;
    if (expr && typeof expr.value === 'string') return expr.value;
  }
  return undefined;
}

function subjectRef(value: unknown): { ref: AstRef; name: SubjectName } | undefined {
  const ref = refOf(value);
  const name = ref ? subjectName(ref.name) : undefined;
  return ref && name ? { ref, name } : undefined;
}

function lsidRef(value: unknown): { ref: AstRef; name: SubjectName } | undefined {
  const subject = subjectRef(value);
  return subject?.name.subject === 'lsid' ? subject : undefined;
}

/** A reference, or MAX()/MIN() of one, or a scalar subquery selecting either. */
function subjectOperand(value: unknown): { ref: AstRef; name: SubjectName } | undefined {
  const direct = subjectRef(value);
  if (direct) return direct;
  const node = value as Node | undefined;
  const subquery = node?.ast as Node | undefined;
  if (subquery?.type === 'select' && Array.isArray(subquery.columns) && subquery.columns.length === 1) {
    return subjectOperand((subquery.columns[0] as Node).expr);
  }
  if (node?.type === 'aggr_func' && (String(node.name).toUpperCase() === 'MAX' || String(node.name).toUpperCase() === 'MIN')) {
    return subjectRef((node.args as Node | undefined)?.expr);
  }
  return undefined;
}

function functionName(value: unknown): string {
  const node = value as Node | undefined;
  if (!node || node.type !== 'function') return '';
  const name = node.name as Node | string | undefined;
  if (typeof name === 'string') return name.toUpperCase();
  const parts = (name as Node | undefined)?.name;
  if (Array.isArray(parts) && parts.length === 1) return String((parts[0] as Node).value ?? '').toUpperCase();
  return '';
}

function isNumber(value: unknown): boolean {
  const node = value as Node | undefined;
  if (!node) return false;
  if (node.type === 'number') return true;
  return node.type === 'unary_expr' && (node.operator === '-' || node.operator === '+') && (node.expr as Node | undefined)?.type === 'number';
}

function numberText(value: unknown): string {
  const node = value as Node;
  return node.type === 'number' ? String(node.value) : `${String(node.operator)}${String((node.expr as Node).value)}`;
}

function isEmptyString(value: unknown): boolean {
  return isString(value) && (value as Node).value === '';
}

function isString(value: unknown): boolean {
  const type = (value as Node | undefined)?.type;
  return typeof type === 'string' && /string$/.test(type);
}

/** CONVERT's type argument: T-SQL parses it as a column named INT; MySQL as { type: 'datatype' }. */
function typeArgument(value: unknown, dialect: SqlDialect): DataType | undefined {
  const node = value as Node | undefined;
  if (!node) return undefined;
  if (node.type === 'datatype') return astDataType(node);
  const ref = refOf(node);
  if (!ref || ref.qualifier) return undefined;
  const tokens = tokenize(ref.name, dialect).tokens;
  const type = readType(tokens, 0, tokens.length, dialect, true);
  return type?.type;
}

function tableName(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const table = (first as Node | undefined)?.table;
  return typeof table === 'string' ? table.toLowerCase() : undefined;
}

function asArray(value: unknown): Node[] {
  if (Array.isArray(value)) return value.filter((item): item is Node => Boolean(item) && typeof item === 'object');
  return value && typeof value === 'object' ? [value as Node] : [];
}
