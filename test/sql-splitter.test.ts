import { describe, expect, it } from 'vitest';
import type { SqlDialect } from '../src/languages/sql/dialect.js';
import { splitStatements } from '../src/languages/sql/splitter.js';
import { tokenize } from '../src/languages/sql/tokens.js';

/** The statements of `text` as the source text they cover, whitespace-folded. */
function split(text: string, dialect: SqlDialect): string[] {
  const { tokens, slashTerminators } = tokenize(text, dialect);
  return splitStatements(tokens, dialect, slashTerminators).map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' '));
}

function heads(text: string, dialect: SqlDialect): string[] {
  const { tokens, slashTerminators } = tokenize(text, dialect);
  return splitStatements(tokens, dialect, slashTerminators).map((s) => s.head);
}

describe('SQL tokenizer', () => {
  it('reads strings with doubled quotes, N/E prefixes and quoted identifiers', () => {
    const { tokens } = tokenize(`SELECT 'it''s', N'x;y', "a;b", [c;d], \`e\` FROM t`, 'mssql');
    expect(tokens.map((t) => [t.type, t.value])).toEqual([
      ['word', 'SELECT'], ['string', "it's"], ['op', ','], ['string', 'x;y'], ['op', ','], ['quoted', 'a;b'], ['op', ','],
      ['quoted', 'c;d'], ['op', ','], ['quoted', 'e'], ['word', 'FROM'], ['word', 'T'],
    ]);
  });

  it('skips line, block and nested block comments, and MySQL # comments', () => {
    expect(tokenize('SELECT 1 -- ; x\n/* ; /* nested ; */ still ; */ FROM t', 'mssql').tokens.map((t) => t.value)).toEqual(['SELECT', '1', 'FROM', 'T']);
    expect(tokenize('SELECT 1 # ; comment\nFROM t', 'mysql').tokens.map((t) => t.value)).toEqual(['SELECT', '1', 'FROM', 'T']);
    // Not every dialect nests block comments: in Oracle the first */ ends it.
    expect(tokenize('/* a /* b */ SELECT', 'oracle').tokens.map((t) => t.value)).toEqual(['SELECT']);
  });

  it('reads MySQL double-quoted and backslash-escaped strings as strings', () => {
    expect(tokenize(`SELECT "a\\"b", 'c\\'d'`, 'mysql').tokens.filter((t) => t.type === 'string').map((t) => t.value)).toEqual(['a"b', "c'd"]);
  });

  it('reads Oracle q-quoted strings', () => {
    expect(tokenize(`SELECT q'[it's; fine]' FROM dual`, 'oracle').tokens.map((t) => t.type)).toEqual(['word', 'string', 'word', 'word']);
  });

  it('tells variables, casts and parameters apart', () => {
    const { tokens } = tokenize('SELECT @a, @@ROWCOUNT, :b, $1, ?, x::int, y := 2', 'postgres');
    expect(tokens.filter((t) => t.type === 'variable').map((t) => t.value)).toEqual(['@a', '@@ROWCOUNT', ':b', '$1', '?']);
    expect(tokens.filter((t) => t.type === 'op').map((t) => t.value)).toEqual([',', ',', ',', ',', ',', '::', ',', ':=']);
  });

  it('keeps offsets into the original text', () => {
    const text = "  SELECT [lsid]\r\nFROM t -- c\n";
    for (const token of tokenize(text, 'mssql').tokens) expect(text.slice(token.start, token.end).toUpperCase()).toContain(token.value.toUpperCase());
  });

  it('ends an unterminated string or comment at the end of the text, in linear time', () => {
    const text = `SELECT '${'x'.repeat(1_000_000)}`;
    const started = performance.now();
    const { tokens } = tokenize(text, 'mssql');
    expect(tokens.at(-1)).toMatchObject({ type: 'string', end: text.length });
    expect(tokenize('SELECT 1 /* open', 'postgres').tokens.map((t) => t.value)).toEqual(['SELECT', '1']);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('SQL statement splitter', () => {
  it('splits on semicolons outside strings, quoted identifiers and comments', () => {
    expect(split(`SELECT ';' AS a; SELECT "x;y" FROM [t;u]; -- ; not here\nSELECT 1 /* ; */;`, 'mssql'))
      .toEqual([`SELECT ';' AS a`, 'SELECT "x;y" FROM [t;u]', 'SELECT 1']);
  });

  it('splits T-SQL batches on GO lines only', () => {
    const text = 'SELECT 1\nGO\nSELECT 2\n  go 5 -- twice\nSELECT 3 -- GO\nSELECT \'\nGO\n\'\nGOTO done';
    expect(split(text, 'mssql')).toEqual(['SELECT 1', 'SELECT 2', "SELECT 3 -- GO SELECT ' GO ' GOTO done"]);
    // GO is not a separator in other dialects.
    expect(split('SELECT 1\nGO\nSELECT 2', 'postgres')).toEqual(['SELECT 1 GO SELECT 2']);
  });

  it('keeps BEGIN … END and CASE … END bodies whole', () => {
    const text = `CREATE TRIGGER trg AFTER INSERT ON session BEGIN
  UPDATE state SET n = CASE WHEN NEW.x > 0 THEN 1 ELSE 0 END;
  INSERT INTO log VALUES (NEW.lsid);
END;
SELECT 2;`;
    expect(heads(text, 'sqlite')).toEqual(['CREATE TRIGGER', 'SELECT']);
  });

  it('does not treat BEGIN TRANSACTION or END IF as blocks', () => {
    expect(heads('BEGIN TRANSACTION; UPDATE t SET a = 1; COMMIT;', 'mssql')).toEqual(['BEGIN', 'UPDATE', 'COMMIT']);
    expect(heads('BEGIN; UPDATE t SET a = 1; COMMIT;', 'postgres')).toEqual(['BEGIN', 'UPDATE', 'COMMIT']);
    const procedure = `CREATE PROCEDURE p() BEGIN
  IF x > 0 THEN SET y = 1; END IF;
  WHILE y < 3 DO SET y = y + 1; END WHILE;
  CASE y WHEN 1 THEN SET z = 1; ELSE SET z = 2; END CASE;
END;
SELECT 1;`;
    expect(heads(procedure, 'mysql')).toEqual(['CREATE PROCEDURE', 'SELECT']);
  });

  it('keeps PostgreSQL $$ and $tag$ bodies whole and tokenizes inside them', () => {
    const text = `CREATE FUNCTION f() RETURNS int AS $$
DECLARE v int; BEGIN RETURN 1; END;
$$ LANGUAGE plpgsql;
DO $body$ BEGIN PERFORM 1; END $body$;
SELECT 3;`;
    expect(heads(text, 'postgres')).toEqual(['CREATE FUNCTION', 'DO', 'SELECT']);
    const { tokens } = tokenize(text, 'postgres');
    expect(tokens.filter((t) => t.type === 'body-open').map((t) => t.value)).toEqual(['$$', '$body$']);
    expect(tokens.some((t) => t.type === 'word' && t.value === 'DECLARE')).toBe(true);
  });

  it('follows MySQL DELIMITER directives', () => {
    const text = `DELIMITER //
CREATE PROCEDURE p()
SELECT 1; SELECT 2; //
DELIMITER ;
SELECT 3;`;
    expect(split(text, 'mysql')).toEqual(['CREATE PROCEDURE p() SELECT 1; SELECT 2;', 'SELECT 3']);
  });

  it('ends Oracle PL/SQL units at their / line, or after their outermost END', () => {
    const slash = `CREATE OR REPLACE PROCEDURE p IS
  v NUMBER;
BEGIN
  NULL;
END;
/
SELECT 1 FROM dual;`;
    expect(heads(slash, 'oracle')).toEqual(['CREATE PROCEDURE', 'SELECT']);
    const noSlash = `CREATE PROCEDURE p IS v NUMBER; BEGIN NULL; END; SELECT 1 FROM dual;`;
    expect(heads(noSlash, 'oracle')).toEqual(['CREATE PROCEDURE', 'SELECT']);
    const pkg = `CREATE OR REPLACE PACKAGE BODY pkg AS
  PROCEDURE a IS BEGIN NULL; END a;
  PROCEDURE b IS BEGIN NULL; END b;
END pkg;
SELECT 1 FROM dual;`;
    expect(heads(pkg, 'oracle')).toEqual(['CREATE PACKAGE', 'SELECT']);
  });

  it('separates T-SQL statements written without semicolons, but not inside a routine', () => {
    const text = `CREATE TABLE a (id INT)
CREATE TABLE b (id INT)
ALTER TABLE a ADD x INT
ALTER TABLE a DROP COLUMN x
DECLARE @v INT
SELECT @v = 1
GO
CREATE PROCEDURE p AS
  DECLARE @w INT
  CREATE TABLE #t (id INT)
  SELECT 1
GO`;
    expect(heads(text, 'mssql')).toEqual(['CREATE TABLE', 'CREATE TABLE', 'ALTER TABLE', 'ALTER TABLE', 'DECLARE', 'CREATE PROCEDURE']);
  });

  it('names statements by their leading keywords without modifiers', () => {
    expect(heads('CREATE OR ALTER PROCEDURE p AS SELECT 1\nGO\nCREATE UNIQUE NONCLUSTERED INDEX i ON t (a)\nGO\nCREATE TEMPORARY TABLE x (a int)', 'mssql'))
      .toEqual(['CREATE PROCEDURE', 'CREATE INDEX', 'CREATE TABLE']);
    expect(heads('CREATE DEFINER=`root`@`%` PROCEDURE p() SELECT 1;', 'mysql')).toEqual(['CREATE PROCEDURE']);
  });

  it('returns spans that point into the original text', () => {
    const text = '\uFEFF-- header\nSELECT 1;\n\n  SELECT 2 ;';
    const { tokens } = tokenize(text, 'mssql');
    const statements = splitStatements(tokens, 'mssql');
    expect(statements.map((s) => text.slice(s.start, s.end))).toEqual(['SELECT 1', 'SELECT 2']);
  });
});
