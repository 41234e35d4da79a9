import { catalogName, fitName, literal, quote } from '../identifiers.js';
import { header } from '../header.js';
import { isNotNull, type KeyConstraint, type Name, type TableDef } from '../model.js';
import type { ColumnConversion, ConversionGroup, ForeignKeyPlan } from '../plan.js';
import { keyColumns, names, tableName, type Generator } from './common.js';

/**
 * Oracle. A NUMBER column that holds data cannot change type (ORA-01439), so each LSID column is
 * replaced: add a VARCHAR2(32) column, copy TO_CHAR(lsid) into it, drop the old column (CASCADE
 * CONSTRAINTS drops its keys, indexes and the foreign keys that reference it), rename the new
 * column, restore NOT NULL and the default, then recreate the keys, indexes and foreign keys the
 * DDL declares. Oracle commits every DDL statement, so there is no transaction; instead each step
 * checks the data dictionary (user_tab_columns, user_constraints, user_indexes) before it runs,
 * which makes the script safe to run twice and lets a run that was interrupted be resumed by
 * running it again.
 */

const D = 'oracle';
const TEMP_SUFFIX = '_LSIDLINT';
const LSID_TYPE = 'VARCHAR2(32)';

export const generateOracle: Generator = ({ plan, version }) => {
  const out: string[] = [header({ plan, version, profile: {
    dialect: D,
    lsidType: LSID_TYPE,
    lseqType: 'NUMBER(10)',
    keyAction: 'dropped with the old column and recreated as declared',
    foreignKeyAction: 'dropped with the old column and recreated as declared',
    numericColumnNote: 'a NUMBER column is replaced by a new one at the end of the table (SELECT * and INSERT without a column list see a new column order)',
    howItRuns: [
      'No transaction: Oracle commits each DDL statement. Every step checks the data dictionary first, so the script is safe to run twice, and a run that stopped half-way is finished by running it again.',
      `Each LSID column is replaced: ADD <column>${TEMP_SUFFIX} ${LSID_TYPE}, UPDATE … = TO_CHAR(<column>), DROP COLUMN <column> CASCADE CONSTRAINTS, RENAME COLUMN, then NOT NULL and the default.`,
      'Constraints the DDL left unnamed are recreated with names given here (<TABLE>_<COLUMN>_PK/_UK/_FK).',
      'Run it in SQL*Plus or SQLcl as the schema owner (the block ends with a / line); SET SERVEROUTPUT ON first to see each statement as it runs. Tables that do not exist are skipped.',
    ],
  } })];
  if (!plan.groups.length && !plan.lseqOnly.length) return out.join('\n');
  out.push('DECLARE', ...helpers(), 'BEGIN');
  plan.groups.forEach((group, index) => out.push(...groupSteps(group, index + 1)));
  for (const table of [...plan.groups.flatMap((g) => g.tables), ...plan.lseqOnly]) {
    if (!table.addLseq) continue;
    out.push(`  -- ${tableName(table.table, D)}: add lseq`);
    out.push(`  IF has_table(${upper(table.table)}) AND NOT has_column(${upper(table.table)}, 'LSEQ') THEN`);
    out.push(`    run(${literal(`ALTER TABLE ${tableName(table.table, D)} ADD (lseq NUMBER(10) NULL)`)});`);
    out.push('  END IF;');
  }
  out.push('END;', '/', '');
  return out.join('\n');
};

function upper(table: TableDef): string {
  return literal(catalogName(table.name.at(-1)!, D));
}

function helpers(): string[] {
  return [
    '  PROCEDURE run(p_ddl VARCHAR2) IS',
    '  BEGIN',
    '    DBMS_OUTPUT.PUT_LINE(p_ddl);',
    '    EXECUTE IMMEDIATE p_ddl;',
    '  END;',
    '  FUNCTION has_table(p_table VARCHAR2) RETURN BOOLEAN IS',
    '    n PLS_INTEGER;',
    '  BEGIN',
    '    SELECT COUNT(*) INTO n FROM user_tables WHERE table_name = p_table;',
    '    RETURN n > 0;',
    '  END;',
    '  FUNCTION has_column(p_table VARCHAR2, p_column VARCHAR2) RETURN BOOLEAN IS',
    '    n PLS_INTEGER;',
    '  BEGIN',
    '    SELECT COUNT(*) INTO n FROM user_tab_columns WHERE table_name = p_table AND column_name = p_column;',
    '    RETURN n > 0;',
    '  END;',
    '  -- A string column of 32 characters or more: already converted.',
    '  FUNCTION is_text(p_table VARCHAR2, p_column VARCHAR2) RETURN BOOLEAN IS',
    '    n PLS_INTEGER;',
    '  BEGIN',
    "    SELECT COUNT(*) INTO n FROM user_tab_columns WHERE table_name = p_table AND column_name = p_column AND data_type IN ('VARCHAR2', 'NVARCHAR2', 'CHAR', 'NCHAR', 'CLOB') AND char_length >= 32;",
    '    RETURN n > 0;',
    '  END;',
    '  FUNCTION has_constraint(p_table VARCHAR2, p_name VARCHAR2) RETURN BOOLEAN IS',
    '    n PLS_INTEGER;',
    '  BEGIN',
    '    SELECT COUNT(*) INTO n FROM user_constraints WHERE table_name = p_table AND constraint_name = p_name;',
    '    RETURN n > 0;',
    '  END;',
    '  FUNCTION has_index(p_name VARCHAR2) RETURN BOOLEAN IS',
    '    n PLS_INTEGER;',
    '  BEGIN',
    '    SELECT COUNT(*) INTO n FROM user_indexes WHERE index_name = p_name;',
    '    RETURN n > 0;',
    '  END;',
  ];
}

function groupSteps(group: ConversionGroup, number: number): string[] {
  const lines = [`  -- Group ${number}: ${group.tables.map((t) => tableName(t.table, D)).join(', ')}`];
  for (const table of group.tables) for (const conversion of table.conversions) lines.push(...replaceColumn(table.table, conversion));
  for (const table of group.tables) {
    if (table.primaryKey) lines.push(...addKey(table.table, table.primaryKey));
    for (const key of table.uniques) lines.push(...addKey(table.table, key));
    for (const index of table.indexes) {
      const name = literal(catalogName(index.name, D));
      lines.push(`  IF has_table(${upper(table.table)}) AND NOT has_index(${name}) THEN`);
      lines.push(`    run(${literal(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quote(index.name, D)} ON ${tableName(table.table, D)} (${keyColumns(index.columns, D)})`)});`);
      lines.push('  END IF;');
    }
  }
  for (const fk of group.foreignKeys) lines.push(...addForeignKey(fk));
  return lines;
}

function replaceColumn(table: TableDef, conversion: ColumnConversion): string[] {
  const notNull = isNotNull(table, conversion.column);
  const column = conversion.column.name;
  const t = upper(table);
  const c = literal(catalogName(column, D));
  const temporary: Name = fitName(`${catalogName(column, D)}${TEMP_SUFFIX}`, D);
  const tmp = literal(temporary.text);
  const name = tableName(table, D);
  const lines = [`  -- ${name}.${quote(column, D)}: ${conversion.column.typeText ?? '?'} -> ${LSID_TYPE}`];
  if (conversion.column.type?.class === 'string') {
    // A short string widens in place: Oracle allows that with data.
    lines.push(`  IF has_column(${t}, ${c}) AND NOT is_text(${t}, ${c}) THEN`);
    lines.push(`    run(${literal(`ALTER TABLE ${name} MODIFY (${quote(column, D)} ${LSID_TYPE})`)});`);
    lines.push('  END IF;');
    return lines;
  }
  lines.push(`  IF has_column(${t}, ${c}) AND NOT is_text(${t}, ${c}) THEN`);
  lines.push(`    IF NOT has_column(${t}, ${tmp}) THEN`);
  lines.push(`      run(${literal(`ALTER TABLE ${name} ADD (${quote(temporary, D)} ${LSID_TYPE})`)});`);
  lines.push('    END IF;');
  lines.push(`    run(${literal(`UPDATE ${name} SET ${quote(temporary, D)} = TO_CHAR(${quote(column, D)}) WHERE ${quote(temporary, D)} IS NULL AND ${quote(column, D)} IS NOT NULL`)});`);
  lines.push('    COMMIT;');
  lines.push(`    run(${literal(`ALTER TABLE ${name} DROP COLUMN ${quote(column, D)} CASCADE CONSTRAINTS`)});`);
  lines.push('  END IF;');
  lines.push(`  IF has_column(${t}, ${tmp}) AND NOT has_column(${t}, ${c}) THEN`);
  lines.push(`    run(${literal(`ALTER TABLE ${name} RENAME COLUMN ${quote(temporary, D)} TO ${quote(column, D)}`)});`);
  const attributes = [conversion.newDefault !== undefined ? `DEFAULT ${conversion.newDefault}` : '', notNull ? 'NOT NULL' : ''].filter(Boolean).join(' ');
  if (attributes) lines.push(`    run(${literal(`ALTER TABLE ${name} MODIFY (${quote(column, D)} ${attributes})`)});`);
  lines.push('  END IF;');
  return lines;
}

function addKey(table: TableDef, key: KeyConstraint): string[] {
  const name = key.name ?? fitName(`${catalogName(table.name.at(-1)!, D)}_${key.columns.map((c) => catalogName(c.name, D)).join('_')}_${key.kind === 'primary' ? 'PK' : 'UK'}`, D);
  return [
    `  IF has_table(${upper(table)}) AND NOT has_constraint(${upper(table)}, ${literal(catalogName(name, D))}) THEN`,
    `    run(${literal(`ALTER TABLE ${tableName(table, D)} ADD CONSTRAINT ${quote(name, D)} ${key.kind === 'primary' ? 'PRIMARY KEY' : 'UNIQUE'} (${keyColumns(key.columns, D)})`)});`,
    '  END IF;',
  ];
}

function addForeignKey(fk: ForeignKeyPlan): string[] {
  const name = fk.fk.name ?? fitName(`${catalogName(fk.table.name.at(-1)!, D)}_${fk.fk.columns.map((c) => catalogName(c, D)).join('_')}_FK`, D);
  const ddl = `ALTER TABLE ${tableName(fk.table, D)} ADD CONSTRAINT ${quote(name, D)} FOREIGN KEY (${names(fk.fk.columns, D)}) REFERENCES ${tableName(fk.parent, D)} (${names(fk.refColumns, D)})${fk.fk.actions ? ` ${fk.fk.actions}` : ''}`;
  return [
    `  IF has_table(${upper(fk.table)}) AND NOT has_constraint(${upper(fk.table)}, ${literal(catalogName(name, D))}) THEN`,
    `    run(${literal(ddl)});`,
    '  END IF;',
  ];
}
