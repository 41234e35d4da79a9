import { readType } from '../languages/sql/data-types.js';
import { isOp, isWord, isWordIn } from '../languages/sql/tokens.js';
import { DdlStatement } from './ddl-reader.js';
import { tableKey, type ColumnDef, type IndexDef, type Name, type TableDef } from './model.js';

/**
 * Column definitions and table constraints, as CREATE TABLE declares them and ALTER TABLE adds
 * them: types, nullability, defaults (with T-SQL default constraint names), identity, primary
 * and unique keys, foreign keys, checks and MySQL / T-SQL inline indexes.
 */

/** Words that start a table element other than a column. */
const ELEMENT_KEYWORDS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK', 'INDEX', 'KEY', 'FULLTEXT', 'SPATIAL', 'EXCLUDE', 'LIKE', 'PERIOD']);

/** Words that start a column constraint rather than a user-defined type name. */
const COLUMN_CONSTRAINT_START = new Set(['NOT', 'NULL', 'DEFAULT', 'CONSTRAINT', 'PRIMARY', 'UNIQUE', 'REFERENCES', 'CHECK', 'GENERATED', 'IDENTITY', 'COLLATE']);
/** Words of `ON DELETE …`, `MATCH …`, `DEFERRABLE …` after REFERENCES. */
const REFERENCE_ACTION_WORDS = new Set(['DELETE', 'UPDATE', 'CASCADE', 'SET', 'NULL', 'DEFAULT', 'RESTRICT', 'NO', 'ACTION', 'FULL', 'PARTIAL', 'SIMPLE', 'DEFERRED', 'IMMEDIATE', 'FOR', 'REPLICATION']);

export function isElementKeyword(s: DdlStatement, i: number): boolean {
  const token = s.tok(i);
  return token?.type === 'word' && ELEMENT_KEYWORDS.has(token.value);
}

/** The elements of `( … )` after CREATE TABLE name. */
export function readTableElements(s: DdlStatement, open: number, close: number, table: TableDef): void {
  for (const [from, to] of s.args(open, close)) {
    if (isElementKeyword(s, from)) readTableConstraint(s, from, to, table);
    else {
      const column = readColumn(s, from, to, table);
      if (column) setColumn(table, column);
    }
  }
}

/** Adds a column, or replaces the one of the same name (MODIFY, ALTER COLUMN). */
export function setColumn(table: TableDef, column: ColumnDef): void {
  const lower = column.name.text.toLowerCase();
  const index = table.columns.findIndex((existing) => existing.name.text.toLowerCase() === lower);
  if (index === -1) table.columns.push(column);
  else table.columns[index] = column;
}

/**
 * `name type [constraints]`, recording inline keys, references and checks on the table. With
 * `base`, attributes the definition does not restate are kept from it (Oracle MODIFY).
 */
export function readColumn(s: DdlStatement, from: number, to: number, table: TableDef, base?: ColumnDef): ColumnDef | undefined {
  if (!s.isName(from)) return undefined;
  const name = s.name(from);
  let k = from + 1;
  const type = readType(s.tokens, k, to, s.dialect);
  const column: ColumnDef = base
    ? { ...base, name }
    : { name, notNull: false, origin: s.origin(from) };
  if (type) {
    column.type = type.type;
    column.typeText = s.source(type.from, type.to);
    k = type.to;
    // PostgreSQL arrays and Oracle (20 CHAR) are part of the type.
    while (isOp(s.tok(k), '[') && isOp(s.tok(k + 1), ']')) k += 2;
  } else if (s.isName(k) && !isWordIn(s.tok(k), COLUMN_CONSTRAINT_START)) {
    // A user-defined type (domain, LabKey's LSIDtype): no class, never converted.
    const qualified = s.qualified(k);
    column.typeText = s.source(k, qualified.end);
    delete column.type;
    k = qualified.end;
    if (isOp(s.tok(k), '(')) k = Math.max(k, s.partner(k)) + 1;
  }
  if (!base && (column.type?.name === 'SERIAL' || column.type?.name === 'BIGSERIAL' || column.type?.name === 'SMALLSERIAL')) column.identity = column.typeText;
  let constraintName: Name | undefined;
  while (k < to) {
    const token = s.tokens[k]!;
    if (isWord(token, 'CONSTRAINT') && s.isName(k + 1)) {
      constraintName = s.name(k + 1);
      k += 2;
      continue;
    }
    if (isWord(token, 'NOT') && isWord(s.tok(k + 1), 'NULL')) {
      column.notNull = true;
      k += 2;
    } else if (isWord(token, 'NULL')) {
      column.notNull = false;
      k++;
    } else if (isWord(token, 'DEFAULT')) {
      let start = k + 1;
      if (s.words(start, 'ON', 'NULL')) start += 2; // Oracle DEFAULT ON NULL
      const end = s.operandEnd(start, to);
      column.defaultExpr = s.source(start, end);
      if (constraintName) column.defaultName = constraintName;
      else delete column.defaultName;
      k = end;
    } else if (isWord(token, 'PRIMARY') && isWord(s.tok(k + 1), 'KEY')) {
      k += 2;
      const clustering = isWord(s.tok(k), 'CLUSTERED', 'NONCLUSTERED') ? (s.tokens[k++]!.value as 'CLUSTERED' | 'NONCLUSTERED') : undefined;
      table.primaryKey = { kind: 'primary', ...(constraintName ? { name: constraintName } : {}), columns: [{ name, suffix: '' }], ...(clustering ? { clustering } : {}) };
    } else if (isWord(token, 'UNIQUE')) {
      k++;
      if (isWord(s.tok(k), 'KEY')) k++;
      const clustering = isWord(s.tok(k), 'CLUSTERED', 'NONCLUSTERED') ? (s.tokens[k++]!.value as 'CLUSTERED' | 'NONCLUSTERED') : undefined;
      table.uniques.push({ kind: 'unique', ...(constraintName ? { name: constraintName } : {}), columns: [{ name, suffix: '' }], ...(clustering ? { clustering } : {}) });
    } else if (isWord(token, 'REFERENCES')) {
      k = readReferences(s, k, to, table, [name], constraintName);
    } else if (isWord(token, 'CHECK') && isOp(s.tok(k + 1), '(')) {
      const close = s.partner(k + 1);
      if (close < 0) break;
      table.checks.push({ ...(constraintName ? { name: constraintName } : {}), expr: s.source(k + 1, close + 1), mentions: s.mentions(k + 2, close) });
      k = close + 1;
    } else if (isWord(token, 'IDENTITY')) {
      const end = isOp(s.tok(k + 1), '(') ? s.partner(k + 1) + 1 : k + 1;
      column.identity = s.source(k, Math.max(end, k + 1));
      k = Math.max(end, k + 1);
    } else if (isWord(token, 'AUTO_INCREMENT', 'AUTOINCREMENT')) {
      column.identity = token.value;
      k++;
    } else if (isWord(token, 'GENERATED')) {
      const as = s.findWord(k, to, new Set(['AS']));
      if (isWord(s.tok(as + 1), 'IDENTITY')) {
        const end = isOp(s.tok(as + 2), '(') ? s.partner(as + 2) + 1 : as + 2;
        column.identity = s.source(k, end);
        k = end;
      } else {
        k = as + 1;
      }
    } else if (isWord(token, 'COLLATE') && s.isName(k + 1)) {
      column.collate = s.source(k + 1, k + 2);
      k += 2;
    } else if (isWord(token, 'COMMENT') && s.tok(k + 1)?.type === 'string') {
      column.comment = s.source(k + 1, k + 2);
      k += 2;
    } else if (isOp(token, '(')) {
      k = Math.max(k, s.partner(k)) + 1;
    } else {
      k++;
    }
    if (!isWord(token, 'CONSTRAINT')) constraintName = undefined;
  }
  return column;
}

/** `REFERENCES t [(c, …)] [ON DELETE …] [ON UPDATE …] [MATCH …] [DEFERRABLE …]` at k; returns the index after it. */
function readReferences(s: DdlStatement, k: number, to: number, table: TableDef, columns: Name[], name: Name | undefined): number {
  const target = s.qualified(k + 1);
  if (!target.parts.length) return k + 1;
  let j = target.end;
  let refColumns: Name[] = [];
  if (isOp(s.tok(j), '(')) {
    const close = s.partner(j);
    if (close < 0) return to;
    refColumns = s.nameList(j, close);
    j = close + 1;
  }
  const actionsStart = j;
  while (j < to && (isWord(s.tok(j), 'ON', 'MATCH', 'DEFERRABLE', 'NOT', 'INITIALLY', 'NOCHECK') || (j > actionsStart && isWordIn(s.tok(j), REFERENCE_ACTION_WORDS)))) {
    // `NOT NULL` after a column's REFERENCES belongs to the column, not the reference.
    if (isWord(s.tok(j), 'NOT') && isWord(s.tok(j + 1), 'NULL')) break;
    j++;
  }
  table.foreignKeys.push({
    ...(name ? { name } : {}),
    columns,
    refTable: tableKey(target.parts),
    refTableName: target.parts,
    refColumns,
    actions: j > actionsStart ? s.source(actionsStart, j) : '',
  });
  return j;
}

/** `[CONSTRAINT n] PRIMARY KEY (…) | UNIQUE [KEY n] (…) | FOREIGN KEY (…) REFERENCES … | CHECK (…) | KEY/INDEX n (…)`. */
export function readTableConstraint(s: DdlStatement, from: number, to: number, table: TableDef): void {
  let k = from;
  let name: Name | undefined;
  if (isWord(s.tok(k), 'CONSTRAINT')) {
    if (s.isName(k + 1) && !isWord(s.tok(k + 1), 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK')) {
      name = s.name(k + 1);
      k += 2;
    } else {
      k++;
    }
  }
  const first = s.tok(k);
  if (isWord(first, 'PRIMARY') || isWord(first, 'UNIQUE')) {
    const kind = isWord(first, 'PRIMARY') ? 'primary' : 'unique';
    k += isWord(s.tok(k + 1), 'KEY', 'INDEX') ? 2 : 1;
    const clustering = isWord(s.tok(k), 'CLUSTERED', 'NONCLUSTERED') ? (s.tokens[k++]!.value as 'CLUSTERED' | 'NONCLUSTERED') : undefined;
    // MySQL: UNIQUE KEY ux_name (…) names the key.
    if (!isOp(s.tok(k), '(') && s.isName(k)) {
      name ??= s.name(k);
      k++;
    }
    if (isWord(s.tok(k), 'USING')) k += 2;
    if (!isOp(s.tok(k), '(')) return;
    const close = s.partner(k);
    if (close < 0) return;
    const constraint = { kind, ...(name ? { name } : {}), columns: s.keyColumns(k, close), ...(clustering ? { clustering } : {}) } as const;
    if (kind === 'primary') {
      table.primaryKey = constraint;
    } else {
      table.uniques.push(constraint);
    }
    return;
  }
  if (isWord(first, 'FOREIGN') && isWord(s.tok(k + 1), 'KEY')) {
    k += 2;
    if (!isOp(s.tok(k), '(') && s.isName(k)) {
      name ??= s.name(k); // MySQL: FOREIGN KEY fk_name (…)
      k++;
    }
    if (!isOp(s.tok(k), '(')) return;
    const close = s.partner(k);
    if (close < 0 || !isWord(s.tok(close + 1), 'REFERENCES')) return;
    readReferences(s, close + 1, to, table, s.nameList(k, close), name);
    return;
  }
  if (isWord(first, 'CHECK') && isOp(s.tok(k + 1), '(')) {
    const close = s.partner(k + 1);
    if (close > 0) table.checks.push({ ...(name ? { name } : {}), expr: s.source(k + 1, close + 1), mentions: s.mentions(k + 2, close) });
    return;
  }
  if (isWord(first, 'KEY', 'INDEX')) {
    const index = readInlineIndex(s, k + 1, to);
    if (index) table.indexes.push(index);
  }
}

/** MySQL `KEY ix [USING BTREE] (c, …)` or T-SQL inline `INDEX ix [UNIQUE] [CLUSTERED|NONCLUSTERED] (c, …)`. */
function readInlineIndex(s: DdlStatement, k: number, to: number): IndexDef | undefined {
  let name: Name | undefined;
  if (s.isName(k) && !isOp(s.tok(k), '(') && !isWord(s.tok(k), 'USING')) name = s.name(k++);
  const unique = isWord(s.tok(k), 'UNIQUE');
  if (unique) k++;
  const clustering = isWord(s.tok(k), 'CLUSTERED', 'NONCLUSTERED') ? (s.tokens[k++]!.value as 'CLUSTERED' | 'NONCLUSTERED') : undefined;
  let using: string | undefined;
  if (isWord(s.tok(k), 'USING')) {
    using = s.source(k + 1, k + 2);
    k += 2;
  }
  if (!isOp(s.tok(k), '(') || k >= to) return undefined;
  const close = s.partner(k);
  if (close < 0) return undefined;
  const columns = s.keyColumns(k, close);
  if (!columns.length) return undefined;
  return {
    // MySQL names an unnamed key after its first column.
    name: name ?? { text: columns[0]!.name.text, quoted: columns[0]!.name.quoted },
    unique,
    ...(clustering ? { clustering } : {}),
    columns,
    include: [],
    ...(using ? { using } : {}),
    inline: true,
    origin: s.origin(k),
  };
}
