import { catalogName, literal, postgresConstraintName, quote } from '../identifiers.js';
import { header } from '../header.js';
import { columnOf, type CheckConstraint, type Name, type TableDef } from '../model.js';
import type { ConversionGroup, ForeignKeyPlan } from '../plan.js';
import { indentLines, LSID_TYPE, names, tableName, type Generator } from './common.js';

/**
 * PostgreSQL. `ALTER COLUMN … TYPE varchar(32) USING lsid::varchar(32)` rewrites the column and
 * rebuilds its indexes, primary and unique keys by itself; foreign keys cannot span an integer
 * and a varchar, so the foreign keys of each linked group are dropped before and re-added after,
 * and checks that compare the LSID with numbers are dropped. Everything runs in one transaction
 * (PostgreSQL DDL is transactional); each group sits in a DO block that runs only while one of
 * its columns is not yet a string of 32 characters or more, and lseq is added with
 * ADD COLUMN IF NOT EXISTS, so a second run changes nothing.
 */

const D = 'postgres';

export const generatePostgres: Generator = ({ plan, version }) => {
  const out: string[] = [header({ plan, version, profile: {
    dialect: D,
    keyAction: 'rebuilt by PostgreSQL with the column',
    foreignKeyAction: 'dropped before the change and re-added as declared',
    viewNote: 'if it uses a converted column, PostgreSQL refuses the change: drop the view before and recreate it after',
    howItRuns: [
      'One transaction (BEGIN … COMMIT): an error rolls back every change. Run it with psql -v ON_ERROR_STOP=1 -f <file>.',
      'Safe to run twice: each group of tables is converted in a DO block only while one of its LSID columns is not yet a string of 32 or more characters (information_schema.columns), and lseq is added with ADD COLUMN IF NOT EXISTS.',
      'Foreign keys and checks the DDL left unnamed are dropped by the names PostgreSQL gives them (table_column_fkey, table_column_check).',
      'Tables that do not exist are skipped. PostgreSQL refuses to change a column that a view or rule uses: drop such views before and recreate them after.',
    ],
  } })];
  if (!plan.groups.length && !plan.lseqOnly.length) return out.join('\n');
  out.push('BEGIN;', '');
  plan.groups.forEach((group, index) => out.push(...groupBlock(group, index + 1)));
  for (const table of [...plan.groups.flatMap((g) => g.tables), ...plan.lseqOnly]) {
    if (table.addLseq) out.push(`ALTER TABLE IF EXISTS ${tableName(table.table, D)} ADD COLUMN IF NOT EXISTS lseq int NULL;`, '');
  }
  out.push('COMMIT;', '');
  return out.join('\n');
};

function schemaCondition(table: TableDef): string {
  const schema = table.name.length > 1 ? literal(catalogName(table.name[table.name.length - 2]!, D)) : 'current_schema()';
  return `table_schema = ${schema}`;
}

function groupBlock(group: ConversionGroup, number: number): string[] {
  const columns = group.tables.flatMap((table) => table.conversions.map((c) => (
    `(${schemaCondition(table.table)} AND table_name = ${literal(catalogName(table.table.name[table.table.name.length - 1]!, D))} AND column_name = ${literal(catalogName(c.column.name, D))})`
  )));
  const lines = [`-- Group ${number}: ${group.tables.map((t) => tableName(t.table, D)).join(', ')}`, 'DO $$', 'BEGIN'];
  lines.push('  IF EXISTS (SELECT 1 FROM information_schema.columns');
  lines.push(`             WHERE (${columns.join('\n                 OR ')})`);
  lines.push(`               AND NOT (data_type IN ('character varying', 'text') AND coalesce(character_maximum_length, 32) >= 32)) THEN`);
  const body: string[] = [];
  for (const fk of group.foreignKeys) body.push(`ALTER TABLE ${tableName(fk.table, D)} DROP CONSTRAINT IF EXISTS ${quote(foreignKeyName(fk), D)};`);
  for (const table of group.tables) {
    for (const check of table.checks) body.push(`ALTER TABLE ${tableName(table.table, D)} DROP CONSTRAINT IF EXISTS ${quote(checkName(table.table, check), D)};`);
  }
  for (const table of group.tables) {
    for (const conversion of table.conversions) {
      const column = quote(conversion.column.name, D);
      const target = `ALTER TABLE ${tableName(table.table, D)} ALTER COLUMN ${column}`;
      if (conversion.column.defaultExpr !== undefined) body.push(`${target} DROP DEFAULT;`);
      body.push(`${target} TYPE ${LSID_TYPE} USING ${column}::${LSID_TYPE};`);
      if (conversion.newDefault !== undefined) body.push(`${target} SET DEFAULT ${conversion.newDefault};`);
    }
  }
  for (const fk of group.foreignKeys) {
    body.push(`ALTER TABLE ${tableName(fk.table, D)} ADD CONSTRAINT ${quote(foreignKeyName(fk), D)} FOREIGN KEY (${names(fk.fk.columns, D)}) REFERENCES ${tableName(fk.parent, D)} (${names(fk.refColumns, D)})${fk.fk.actions ? ` ${fk.fk.actions}` : ''};`);
  }
  lines.push(indentLines(body.join('\n'), '    '));
  lines.push('  END IF;', 'END', '$$;', '');
  return lines;
}

function foreignKeyName(fk: ForeignKeyPlan): Name {
  return fk.fk.name ?? generated(postgresConstraintName(catalogName(fk.table.name[fk.table.name.length - 1]!, D), fk.fk.columns.map((c) => catalogName(c, D)), 'fkey'));
}

function checkName(table: TableDef, check: CheckConstraint): Name {
  if (check.name) return check.name;
  const columns = [...check.mentions].filter((word) => columnOf(table, word));
  const tableText = catalogName(table.name[table.name.length - 1]!, D);
  return generated(postgresConstraintName(tableText, columns.length === 1 ? columns : [], 'check'));
}

/** A name PostgreSQL generated from (possibly quoted, mixed-case) table and column names: quoted unless it is all lower case. */
function generated(text: string): Name {
  return { text, quoted: !/^[a-z_][a-z0-9_$]*$/.test(text) };
}
