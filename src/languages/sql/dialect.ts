/**
 * SQL dialects: names, the syntax each one's tokenizer needs, and detection from a file's text.
 * Detection is a vote over syntax that only one family writes (GO batches, [brackets], backticks,
 * $$ bodies, VARCHAR2 …); a `-- lsid-lint-dialect: <name>` comment at the top of the file, or the
 * caller's override (config `sql.dialect`), wins over the vote.
 */

export type SqlDialect = 'mssql' | 'mysql' | 'postgres' | 'sqlite' | 'oracle';

export const SQL_DIALECTS: readonly SqlDialect[] = ['mssql', 'mysql', 'postgres', 'sqlite', 'oracle'];

/** Used when a file shows no dialect-specific syntax: the Integration Client's database is SQL Server. */
export const DEFAULT_DIALECT: SqlDialect = 'mssql';

const ALIASES: Readonly<Record<string, SqlDialect>> = {
  mssql: 'mssql', tsql: 'mssql', 't-sql': 'mssql', transactsql: 'mssql', sqlserver: 'mssql', 'sql-server': 'mssql',
  mysql: 'mysql', mariadb: 'mysql',
  postgres: 'postgres', postgresql: 'postgres', pg: 'postgres', pgsql: 'postgres', plpgsql: 'postgres',
  sqlite: 'sqlite', sqlite3: 'sqlite',
  oracle: 'oracle', plsql: 'oracle', 'pl/sql': 'oracle',
};

/** A dialect name as users write it (`postgresql`, `tsql`, `mariadb` …), or undefined when unknown. */
export function dialectFromName(name: string | undefined): SqlDialect | undefined {
  return name === undefined ? undefined : ALIASES[name.trim().toLowerCase()];
}

/** What the tokenizer and splitter must know about a dialect. */
export interface DialectSyntax {
  /** `[name]` quotes an identifier (otherwise `[` is punctuation, e.g. a PostgreSQL array subscript). */
  brackets: boolean;
  /** `"…"` is a string literal rather than a quoted identifier (MySQL's default mode). */
  doubleQuotedStrings: boolean;
  /** Backslash escapes in '…' strings. */
  backslashEscapes: boolean;
  /** `#` starts a line comment. */
  hashComments: boolean;
  /** `/* … *\/` comments nest. */
  nestedComments: boolean;
  /** `$tag$ … $tag$` bodies. */
  dollarQuotes: boolean;
  /** `GO` on its own line separates batches. */
  goBatches: boolean;
  /** `/` on its own line ends a PL/SQL unit. */
  slashTerminator: boolean;
  /** `DELIMITER //` client directives. */
  delimiterDirective: boolean;
  /** Oracle's q'[…]' quoting. */
  qQuotes: boolean;
}

const SYNTAX: Readonly<Record<SqlDialect, DialectSyntax>> = {
  mssql: { brackets: true, doubleQuotedStrings: false, backslashEscapes: false, hashComments: false, nestedComments: true, dollarQuotes: false, goBatches: true, slashTerminator: false, delimiterDirective: false, qQuotes: false },
  mysql: { brackets: false, doubleQuotedStrings: true, backslashEscapes: true, hashComments: true, nestedComments: false, dollarQuotes: false, goBatches: false, slashTerminator: false, delimiterDirective: true, qQuotes: false },
  postgres: { brackets: false, doubleQuotedStrings: false, backslashEscapes: false, hashComments: false, nestedComments: true, dollarQuotes: true, goBatches: false, slashTerminator: false, delimiterDirective: false, qQuotes: false },
  sqlite: { brackets: true, doubleQuotedStrings: false, backslashEscapes: false, hashComments: false, nestedComments: false, dollarQuotes: false, goBatches: false, slashTerminator: false, delimiterDirective: false, qQuotes: false },
  oracle: { brackets: false, doubleQuotedStrings: false, backslashEscapes: false, hashComments: false, nestedComments: false, dollarQuotes: false, goBatches: false, slashTerminator: true, delimiterDirective: false, qQuotes: true },
};

export function dialectSyntax(dialect: SqlDialect): DialectSyntax {
  return SYNTAX[dialect];
}

export interface DialectChoice {
  dialect: SqlDialect;
  /** How it was chosen, for coverage notes: `comment`, `override` or the syntax that decided the vote. */
  source: 'comment' | 'override' | 'detected' | 'default';
  reason: string;
}

/** `-- lsid-lint-dialect: postgres` (or `/* … *\/`, or `#` in MySQL files) before the first statement. */
const DIRECTIVE = /^(?:--|#|\/\*)\s*lsid-lint-dialect\s*:\s*([\w/-]+)/i;

/** The dialect named by a directive comment among the comments and blank lines that open the file. */
export function dialectDirective(text: string): SqlDialect | undefined {
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (offset < text.length) {
    const lineEnd = text.indexOf('\n', offset);
    const line = text.slice(offset, lineEnd === -1 ? text.length : lineEnd).trim();
    offset = lineEnd === -1 ? text.length : lineEnd + 1;
    if (line === '') continue;
    const match = DIRECTIVE.exec(line);
    if (match) return dialectFromName(match[1]);
    // Only the opening comment block counts; a block comment's inner lines are skipped up to its end.
    if (line.startsWith('/*')) {
      if (!line.includes('*/')) {
        const close = text.indexOf('*/', offset);
        offset = close === -1 ? text.length : text.indexOf('\n', close) + 1 || text.length;
      }
      continue;
    }
    if (line.startsWith('--') || line.startsWith('#')) continue;
    return undefined;
  }
  return undefined;
}

interface Signal {
  dialect: SqlDialect;
  pattern: RegExp;
  weight: number;
  label: string;
}

/**
 * Syntax that only one dialect family writes. Patterns run on the raw text (a comment may mislead
 * one of them; the vote absorbs that), and each counts once however often it matches.
 */
const SIGNALS: readonly Signal[] = [
  { dialect: 'mssql', pattern: /^[ \t]*GO[ \t]*(?:\d+[ \t]*)?$/im, weight: 5, label: 'GO batch separator' },
  { dialect: 'mssql', pattern: /\[(?:dbo|[A-Za-z_][\w ]*)\]\s*(?:\.|\(|\s+(?:INT|BIGINT|N?VARCHAR|N?CHAR|DATETIME2?|BIT|UNIQUEIDENTIFIER)\b)/i, weight: 4, label: '[bracketed] identifiers' },
  { dialect: 'mssql', pattern: /\bN?VARCHAR\s*\(\s*MAX\s*\)/i, weight: 4, label: 'VARCHAR(MAX)' },
  { dialect: 'mssql', pattern: /\bIDENTITY\s*\(\s*\d+\s*,\s*\d+\s*\)/i, weight: 4, label: 'IDENTITY(seed, step)' },
  { dialect: 'mssql', pattern: /\bDECLARE\s+@\w+/i, weight: 3, label: 'DECLARE @variable' },
  { dialect: 'mssql', pattern: /\b(?:UNIQUEIDENTIFIER|NVARCHAR|DATETIME2|SYSNAME|GETDATE\s*\(|GETUTCDATE\s*\(|NEWID\s*\(|SET\s+NOCOUNT|TRY_CONVERT|ISNUMERIC)\b/i, weight: 3, label: 'T-SQL types and functions' },
  { dialect: 'mssql', pattern: /\bCREATE\s+(?:OR\s+ALTER\s+)?PROC(?:EDURE)?\s+[\w.[\]]+\s+@/i, weight: 4, label: 'procedure with @parameters' },
  { dialect: 'mssql', pattern: /\bSELECT\s+(?:DISTINCT\s+)?TOP\s*[(\d]/i, weight: 3, label: 'SELECT TOP' },
  { dialect: 'mssql', pattern: /\bdbo\./i, weight: 2, label: 'dbo schema' },
  { dialect: 'mysql', pattern: /`[^`\n]+`/, weight: 4, label: '`backtick` identifiers' },
  { dialect: 'mysql', pattern: /\bAUTO_INCREMENT\b/i, weight: 5, label: 'AUTO_INCREMENT' },
  { dialect: 'mysql', pattern: /\bENGINE\s*=/i, weight: 5, label: 'ENGINE=' },
  { dialect: 'mysql', pattern: /^[ \t]*DELIMITER[ \t]+\S+/im, weight: 5, label: 'DELIMITER directive' },
  { dialect: 'mysql', pattern: /\b(?:UNSIGNED|TINYINT|MEDIUMINT|MEDIUMTEXT|LONGTEXT|IFNULL\s*\(|UNHEX\s*\(|DEFAULT\s+CHARSET|COLLATE\s*=?\s*utf8)/i, weight: 3, label: 'MySQL types and functions' },
  { dialect: 'postgres', pattern: /\b(?:BIG|SMALL)?SERIAL\b/i, weight: 5, label: 'SERIAL' },
  { dialect: 'postgres', pattern: /\w\s*::\s*[A-Za-z]/, weight: 4, label: ':: casts' },
  { dialect: 'postgres', pattern: /\$(?:[A-Za-z_]\w*)?\$/, weight: 4, label: '$$ bodies' },
  { dialect: 'postgres', pattern: /[\w)]\s*!?~\*?\s*'/, weight: 3, label: '~ regular-expression match' },
  { dialect: 'postgres', pattern: /^\\(?:echo|quit|set|i|ir|connect|c)\b/m, weight: 5, label: 'psql meta-commands' },
  { dialect: 'postgres', pattern: /\bLANGUAGE\s+'?(?:c|plpgsql|plpython3?u|plperlu?|pltcl)\b|\bRETURNS\s+SETOF\b|\bPARALLEL\s+(?:SAFE|UNSAFE|RESTRICTED)\b/i, weight: 4, label: 'PostgreSQL function syntax' },
  { dialect: 'postgres', pattern: /\bFROM\s+stdin\s*;|\bpg_catalog\.|\bSET\s+(?:statement_timeout|search_path)\b/i, weight: 5, label: 'pg_dump output' },
  { dialect: 'postgres', pattern: /\b(?:plpgsql|BYTEA|TIMESTAMPTZ|JSONB|ILIKE|RETURNING|CREATE\s+EXTENSION|uuid_generate_v4|gen_random_uuid)\b/i, weight: 3, label: 'PostgreSQL types and functions' },
  { dialect: 'sqlite', pattern: /\bAUTOINCREMENT\b/i, weight: 5, label: 'AUTOINCREMENT' },
  { dialect: 'sqlite', pattern: /\bINTEGER\s+PRIMARY\s+KEY\b/i, weight: 3, label: 'INTEGER PRIMARY KEY' },
  { dialect: 'sqlite', pattern: /\b(?:PRAGMA|WITHOUT\s+ROWID|strftime\s*\(|datetime\s*\(\s*'now')/i, weight: 4, label: 'SQLite pragmas and functions' },
  { dialect: 'oracle', pattern: /\bNUMBER\s*\(\s*\d+/i, weight: 4, label: 'NUMBER(p)' },
  { dialect: 'oracle', pattern: /\bN?VARCHAR2\b/i, weight: 5, label: 'VARCHAR2' },
  { dialect: 'oracle', pattern: /^[ \t]*\/[ \t]*$/m, weight: 2, label: '/ terminator' },
  { dialect: 'oracle', pattern: /\b(?:SYSDATE|SYSTIMESTAMP|ROWNUM|PLS_INTEGER|NVL\s*\(|FROM\s+DUAL|%TYPE|%ROWTYPE|CREATE\s+OR\s+REPLACE\s+PACKAGE)\b/i, weight: 3, label: 'Oracle types and functions' },
];

/**
 * The file's dialect: its directive comment, else the caller's override, else the syntax vote
 * (ties go to the earlier dialect in SQL_DIALECTS), else SQL Server.
 */
export function chooseDialect(text: string, override?: string): DialectChoice {
  const directive = dialectDirective(text);
  if (directive) return { dialect: directive, source: 'comment', reason: 'lsid-lint-dialect comment' };
  const configured = dialectFromName(override);
  if (configured) return { dialect: configured, source: 'override', reason: 'sql.dialect setting' };
  return detectDialect(text);
}

export function detectDialect(text: string): DialectChoice {
  // Detection reads a bounded prefix: dialect syntax shows up early, and this keeps big files linear.
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const scores = new Map<SqlDialect, { score: number; labels: string[] }>();
  for (const signal of SIGNALS) {
    if (!signal.pattern.test(sample)) continue;
    const entry = scores.get(signal.dialect) ?? { score: 0, labels: [] };
    entry.score += signal.weight;
    entry.labels.push(signal.label);
    scores.set(signal.dialect, entry);
  }
  let best: SqlDialect | undefined;
  for (const dialect of SQL_DIALECTS) {
    const score = scores.get(dialect)?.score ?? 0;
    if (score > 0 && (best === undefined || score > scores.get(best)!.score)) best = dialect;
  }
  if (!best) return { dialect: DEFAULT_DIALECT, source: 'default', reason: 'no dialect-specific syntax' };
  return { dialect: best, source: 'detected', reason: scores.get(best)!.labels.join(', ') };
}
