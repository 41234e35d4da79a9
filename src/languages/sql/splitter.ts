import type { SqlDialect } from './dialect.js';
import { isWord, type Token } from './tokens.js';

/**
 * Splits a token stream into statements: at terminators (`;` or the client DELIMITER) outside
 * BEGIN … END and CASE … END blocks and `$$` bodies, at batch lines (`GO`, Oracle `/`), and in
 * T-SQL scripts that omit semicolons, before a top-level CREATE / ALTER / DECLARE / USE / PRINT.
 * A routine (procedure, function, trigger, view) in T-SQL runs to the end of its batch, as SQL
 * Server itself requires; an Oracle PL/SQL unit runs to its `/` line when the file uses them.
 */

export interface Statement {
  /** Token index range [from, to) into the file's token array. */
  from: number;
  to: number;
  /** Offsets of the first and last token. */
  start: number;
  end: number;
  /** The leading keywords, upper-cased: one word, or two after CREATE/ALTER/DROP (skipping OR REPLACE, TEMP, UNIQUE …). */
  head: string;
}

/** Words after BEGIN that make it a transaction statement, not a block. */
const BEGIN_NOT_BLOCK = new Set(['TRAN', 'TRANSACTION', 'DISTRIBUTED', 'WORK', 'ISOLATION', 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE', 'DIALOG', 'CONVERSATION']);
/** Words after END that close a construct this splitter does not count (IF … END IF, LOOP … END LOOP). */
const END_NOT_BLOCK = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT', 'FOR']);
/** T-SQL statements that may follow another without a semicolon and cannot occur inside one. */
const TSQL_STATEMENT_START = new Set(['CREATE', 'DECLARE', 'USE', 'PRINT', 'ALTER', 'DROP']);
/** ALTER / DROP start a statement only before these (not ALTER COLUMN, DROP CONSTRAINT inside ALTER TABLE). */
const TSQL_OBJECTS = new Set(['TABLE', 'VIEW', 'PROC', 'PROCEDURE', 'FUNCTION', 'TRIGGER', 'INDEX', 'SCHEMA', 'DATABASE', 'SEQUENCE', 'TYPE', 'SYNONYM']);
const ROUTINES = /^(?:CREATE|ALTER) (?:PROC|PROCEDURE|FUNCTION|TRIGGER|VIEW|PACKAGE|TYPE)\b/;

export function splitStatements(tokens: readonly Token[], dialect: SqlDialect, slashTerminators = false): Statement[] {
  const statements: Statement[] = [];
  let from = 0;
  let depth = 0;
  let bodyDepth = 0;
  let head: string | undefined;
  /** Oracle PL/SQL units end at their `/` line, or else after their outermost END. */
  let plsql = false;
  let blockClosed = false;

  const close = (to: number): void => {
    if (to > from) statements.push({ from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end, head: head ?? statementHead(tokens, from, to) });
    from = to;
    depth = 0;
    bodyDepth = 0;
    head = undefined;
    plsql = false;
    blockClosed = false;
  };
  const begin = (i: number): void => {
    head = statementHead(tokens, i, Math.min(tokens.length, i + 12));
    plsql = dialect === 'oracle' && PLSQL_UNIT.test(head);
    // A package's AS … END pkg; encloses its members like a block.
    if (plsql && /PACKAGE$/.test(head)) depth = 1;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i === from) begin(i);
    if (token.type === 'batch') {
      close(i);
      from = i + 1;
      continue;
    }
    if (token.type === 'body-open') {
      bodyDepth++;
      continue;
    }
    if (token.type === 'body-close') {
      bodyDepth = Math.max(0, bodyDepth - 1);
      continue;
    }
    if (bodyDepth > 0) continue;
    if (token.type === 'terminator') {
      const open = plsql && (slashTerminators || !blockClosed);
      if (depth === 0 && !open) {
        close(i);
        from = i + 1;
      }
      continue;
    }
    if (token.type !== 'word') continue;
    const next = tokens[i + 1];
    switch (token.value) {
      case 'BEGIN':
        if (!(next && next.type === 'word' && BEGIN_NOT_BLOCK.has(next.value)) && !(next?.type === 'terminator') && next !== undefined) depth++;
        break;
      case 'CASE':
        // `END CASE` closes a CASE statement; a CASE expression closes with a bare END.
        if (!isWord(tokens[i - 1], 'END')) depth++;
        break;
      case 'END':
        if (!(next && next.type === 'word' && END_NOT_BLOCK.has(next.value))) {
          depth = Math.max(0, depth - 1);
          if (depth === 0) blockClosed = true;
        }
        break;
      default:
        if (dialect === 'mssql' && depth === 0 && i > from && TSQL_STATEMENT_START.has(token.value) && !ROUTINES.test(head ?? '') && startsStatement(tokens, i)) {
          close(i);
          begin(i);
        }
    }
  }
  close(tokens.length);
  return statements;
}

const PLSQL_UNIT = /^(?:DECLARE|BEGIN|CREATE (?:PROCEDURE|FUNCTION|TRIGGER|PACKAGE))$/;

/** A top-level CREATE/DECLARE/… that is not part of the previous statement (GRANT CREATE TABLE, CURSOR FOR …). */
function startsStatement(tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1];
  if (!previous) return true;
  const token = tokens[i]!;
  if ((token.value === 'ALTER' || token.value === 'DROP') && !(tokens[i + 1]?.type === 'word' && TSQL_OBJECTS.has(tokens[i + 1]!.value))) return false;
  if (previous.type === 'word' && ['GRANT', 'DENY', 'REVOKE', 'WITH', 'FOR'].includes(previous.value)) return false;
  return !(previous.type === 'op' && (previous.value === ',' || previous.value === '('));
}

const HEAD_NOISE = new Set(['OR', 'REPLACE', 'ALTER', 'TEMP', 'TEMPORARY', 'GLOBAL', 'LOCAL', 'UNLOGGED', 'EDITIONABLE', 'NONEDITIONABLE', 'DEFINER', 'IF', 'NOT', 'EXISTS', 'UNIQUE', 'CLUSTERED', 'NONCLUSTERED', 'VIRTUAL', 'MATERIALIZED', 'RECURSIVE', 'FORCE', 'NOFORCE', 'SQL', 'SECURITY', 'INVOKER', 'ALGORITHM', 'CURRENT_USER', 'BODY']);

/**
 * The statement's leading keywords with modifiers dropped, e.g. `CREATE OR ALTER PROCEDURE` →
 * `CREATE PROCEDURE`, `CREATE UNIQUE NONCLUSTERED INDEX` → `CREATE INDEX`, `CREATE TEMP TABLE` →
 * `CREATE TABLE`; `ALTER` is kept when it leads. MySQL's `DEFINER = user` is skipped.
 */
export function statementHead(tokens: readonly Token[], from: number, to: number): string {
  const words: string[] = [];
  for (let i = from; i < to && words.length < 3; i++) {
    const token = tokens[i]!;
    if (token.type !== 'word') {
      if (words.length === 0) return token.type === 'op' && token.value === '(' ? '(' : '';
      if (words[0] === 'CREATE' && (token.value === '=' || token.type === 'quoted' || token.type === 'string' || token.value === '@' || token.value === '`')) continue;
      break;
    }
    if (words.length > 0 && words[0] !== 'ALTER' && HEAD_NOISE.has(token.value)) continue;
    if (words.length > 0 && words[0] === 'ALTER' && words.length === 1 && ['OR'].includes(token.value)) continue;
    words.push(token.value);
    if (words.length === 1 && !['CREATE', 'ALTER', 'DROP'].includes(token.value)) break;
    if (words.length === 2) break;
  }
  return words.join(' ');
}
