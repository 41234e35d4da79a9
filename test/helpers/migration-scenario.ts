/**
 * The migration scenario every real database goes through: load the pre-10.6 Integration Client
 * schema and a customer warehouse (fixtures/migrate/<dialect>/), fill them with integer LSIDs,
 * generate the migration through the CLI, run it, and check that the old rows survived as text,
 * that a 10.6 row (32-hex GUID, lseq) inserts, that keys and foreign keys still hold, and that a
 * second run changes nothing.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GUID = 'c69a8e10bea9428f816cfababe9815fe';

export interface ScenarioDb {
  /** Runs SQL that must succeed; returns the rows, cells split on tabs. */
  exec(sql: string): Promise<string[][]>;
  /** Runs SQL that must fail; returns the error text. */
  fails(sql: string): Promise<string>;
  /** Runs a migration script; it must succeed. */
  migrate(script: string): Promise<void>;
  /** Schema and data as text, to compare runs. */
  snapshot(): Promise<string>;
  /** The column's type as the database reports it, lower case (`character varying(32)`, `varchar(32)`, `integer`). */
  columnType(table: string, column: string): Promise<string>;
}

export interface Scenario {
  dialect: 'postgres' | 'mysql' | 'sqlite';
  /** Whether the database's tools are installed (see requireTool). */
  available: boolean;
  open(): Promise<ScenarioDb>;
  close(): Promise<void>;
  /** The type the pre-10.6 lsid column reports, e.g. /int/. */
  integerType: RegExp;
  /** The type a converted column reports. */
  textType: RegExp;
  /** Rows for dialect-specific LSID columns, and what they must read after the migration. */
  extraSeed?: string;
  extraChecks?: { sql: string; rows: string[][] }[];
}

const SEED = `
INSERT INTO session (lsid, type, host_name, external_key, public_site_id) VALUES (48213, 'support', 'WS-042', 'INC0012345', 1);
INSERT INTO session (lsid, type, host_name) VALUES (48214, 'support', 'WS-043');
INSERT INTO warehouse_session (lsid, end_time) VALUES (48213, '2010-01-01 08:15:02');
INSERT INTO warehouse_session (lsid, end_time) VALUES (48214, '2010-01-01 09:00:00');
INSERT INTO session_note (session_lsid, body) VALUES (48213, 'printer');
INSERT INTO session_note (session_lsid, body) VALUES (48214, 'vpn');
`;

export async function fixtureSql(dialect: string): Promise<string> {
  const dir = path.join(ROOT, 'fixtures', 'migrate', dialect);
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  return (await Promise.all(files.map((file) => readFile(path.join(dir, file), 'utf8')))).join('\n');
}

export function defineMigrationSuite(scenario: Scenario): void {
  describe.skipIf(!scenario.available)(`migration on a real ${scenario.dialect} database`, () => {
    let db: ScenarioDb;
    let script = '';
    let work = '';

    beforeAll(async () => {
      work = await mkdtemp(path.join(os.tmpdir(), 'lsid-lint-migrate-'));
      db = await scenario.open();
    });
    afterAll(async () => {
      await scenario.close();
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('loads the pre-10.6 Integration Client and warehouse schemas with integer LSIDs', async () => {
      await db.exec(await fixtureSql(scenario.dialect));
      await db.exec(SEED + (scenario.extraSeed ?? ''));
      expect(await db.columnType('session', 'lsid')).toMatch(scenario.integerType);
      expect(await db.columnType('warehouse_session', 'lsid')).toMatch(scenario.integerType);
    });

    it('generates the migration with lsid-lint migrate and runs it', async () => {
      const output = path.join(work, 'migration.sql');
      const result = await runCli(['migrate', path.join(ROOT, 'fixtures', 'migrate', scenario.dialect), '--dialect', scenario.dialect, '-o', output], ROOT);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe('');
      script = await readFile(output, 'utf8');
      await db.migrate(script);
      for (const [table, column] of [['session', 'lsid'], ['warehouse_session', 'lsid'], ['session_note', 'session_lsid']] as const) {
        expect(await db.columnType(table, column), `${table}.${column}`).toMatch(scenario.textType);
      }
    });

    it('keeps the old rows, their integer LSIDs now text', async () => {
      expect(await db.exec('SELECT lsid, host_name FROM session ORDER BY id;')).toEqual([['48213', 'WS-042'], ['48214', 'WS-043']]);
      expect(await db.exec("SELECT host_name FROM session WHERE lsid = '48213';")).toEqual([['WS-042']]);
      expect(await db.exec('SELECT w.lsid, n.body FROM warehouse_session w JOIN session_note n ON n.session_lsid = w.lsid ORDER BY w.lsid;')).toEqual([['48213', 'printer'], ['48214', 'vpn']]);
      for (const check of scenario.extraChecks ?? []) expect(await db.exec(check.sql), check.sql).toEqual(check.rows);
    });

    it('accepts a 10.6 row: a 32-hex GUID LSID with an lseq', async () => {
      await db.exec(`INSERT INTO session (lsid, type, host_name, lseq) VALUES ('${GUID}', 'support', 'WS-044', 48215);`);
      expect(await db.exec(`SELECT lsid, lseq FROM session WHERE lsid = '${GUID}';`)).toEqual([[GUID, '48215']]);
      await db.exec(`INSERT INTO warehouse_session (lsid, end_time) VALUES ('${GUID}', '2011-03-13 07:13:20');`);
      await db.exec(`INSERT INTO session_note (session_lsid, body) VALUES ('${GUID}', 'after the upgrade');`);
      expect(await db.exec(`SELECT n.body FROM session_note n JOIN warehouse_session w ON w.lsid = n.session_lsid WHERE w.lsid = '${GUID}';`)).toEqual([['after the upgrade']]);
    });

    it('keeps the column default, as text', async () => {
      await db.exec("INSERT INTO warehouse_session (end_time) VALUES ('2012-01-01 00:00:00');");
      expect(await db.exec("SELECT lsid FROM warehouse_session WHERE end_time = '2012-01-01 00:00:00';")).toEqual([['0']]);
    });

    it('still enforces the foreign key, the unique index and NOT NULL', async () => {
      expect(await db.fails("INSERT INTO session_note (session_lsid, body) VALUES ('0123456789abcdef0123456789abcdef', 'orphan');")).toMatch(/foreign key/i);
      expect(await db.fails("INSERT INTO warehouse_session (lsid, end_time) VALUES ('48213', '2013-01-01 00:00:00');")).toMatch(/duplicate|unique/i);
      expect(await db.fails(`INSERT INTO warehouse_session (lsid, end_time) VALUES ('${GUID}', '2013-01-01 00:00:00');`)).toMatch(/duplicate|unique/i);
      expect(await db.fails("INSERT INTO session (lsid, type) VALUES (NULL, 'support');")).toMatch(/null/i);
      // ON DELETE CASCADE came back with the foreign key.
      await db.exec("DELETE FROM warehouse_session WHERE lsid = '48214';");
      expect(await db.exec("SELECT COUNT(*) FROM session_note WHERE session_lsid = '48214';")).toEqual([['0']]);
    });

    it('is safe to run twice: the second run changes nothing', async () => {
      const before = await db.snapshot();
      await db.migrate(script);
      expect(await db.snapshot()).toBe(before);
      expect(await db.exec('SELECT COUNT(*) FROM session;')).toEqual([['3']]);
    });
  });
}

/** Rows of tab-separated output. */
export function rows(stdout: string): string[][] {
  return stdout.split('\n').filter((line) => line !== '').map((line) => line.split('\t'));
}
