import { quote } from '../identifiers.js';
import { header } from '../header.js';
import { sameName, type ColumnDef, type TableDef } from '../model.js';
import { allTablePlans, type ColumnConversion, type MigrationPlan, type TablePlan } from '../plan.js';
import { keyColumns, LSID_TYPE, names, tableName, type Generator } from './common.js';

/**
 * SQLite cannot change a column's type: each affected table is rebuilt the way SQLite's own
 * documentation prescribes (ALTER TABLE, "making other kinds of table schema changes"): with
 * foreign keys off, in one transaction, create the new table, copy the rows, drop the old table,
 * rename the new one, recreate its indexes and triggers, check the foreign keys, commit.
 *
 * Re-running: SQLite has no conditional DDL, so instead every statement is written to do the
 * right thing whatever state it finds. The rebuild copies each row again (an LSID already text
 * stays the same text), and the copy reads `lseq` through
 * `NATURAL LEFT JOIN (SELECT NULL AS lseq)`, which yields the table's own lseq when it has one
 * and NULL when it does not — so a second run keeps the lseq values the first one made room for.
 */

const D = 'sqlite';
const SUFFIX = '__lsid_lint';

export const generateSqlite: Generator = ({ plan, version }) => {
  const out: string[] = [header({ plan, version, profile: {
    dialect: D,
    keyAction: 'recreated with the rebuilt table',
    foreignKeyAction: 'kept in the rebuilt table (its column converted with the referenced one)',
    howItRuns: [
      'Each table listed is rebuilt: create the new table, copy the rows (LSIDs as text), drop the old one, rename the new one, recreate its indexes and the triggers the scanned SQL declares on it. SQLite drops a table\'s triggers with it: triggers not in the scanned SQL must be recreated by hand (list them first: SELECT name FROM sqlite_master WHERE type = \'trigger\').',
      'One transaction, with foreign keys off while the tables are swapped (PRAGMA foreign_keys has no effect inside a transaction, so it is set before BEGIN) and legacy_alter_table on, so that the rename leaves views and other tables\' references alone. Before COMMIT a check fails the script if any foreign key no longer holds.',
      'The first line, .bail on, makes the sqlite3 shell stop at the first error, so an error rolls the transaction back instead of committing the rest (sqlite3 db < file.sql). Other tools: remove that line and make sure the tool stops at the first error.',
      'Safe to run twice: every run rebuilds the tables from what they hold, and lseq is copied when the table already has it. The rows are copied again each time, so a large table takes as long the second time.',
    ],
  } })];
  if (!plan.groups.length && !plan.lseqOnly.length) return out.join('\n');
  out.push('.bail on', 'PRAGMA foreign_keys = OFF;', 'BEGIN;', 'PRAGMA legacy_alter_table = ON;', '');
  for (const table of allTablePlans(plan)) out.push(...rebuild(table, plan));
  out.push('PRAGMA legacy_alter_table = OFF;');
  out.push('-- Fails (and, with .bail on, stops before COMMIT) when a foreign key no longer holds.');
  out.push('CREATE TEMP TABLE lsid_lint_foreign_key_check (violations INTEGER NOT NULL CHECK (violations = 0));');
  out.push('INSERT INTO lsid_lint_foreign_key_check SELECT COUNT(*) FROM pragma_foreign_key_check;');
  out.push('DROP TABLE lsid_lint_foreign_key_check;');
  out.push('COMMIT;', 'PRAGMA foreign_keys = ON;', '');
  return out.join('\n');
};

function rebuild(plan: TablePlan, migration: MigrationPlan): string[] {
  const table = plan.table;
  const strict = /\bSTRICT\b/i.test(table.options ?? '');
  const conversionOf = (column: ColumnDef): ColumnConversion | undefined => plan.conversions.find((c) => c.column === column);
  const temporary = tableName({ ...table, name: [...table.name.slice(0, -1), { text: `${table.name.at(-1)!.text}${SUFFIX}`, quoted: table.name.at(-1)!.quoted }] }, D);
  const what = [...plan.conversions.map((c) => `${c.column.name.text} ${LSID_TYPE}`), ...(plan.addLseq ? ['lseq added'] : [])].join(', ');
  const lines = [`-- ${tableName(table, D)}: rebuilt (${what})`, `DROP TABLE IF EXISTS ${temporary};`];

  const definitions: string[] = [];
  const inlineKey = table.primaryKey?.columns.length === 1 ? table.primaryKey : undefined;
  for (const column of table.columns) {
    const conversion = conversionOf(column);
    const type = conversion ? (strict ? 'TEXT' : LSID_TYPE) : column.typeText;
    const parts = [quote(column.name, D)];
    if (type) parts.push(type);
    const autoincrement = inlineKey && sameName(inlineKey.columns[0]!.name, column.name) && /AUTOINCREMENT/i.test(column.identity ?? '');
    if (autoincrement) parts.push(`${inlineKey.name ? `CONSTRAINT ${quote(inlineKey.name, D)} ` : ''}PRIMARY KEY AUTOINCREMENT`);
    if (column.notNull && !autoincrement) parts.push('NOT NULL');
    const fallback = conversion ? conversion.newDefault : column.defaultExpr;
    if (fallback !== undefined) parts.push(`DEFAULT ${fallback}`);
    if (column.collate) parts.push(`COLLATE ${column.collate}`);
    definitions.push(parts.join(' '));
  }
  const autoincrementKey = table.primaryKey && table.columns.some((column) => sameName(table.primaryKey!.columns[0]!.name, column.name) && /AUTOINCREMENT/i.test(column.identity ?? '') && table.primaryKey!.columns.length === 1);
  if (table.primaryKey && !autoincrementKey) definitions.push(`${constraintName(table.primaryKey.name)}PRIMARY KEY (${keyColumns(table.primaryKey.columns, D)})`);
  for (const key of table.uniques) definitions.push(`${constraintName(key.name)}UNIQUE (${keyColumns(key.columns, D)})`);
  for (const check of table.checks) if (!plan.checks.includes(check)) definitions.push(`${constraintName(check.name)}CHECK ${check.expr}`);
  for (const fk of table.foreignKeys) {
    const parent = migration.model.tables.get(fk.refTable);
    const target = parent ? tableName(parent, D) : names(fk.refTableName, D);
    definitions.push(`${constraintName(fk.name)}FOREIGN KEY (${names(fk.columns, D)}) REFERENCES ${target}${fk.refColumns.length ? ` (${names(fk.refColumns, D)})` : ''}${fk.actions ? ` ${fk.actions}` : ''}`);
  }
  if (plan.addLseq) definitions.push(`lseq ${strict ? 'INTEGER' : 'int'} NULL`);
  lines.push(`CREATE TABLE ${temporary} (`, definitions.map((d) => `  ${d}`).join(',\n'), `)${table.options ? ` ${table.options}` : ''};`);

  const targets = table.columns.map((column) => quote(column.name, D));
  const values = table.columns.map((column) => (conversionOf(column) ? `CAST(${quote(column.name, D)} AS TEXT)` : quote(column.name, D)));
  if (plan.addLseq) {
    targets.push('lseq');
    values.push('lseq');
  }
  lines.push(`INSERT INTO ${temporary} (${targets.join(', ')})`);
  lines.push(`  SELECT ${values.join(', ')}`);
  lines.push(`  FROM ${tableName(table, D)}${plan.addLseq ? ' NATURAL LEFT JOIN (SELECT NULL AS lseq) AS lsid_lint_defaults' : ''};`);
  lines.push(`DROP TABLE ${tableName(table, D)};`);
  lines.push(`ALTER TABLE ${temporary} RENAME TO ${quote(table.name.at(-1)!, D)};`);
  for (const index of table.indexes) {
    const where = index.where ? ` WHERE ${index.where}` : '';
    lines.push(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quote(index.name, D)} ON ${quote(table.name.at(-1)!, D)} (${keyColumns(index.columns, D)})${where};`);
  }
  for (const trigger of migration.model.dependents) {
    if (trigger.kind === 'trigger' && trigger.on === table.key) lines.push(`${trigger.text};`);
  }
  lines.push('');
  return lines;
}

function constraintName(name: { text: string; quoted: boolean } | undefined): string {
  return name ? `CONSTRAINT ${quote(name, D)} ` : '';
}
