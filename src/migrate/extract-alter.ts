import { readType } from '../languages/sql/data-types.js';
import { isOp, isWord } from '../languages/sql/tokens.js';
import type { DdlStatement } from './ddl-reader.js';
import { isElementKeyword, readColumn, readTableConstraint, setColumn } from './extract-table.js';
import { columnOf, sameName, tableKey, type DdlModel, type Name, type TableDef } from './model.js';

/**
 * Replays `ALTER TABLE` on the model: columns added, retyped (T-SQL ALTER COLUMN, PostgreSQL
 * ALTER COLUMN … TYPE, MySQL MODIFY / CHANGE, Oracle MODIFY), dropped and renamed; constraints,
 * keys and indexes added and dropped; defaults set and dropped; the table renamed.
 */

const ACTIONS = new Set(['ADD', 'ALTER', 'MODIFY', 'CHANGE', 'DROP', 'RENAME', 'WITH', 'CHECK', 'NOCHECK', 'ENABLE', 'DISABLE', 'SET', 'OWNER', 'ENGINE', 'DEFAULT', 'CONVERT', 'ORDER', 'ALGORITHM', 'LOCK', 'FORCE']);

export function alterTable(s: DdlStatement, model: DdlModel): void {
  let k = s.from + 2;
  k = s.skipIfExists(k);
  if (isWord(s.tok(k), 'ONLY')) k++;
  const target = s.qualified(k);
  if (!target.parts.length) return;
  const table = model.tables.get(tableKey(target.parts));
  if (!table) return;
  let action = '';
  for (const [from, to] of elements(s, target.end, s.to)) {
    let start = from;
    // T-SQL: ALTER TABLE t WITH CHECK ADD CONSTRAINT …
    if (isWord(s.tok(start), 'WITH') && isWord(s.tok(start + 1), 'CHECK', 'NOCHECK')) start += 2;
    const head = s.tok(start);
    if (head?.type === 'word' && ACTIONS.has(head.value)) {
      action = head.value;
      start++;
    } else if (action !== 'ADD') {
      continue; // a comma-continued list only exists for ADD (T-SQL ADD a int, b int)
    }
    apply(s, model, table, action, start, to);
  }
}

/** Top-level comma-separated actions in [from, to). */
function elements(s: DdlStatement, from: number, to: number): [number, number][] {
  const result: [number, number][] = [];
  let start = from;
  for (let k = from; k < to; k++) {
    const token = s.tokens[k]!;
    if (isOp(token, '(')) {
      k = Math.max(k, s.partner(k));
      continue;
    }
    if (isOp(token, ',')) {
      result.push([start, k]);
      start = k + 1;
    }
  }
  if (start < to) result.push([start, to]);
  return result;
}

function apply(s: DdlStatement, model: DdlModel, table: TableDef, action: string, k: number, to: number): void {
  switch (action) {
    case 'ADD': {
      if (isWord(s.tok(k), 'CONSTRAINT') && isWord(s.tok(k + 2), 'DEFAULT')) {
        // T-SQL: ADD CONSTRAINT df DEFAULT (0) FOR col
        const end = s.operandEnd(k + 3, to);
        if (isWord(s.tok(end), 'FOR') && s.isName(end + 1)) {
          const column = columnOf(table, s.name(end + 1).text);
          if (column) {
            column.defaultExpr = s.source(k + 3, end);
            column.defaultName = s.name(k + 1);
          }
        }
        return;
      }
      if (isWord(s.tok(k), 'DEFAULT')) {
        const end = s.operandEnd(k + 1, to);
        const column = isWord(s.tok(end), 'FOR') && s.isName(end + 1) ? columnOf(table, s.name(end + 1).text) : undefined;
        if (column) column.defaultExpr = s.source(k + 1, end);
        return;
      }
      if (isElementKeyword(s, k)) {
        readTableConstraint(s, k, to, table);
        return;
      }
      if (isWord(s.tok(k), 'COLUMN')) k++;
      k = s.skipIfExists(k);
      if (isOp(s.tok(k), '(')) {
        const close = s.partner(k);
        if (close < 0) return;
        for (const [from, end] of s.args(k, close)) {
          if (isElementKeyword(s, from)) readTableConstraint(s, from, end, table);
          else addColumn(s, table, from, end);
        }
        return;
      }
      addColumn(s, table, k, to);
      return;
    }
    case 'ALTER': {
      if (isWord(s.tok(k), 'COLUMN')) k++;
      if (!s.isName(k)) return;
      const column = columnOf(table, s.name(k).text);
      if (!column) return;
      const next = k + 1;
      if (s.words(next, 'SET', 'DEFAULT')) {
        const end = s.operandEnd(next + 2, to);
        column.defaultExpr = s.source(next + 2, end);
      } else if (s.words(next, 'DROP', 'DEFAULT')) {
        delete column.defaultExpr;
        delete column.defaultName;
      } else if (s.words(next, 'SET', 'NOT', 'NULL')) {
        column.notNull = true;
      } else if (s.words(next, 'DROP', 'NOT', 'NULL')) {
        column.notNull = false;
      } else if (isWord(s.tok(next), 'TYPE') || s.words(next, 'SET', 'DATA', 'TYPE')) {
        // PostgreSQL: only the type changes.
        const at = isWord(s.tok(next), 'TYPE') ? next + 1 : next + 3;
        const type = readType(s.tokens, at, to, s.dialect);
        if (type) {
          column.type = type.type;
          column.typeText = s.source(type.from, type.to);
        }
      } else {
        // T-SQL ALTER COLUMN c type [NULL | NOT NULL]: type and nullability are restated; the default stays.
        const updated = readColumn(s, k, to, table, { ...column, notNull: false });
        if (updated) setColumn(table, updated);
      }
      return;
    }
    case 'MODIFY': {
      if (isWord(s.tok(k), 'COLUMN')) k++;
      const definitions = isOp(s.tok(k), '(') && s.partner(k) > 0 ? s.args(k, s.partner(k)) : [[k, to] as [number, number]];
      for (const [from, end] of definitions) {
        if (!s.isName(from)) continue;
        const existing = columnOf(table, s.name(from).text);
        // Oracle MODIFY changes what it states; MySQL MODIFY replaces the definition.
        const base = s.dialect === 'oracle' && existing ? existing : undefined;
        const column = readColumn(s, from, end, table, base);
        if (column && existing) column.origin = existing.origin;
        if (column) setColumn(table, column);
      }
      return;
    }
    case 'CHANGE': {
      if (isWord(s.tok(k), 'COLUMN')) k++;
      if (!s.isName(k)) return;
      const old = columnOf(table, s.name(k).text);
      const column = readColumn(s, k + 1, to, table);
      if (!column) return;
      if (old) {
        column.origin = old.origin;
        table.columns[table.columns.indexOf(old)] = column;
        renameColumnReferences(model, table, old.name, column.name);
      } else {
        table.columns.push(column);
      }
      return;
    }
    case 'DROP':
      dropFromTable(s, table, k);
      return;
    case 'RENAME': {
      if (isWord(s.tok(k), 'COLUMN') || (s.isName(k) && isWord(s.tok(k + 1), 'TO') && !isWord(s.tok(k), 'TO'))) {
        if (isWord(s.tok(k), 'COLUMN')) k++;
        const column = s.isName(k) ? columnOf(table, s.name(k).text) : undefined;
        if (column && isWord(s.tok(k + 1), 'TO') && s.isName(k + 2)) {
          const from = column.name;
          column.name = s.name(k + 2);
          renameColumnReferences(model, table, from, column.name);
        }
        return;
      }
      if (isWord(s.tok(k), 'TO', 'AS')) k++;
      const target = s.qualified(k);
      if (!target.parts.length) return;
      model.tables.delete(table.key);
      const key = tableKey(target.parts);
      for (const other of model.tables.values()) {
        for (const fk of other.foreignKeys) if (fk.refTable === table.key) fk.refTable = key;
      }
      table.key = key;
      table.name = [...table.name.slice(0, -1), target.parts[target.parts.length - 1]!];
      model.tables.set(key, table);
      return;
    }
    default:
  }
}

function addColumn(s: DdlStatement, table: TableDef, from: number, to: number): void {
  const column = readColumn(s, from, to, table);
  if (column) setColumn(table, column);
}

/** DROP [COLUMN] c | CONSTRAINT n | PRIMARY KEY | FOREIGN KEY n | INDEX/KEY n. */
function dropFromTable(s: DdlStatement, table: TableDef, k: number): void {
  if (s.words(k, 'PRIMARY', 'KEY')) {
    delete table.primaryKey;
    return;
  }
  let kind = 'COLUMN';
  if (isWord(s.tok(k), 'COLUMN', 'CONSTRAINT', 'INDEX', 'KEY')) kind = s.tokens[k++]!.value;
  else if (s.words(k, 'FOREIGN', 'KEY')) {
    kind = 'CONSTRAINT';
    k += 2;
  }
  k = s.skipIfExists(k);
  // T-SQL: DROP COLUMN a, b — only the first is handled by this element; the rest arrive as elements of their own.
  if (!s.isName(k)) return;
  const name = s.name(k);
  if (kind === 'COLUMN') {
    table.columns = table.columns.filter((column) => !sameName(column.name, name));
    if (table.primaryKey?.columns.some((column) => sameName(column.name, name))) delete table.primaryKey;
    table.uniques = table.uniques.filter((key) => !key.columns.some((column) => sameName(column.name, name)));
    table.indexes = table.indexes.filter((index) => !index.columns.some((column) => sameName(column.name, name)));
    table.foreignKeys = table.foreignKeys.filter((fk) => !fk.columns.some((column) => sameName(column, name)));
    return;
  }
  dropConstraint(table, name);
}

/** Removes a named constraint, key or index from the table (names are unique per table, or per schema). */
export function dropConstraint(table: TableDef, name: Name): void {
  const named = (candidate?: Name): boolean => candidate !== undefined && sameName(candidate, name);
  if (named(table.primaryKey?.name)) delete table.primaryKey;
  table.uniques = table.uniques.filter((key) => !named(key.name));
  table.foreignKeys = table.foreignKeys.filter((fk) => !named(fk.name));
  table.checks = table.checks.filter((check) => !named(check.name));
  table.indexes = table.indexes.filter((index) => !named(index.name));
  for (const column of table.columns) {
    if (named(column.defaultName)) {
      delete column.defaultExpr;
      delete column.defaultName;
    }
  }
}

/** Keys, indexes and foreign keys (here and in referencing tables) follow a renamed column. */
function renameColumnReferences(model: DdlModel, table: TableDef, from: Name, to: Name): void {
  const rename = (name: Name): Name => (sameName(name, from) ? to : name);
  for (const key of [table.primaryKey, ...table.uniques]) if (key) key.columns = key.columns.map((c) => ({ ...c, name: rename(c.name) }));
  for (const index of table.indexes) index.columns = index.columns.map((c) => (c.expression ? c : { ...c, name: rename(c.name) }));
  for (const fk of table.foreignKeys) fk.columns = fk.columns.map(rename);
  for (const other of model.tables.values()) {
    for (const fk of other.foreignKeys) if (fk.refTable === table.key) fk.refColumns = fk.refColumns.map(rename);
  }
}
