import type { ContextEvidence, FileFacts, Span, ValueUse, ValueUseKind } from '../../types.js';
import { VENDOR_WORD_PATTERN } from '../../knowledge/bomgar.js';
import type { ParseProblem } from '../adapter.js';
import { astFindings, type AstFinding } from './ast.js';
import { isNumericClass, lsidStorage } from './data-types.js';
import { chooseDialect, type DialectChoice, type SqlDialect } from './dialect.js';
import { signature, type Candidate, type Ref, type TableDecl, type TableScope, type VariableDecl, type AddedColumn, type ColumnDecl } from './model.js';
import { parseStatement } from './parser.js';
import { scanStatement, type ScanOutput } from './scanner.js';
import { splitStatements } from './splitter.js';
import { tokenize } from './tokens.js';

/**
 * The SQL analysis of one file: dialect → tokens → statements → per statement, the token scan,
 * vetted by node-sql-parser where it parses → the file-level judgement of context (is this
 * Bomgar data?) → facts.
 */

export interface StatementReport {
  span: Span;
  head: string;
  /**
   * `parser`: the AST was trusted and vetted the scan; `tokens`: the parser could not take the
   * statement, the token scan stands alone; `scanned`: a query naming an LSID where the scan found
   * nothing to vet; `skipped`: no LSID/lseq names at all.
   */
  mode: 'parser' | 'tokens' | 'scanned' | 'skipped';
  reason?: string;
  /** Scanner candidates the AST did not confirm (dropped), and AST findings the scanner missed (added). */
  vetoed: string[];
  added: string[];
}

export interface SqlAnalysis {
  dialect: DialectChoice;
  statements: StatementReport[];
  tables: TableDecl[];
  addedColumns: AddedColumn[];
  variables: VariableDecl[];
  facts: FileFacts;
  /** One coverage note when statements naming an LSID or lseq could not be parsed and were analyzed by tokens alone. */
  notes: ParseProblem[];
}

export interface SqlAnalysisOptions {
  /** A dialect name (config `sql.dialect`); a `-- lsid-lint-dialect:` comment in the file wins. */
  dialect?: string;
  /** Skip node-sql-parser entirely (for measuring and for cross-checking the scanner). */
  tokensOnly?: boolean;
  /**
   * The SQL is embedded in code whose findings count only when that file is in Bomgar context, so
   * its LSID columns need no evidence of their own (`SELECT TOP 1 lsid FROM support_session …`).
   */
  hostContext?: boolean;
}

/** Statements whose AST is worth having even when the scan found nothing: it checks every declared column. */
const DECLARATIONS: ReadonlySet<string> = new Set(['CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX']);

/**
 * node-sql-parser runs at roughly 0.1–1 MB/s depending on the grammar and the statement, and the
 * scanner at several MB/s; past this much parsed text per file, statements are left to the scanner
 * (deterministically, by size, not by time).
 */
const PARSER_BUDGET = 256 * 1024;

export function analyzeSql(text: string, options: SqlAnalysisOptions = {}): SqlAnalysis {
  const dialect = chooseDialect(text, options.dialect);
  const { tokens, slashTerminators } = tokenize(text, dialect.dialect);
  const statements = splitStatements(tokens, dialect.dialect, slashTerminators);
  const reports: StatementReport[] = [];
  const scans: ScanOutput[] = [];
  const candidates: Candidate[] = [];
  const notes: ParseProblem[] = [];

  let parsedBytes = 0;
  const vendorInFile = VENDOR_WORD_PATTERN.test(text);
  statements.forEach((statement, index) => {
    const scan = scanStatement(text, tokens, statement, index, dialect.dialect, vendorInFile);
    scans.push(scan);
    const report: StatementReport = { span: { start: statement.start, end: statement.end }, head: statement.head, mode: 'skipped', vetoed: [], added: [] };
    reports.push(report);
    if (!scan.subjectRefs.length) {
      candidates.push(...scan.candidates);
      return;
    }
    // The parser vets findings and declarations; a query in which the scan found nothing is not worth its cost.
    if (!scan.candidates.length && !DECLARATIONS.has(statement.head) && !(dialect.dialect === 'mssql' && statement.head === 'DECLARE')) {
      report.mode = 'scanned';
      return;
    }
    const length = statement.end - statement.start;
    const outcome = options.tokensOnly ? { status: 'unsupported' as const, reason: 'parser disabled' }
      : parsedBytes + length > PARSER_BUDGET ? { status: 'unsupported' as const, reason: `the file's parser budget (${PARSER_BUDGET / 1024} KiB of statements) is used up` }
      : parseStatement(text, tokens, statement, dialect.dialect);
    if (outcome.status !== 'unsupported') parsedBytes += length;
    if (outcome.status === 'parsed') {
      report.mode = 'parser';
      candidates.push(...reconcile(scan, astFindings(outcome.ast, dialect.dialect), index, report));
      return;
    }
    report.mode = 'tokens';
    report.reason = outcome.reason;
    candidates.push(...scan.candidates);
  });
  const fallbacks = reports.filter((report) => report.mode === 'tokens');
  if (fallbacks.length) {
    const first = fallbacks[0]!;
    notes.push({
      span: first.span,
      message: `${fallbacks.length} SQL ${fallbacks.length === 1 ? 'statement' : 'statements'} naming lsid/lseq analyzed by the token scanner alone, without node-sql-parser (${dialect.dialect}; first: ${first.head || 'statement'}: ${first.reason})`,
    });
  }

  const tables = scans.flatMap((scan) => scan.tables);
  const addedColumns = scans.flatMap((scan) => scan.added);
  const variables = scans.flatMap((scan) => scan.variables);
  const facts = judge({ text, dialect: dialect.dialect, scans, candidates, tables, addedColumns, variables, hostContext: options.hostContext === true });
  return { dialect, statements: reports, tables, addedColumns, variables, facts, notes };
}

/**
 * Keeps the scanner's candidates that the AST confirms (same kind and name, counted), drops the
 * others, and adds what only the AST saw, placed on the first matching name in the statement.
 */
function reconcile(scan: ScanOutput, findings: readonly AstFinding[], statement: number, report: StatementReport): Candidate[] {
  const fromAst = new Map<string, number>();
  for (const finding of findings) {
    const key = `${finding.kind}:${finding.name.name}`;
    fromAst.set(key, (fromAst.get(key) ?? 0) + 1);
  }
  const kept: Candidate[] = [];
  const fromTokens = new Map<string, number>();
  for (const candidate of scan.candidates) {
    const key = signature(candidate);
    const available = fromAst.get(key) ?? 0;
    if (available > 0) {
      fromAst.set(key, available - 1);
      fromTokens.set(key, (fromTokens.get(key) ?? 0) + 1);
      kept.push(candidate);
    } else {
      report.vetoed.push(`${key} ${candidate.construct}`);
    }
  }
  const used = new Set(kept.map((candidate) => `${candidate.kind}:${candidate.ref.span.start}`));
  for (const finding of findings) {
    const key = `${finding.kind}:${finding.name.name}`;
    const matched = fromTokens.get(key) ?? 0;
    if (matched > 0) {
      fromTokens.set(key, matched - 1);
      continue;
    }
    const place = scan.subjectRefs.find(({ ref }) => ref.name === finding.name.name && !used.has(`${finding.kind}:${ref.span.start}`));
    if (!place) continue;
    used.add(`${finding.kind}:${place.ref.span.start}`);
    report.added.push(`${key} ${finding.construct}`);
    kept.push({
      kind: finding.kind,
      subject: finding.name.subject,
      ref: place.ref,
      exact: finding.name.exact,
      span: place.ref.span,
      construct: finding.construct,
      declaration: finding.declaration,
      ...(finding.other ? { other: { ...finding.other, span: place.ref.span } } : {}),
      ...(finding.operator ? { operator: finding.operator } : {}),
      ...(finding.otherKind ? { otherKind: finding.otherKind } : {}),
      ...(finding.table ? { table: finding.table } : {}),
      statement,
    });
  }
  return kept;
}

interface JudgeInput {
  text: string;
  hostContext: boolean;
  dialect: SqlDialect;
  scans: readonly ScanOutput[];
  candidates: readonly Candidate[];
  tables: readonly TableDecl[];
  addedColumns: readonly AddedColumn[];
  variables: readonly VariableDecl[];
}

const MAX_EVIDENCE = 20;

/** Integration Client `session` columns besides id and lsid (bomgar-api.md §3, §6.7). */
export const IC_SESSION_COLUMNS = new Set(['type', 'start_time', 'end_time', 'duration', 'file_transfers', 'host_name', 'external_key', 'public_site_id', 'public_site_name', 'jump_group_id', 'jump_group_name']);
export const IC_SPECIFIC_COLUMNS = new Set(['file_transfers', 'host_name', 'external_key', 'public_site_id', 'public_site_name', 'jump_group_id', 'jump_group_name']);

/**
 * Context: a column (or variable) named exactly `lsid` or `lseq` is evidence on its own; a query
 * on a table is Bomgar data when the table is declared here with such a column, is named for the
 * vendor, or is the Integration Client's `session` read through `lsid`/`lseq`. Anything weaker
 * (`*_lsid` names, queries on unknown tables) needs that evidence elsewhere in the file.
 */
function judge(input: JudgeInput): FileFacts {
  const { scans, tables, addedColumns, variables } = input;
  const evidence: ContextEvidence[] = [];
  const isExact = (name: string, subject?: 'lsid' | 'lseq'): boolean => (subject ? name === subject : name === 'lsid' || name === 'lseq');

  const known = new Set<string>();
  const columnsOf = new Map<string, Map<string, ColumnDecl>>();
  const declare = (table: string, column: ColumnDecl): void => {
    const columns = columnsOf.get(table) ?? new Map<string, ColumnDecl>();
    if (!columns.has(column.name)) columns.set(column.name, column);
    columnsOf.set(table, columns);
    if (isExact(column.name) && !foreignLsid(column)) {
      known.add(table);
      evidence.push({ kind: 'element', text: `${column.name} column`, span: column.nameSpan });
    }
  };
  for (const table of tables) {
    for (const column of table.columns) declare(table.name, column);
    if (VENDOR_WORD_PATTERN.test(table.name)) known.add(table.name);
  }
  for (const { table, column } of addedColumns) declare(table, column);
  for (const scan of scans) {
    for (const vendor of scan.vendorNames) evidence.push({ kind: 'config', text: vendor.text, span: vendor.span });
    for (const table of scan.scope.tables) if (VENDOR_WORD_PATTERN.test(table)) known.add(table);
  }
  const variableTypes = new Map(variables.map((variable) => [variable.name, variable]));
  const isVariable = (ref: Ref): boolean => ref.variable || (!ref.qualifier && variableTypes.has(ref.name));
  for (const variable of variables) {
    const bare = variable.name.replace(/^[@:$]+/, '');
    if (isExact(bare)) evidence.push({ kind: 'element', text: `${variable.name} variable`, span: variable.span });
  }

  const isKnown = (table: string | undefined, exact: boolean): boolean => table !== undefined && (known.has(table) || (exact && table === 'session'));
  const resolve = (ref: Ref, scope: TableScope): string | undefined => {
    if (ref.variable) return undefined;
    const options: Iterable<string> = ref.qualifier ? (scope.aliases.get(ref.qualifier) ?? [ref.qualifier]) : scope.tables;
    let only: string | undefined;
    let count = 0;
    for (const table of options) {
      if (known.has(table) || table === 'session') return table;
      only = table;
      count++;
    }
    return count === 1 ? only : undefined;
  };

  // Context needs one piece of evidence; a handful is plenty for any report of it.
  for (const scan of scans) {
    if (evidence.length >= MAX_EVIDENCE) break;
    for (const { ref, name } of scan.subjectRefs) {
      if (name.exact && (name.subject === 'lseq' || isKnown(resolve(ref, scan.scope), true))) evidence.push({ kind: 'element', text: ref.name, span: ref.span });
    }
  }
  const fileEvidence = evidence.length > 0 || input.hostContext;

  const valueUses: ValueUse[] = [];
  for (const candidate of input.candidates) {
    const scope = scans[candidate.statement]!.scope;
    const table = candidate.table ?? resolve(candidate.ref, scope);
    if (candidate.declaration && fixedLater(candidate, table, addedColumns, input.dialect)) continue;
    const strongSelf = candidate.exact && (candidate.declaration || candidate.ref.variable);
    if (!(strongSelf || isKnown(table, candidate.exact) || fileEvidence)) continue;
    let kind: ValueUseKind;
    let construct = candidate.construct;
    if (candidate.kind === 'integer-join') {
      // A variable named like an LSID compared with a column: its declaration is the finding.
      if (isVariable(candidate.ref)) continue;
      const other = candidate.other && columnType(candidate.other, scope, columnsOf, resolve);
      if (!other || !isNumericClass(other.column.type)) continue;
      kind = 'numeric-conversion';
      construct = `${candidate.construct} (${other.table}.${other.column.name} is ${other.column.type!.name})`;
    } else {
      kind = candidate.kind;
    }
    if (candidate.operator === '+' && input.dialect === 'mssql' && candidate.otherKind !== 'number') {
      // T-SQL '+' concatenates unless the other operand is a number: a literal, or a column or variable declared numeric here.
      const other = !candidate.other ? undefined : isVariable(candidate.other) ? variableTypes.get(candidate.other.name)?.type : columnType(candidate.other, scope, columnsOf, resolve)?.column.type;
      if (!isNumericClass(other)) continue;
    }
    if (!evidence.length) evidence.push({ kind: 'element', text: candidate.ref.name, span: candidate.ref.span });
    valueUses.push({ subject: candidate.subject, kind, span: candidate.span, construct: construct.replace(/\s+/g, ' ').trim(), origin: isVariable(candidate.ref) ? candidate.ref.name : originOf(candidate, table) });
  }

  for (const table of tables) {
    const missing = missingLseq(table, addedColumns, input.text);
    if (missing) valueUses.push(missing);
  }
  valueUses.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { evidence, localImports: [], valueUses, xmlOps: [] };
}

/**
 * An `lsid` column that cannot hold Bomgar's: a user-defined type (LabKey's `LSIDtype`) or text far
 * longer than a 32-character GUID (LabKey and other Life Science Identifiers are URNs, varchar(300)).
 */
function foreignLsid(column: ColumnDecl): boolean {
  if (column.name !== 'lsid') return false;
  if (!column.type) return true;
  const length = column.type.args[0];
  return column.type.class === 'string' && typeof length === 'number' && length > 64;
}

/**
 * A migration script that creates the pre-10.6 column and later in the same file alters it to a
 * 32-character string has fixed it: the last ALTER of the column decides.
 */
function fixedLater(candidate: Candidate, table: string | undefined, added: readonly AddedColumn[], dialect: SqlDialect): boolean {
  if (!table || (candidate.kind !== 'numeric-type' && candidate.kind !== 'lossy-storage')) return false;
  const later = added.filter((entry) => entry.table === table && entry.column.name === candidate.ref.name && entry.statement > candidate.statement && entry.column.type);
  const last = later[later.length - 1];
  return last !== undefined && lsidStorage(last.column.type!, dialect).verdict === 'ok';
}

function columnType(
  ref: Ref,
  scope: TableScope,
  columnsOf: ReadonlyMap<string, ReadonlyMap<string, ColumnDecl>>,
  resolve: (ref: Ref, scope: TableScope) => string | undefined,
): { table: string; column: ColumnDecl } | undefined {
  const tables = ref.qualifier ? [...(scope.aliases.get(ref.qualifier) ?? [ref.qualifier])] : [...scope.tables];
  for (const table of tables) {
    const column = columnsOf.get(table)?.get(ref.name);
    if (column?.type) return { table, column };
  }
  const resolved = resolve(ref, scope);
  const column = resolved ? columnsOf.get(resolved)?.get(ref.name) : undefined;
  return resolved && column?.type ? { table: resolved, column } : undefined;
}

/** The LSID as a reader finds it: `s.lsid` as written, `session.lsid` when the table is known, `@last_lsid`. */
function originOf(candidate: Candidate, table: string | undefined): string {
  const { ref } = candidate;
  if (ref.variable) return ref.name;
  if (ref.qualifier && !candidate.declaration) return `${ref.qualifier}.${ref.name}`;
  return table && !table.startsWith('(') ? `${table}.${ref.name}` : ref.name;
}

/** The Integration Client's session table (or a copy of it) declared without lseq. */
function missingLseq(table: TableDecl, added: readonly AddedColumn[], text: string): ValueUse | undefined {
  if (table.kind !== 'table' && table.kind !== 'temporary') return undefined;
  if (!/session/.test(table.name)) return undefined;
  const names = new Set(table.columns.map((column) => column.name));
  if (!names.has('lsid') || names.has('lseq')) return undefined;
  if (added.some((entry) => entry.table === table.name && entry.column.name === 'lseq')) return undefined;
  const ic = [...names].filter((name) => IC_SESSION_COLUMNS.has(name)).length;
  const specific = [...names].filter((name) => IC_SPECIFIC_COLUMNS.has(name)).length;
  if (!(table.name === 'session' ? ic >= 3 && specific >= 1 : specific >= 2)) return undefined;
  return {
    subject: 'lseq',
    kind: 'missing-column',
    span: table.nameSpan,
    construct: `CREATE TABLE ${text.slice(table.nameSpan.start, table.nameSpan.end)}`,
    origin: table.name,
  };
}
