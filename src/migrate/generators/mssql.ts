import { fitName, literal, quote, quoteQualified } from '../identifiers.js';
import { header } from '../header.js';
import { isNotNull, type KeyConstraint, type Name, type TableDef } from '../model.js';
import type { ConversionGroup, ForeignKeyPlan } from '../plan.js';
import { indentLines, keyColumns, LSID_TYPE, names, schemaOf, tableName, type Generator } from './common.js';

/**
 * SQL Server. ALTER COLUMN refuses a column that an index, key, foreign key, default or check
 * constraint uses, so each group of linked tables drops those (by the name the DDL gives, or found
 * in the catalog when the DDL left the name to SQL Server), alters the columns and recreates them
 * as the DDL declares them. One batch, one transaction, XACT_ABORT and TRY/CATCH: any error rolls
 * everything back. Each group runs only while one of its columns is not yet varchar(32), and lseq
 * is added only when missing, so a second run changes nothing.
 */

const D = 'mssql';

export const generateMssql: Generator = ({ plan, version }) => {
  const out: string[] = [header({ plan, version, profile: {
    dialect: D,
    keyAction: 'dropped before the change and recreated as declared',
    foreignKeyAction: 'dropped before the change and recreated as declared',
    howItRuns: [
      'One batch in one transaction with SET XACT_ABORT ON and TRY/CATCH: an error rolls back every change and is re-raised.',
      'Safe to run twice: each group of tables is converted only while one of its LSID columns is not yet varchar(32) (sys.columns), and lseq is added only when the column is missing (COL_LENGTH).',
      'Constraints the DDL left unnamed are found in the catalog to be dropped, and recreated with the names given here (PK_/UQ_/FK_/DF_ + table and column).',
      'Tables that do not exist are skipped. ALTER COLUMN fails (and everything rolls back) when another object not declared in the scanned SQL uses the column, e.g. a schema-bound view or user-created statistics: drop it first.',
    ],
  } })];
  if (!plan.groups.length && !plan.lseqOnly.length) return out.join('\n');
  out.push('SET XACT_ABORT ON;', 'SET NOCOUNT ON;', 'GO', '', 'BEGIN TRY', '    BEGIN TRANSACTION;', '    DECLARE @name sysname, @sql nvarchar(max);', '');
  const body: string[] = [];
  plan.groups.forEach((group, index) => body.push(...groupBlock(group, index + 1)));
  for (const table of [...plan.groups.flatMap((g) => g.tables), ...plan.lseqOnly]) {
    if (!table.addLseq) continue;
    const name = literal(tableName(table.table, D));
    body.push(`-- ${tableName(table.table, D)}: add lseq`);
    body.push(`IF OBJECT_ID(N${name}, N'U') IS NOT NULL AND COL_LENGTH(N${name}, N'lseq') IS NULL`);
    body.push(`    ALTER TABLE ${tableName(table.table, D)} ADD [lseq] int NULL;`, '');
  }
  out.push(indentLines(body.join('\n'), '    '));
  out.push('    COMMIT TRANSACTION;', 'END TRY', 'BEGIN CATCH', '    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;', '    THROW;', 'END CATCH;', 'GO', '');
  return out.join('\n');
};

function groupBlock(group: ConversionGroup, number: number): string[] {
  const columns = group.tables.flatMap((table) => table.conversions.map((c) => `(object_id = OBJECT_ID(N${literal(tableName(table.table, D))}) AND name = N${literal(c.column.name.text)})`));
  const lines: string[] = [`-- Group ${number}: ${group.tables.map((t) => tableName(t.table, D)).join(', ')}`];
  lines.push('-- Runs while one of these columns is not yet varchar(32) or longer (system_type_id 167 is varchar).');
  lines.push('IF EXISTS (SELECT 1 FROM sys.columns');
  lines.push(`           WHERE (${columns.join(`\n                  OR `)})`);
  lines.push('             AND NOT (system_type_id = 167 AND (max_length >= 32 OR max_length = -1)))');
  lines.push('BEGIN');
  const body: string[] = [];
  // 1. Drop: foreign keys, then indexes, unique keys, primary keys, defaults and checks on the columns.
  for (const fk of group.foreignKeys) body.push(...dropForeignKey(fk));
  for (const table of group.tables) {
    for (const index of table.indexes) {
      body.push(`IF EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N${literal(tableName(table.table, D))}) AND name = N${literal(index.name.text)})`);
      body.push(`    DROP INDEX ${quote(index.name, D)} ON ${tableName(table.table, D)};`);
    }
    for (const key of table.uniques) body.push(...dropKey(table.table, key));
    if (table.primaryKey) body.push(...dropKey(table.table, table.primaryKey));
    for (const conversion of table.conversions) {
      if (conversion.column.defaultExpr === undefined) continue;
      body.push(...dropLookedUp(table.table, `SELECT name FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID(N${literal(tableName(table.table, D))}) AND parent_column_id = COLUMNPROPERTY(OBJECT_ID(N${literal(tableName(table.table, D))}), N${literal(conversion.column.name.text)}, 'ColumnId')`));
    }
    for (const check of table.checks) {
      if (check.name) body.push(...dropNamed(table.table, check.name, 'C'));
      else {
        const like = table.conversions.filter((c) => check.mentions.has(c.column.name.text.toLowerCase())).map((c) => `definition LIKE N${literal(`%\\[${c.column.name.text}]%`)} ESCAPE N'\\'`).join(' OR ');
        body.push(...dropLookedUp(table.table, `SELECT TOP (1) name FROM sys.check_constraints WHERE parent_object_id = OBJECT_ID(N${literal(tableName(table.table, D))}) AND (${like})`));
      }
    }
  }
  // 2. Convert: int values become their digits as text.
  for (const table of group.tables) {
    for (const conversion of table.conversions) {
      body.push(`ALTER TABLE ${tableName(table.table, D)} ALTER COLUMN ${quote(conversion.column.name, D)} ${LSID_TYPE} ${isNotNull(table.table, conversion.column) ? 'NOT NULL' : 'NULL'};`);
    }
  }
  // 3. Recreate, referenced keys before the foreign keys that need them.
  for (const table of group.tables) {
    if (table.primaryKey) body.push(addKey(table.table, table.primaryKey));
    for (const key of table.uniques) body.push(addKey(table.table, key));
    for (const index of table.indexes) {
      const kind = `${index.unique ? 'UNIQUE ' : ''}${index.clustering ? `${index.clustering} ` : ''}INDEX`;
      const include = index.include.length ? ` INCLUDE (${names(index.include, D)})` : '';
      const where = index.where ? ` WHERE ${index.where}` : '';
      body.push(`CREATE ${kind} ${quote(index.name, D)} ON ${tableName(table.table, D)} (${keyColumns(index.columns, D)})${include}${where};`);
    }
    for (const conversion of table.conversions) {
      if (conversion.newDefault === undefined) continue;
      const name = conversion.column.defaultName ?? generated(`DF_${table.table.key}_${conversion.column.name.text}`);
      body.push(`ALTER TABLE ${tableName(table.table, D)} ADD CONSTRAINT ${quote(name, D)} DEFAULT (${conversion.newDefault}) FOR ${quote(conversion.column.name, D)};`);
    }
  }
  for (const fk of group.foreignKeys) {
    const name = fk.fk.name ?? generated(`FK_${fk.table.key}_${fk.fk.columns.map((c) => c.text).join('_')}`);
    body.push(`ALTER TABLE ${tableName(fk.table, D)} ADD CONSTRAINT ${quote(name, D)} FOREIGN KEY (${names(fk.fk.columns, D)}) REFERENCES ${tableName(fk.parent, D)} (${names(fk.refColumns, D)})${fk.fk.actions ? ` ${fk.fk.actions}` : ''};`);
  }
  lines.push(indentLines(body.join('\n'), '    '));
  lines.push('END;', '');
  return lines;
}

function generated(text: string): Name {
  return fitName(text, D);
}

function objectName(table: TableDef, name: Name): string {
  return quoteQualified([...schemaOf(table), name], D);
}

function dropNamed(table: TableDef, name: Name, type: string): string[] {
  return [
    `IF OBJECT_ID(N${literal(objectName(table, name))}, N'${type}') IS NOT NULL`,
    `    ALTER TABLE ${tableName(table, D)} DROP CONSTRAINT ${quote(name, D)};`,
  ];
}

/** Drops the constraint the catalog query names (for constraints whose name SQL Server chose). */
function dropLookedUp(table: TableDef, query: string): string[] {
  return [
    `SET @name = (${query});`,
    'IF @name IS NOT NULL',
    'BEGIN',
    `    SET @sql = N${literal(`ALTER TABLE ${tableName(table, D)} DROP CONSTRAINT `)} + QUOTENAME(@name);`,
    '    EXEC sys.sp_executesql @sql;',
    'END;',
  ];
}

function dropKey(table: TableDef, key: KeyConstraint): string[] {
  if (key.name) return dropNamed(table, key.name, key.kind === 'primary' ? 'PK' : 'UQ');
  const name = literal(tableName(table, D));
  if (key.kind === 'primary') return dropLookedUp(table, `SELECT name FROM sys.key_constraints WHERE parent_object_id = OBJECT_ID(N${name}) AND type = 'PK'`);
  const first = literal(key.columns[0]!.name.text);
  return dropLookedUp(table, `SELECT TOP (1) kc.name FROM sys.key_constraints AS kc JOIN sys.index_columns AS ic ON ic.object_id = kc.parent_object_id AND ic.index_id = kc.unique_index_id WHERE kc.parent_object_id = OBJECT_ID(N${name}) AND kc.type = 'UQ' AND ic.key_ordinal = 1 AND COL_NAME(ic.object_id, ic.column_id) = N${first}`);
}

function addKey(table: TableDef, key: KeyConstraint): string {
  const name = key.name ?? generated(key.kind === 'primary' ? `PK_${table.key}` : `UQ_${table.key}_${key.columns.map((c) => c.name.text).join('_')}`);
  const kind = key.kind === 'primary' ? 'PRIMARY KEY' : 'UNIQUE';
  return `ALTER TABLE ${tableName(table, D)} ADD CONSTRAINT ${quote(name, D)} ${kind}${key.clustering ? ` ${key.clustering}` : ''} (${keyColumns(key.columns, D)});`;
}

function dropForeignKey(fk: ForeignKeyPlan): string[] {
  if (fk.fk.name) return dropNamed(fk.table, fk.fk.name, 'F');
  const child = literal(tableName(fk.table, D));
  return dropLookedUp(fk.table, [
    'SELECT TOP (1) fk.name FROM sys.foreign_keys AS fk',
    'JOIN sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id',
    `WHERE fk.parent_object_id = OBJECT_ID(N${child}) AND fk.referenced_object_id = OBJECT_ID(N${literal(tableName(fk.parent, D))})`,
    `AND COL_NAME(fkc.parent_object_id, fkc.parent_column_id) = N${literal(fk.fk.columns[0]!.text)}`,
  ].join(' '));
}

