import { createRequire } from 'node:module';
import type { SqlDialect } from './dialect.js';
import type { Statement } from './splitter.js';
import { isWord, type Token } from './tokens.js';

/**
 * The node-sql-parser facade. One statement at a time (whole-file parsing grows faster than the
 * file), only statement kinds whose AST can be checked against the statement's own leading
 * keywords, and only ASTs that pass that check are trusted: in T-SQL the parser returns a wrong AST
 * without error for `CREATE PROC p …` and `CREATE VIEW dbo.v`. The parser for a dialect is loaded
 * on first use, from its own build (`node-sql-parser/build/<db>.js`), so a run pays only for the
 * dialects it meets.
 */

interface SqlParser {
  astify(sql: string, options?: { database?: string }): unknown;
}

const DATABASE: Readonly<Record<SqlDialect, string | undefined>> = {
  mssql: 'transactsql',
  mysql: 'mysql',
  postgres: 'postgresql',
  sqlite: 'sqlite',
  oracle: undefined, // node-sql-parser has no Oracle grammar: PL/SQL is analyzed by tokens only
};

const require = createRequire(import.meta.url);
const parsers = new Map<string, SqlParser | null>();

function parserFor(database: string): SqlParser | undefined {
  let parser = parsers.get(database);
  if (parser === undefined) {
    try {
      const module = require(`node-sql-parser/build/${database}.js`) as { Parser: new () => SqlParser };
      parser = new module.Parser();
    } catch {
      parser = null;
    }
    parsers.set(database, parser);
  }
  return parser ?? undefined;
}

/** The AST type (and `keyword` for CREATE) each statement head must produce. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  SELECT: ['select'],
  WITH: ['select', 'insert', 'update', 'delete'],
  INSERT: ['insert'],
  REPLACE: ['replace', 'insert'],
  UPDATE: ['update'],
  DELETE: ['delete'],
  'CREATE TABLE': ['create:table'],
  'CREATE INDEX': ['create:index'],
  'CREATE VIEW': ['create:view'],
  'ALTER TABLE': ['alter'],
};

/** Statements longer than this go to the token analysis directly: the parser is super-linear on them. */
const MAX_PARSED_LENGTH = 64 * 1024;

export type ParseOutcome =
  | { status: 'parsed'; ast: unknown }
  | { status: 'unsupported'; reason: string }
  | { status: 'failed'; reason: string };

export function parseStatement(text: string, tokens: readonly Token[], statement: Statement, dialect: SqlDialect): ParseOutcome {
  const database = DATABASE[dialect];
  if (!database) return { status: 'unsupported', reason: `node-sql-parser has no ${dialect} grammar` };
  const expected = dialect === 'mssql' && statement.head === 'DECLARE' ? ['declare'] : EXPECTED[statement.head];
  if (!expected) return { status: 'unsupported', reason: `${statement.head || 'this statement'} is analyzed by tokens` };
  if (statement.end - statement.start > MAX_PARSED_LENGTH) return { status: 'unsupported', reason: 'statement too long for the parser' };
  const parser = parserFor(database);
  if (!parser) return { status: 'unsupported', reason: `node-sql-parser/build/${database}.js could not be loaded` };
  let ast: unknown;
  try {
    ast = parser.astify(parserInput(text, tokens, statement, dialect), { database });
  } catch (error) {
    return { status: 'failed', reason: firstLine(error) };
  }
  if (Array.isArray(ast)) {
    if (ast.length !== 1) return { status: 'failed', reason: `parser read ${ast.length} statements where there is one` };
    ast = ast[0];
  }
  const actual = astKind(ast);
  if (!expected.includes(actual)) return { status: 'failed', reason: `parser returned a ${actual || 'different'} AST for ${statement.head}` };
  return { status: 'parsed', ast };
}

function astKind(ast: unknown): string {
  if (!ast || typeof ast !== 'object') return '';
  const node = ast as { type?: unknown; keyword?: unknown };
  const type = typeof node.type === 'string' ? node.type : '';
  return type === 'create' ? `create:${typeof node.keyword === 'string' ? node.keyword : ''}` : type;
}

const QUOTE: Readonly<Record<SqlDialect, [string, string]>> = {
  mssql: ['[', ']'], mysql: ['`', '`'], postgres: ['"', '"'], sqlite: ['"', '"'], oracle: ['"', '"'],
};

/**
 * The statement's text as the parser should see it. `session`, the Integration Client's table, is
 * a keyword to every node-sql-parser grammar but MySQL's, so it is quoted where it names a table or
 * column (not in `SET SESSION …`).
 */
function parserInput(text: string, tokens: readonly Token[], statement: Statement, dialect: SqlDialect): string {
  let result = '';
  let cursor = statement.start;
  for (let i = statement.from; i < statement.to; i++) {
    const token = tokens[i]!;
    if (token.type !== 'word' || token.value !== 'SESSION' || dialect === 'mysql') continue;
    if (isWord(tokens[i - 1], 'SET', 'ALTER') || tokens[i + 1]?.value === '_USER') continue;
    const [open, close] = QUOTE[dialect];
    result += text.slice(cursor, token.start) + open + text.slice(token.start, token.end) + close;
    cursor = token.end;
  }
  return result + text.slice(cursor, statement.end);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0]!;
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
