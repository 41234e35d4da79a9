import { describe, expect, it } from 'vitest';
import { chooseDialect, detectDialect, dialectDirective, dialectFromName } from '../src/languages/sql/dialect.js';
import { sqlAdapter } from '../src/languages/sql/index.js';

describe('SQL dialect detection', () => {
  it.each([
    ['mssql', 'CREATE TABLE [dbo].[session] ([lsid] INT NOT NULL)\nGO'],
    ['mssql', 'CREATE TABLE session (id INT IDENTITY(1,1) PRIMARY KEY, lsid INT)'],
    ['mssql', 'DECLARE @last_lsid INT; SELECT TOP 10 * FROM session'],
    ['mssql', 'CREATE TABLE notes (body NVARCHAR(MAX))'],
    ['mysql', 'CREATE TABLE `session` (`lsid` int(11) NOT NULL AUTO_INCREMENT) ENGINE=InnoDB;'],
    ['mysql', 'DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END $$\nDELIMITER ;'],
    ['postgres', 'CREATE TABLE session (id SERIAL PRIMARY KEY, lsid integer);'],
    ['postgres', 'SELECT lsid::int FROM session;'],
    ['postgres', 'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;'],
    ['postgres', "SELECT * FROM session WHERE lsid ~ '^[0-9]+$';"],
    ['sqlite', 'CREATE TABLE session (id INTEGER PRIMARY KEY AUTOINCREMENT, lsid TEXT);'],
    ['sqlite', 'PRAGMA foreign_keys = ON; CREATE TABLE t (id INTEGER PRIMARY KEY);'],
    ['oracle', 'CREATE TABLE session (lsid NUMBER(10), host VARCHAR2(255));'],
    ['oracle', 'BEGIN NULL; END;\n/\n'],
  ])('detects %s', (dialect, text) => {
    expect(detectDialect(text).dialect).toBe(dialect);
  });

  it('falls back to SQL Server, the Integration Client database, when nothing is dialect-specific', () => {
    expect(detectDialect('SELECT lsid FROM session WHERE lsid = 1;')).toMatchObject({ dialect: 'mssql', source: 'default' });
  });

  it('explains the vote', () => {
    expect(detectDialect('CREATE TABLE t (id INT IDENTITY(1,1))\nGO').reason).toMatch(/GO batch separator.*IDENTITY/);
  });

  it('lets the strongest family win when syntax is mixed', () => {
    // A backtick in a comment does not outvote SERIAL, :: casts and $$.
    expect(detectDialect('-- see `notes`\nCREATE TABLE t (id SERIAL); SELECT a::int; DO $$ BEGIN END $$;').dialect).toBe('postgres');
  });
});

describe('SQL dialect directive and override', () => {
  it('reads a directive comment at the top of the file', () => {
    expect(dialectDirective('-- lsid-lint-dialect: postgres\nSELECT 1')).toBe('postgres');
    expect(dialectDirective('\n\n-- generated\n/* lsid-lint-dialect: oracle */\nSELECT 1')).toBe('oracle');
    expect(dialectDirective('/* licence\n   text */\n-- lsid-lint-dialect: mariadb\nSELECT 1')).toBe('mysql');
    expect(dialectDirective('# lsid-lint-dialect: mysql\nSELECT 1')).toBe('mysql');
  });

  it('ignores a directive after the first statement, or naming no dialect', () => {
    expect(dialectDirective('SELECT 1;\n-- lsid-lint-dialect: postgres')).toBeUndefined();
    expect(dialectDirective('-- lsid-lint-dialect: cobol\nSELECT 1')).toBeUndefined();
  });

  it('ranks the directive over the setting over detection', () => {
    const text = 'CREATE TABLE t (id INT IDENTITY(1,1))\nGO';
    expect(chooseDialect(text)).toMatchObject({ dialect: 'mssql', source: 'detected' });
    expect(chooseDialect(text, 'sqlite')).toMatchObject({ dialect: 'sqlite', source: 'override' });
    expect(chooseDialect(`-- lsid-lint-dialect: oracle\n${text}`, 'sqlite')).toMatchObject({ dialect: 'oracle', source: 'comment' });
    expect(chooseDialect(text, 'not-a-dialect')).toMatchObject({ dialect: 'mssql', source: 'detected' });
  });

  it('accepts the usual names for each dialect', () => {
    expect(['tsql', 'SQLServer', 'transactsql', 'mariadb', 'postgresql', 'pg', 'sqlite3', 'plsql'].map(dialectFromName))
      .toEqual(['mssql', 'mssql', 'mssql', 'mysql', 'postgres', 'postgres', 'sqlite', 'oracle']);
  });

  it('takes the override through the adapter input (config sql.dialect)', () => {
    const text = 'CREATE TABLE bomgar_session (lsid VARCHAR(20) NOT NULL);';
    const context = { hosts: [], modules: [], urlPatterns: [] };
    // SQL Server truncates a 32-character LSID in VARCHAR(20); SQLite ignores declared lengths.
    expect(sqlAdapter.analyze({ file: 'a.sql', text, context }).facts.valueUses.map((u) => u.kind)).toEqual(['numeric-type']);
    expect(sqlAdapter.analyze({ file: 'a.sql', text, context, sqlDialect: 'sqlite' }).facts.valueUses).toEqual([]);
  });
});
