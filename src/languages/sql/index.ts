import type { LanguageAdapter } from '../adapter.js';
import { analyzeSql } from './analyze.js';

export { analyzeSql, type SqlAnalysis, type SqlAnalysisOptions, type StatementReport } from './analyze.js';
export { chooseDialect, detectDialect, dialectFromName, SQL_DIALECTS, type SqlDialect } from './dialect.js';

/**
 * `.sql` files in SQL Server (T-SQL), MySQL/MariaDB, PostgreSQL, SQLite and Oracle dialects. A file
 * is never a parse error: statements node-sql-parser cannot take (procedures, triggers, PL/SQL,
 * Oracle altogether) are analyzed by the token scanner, and listed as coverage notes.
 */
export const sqlAdapter: LanguageAdapter = {
  id: 'sql',
  extensions: ['.sql'],
  comments: { line: ['--'], block: [['/*', '*/']] },
  analyze({ text, sqlDialect }) {
    const analysis = analyzeSql(text, sqlDialect === undefined ? {} : { dialect: sqlDialect });
    return { facts: analysis.facts, ...(analysis.notes.length ? { notes: analysis.notes } : {}) };
  },
};
