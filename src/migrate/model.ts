import type { DataType } from '../languages/sql/data-types.js';
import type { SqlDialect } from '../languages/sql/dialect.js';

/**
 * The DDL model the migration generator works from: the tables, columns, keys, indexes,
 * foreign keys and constraints the scanned `.sql` files declare, after replaying every
 * CREATE / ALTER / DROP in file order. Names keep how they were written (quoted or not), so a
 * generator can write them back the way the database knows them.
 */

/** One identifier as written: `session`, `[Session]`, `"Session"`. */
export interface Name {
  /** The unquoted text, original case. */
  text: string;
  quoted: boolean;
}

/** Where a declaration was read: file relative to the working directory, 1-based line. */
export interface Origin {
  file: string;
  line: number;
}

export interface ColumnDef {
  name: Name;
  /** The type as written (`int(10) unsigned`, `NUMBER(10)`), or undefined for a user-defined or missing type. */
  typeText?: string;
  type?: DataType;
  /** Declared NOT NULL (a primary key's columns are NOT NULL too: see isNotNull). */
  notNull: boolean;
  /** The default expression as written (`0`, `((0))`, `'x'`, `getdate()`). */
  defaultExpr?: string;
  /** T-SQL `CONSTRAINT df_x DEFAULT …`: the default constraint's name. */
  defaultName?: Name;
  /** `IDENTITY(1,1)`, `AUTO_INCREMENT`, `AUTOINCREMENT`, `GENERATED … AS IDENTITY`, `serial`: the database numbers it. */
  identity?: string;
  /** MySQL `COMMENT '…'` as written, kept by MODIFY. */
  comment?: string;
  /** `COLLATE x` as written. */
  collate?: string;
  origin: Origin;
}

/** A column in a key or index, with what followed it (`DESC`, MySQL prefix length `(10)`). */
export interface KeyColumn {
  name: Name;
  suffix: string;
}

export interface KeyConstraint {
  kind: 'primary' | 'unique';
  name?: Name;
  columns: KeyColumn[];
  /** T-SQL CLUSTERED / NONCLUSTERED as declared. */
  clustering?: 'CLUSTERED' | 'NONCLUSTERED';
}

export interface ForeignKey {
  name?: Name;
  columns: Name[];
  /** The referenced table's key (see tableKey). */
  refTable: string;
  refTableName: Name[];
  /** Empty when the DDL names only the table (the referenced table's primary key). */
  refColumns: Name[];
  /** `ON DELETE CASCADE …` as written. */
  actions: string;
}

export interface CheckConstraint {
  name?: Name;
  expr: string;
  /** Lower-case identifiers the expression mentions. */
  mentions: Set<string>;
}

export interface IndexDef {
  name: Name;
  unique: boolean;
  /** T-SQL CLUSTERED / NONCLUSTERED. */
  clustering?: 'CLUSTERED' | 'NONCLUSTERED';
  /** Columns; an expression column keeps its text in `name.text` with `expression` set. */
  columns: (KeyColumn & { expression?: boolean })[];
  /** T-SQL INCLUDE (…). */
  include: Name[];
  /** A partial / filtered index predicate as written. */
  where?: string;
  /** PostgreSQL / MySQL `USING btree`. */
  using?: string;
  /** Declared inside CREATE TABLE (MySQL `KEY ix (c)`, T-SQL inline `INDEX ix (c)`). */
  inline: boolean;
  origin: Origin;
}

export interface TableDef {
  /** Lower-case last name part: how tables are matched across files and references. */
  key: string;
  /** The qualified name as written (`[dbo].[session]` → two parts). */
  name: Name[];
  columns: ColumnDef[];
  primaryKey?: KeyConstraint;
  uniques: KeyConstraint[];
  foreignKeys: ForeignKey[];
  checks: CheckConstraint[];
  indexes: IndexDef[];
  origin: Origin;
  /** What follows the element list as written (`WITHOUT ROWID`, `STRICT`, `ENGINE=InnoDB`). */
  options?: string;
  /** The dialect of the file that declared it. */
  dialect: SqlDialect;
}

/** A view or trigger: the migration cannot rewrite them, but lists the ones reading converted tables. */
export interface DependentObject {
  kind: 'view' | 'trigger';
  name: Name[];
  /** Lower-case table names it mentions. */
  tables: Set<string>;
  /** For a trigger: the table it is on. */
  on?: string;
  /** The statement's text, to recreate SQLite triggers dropped with their table. */
  text: string;
  origin: Origin;
}

export interface DdlModel {
  tables: Map<string, TableDef>;
  dependents: DependentObject[];
  /** Files read, and files left out because their dialect is not the target's. */
  files: string[];
  skippedFiles: { file: string; reason: string }[];
  /**
   * `table.column` (lower case) of every column declaration the SQL analyzer reports as an LSID
   * with a numeric or too short type, judged in Bomgar context: how `*_lsid` columns qualify.
   */
  flagged: Set<string>;
}

export function tableKey(name: readonly Name[]): string {
  return name[name.length - 1]!.text.toLowerCase();
}

export function columnOf(table: TableDef, name: string): ColumnDef | undefined {
  const lower = name.toLowerCase();
  return table.columns.find((column) => column.name.text.toLowerCase() === lower);
}

export function sameName(a: Name, b: Name | string): boolean {
  return a.text.toLowerCase() === (typeof b === 'string' ? b : b.text).toLowerCase();
}

/** NOT NULL as declared, or implied by the primary key. */
export function isNotNull(table: TableDef, column: ColumnDef): boolean {
  return column.notNull || (table.primaryKey?.columns.some((key) => sameName(key.name, column.name)) ?? false);
}
