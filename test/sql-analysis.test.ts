import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSql } from '../src/languages/sql/index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/rules');
const sqlFixtures = readdirSync(FIXTURES).flatMap((rule) => readdirSync(path.join(FIXTURES, rule)).filter((name) => name.endsWith('.sql')).map((name) => `${rule}/${name}`)).sort();

const kinds = (text: string, dialect?: string): string[] => analyzeSql(text, dialect ? { dialect } : {}).facts.valueUses.map((use) => `${use.kind} ${use.construct}`);

describe('node-sql-parser and the token scanner agree', () => {
  /**
   * Where node-sql-parser takes a statement, its AST vets the scanner's findings: a finding the AST
   * does not confirm is dropped, one only the AST sees is added. On the fixtures neither may happen,
   * so the scanner alone (which is all procedures, triggers and Oracle get) finds exactly the same.
   */
  it.each(sqlFixtures)('%s', (fixture) => {
    const text = readFileSync(path.join(FIXTURES, fixture), 'utf8');
    const analysis = analyzeSql(text);
    const disagreements = analysis.statements.flatMap((s) => [...s.vetoed.map((v) => `vetoed ${v}`), ...s.added.map((a) => `added ${a}`)]);
    expect(disagreements).toEqual([]);
    expect(analyzeSql(text, { tokensOnly: true }).facts.valueUses).toEqual(analysis.facts.valueUses);
  });

  it('the parser is used: most fixture statements that name an LSID parse outside Oracle', () => {
    let parsed = 0;
    let analyzed = 0;
    for (const fixture of sqlFixtures.filter((name) => !name.includes('.oracle.'))) {
      for (const statement of analyzeSql(readFileSync(path.join(FIXTURES, fixture), 'utf8')).statements) {
        if (statement.mode === 'skipped') continue;
        analyzed++;
        if (statement.mode === 'parser') parsed++;
      }
    }
    expect(parsed / analyzed).toBeGreaterThan(0.6);
  });
});

describe('SQL statements node-sql-parser gets wrong', () => {
  it('quotes the Integration Client table name, a keyword to the parser, so queries on session parse', () => {
    for (const dialect of ['mssql', 'postgres', 'sqlite', 'mysql']) {
      const analysis = analyzeSql('SELECT MAX(s.lsid) + 1 FROM session s;', { dialect });
      expect(analysis.statements.map((s) => s.mode), dialect).toEqual(['parser']);
      expect(analysis.facts.valueUses.map((u) => u.kind), dialect).toEqual(['min-max', 'arithmetic']);
    }
  });

  it('distrusts an AST whose type does not match the statement (CREATE VIEW dbo.v in T-SQL)', () => {
    // node-sql-parser reads this without error as a list of variable assignments (CREATE = VIEW(), …).
    const analysis = analyzeSql('CREATE VIEW dbo.v AS SELECT MAX(lsid) AS m FROM session', { dialect: 'mssql' });
    expect(analysis.statements[0]).toMatchObject({ mode: 'tokens' });
    expect(analysis.statements[0]!.reason).toMatch(/parser read \d+ statements where there is one/);
    expect(analysis.facts.valueUses.map((u) => u.kind)).toEqual(['min-max']);
  });

  it('analyzes procedures by tokens and records one coverage note, never a parse error', () => {
    const text = `CREATE PROCEDURE dbo.p @lsid INT AS SELECT lsid FROM dbo.session WHERE lsid > @lsid
GO
CREATE PROC q @last_lsid INT AS SELECT 1
GO`;
    const analysis = analyzeSql(text);
    expect(analysis.statements.map((s) => s.mode)).toEqual(['tokens', 'tokens']);
    expect(analysis.facts.valueUses.map((u) => `${u.kind} ${u.origin}`)).toEqual(['numeric-type @lsid', 'relational session.lsid', 'numeric-type @last_lsid']);
    expect(analysis.notes).toHaveLength(1);
    expect(analysis.notes[0]!.message).toMatch(/^2 SQL statements naming lsid\/lseq analyzed by the token scanner alone/);
  });

  it('drops a scanner finding the AST refutes: x + lsid > 1 compares a sum, not the LSID', () => {
    const analysis = analyzeSql("SELECT 1 FROM session WHERE 'x' + lsid > 1", { dialect: 'mysql' });
    expect(analysis.statements[0]!.vetoed).toEqual(['relational:lsid lsid > 1']);
    expect(analysis.facts.valueUses).toEqual([]);
  });
});

describe('SQL findings', () => {
  it('starts each finding on the offending token', () => {
    const text = 'CREATE TABLE session (\n  lsid\n    INT NOT NULL\n);\nSELECT TOP 5 lsid FROM session\n  ORDER BY lsid DESC;';
    const uses = analyzeSql(text).facts.valueUses;
    expect(uses.map((u) => [u.kind, text.slice(u.span.start, u.span.end)])).toEqual([
      ['numeric-type', 'INT'],
      ['recency-order', 'ORDER BY lsid DESC'],
    ]);
  });

  it('never reports an LSID already stored as text of 32 characters or more', () => {
    expect(kinds('CREATE TABLE session (lsid VARCHAR(32), a_lsid NVARCHAR(64), b_lsid TEXT, c_lsid VARCHAR(MAX), d_lsid CHAR(32), e_lsid SYSNAME);')).toEqual([]);
    expect(kinds('CREATE TABLE session (lsid VARCHAR2(32 CHAR), a_lsid CLOB);', 'oracle')).toEqual([]);
  });

  it('reads the T-SQL VARCHAR and CHAR defaults as one character', () => {
    expect(kinds('DECLARE @lsid VARCHAR; DECLARE @x_lsid CHAR;')).toEqual([
      'numeric-type VARCHAR, shorter than the 32 characters of a 10.6 LSID',
      'numeric-type CHAR, shorter than the 32 characters of a 10.6 LSID',
    ]);
    expect(kinds('CREATE TABLE session (lsid varchar);', 'postgres')).toEqual([]);
  });

  it('treats T-SQL + with text as concatenation', () => {
    expect(kinds("DECLARE @label NVARCHAR(100); SELECT @label + lsid, 'x' + lsid, lsid + 1 FROM dbo.session;")).toEqual(['arithmetic lsid + 1']);
  });
});

describe('SQL context', () => {
  it('takes a column named lsid as evidence on its own', () => {
    const analysis = analyzeSql('CREATE TABLE tickets (id INT, lsid VARCHAR(32));');
    expect(analysis.facts.evidence.map((e) => e.text)).toContain('lsid column');
    expect(analysis.facts.valueUses).toEqual([]);
  });

  it('does not take a Life Science Identifier column (a user type, or long text) for evidence', () => {
    const labkey = 'CREATE TABLE exp.Material (RowId SERIAL NOT NULL, LSID LSIDtype NOT NULL, Name VARCHAR(200));\nSELECT MAX(lsid) FROM exp.Material;';
    expect(analyzeSql(labkey).facts).toMatchObject({ evidence: [], valueUses: [] });
    expect(analyzeSql('CREATE TABLE exp.Data (lsid VARCHAR(300) NOT NULL);\nSELECT MAX(lsid) FROM exp.Data;').facts).toMatchObject({ evidence: [], valueUses: [] });
  });

  it('asks more of queries on tables not known to hold sessions', () => {
    expect(kinds('SELECT MAX(lsid) FROM jobs;')).toEqual([]);
    expect(analyzeSql('SELECT MAX(lsid) FROM jobs;').facts.evidence).toEqual([]);
    expect(kinds('CREATE TABLE jobs (lsid VARCHAR(32));\nSELECT MAX(lsid) FROM jobs;')).toEqual(['min-max MAX(lsid)']);
    expect(kinds('SELECT MAX(lsid) FROM dbo.session;')).toEqual(['min-max MAX(lsid)']);
    expect(kinds('SELECT MAX(lsid) FROM bomgar_archive;')).toEqual(['min-max MAX(lsid)']);
  });

  it('asks more of *_lsid names: another sign of Bomgar data in the file', () => {
    expect(kinds('CREATE TABLE tickets (session_lsid INT);')).toEqual([]);
    expect(kinds('CREATE TABLE tickets (session_lsid INT, lseq INT);')).toEqual(['numeric-type INT']);
    expect(kinds('CREATE TABLE bomgar_tickets (session_lsid INT);')).toEqual(['numeric-type INT']);
    expect(kinds('CREATE TABLE tickets (lsid INT);')).toEqual(['numeric-type INT']);
  });

  it('takes the vendor named in identifiers or strings (dbt sources) as evidence', () => {
    expect(kinds("select lsid::int as n from {{ source('bomgar', 'session') }}", 'postgres')).toEqual(['numeric-conversion lsid::int']);
    expect(kinds('select lsid::int as n from {{ ref(\'stg_sessions\') }}', 'postgres')).toEqual([]);
  });

  it('does not take lsid-like words for subjects: lsid_count, is_lsid, gsnumber', () => {
    expect(kinds('CREATE TABLE session (lsid VARCHAR(32), lsid_count INT, is_lsid BIT, gsnumber INT);\nSELECT lsid_count + 1 FROM session;')).toEqual([]);
  });
});
