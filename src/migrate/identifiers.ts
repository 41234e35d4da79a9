import { createHash } from 'node:crypto';
import type { SqlDialect } from '../languages/sql/dialect.js';
import type { Name } from './model.js';

/**
 * Identifiers as each database needs them written. SQL Server and MySQL quote every name
 * (brackets, backticks: quoting never changes how they match). PostgreSQL, Oracle and SQLite
 * keep a name the way the DDL wrote it — quoting an unquoted name there would make it case
 * sensitive — and quote only what was quoted or cannot stand bare.
 */

const BARE = /^[A-Za-z_][A-Za-z0-9_$]*$/;

export function quote(name: Name, dialect: SqlDialect): string {
  switch (dialect) {
    case 'mssql':
      return `[${name.text.replace(/]/g, ']]')}]`;
    case 'mysql':
      return `\`${name.text.replace(/`/g, '``')}\``;
    default:
      return name.quoted || !BARE.test(name.text) ? `"${name.text.replace(/"/g, '""')}"` : name.text;
  }
}

export function quoteQualified(parts: readonly Name[], dialect: SqlDialect): string {
  return parts.map((part) => quote(part, dialect)).join('.');
}

/** The name as the database's catalog stores it: PostgreSQL folds unquoted names to lower case, Oracle to upper case. */
export function catalogName(name: Name, dialect: SqlDialect): string {
  if (name.quoted) return name.text;
  if (dialect === 'postgres') return name.text.toLowerCase();
  if (dialect === 'oracle') return name.text.toUpperCase();
  return name.text;
}

/** A SQL string literal. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Longest identifier each database accepts (Oracle: 30 before 12.2, so 30). */
export const MAX_NAME_LENGTH: Readonly<Record<SqlDialect, number>> = { mssql: 128, mysql: 64, postgres: 63, sqlite: 128, oracle: 30 };

/** A generated name within the database's limit: shortened with a stable hash suffix when too long. */
export function fitName(text: string, dialect: SqlDialect): Name {
  const max = MAX_NAME_LENGTH[dialect];
  const cased = dialect === 'oracle' ? text.toUpperCase() : text;
  if (cased.length <= max) return { text: cased, quoted: false };
  const hash = createHash('sha1').update(cased).digest('hex').slice(0, 6);
  return { text: `${cased.slice(0, max - 7)}_${dialect === 'oracle' ? hash.toUpperCase() : hash}`, quoted: false };
}

/**
 * PostgreSQL's own name for an unnamed constraint (makeObjectName): `table_col1_col2_fkey`, the
 * two parts shortened alternately, longer first, until the whole fits 63 bytes.
 */
export function postgresConstraintName(table: string, columns: readonly string[], label: 'fkey' | 'check' | 'key' | 'pkey'): string {
  let name2 = columns.join('_');
  if (label === 'pkey') name2 = '';
  let length1 = table.length;
  let length2 = name2.length;
  const overhead = label.length + 1 + (name2 ? 1 : 0);
  while (length1 + length2 > 63 - overhead) {
    if (length1 > length2) length1--;
    else length2--;
  }
  return [table.slice(0, length1), name2.slice(0, length2), label].filter(Boolean).join('_');
}
