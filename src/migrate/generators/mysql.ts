import { literal, quote } from '../identifiers.js';
import { header } from '../header.js';
import { isNotNull, type CheckConstraint, type TableDef } from '../model.js';
import type { ColumnConversion, ConversionGroup, ForeignKeyPlan } from '../plan.js';
import { LSID_TYPE, names, tableName, type Generator } from './common.js';

/**
 * MySQL and MariaDB. `MODIFY COLUMN … varchar(32)` converts the values and keeps the column's
 * indexes and keys; it restates nullability, default and comment, which MODIFY would otherwise
 * reset. A column in a foreign key cannot change type, so each linked group's foreign keys are
 * dropped (found by their columns in information_schema, whatever their names) and re-added.
 * DDL commits implicitly here, so there is no transaction: every step is guarded by
 * information_schema through a prepared statement instead (portable to MySQL 8 and MariaDB,
 * without DELIMITER), which makes the script safe to run twice and to resume after a failure.
 */

const D = 'mysql';
const RUN = 'PREPARE lsid_lint_step FROM @ddl; EXECUTE lsid_lint_step; DEALLOCATE PREPARE lsid_lint_step;';
const SCHEMA = 'table_schema = DATABASE()';

export const generateMysql: Generator = ({ plan, version }) => {
  const out: string[] = [header({ plan, version, profile: {
    dialect: D,
    keyAction: 'kept by MODIFY COLUMN',
    foreignKeyAction: 'dropped before the change and re-added as declared',
    howItRuns: [
      'No transaction: MySQL and MariaDB commit every ALTER TABLE on its own. Instead every step checks information_schema first (a prepared statement runs either the change or DO 0), so the script is safe to run twice and can simply be run again after an interruption.',
      'Foreign keys are found by their columns, whatever name the server gave them; the ones the DDL left unnamed are re-added without a name.',
      'MODIFY keeps NOT NULL / NULL, the default (as text) and the comment; the character set becomes the table\'s default, so tables joined by a converted foreign key must share it.',
      'Tables that do not exist are skipped.',
    ],
  } })];
  if (!plan.groups.length && !plan.lseqOnly.length) return out.join('\n');
  out.push(`-- Each step: SET @ddl to the statement (or 'DO 0' when there is nothing to do), then ${RUN}`, '');
  plan.groups.forEach((group, index) => out.push(...groupSteps(group, index + 1)));
  for (const table of [...plan.groups.flatMap((g) => g.tables), ...plan.lseqOnly]) {
    if (!table.addLseq) continue;
    out.push(`-- ${tableName(table.table, D)}: add lseq`);
    out.push(`SET @ddl = IF(EXISTS (SELECT 1 FROM information_schema.tables WHERE ${SCHEMA} AND table_name = ${literal(table.table.name.at(-1)!.text)})`);
    out.push(`               AND NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE ${SCHEMA} AND table_name = ${literal(table.table.name.at(-1)!.text)} AND column_name = 'lseq'),`);
    out.push(`  ${literal(`ALTER TABLE ${tableName(table.table, D)} ADD COLUMN \`lseq\` int NULL`)}, 'DO 0');`);
    out.push(RUN, '');
  }
  return out.join('\n');
};

function where(table: TableDef, column: string): string {
  return `${SCHEMA} AND table_name = ${literal(table.name.at(-1)!.text)} AND column_name = ${literal(column)}`;
}

/** information_schema condition: the column exists and is not yet a string of 32 characters or more. */
function pending(table: TableDef, column: string): string {
  return `(${where(table, column)} AND NOT (data_type IN ('varchar', 'char', 'text', 'mediumtext', 'longtext') AND character_maximum_length >= 32))`;
}

function groupSteps(group: ConversionGroup, number: number): string[] {
  const lines = [`-- Group ${number}: ${group.tables.map((t) => tableName(t.table, D)).join(', ')}`];
  const conditions = group.tables.flatMap((table) => table.conversions.map((c) => pending(table.table, c.column.name.text)));
  lines.push(`SET @lsid_lint_pending = (SELECT COUNT(*) FROM information_schema.columns WHERE ${conditions.join('\n  OR ')});`);
  for (const fk of group.foreignKeys) lines.push(...dropForeignKey(fk));
  for (const table of group.tables) for (const check of table.checks) lines.push(...dropCheck(table.table, check));
  for (const table of group.tables) {
    for (const conversion of table.conversions) {
      lines.push(`SET @ddl = IF(EXISTS (SELECT 1 FROM information_schema.columns WHERE ${pending(table.table, conversion.column.name.text)}),`);
      lines.push(`  ${literal(modify(table.table, conversion))}, 'DO 0');`);
      lines.push(RUN);
    }
  }
  for (const fk of group.foreignKeys) lines.push(...addForeignKey(fk));
  lines.push('');
  return lines;
}

function modify(table: TableDef, conversion: ColumnConversion): string {
  const column = conversion.column;
  const parts = [`ALTER TABLE ${tableName(table, D)} MODIFY COLUMN ${quote(column.name, D)} ${LSID_TYPE}`, isNotNull(table, column) ? 'NOT NULL' : 'NULL'];
  if (conversion.newDefault !== undefined) parts.push(`DEFAULT ${conversion.newDefault}`);
  if (column.comment) parts.push(`COMMENT ${column.comment}`);
  return parts.join(' ');
}

/** The foreign key's name, looked up by its first column and referenced table. */
function lookup(fk: ForeignKeyPlan): string {
  return [
    'SELECT constraint_name FROM information_schema.key_column_usage',
    `WHERE ${SCHEMA} AND table_name = ${literal(fk.table.name.at(-1)!.text)} AND column_name = ${literal(fk.fk.columns[0]!.text)}`,
    `AND referenced_table_name = ${literal(fk.parent.name.at(-1)!.text)} AND referenced_column_name = ${literal(fk.refColumns[0]?.text ?? '')} LIMIT 1`,
  ].join(' ');
}

function dropForeignKey(fk: ForeignKeyPlan): string[] {
  return [
    `SET @fk = (${lookup(fk)});`,
    `SET @ddl = IF(@lsid_lint_pending > 0 AND @fk IS NOT NULL, CONCAT(${literal(`ALTER TABLE ${tableName(fk.table, D)} DROP FOREIGN KEY \``)}, @fk, '\`'), 'DO 0');`,
    RUN,
  ];
}

function addForeignKey(fk: ForeignKeyPlan): string[] {
  const name = fk.fk.name ? `CONSTRAINT ${quote(fk.fk.name, D)} ` : '';
  const ddl = `ALTER TABLE ${tableName(fk.table, D)} ADD ${name}FOREIGN KEY (${names(fk.fk.columns, D)}) REFERENCES ${tableName(fk.parent, D)} (${names(fk.refColumns, D)})${fk.fk.actions ? ` ${fk.fk.actions}` : ''}`;
  return [`SET @ddl = IF(EXISTS (${lookup(fk)}), 'DO 0',`, `  ${literal(ddl)});`, RUN];
}

/** Checks on a converted column, found by name or, unnamed, by the column they mention. */
function dropCheck(table: TableDef, check: CheckConstraint): string[] {
  const match = check.name
    ? `tc.constraint_name = ${literal(check.name.text)}`
    : `cc.check_clause LIKE ${literal(`%${[...check.mentions].find((word) => table.columns.some((c) => c.name.text.toLowerCase() === word)) ?? ''}%`)}`;
  return [
    `SET @ck = (SELECT tc.constraint_name FROM information_schema.table_constraints AS tc JOIN information_schema.check_constraints AS cc ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name WHERE tc.${SCHEMA} AND tc.table_name = ${literal(table.name.at(-1)!.text)} AND tc.constraint_type = 'CHECK' AND ${match} LIMIT 1);`,
    `SET @ddl = IF(@lsid_lint_pending > 0 AND @ck IS NOT NULL, CONCAT(${literal(`ALTER TABLE ${tableName(table, D)} DROP CONSTRAINT \``)}, @ck, '\`'), 'DO 0');`,
    RUN,
  ];
}
