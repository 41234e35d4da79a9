/**
 * The generated scripts, dialect by dialect, against golden files reviewed line by line
 * (test/golden/migrate/*.sql; UPDATE_GOLDEN=1 rewrites them, then review the diff). SQL Server
 * and Oracle cannot run here: their scripts are also read back with the repository's own SQL
 * machinery (tokenizer, statement splitter, node-sql-parser where it parses T-SQL).
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSql } from '../src/languages/sql/analyze.js';
import type { SqlDialect } from '../src/languages/sql/dialect.js';
import { parseStatement } from '../src/languages/sql/parser.js';
import { splitStatements } from '../src/languages/sql/splitter.js';
import { tokenize } from '../src/languages/sql/tokens.js';
import { generateMigration, type Migration } from '../src/migrate/index.js';
import { ROOT } from './helpers/migration-scenario.js';

const GOLDEN = path.join(ROOT, 'test', 'golden', 'migrate');
const DIALECTS: readonly SqlDialect[] = ['mssql', 'mysql', 'postgres', 'sqlite', 'oracle'];

async function migrate(fixture: string, dialect: SqlDialect, addLseq = false): Promise<Migration> {
  const dir = path.join(ROOT, 'fixtures', 'migrate', fixture);
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const sources = await Promise.all(files.map(async (file) => ({ file: `fixtures/migrate/${fixture}/${file}`, text: await readFile(path.join(dir, file), 'utf8') })));
  return generateMigration(sources, { dialect, addLseq, version: 'VERSION' });
}

async function expectGolden(name: string, text: string): Promise<void> {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) await writeFile(file, text);
  expect(existsSync(file), `${name} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(text).toBe(await readFile(file, 'utf8'));
}

describe('golden migration scripts', () => {
  for (const dialect of DIALECTS) {
    it(`${dialect}: the Integration Client table and the warehouse`, async () => {
      const migration = await migrate(dialect, dialect);
      expect(migration.empty).toBe(false);
      await expectGolden(`${dialect}.sql`, migration.script);
    });
  }

  it('a --dialect for which no table is affected: a script that changes nothing, and says so', async () => {
    const migration = await migrate('already-migrated', 'mssql');
    expect(migration.empty).toBe(true);
    expect(migration.script).toMatch(/-- CHANGES\n-- {3}None: /);
    expect(migration.script).not.toMatch(/^(?!--)\S/m); // comments only
    await expectGolden('none.mssql.sql', migration.script);
  });

  it('files of another dialect are not read: no table is affected for that --dialect', async () => {
    const migration = await migrate('mssql', 'postgres');
    expect(migration.empty).toBe(true);
    expect(migration.plan.model.skippedFiles.map((f) => f.file)).toEqual(['fixtures/migrate/mssql/ic-session.sql', 'fixtures/migrate/mssql/warehouse.sql']);
    expect(migration.script).toContain('-- Not read: fixtures/migrate/mssql/ic-session.sql (mssql');
  });
});

describe('what the plan converts', () => {
  it('gives the Integration Client session table lseq, and other tables only with --add-lseq', async () => {
    const plain = await migrate('postgres', 'postgres');
    const lseq = (m: Migration): string[] => [...m.plan.groups.flatMap((g) => g.tables), ...m.plan.lseqOnly].filter((t) => t.addLseq).map((t) => t.table.key).sort();
    expect(lseq(plain)).toEqual(['session']);
    expect(plain.plan.groups.flatMap((g) => g.tables).find((t) => t.table.key === 'session')?.integrationClient).toBe(true);
    const everywhere = await migrate('postgres', 'postgres', true);
    expect(lseq(everywhere)).toEqual(['session', 'session_note', 'warehouse_session']);
    expect(everywhere.script).toContain('ALTER TABLE IF EXISTS warehouse_session ADD COLUMN IF NOT EXISTS lseq int NULL;');
  });

  it('converts lsid, LSID columns in Bomgar context and foreign keys to them; leaves look-alikes alone', async () => {
    const migration = await migrate('postgres', 'postgres');
    const converted = migration.plan.groups.flatMap((g) => g.tables.flatMap((t) => t.conversions.map((c) => `${t.table.key}.${c.column.name.text}:${c.reason}`))).sort();
    expect(converted).toEqual(['session.lsid:lsid', 'session_note.session_lsid:lsid-named', 'warehouse_session.lsid:lsid', 'warehouse_session.rep_lsid:lsid-named']);
  });

  it('follows a migration history: a column fixed by a later ALTER is not converted again', async () => {
    const sources = [
      { file: 'V1__create.sql', text: 'CREATE TABLE bomgar_session (id bigserial PRIMARY KEY, lsid integer NOT NULL, end_time timestamptz);' },
      { file: 'V2__fix.sql', text: 'ALTER TABLE bomgar_session ALTER COLUMN lsid TYPE varchar(32) USING lsid::varchar;' },
    ];
    expect(generateMigration(sources, { dialect: 'postgres', version: 'VERSION' }).empty).toBe(true);
    expect(generateMigration(sources.slice(0, 1), { dialect: 'postgres', version: 'VERSION' }).empty).toBe(false);
  });

  it('an FK column referencing a converted lsid is converted whatever its name; an identity lsid is left for review', async () => {
    const sources = [{ file: 'a.sql', text: [
      'CREATE TABLE bomgar_session (lsid integer PRIMARY KEY, host text);',
      'CREATE TABLE attachment (id serial PRIMARY KEY, owner integer REFERENCES bomgar_session);',
      'CREATE TABLE local_copy (lsid serial PRIMARY KEY);',
    ].join('\n') }];
    const migration = generateMigration(sources, { dialect: 'postgres', version: 'VERSION' });
    const conversions = migration.plan.groups.flatMap((g) => g.tables.flatMap((t) => t.conversions.map((c) => `${t.table.key}.${c.column.name.text}:${c.reason}`)));
    expect(conversions.sort()).toEqual(['attachment.owner:foreign-key', 'bomgar_session.lsid:lsid']);
    expect(migration.script).toContain('ALTER TABLE attachment ADD CONSTRAINT attachment_owner_fkey FOREIGN KEY (owner) REFERENCES bomgar_session (lsid);');
    expect(migration.plan.leftAlone.map((item) => `${item.table}.${item.column}`)).toEqual(['local_copy.lsid']);
  });
});

describe('scripts read back with the repository\'s SQL machinery', () => {
  it('SQL Server: GO batches, one TRY/CATCH block, every BEGIN closed', async () => {
    const { script } = await migrate('mssql', 'mssql');
    const { tokens } = tokenize(script, 'mssql');
    const statements = splitStatements(tokens, 'mssql');
    expect(statements.map((s) => s.head)).toEqual(['SET', 'SET', 'BEGIN']);
    expect(tokens.filter((t) => t.type === 'batch').length).toBe(2);
    const words = tokens.filter((t) => t.type === 'word').map((t) => t.value);
    const opened = words.filter((w, i) => w === 'BEGIN' && !['TRANSACTION', 'TRAN'].includes(words[i + 1] ?? '')).length;
    expect(words.filter((w) => w === 'END').length).toBe(opened);
    expect(script.trimEnd().endsWith('END CATCH;\nGO')).toBe(true);
  });

  it('SQL Server: node-sql-parser reads every ALTER COLUMN as a change of lsid to varchar(32)', async () => {
    const { script } = await migrate('mssql', 'mssql');
    const alters = script.split('\n').map((line) => line.trim()).filter((line) => /^ALTER TABLE \S+ ALTER COLUMN/.test(line));
    expect(alters.length).toBe(5);
    for (const statement of alters) {
      const { tokens } = tokenize(statement, 'mssql');
      const [parsed] = splitStatements(tokens, 'mssql');
      const outcome = parseStatement(statement, tokens, parsed!, 'mssql');
      expect(outcome.status, statement).toBe('parsed');
      const json = JSON.stringify(outcome.status === 'parsed' ? outcome.ast : null);
      expect(json).toMatch(/"dataType":"VARCHAR"/);
      expect(json).toMatch(/"length":32/);
    }
  });

  it('SQL Server: the other DDL statements parse where node-sql-parser takes them', async () => {
    const { script } = await migrate('mssql', 'mssql');
    const ddl = script.split('\n').map((line) => line.trim()).filter((line) => /^(?:ALTER TABLE|CREATE (?:UNIQUE )?(?:NONCLUSTERED )?INDEX)/.test(line) && !/ALTER COLUMN/.test(line));
    let parsed = 0;
    for (const written of ddl) {
      // node-sql-parser's T-SQL grammar rejects a bracketed name after DROP CONSTRAINT; the generated names are plain, so check them unbracketed.
      const statement = / DROP CONSTRAINT \[/.test(written) ? written.replace(/\[(\w+)\]/g, '$1') : written;
      const { tokens } = tokenize(statement, 'mssql');
      const [split] = splitStatements(tokens, 'mssql');
      expect(split!.head, statement).toMatch(/^(?:ALTER TABLE|CREATE INDEX)$/);
      // Nor has it FOREIGN KEY constraints or DEFAULT … FOR: those are checked by the golden file only.
      if (/FOREIGN KEY|DEFAULT \(/.test(statement)) continue;
      const outcome = parseStatement(statement, tokens, split!, 'mssql');
      expect(outcome.status, `${statement}: ${outcome.status === 'parsed' ? '' : outcome.reason}`).toBe('parsed');
      parsed++;
    }
    expect(parsed).toBeGreaterThan(0);
  });

  for (const dialect of DIALECTS) {
    it(`${dialect}: lsid-lint finds no integer LSID in the script it wrote`, async () => {
      const { script } = await migrate(dialect, dialect);
      const { facts } = analyzeSql(script, { dialect });
      expect(facts.valueUses.filter((use) => use.subject === 'lsid' && use.kind === 'numeric-type')).toEqual([]);
    });
  }

  it('Oracle: one PL/SQL block, ended by a / line', async () => {
    const { script } = await migrate('oracle', 'oracle');
    const { tokens, slashTerminators } = tokenize(script, 'oracle');
    expect(slashTerminators).toBe(true);
    const heads = splitStatements(tokens, 'oracle', slashTerminators).map((s) => s.head);
    expect(heads).toEqual(['DECLARE']);
  });
});
