import { lsidStorage, readType, type ReadType } from './data-types.js';
import { subjectName, type ColumnDecl, type Ref, type TableDecl } from './model.js';
import type { Scan } from './scanner.js';
import type { SubjectOperand } from './statement-view.js';
import { isOp, isWord, isWordIn } from './tokens.js';

/**
 * Declarations read structurally: CREATE TABLE (also temporary tables), table variables and
 * returned tables, ALTER TABLE ADD/ALTER/MODIFY/CHANGE, unique keys and indexes, DECLARE in each
 * dialect's form, routine parameters and PL/SQL declaration sections; and the tables a statement
 * reads or writes, for resolving `s.lsid` to a table.
 */

const NOT_ALIAS = new Set(['WITH', 'SET', 'WHERE', 'ON', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'OUTER', 'JOIN', 'GROUP', 'ORDER', 'VALUES', 'SELECT', 'OUTPUT', 'DEFAULT']);
const CREATE_MODIFIERS = new Set(['OR', 'REPLACE', 'ALTER', 'GLOBAL', 'LOCAL', 'TEMP', 'TEMPORARY', 'UNLOGGED', 'VOLATILE', 'UNIQUE', 'CLUSTERED', 'NONCLUSTERED', 'EDITIONABLE', 'NONEDITIONABLE']);
const OTHER_TABLE_ELEMENTS = new Set(['FOREIGN', 'CHECK', 'INDEX', 'KEY', 'EXCLUDE', 'PERIOD', 'FULLTEXT', 'SPATIAL', 'LIKE']);
const ALTER_ACTIONS = new Set(['ADD', 'DROP', 'ALTER', 'MODIFY', 'CHANGE', 'RENAME', 'CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK', 'INDEX', 'KEY', 'WITH', 'NOCHECK', 'ENABLE', 'DISABLE', 'SET']);
const STATEMENT_START = new Set(['SELECT', 'SET', 'DECLARE', 'IF', 'INSERT', 'UPDATE', 'DELETE', 'EXEC', 'EXECUTE', 'WHILE', 'BEGIN', 'RETURN', 'PRINT', 'FETCH', 'OPEN', 'CLOSE', 'DEALLOCATE', 'WITH', 'MERGE', 'TRUNCATE', 'CREATE', 'DROP', 'ALTER', 'RAISERROR', 'THROW', 'END', 'ELSE']);

/** CREATE TABLE, CREATE UNIQUE INDEX, and the parameters of CREATE PROCEDURE / FUNCTION. */
export function create(s: Scan, i: number): void {
  let k = i + 1;
  while (isWordIn(s.tok(k), CREATE_MODIFIERS)) k++;
  const temporary = s.tokens.slice(i + 1, k).some((t) => t.value === 'TEMP' || t.value === 'TEMPORARY');
  const unique = s.tokens.slice(i + 1, k).findIndex((t) => t.value === 'UNIQUE');
  const what = s.tok(k);
  if (isWord(what, 'TABLE')) {
    k++;
    if (isWord(s.tok(k), 'IF') && isWord(s.tok(k + 1), 'NOT') && isWord(s.tok(k + 2), 'EXISTS')) k += 3;
    const end = s.qualifiedEnd(k);
    if (end === k || !isOp(s.tok(end), '(')) return;
    const nameToken = s.tokens[end - 1]!;
    const name = nameToken.value.toLowerCase();
    // CHECK constraints and computed columns refer to the table's own columns.
    s.out.scope.tables.add(name);
    addAlias(s, name, name);
    tableElements(s, end, {
      name, nameSpan: s.span(k, end), kind: temporary || name.startsWith('#') ? 'temporary' : 'table', columns: [], statement: s.index,
    });
    return;
  }
  if (isWord(what, 'INDEX')) {
    if (unique < 0) return;
    let name = k + 1;
    while (isWord(s.tok(name), 'CONCURRENTLY', 'IF', 'NOT', 'EXISTS')) name++;
    let on = k + 1;
    while (on < s.to && on < k + 8 && !isWord(s.tokens[on], 'ON')) on++;
    const tableEnd = s.qualifiedEnd(on + 1);
    let open = tableEnd;
    if (isWord(s.tok(open), 'USING')) open += 2;
    if (!isOp(s.tok(open), '(')) return;
    const table = s.tokens[tableEnd - 1]!.value.toLowerCase();
    const close = s.partner(open);
    if (close > 0) uniqueColumns(s, i + 1 + unique, open, close, isWord(s.tok(name), 'ON') ? 'unique index' : `unique index ${s.source(name, s.qualifiedEnd(name))}`, table);
    return;
  }
  if (isWord(what, 'PROCEDURE', 'PROC', 'FUNCTION')) {
    const nameEnd = s.qualifiedEnd(k + 1);
    if (nameEnd === k + 1) return;
    if (isOp(s.tok(nameEnd), '(')) {
      const close = s.partner(nameEnd);
      if (close < 0) return;
      for (const [from, to] of s.args(nameEnd, close)) parameter(s, from, to);
      if (s.dialect === 'oracle') oracleSection(s, close + 1);
      return;
    }
    if (s.tok(nameEnd)?.type === 'variable') tsqlVariables(s, nameEnd, true);
    else if (s.dialect === 'oracle') oracleSection(s, nameEnd);
  }
}

/** `( column type …, CONSTRAINT … UNIQUE (…), PRIMARY KEY (…) )` of a table, table variable or returned table. */
function tableElements(s: Scan, open: number, table: TableDecl): void {
  const close = s.partner(open);
  if (close < 0) return;
  s.out.tables.push(table);
  for (const [from, to] of s.args(open, close)) tableElement(s, from, to, table);
}

function tableElement(s: Scan, from: number, to: number, table: TableDecl): void {
  let k = from;
  if (isWord(s.tok(k), 'CONSTRAINT')) k += 2;
  const first = s.tok(k);
  if (isWord(first, 'PRIMARY', 'UNIQUE')) {
    const open = s.findOpen(k, to);
    if (open > 0) uniqueColumns(s, k, open, s.partner(open), isWord(first, 'PRIMARY') ? 'primary key' : 'unique constraint', table.name);
    return;
  }
  if (isWordIn(first, OTHER_TABLE_ELEMENTS) || k >= to) return;
  const column = columnDefinition(s, k, to, table.name);
  if (column) table.columns.push(column);
}

/** `name type [constraints]` of a column: records it, and reports LSID types and unique lseq columns. */
function columnDefinition(s: Scan, k: number, to: number, table: string, typeAt = k + 1): ColumnDecl | undefined {
  const nameToken = s.tok(k);
  if (!nameToken || !(nameToken.type === 'quoted' || nameToken.type === 'word')) return undefined;
  const type = readType(s.tokens, typeAt, to, s.dialect);
  const column: ColumnDecl = {
    name: nameToken.value.toLowerCase(),
    nameSpan: s.span(k, k + 1),
    ...(type ? { type: type.type, typeSpan: s.span(type.from, type.to) } : {}),
  };
  const subject = subjectName(nameToken.value);
  const ref: Ref = { name: column.name, variable: false, span: column.nameSpan };
  if (subject && type) storage(s, { ref, name: subject }, type, table);
  if (subject?.subject === 'lseq') {
    for (let c = (type?.to ?? k + 1); c < to; c++) {
      const token = s.tokens[c]!;
      if (isOp(token, '(')) {
        c = Math.max(c, s.partner(c));
        continue;
      }
      if (isWord(token, 'UNIQUE') || (isWord(token, 'PRIMARY') && isWord(s.tok(c + 1), 'KEY'))) {
        const end = isWord(token, 'PRIMARY') ? c + 2 : c + 1;
        s.add('unique-key', { ref, name: subject }, c, end, { declaration: true, table, construct: `${isWord(token, 'PRIMARY') ? 'primary key' : 'unique'} column (${s.source(k, end)})` });
        break;
      }
    }
  }
  return column;
}

/** Reports an LSID declared with a numeric, too short or text-changing type. */
function storage(s: Scan, operand: SubjectOperand, type: ReadType, table?: string): void {
  if (operand.name.subject !== 'lsid') return;
  const verdict = lsidStorage(type.type, s.dialect);
  const typeSource = s.source(type.from, type.to);
  const extra = { declaration: true, ...(table ? { table } : {}) };
  if (verdict.verdict === 'numeric') s.add('numeric-type', operand, type.from, type.to, { ...extra, construct: typeSource });
  else if (verdict.verdict === 'short') s.add('numeric-type', operand, type.from, type.to, { ...extra, construct: `${typeSource}, shorter than the 32 characters of a 10.6 LSID` });
  else if (verdict.verdict === 'lossy') s.add('lossy-storage', operand, type.from, type.to, { ...extra, construct: `${typeSource}: ${verdict.reason}` });
}

/** A UNIQUE / PRIMARY KEY / unique index column list that includes lseq but no LSID. */
function uniqueColumns(s: Scan, keyword: number, open: number, close: number, what: string, table: string): void {
  if (close < 0) return;
  let lseq: SubjectOperand | undefined;
  for (const [from] of s.args(open, close)) {
    const token = s.tokens[from]!;
    const name = subjectName(token.value);
    if (!name || !(token.type === 'word' || token.type === 'quoted')) continue;
    if (name.subject === 'lsid') return; // unique through the LSID already
    lseq ??= { ref: { name: token.value.toLowerCase(), variable: false, span: s.span(from, from + 1) }, name };
  }
  if (!lseq) return;
  s.add('unique-key', lseq, keyword, close + 1, { declaration: true, table, construct: `${what} (${s.source(open + 1, close)})` });
}

/** ALTER TABLE t ADD / ALTER COLUMN / MODIFY / CHANGE / ADD CONSTRAINT … UNIQUE. */
export function alterTable(s: Scan, i: number): void {
  const nameStart = i + 2;
  let k = nameStart;
  if (isWord(s.tok(k), 'IF') && isWord(s.tok(k + 1), 'EXISTS')) k += 2;
  if (isWord(s.tok(k), 'ONLY')) k++;
  const nameEnd = s.qualifiedEnd(k);
  if (nameEnd === k) return;
  const table = s.tokens[nameEnd - 1]!.value.toLowerCase();
  s.out.scope.tables.add(table);
  addAlias(s, table, table);
  const addColumn = (from: number, to: number, typeAt = from + 1): void => {
    const column = columnDefinition(s, from, to, table, typeAt);
    if (column) s.out.added.push({ table, column, statement: s.index });
  };
  let action = '';
  for (let j = nameEnd; j < s.to; j++) {
    const token = s.tokens[j]!;
    if (token.type === 'terminator' || (isWord(token, 'ALTER') && isWord(s.tok(j + 1), 'TABLE'))) return;
    if (isOp(token, '(')) {
      j = Math.max(j, s.partner(j));
      continue;
    }
    // T-SQL: ADD a INT, b INT adds two columns with one ADD.
    if (isOp(token, ',') && action === 'ADD') {
      const next = s.tok(j + 1);
      if (next && (next.type === 'quoted' || (next.type === 'word' && !ALTER_ACTIONS.has(next.value)))) addColumn(j + 1, elementEnd(s, j + 1));
      continue;
    }
    if (token.type !== 'word') continue;
    if (ALTER_ACTIONS.has(token.value)) action = token.value;
    const end = elementEnd(s, j + 1);
    switch (token.value) {
      case 'ADD': {
        let c = j + 1;
        if (isWord(s.tok(c), 'CONSTRAINT')) c += 2;
        if (isWord(s.tok(c), 'PRIMARY', 'UNIQUE')) {
          const open = s.findOpen(c, s.to);
          if (open > 0) uniqueColumns(s, c, open, s.partner(open), isWord(s.tok(c), 'PRIMARY') ? 'primary key' : 'unique constraint', table);
          break;
        }
        if (isWord(s.tok(c), 'COLUMN')) c++;
        if (isWord(s.tok(c), 'IF') && isWord(s.tok(c + 1), 'NOT')) c += 3;
        if (isOp(s.tok(c), '(')) {
          const close = s.partner(c);
          if (close > 0) for (const [from, to] of s.args(c, close)) addColumn(from, to);
          break;
        }
        if (!isWord(s.tok(c), 'INDEX', 'KEY', 'FOREIGN', 'CHECK', 'CONSTRAINT', 'DEFAULT')) addColumn(c, elementEnd(s, c));
        break;
      }
      case 'ALTER':
      case 'MODIFY': {
        let c = j + 1;
        if (isWord(s.tok(c), 'COLUMN')) c++;
        if (isOp(s.tok(c), '(')) {
          const close = s.partner(c);
          if (close > 0) for (const [from, to] of s.args(c, close)) addColumn(from, to);
          break;
        }
        // PostgreSQL: ALTER COLUMN c [SET DATA] TYPE t
        const typeAt = isWord(s.tok(c + 1), 'SET') && isWord(s.tok(c + 2), 'DATA') && isWord(s.tok(c + 3), 'TYPE') ? c + 4 : isWord(s.tok(c + 1), 'TYPE') ? c + 2 : c + 1;
        const before = s.out.candidates.length;
        addColumn(c, end, typeAt);
        if (s.out.candidates.length > before) {
          for (let u = typeAt; u < end; u++) if (isWord(s.tokens[u], 'USING')) s.quiet.push([u, end]);
        }
        break;
      }
      case 'CHANGE': {
        let c = j + 1;
        if (isWord(s.tok(c), 'COLUMN')) c++;
        addColumn(c + 1, end);
        break;
      }
      default:
    }
  }
}

/** The end of an ALTER TABLE action: the next top-level comma, terminator or statement keyword. */
function elementEnd(s: Scan, from: number): number {
  for (let k = from; k < s.to; k++) {
    const token = s.tokens[k]!;
    if (isOp(token, '(')) {
      k = Math.max(k, s.partner(k));
      continue;
    }
    if (isOp(token, ',') || token.type === 'terminator') return k;
    if (token.type === 'word' && k > from + 1 && STATEMENT_START.has(token.value) && token.value !== 'SET' && token.value !== 'DEFAULT') return k;
  }
  return s.to;
}

/** A routine parameter: `[IN|OUT|INOUT] name [IN|OUT|IN OUT|NOCOPY] type [DEFAULT …]` or T-SQL `@name [AS] type`. */
function parameter(s: Scan, from: number, to: number): void {
  let k = from;
  if (isWord(s.tok(k), 'IN', 'OUT', 'INOUT', 'VARIADIC')) k++;
  const nameToken = s.tok(k);
  if (!nameToken || !(nameToken.type === 'word' || nameToken.type === 'quoted' || nameToken.type === 'variable')) return;
  let t = k + 1;
  while (isWord(s.tok(t), 'IN', 'OUT', 'INOUT', 'NOCOPY', 'AS')) t++;
  variable(s, k, t, to);
}

/** A declared variable or parameter: tokens[nameAt] is its name, the type starts at typeAt. */
function variable(s: Scan, nameAt: number, typeAt: number, to: number): ReadType | undefined {
  const nameToken = s.tokens[nameAt]!;
  const type = readType(s.tokens, typeAt, to, s.dialect);
  if (!type) return undefined;
  s.out.variables.push({ name: nameToken.value.toLowerCase(), type: type.type, span: s.span(type.from, type.to) });
  const subject = subjectName(nameToken.value);
  if (subject) storage(s, { ref: { name: nameToken.value.toLowerCase(), variable: true, span: s.span(nameAt, nameAt + 1) }, name: subject }, type);
  return type;
}

/** DECLARE in the dialect's form: T-SQL variables and table variables, MySQL name lists, PL/pgSQL and PL/SQL sections. */
export function declare(s: Scan, i: number): void {
  switch (s.dialect) {
    case 'mssql':
      return tsqlVariables(s, i + 1, false);
    case 'mysql': {
      // DECLARE a, b INT [DEFAULT …]; cursors, handlers and conditions have no type.
      let k = i + 1;
      const names: number[] = [];
      while (s.isIdent(s.tok(k)) || s.tok(k)?.type === 'word') {
        names.push(k);
        if (!isOp(s.tok(k + 1), ',')) break;
        k += 2;
      }
      const typeAt = (names[names.length - 1] ?? i) + 1;
      for (const name of names) variable(s, name, typeAt, s.to);
      return;
    }
    default:
      return declarationSection(s, i + 1);
  }
}

/** T-SQL `@a [AS] type [= value] [OUTPUT], @t TABLE (…), …` after DECLARE or a procedure name. */
function tsqlVariables(s: Scan, k: number, parameters: boolean): void {
  while (s.tok(k)?.type === 'variable') {
    const nameAt = k;
    let t = k + 1;
    if (isWord(s.tok(t), 'AS')) t++;
    if (isWord(s.tok(t), 'TABLE') && isOp(s.tok(t + 1), '(')) {
      const name = s.tokens[nameAt]!.value.toLowerCase();
      tableElements(s, t + 1, { name, nameSpan: s.span(nameAt, nameAt + 1), kind: 'table-variable', columns: [], statement: s.index });
      k = s.partner(t + 1) + 1;
      if (k <= 0) return;
    } else {
      const type = variable(s, nameAt, t, s.to);
      k = type ? type.to : t;
      // Skip a default value and OUTPUT/READONLY up to the next top-level comma.
      let depth = 0;
      while (k < s.to) {
        const token = s.tokens[k]!;
        if (isOp(token, '(')) depth++;
        else if (isOp(token, ')')) depth--;
        else if (depth === 0 && isOp(token, ',')) break;
        else if (depth === 0 && (token.type === 'terminator' || (token.type === 'word' && (STATEMENT_START.has(token.value) || (parameters && (token.value === 'AS' || token.value === 'WITH' || token.value === 'FOR')))))) return;
        if (depth < 0) return;
        k++;
      }
    }
    if (!isOp(s.tok(k), ',')) return;
    k++;
  }
}

/** PL/pgSQL and PL/SQL: `name [CONSTANT] type …;` items up to BEGIN. */
function declarationSection(s: Scan, k: number): void {
  while (k < s.to && !isWord(s.tokens[k], 'BEGIN')) {
    const name = s.tok(k);
    if (name && (name.type === 'word' || name.type === 'quoted')) {
      let t = k + 1;
      if (isWord(s.tok(t), 'CONSTANT')) t++;
      variable(s, k, t, s.to);
    }
    // Skip to the end of the item.
    while (k < s.to && !(s.tokens[k]!.type === 'terminator' || isOp(s.tokens[k], ';')) && !isWord(s.tokens[k], 'BEGIN')) {
      const partner = isOp(s.tokens[k], '(') ? s.partner(k) : -1;
      k = partner > k ? partner + 1 : k + 1;
    }
    if (isWord(s.tok(k), 'BEGIN')) return;
    k++;
  }
}

/** Oracle: the IS/AS declaration section of a procedure or function, after its header. */
function oracleSection(s: Scan, k: number): void {
  for (let j = k; j < s.to && j < k + 40; j++) {
    if (isWord(s.tokens[j], 'IS', 'AS')) return declarationSection(s, j + 1);
    if (isWord(s.tokens[j], 'BEGIN')) return;
  }
}

/** RETURNS @t TABLE (…) and RETURNS TABLE (…): the columns a function returns. */
export function returns(s: Scan, i: number): void {
  const next = s.tok(i + 1);
  if (next?.type === 'variable' && isWord(s.tok(i + 2), 'TABLE') && isOp(s.tok(i + 3), '(')) {
    tableElements(s, i + 3, { name: next.value.toLowerCase(), nameSpan: s.span(i + 1, i + 2), kind: 'returned', columns: [], statement: s.index });
  } else if (isWord(next, 'TABLE') && isOp(s.tok(i + 2), '(')) {
    tableElements(s, i + 2, { name: '(returned)', nameSpan: s.span(i + 1, i + 2), kind: 'returned', columns: [], statement: s.index });
  }
}

/** FROM / JOIN / UPDATE / INTO / USING: the tables a statement reads or writes, and their aliases. */
export function tableReference(s: Scan, i: number, keyword: string): void {
  let k = i + 1;
  if (keyword === 'INTO' && isWord(s.tok(k), 'TABLE')) k++;
  for (;;) {
    const token = s.tok(k);
    if (!token) return;
    let table: string | undefined;
    let end = k;
    if (isOp(token, '(')) {
      const close = s.partner(k);
      if (close < 0) return;
      table = '(derived)';
      end = close + 1;
    } else if (token.type === 'variable' || s.isIdent(token)) {
      end = s.qualifiedEnd(k);
      table = s.tokens[end - 1]!.value.toLowerCase();
      // ALTER COLUMN … TYPE t USING expr: not a table.
      if (keyword === 'USING' && s.tok(end)?.type === 'op' && !isOp(s.tok(end), '(')) return;
      if (isOp(s.tok(end), '(')) {
        // INSERT INTO t (columns …); after FROM or JOIN it is a table-valued function.
        if (keyword === 'INTO') {
          s.out.scope.tables.add(table);
          addAlias(s, table, table);
        }
        return;
      }
    } else {
      return;
    }
    s.out.scope.tables.add(table);
    addAlias(s, table, table);
    let a = end;
    if (isWord(s.tok(a), 'AS')) a++;
    const alias = s.tok(a);
    if (alias && s.isIdent(alias) && !isWordIn(alias, NOT_ALIAS)) {
      addAlias(s, alias.value.toLowerCase(), table);
      a++;
    }
    if (keyword === 'FROM' && isOp(s.tok(a), ',')) {
      k = a + 1;
      continue;
    }
    return;
  }
}

function addAlias(s: Scan, name: string, table: string): void {
  const set = s.out.scope.aliases.get(name) ?? new Set<string>();
  set.add(table);
  s.out.scope.aliases.set(name, set);
}

