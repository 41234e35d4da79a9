import type { Span, Subject, ValueUseKind } from '../../types.js';
import { namedSubject } from '../../knowledge/names.js';
import type { DataType } from './data-types.js';

/**
 * What the SQL analysis learns before judging: declared tables, columns and variables, and hazard
 * candidates. Both front ends (node-sql-parser ASTs and the token scanner) speak this model, so
 * one judge decides for both.
 */

/** A column, variable or parameter whose name makes it an LSID or lseq. */
export interface SubjectName {
  subject: Subject;
  /** Lower-case, without quotes; variables keep their sigil (`@lsid`). */
  name: string;
  /** `lsid` / `lseq` itself (also `@lsid`), as opposed to `session_lsid`, `last_lsid` … */
  exact: boolean;
}

/** Variables lose their sigil before the name is judged: `@last_lsid` → `last_lsid`. */
const MENTIONS_SUBJECT = /ls(?:id|eq)/i;

export function subjectName(raw: string): SubjectName | undefined {
  if (!MENTIONS_SUBJECT.test(raw)) return undefined;
  const name = raw.toLowerCase();
  const bare = name.replace(/^(?:@@?|:|\$)/, '');
  for (const subject of ['lsid', 'lseq'] as const) {
    if (namedSubject(bare, subject) === 'value') return { subject, name, exact: bare === subject };
  }
  return undefined;
}

/** A reference to a column or variable: `s.lsid`, `lsid`, `@last_lsid`. */
export interface Ref {
  /** The last part, lower-cased (variables keep their sigil). */
  name: string;
  /** The part before it (`s` in `s.lsid`), lower-cased. */
  qualifier?: string;
  variable: boolean;
  span: Span;
}

export type CandidateKind = ValueUseKind | 'integer-join';

/** A hazard found in one statement, before context is judged. */
export interface Candidate {
  kind: CandidateKind;
  subject: Subject;
  ref: Ref;
  exact: boolean;
  span: Span;
  construct: string;
  /** A declaration (column, variable, key) rather than a use in a query. */
  declaration: boolean;
  /** The other operand of `=` or `+`, when it is a column or variable (joins, string concatenation). */
  other?: Ref;
  /** The operator of an arithmetic candidate (`+` concatenates text in T-SQL). */
  operator?: string;
  /** What the other operand of an arithmetic candidate is. */
  otherKind?: 'number' | 'string' | 'ref' | 'other';
  /** The declared table a column declaration or key belongs to. */
  table?: string;
  statement: number;
}

/** The key on which the parser's and the scanner's findings for one statement are matched. */
export function signature(candidate: Pick<Candidate, 'kind' | 'ref'>): string {
  return `${candidate.kind}:${candidate.ref.name}`;
}

export type TableKind = 'table' | 'temporary' | 'table-variable' | 'returned';

export interface ColumnDecl {
  name: string;
  nameSpan: Span;
  type?: DataType;
  typeSpan?: Span;
}

export interface TableDecl {
  /** Lower-case last name part (`session` for `[dbo].[Session]`); table variables keep their `@`. */
  name: string;
  nameSpan: Span;
  kind: TableKind;
  columns: ColumnDecl[];
  statement: number;
}

export interface VariableDecl {
  name: string;
  type: DataType;
  span: Span;
}

/** Per statement: the tables it reads or writes, by alias and by name. */
export interface TableScope {
  /** alias or table name → table names (lower-case last parts). */
  aliases: Map<string, Set<string>>;
  tables: Set<string>;
}

/** A column added to an existing table by ALTER TABLE. */
export interface AddedColumn {
  table: string;
  column: ColumnDecl;
  statement: number;
}
