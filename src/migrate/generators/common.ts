import type { SqlDialect } from '../../languages/sql/dialect.js';
import { quote, quoteQualified } from '../identifiers.js';
import type { KeyColumn, Name, TableDef } from '../model.js';
import type { MigrationPlan } from '../plan.js';

/** What every generator is given. */
export interface GenerateInput {
  plan: MigrationPlan;
  /** lsid-lint's version, for the header. */
  version: string;
}

export type Generator = (input: GenerateInput) => string;

/** The varchar(32) every converted LSID column becomes. */
export const LSID_TYPE = 'varchar(32)';

export function tableName(table: TableDef, dialect: SqlDialect): string {
  return quoteQualified(table.name, dialect);
}

export function names(list: readonly Name[], dialect: SqlDialect): string {
  return list.map((name) => quote(name, dialect)).join(', ');
}

/** Key columns with what followed them (`DESC`, a MySQL prefix length). */
export function keyColumns(list: readonly (KeyColumn & { expression?: boolean })[], dialect: SqlDialect): string {
  return list.map((column) => (column.expression ? column.name.text : `${quote(column.name, dialect)}${column.suffix ? ` ${column.suffix}` : ''}`)).join(', ');
}

/** The table's schema parts (all but the last), for naming objects in the same schema. */
export function schemaOf(table: TableDef): Name[] {
  return table.name.slice(0, -1);
}

export function indentLines(text: string, prefix: string): string {
  return text.split('\n').map((line) => (line ? prefix + line : line)).join('\n');
}
