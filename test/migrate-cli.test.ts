/**
 * `lsid-lint migrate` on the command line: output, exit codes, usage errors, -o, and that the
 * plain `lsid-lint [paths...]` is untouched by the subcommand.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/migration-scenario.js';
import { runCli } from './helpers/run-cli.js';

const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lsid-lint-migrate-cli-'));
  temporary.push(dir);
  await cp(path.join(ROOT, 'fixtures', 'migrate', name), path.join(dir, 'db'), { recursive: true });
  return dir;
}

describe('lsid-lint migrate', () => {
  it('writes the script to stdout and a one-line summary to stderr', async () => {
    const result = await runCli(['migrate', 'fixtures/migrate/postgres', '--dialect', 'postgres'], ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^-- lsid-lint migrate: LSID columns to varchar\(32\)/);
    expect(result.stdout).toContain('ALTER TABLE session ALTER COLUMN lsid TYPE varchar(32) USING lsid::varchar(32);');
    expect(result.stderr).toBe('lsid-lint migrate: wrote a postgres migration: 3 tables, 4 LSID columns to varchar(32), lseq added to 1\n');
  });

  it('-o writes the file through io.writeFile and nothing into the scanned tree', async () => {
    const dir = await copyFixture('mysql');
    const before = await readdir(path.join(dir, 'db'));
    const result = await runCli(['migrate', 'db', '--dialect', 'mariadb', '-o', 'out/migration.sql'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('to out/migration.sql');
    expect(await readdir(path.join(dir, 'db'))).toEqual(before);
    expect(await readFile(path.join(dir, 'out', 'migration.sql'), 'utf8')).toContain('MODIFY COLUMN `lsid` varchar(32) NOT NULL');
  });

  it('nothing to migrate: exit 0, a script that changes nothing, and a note', async () => {
    const result = await runCli(['migrate', 'fixtures/migrate/already-migrated', '--dialect', 'mssql'], ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('This script changes nothing.');
    expect(result.stderr).toBe('lsid-lint migrate: nothing to migrate in 2 SQL files for mssql: wrote a script that changes nothing\n');
  });

  it('says which files it did not read because they are another dialect', async () => {
    const result = await runCli(['migrate', 'fixtures/migrate/sqlite', 'fixtures/migrate/mysql', '--dialect', 'sqlite'], ROOT);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('lsid-lint migrate: not read: fixtures/migrate/mysql/ic-session.sql is mysql');
  });

  it('usage errors exit 2 with one line', async () => {
    const missing = await runCli(['migrate', 'fixtures/migrate/postgres'], ROOT);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: "lsid-lint migrate: required option '--dialect <database>' not specified\n" });
    const wrong = await runCli(['migrate', '--dialect', 'db2'], ROOT);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^lsid-lint migrate: option '--dialect <database>' argument 'db2' is invalid\. expected one of mssql, mysql, postgres, sqlite, oracle, got "db2"\n$/);
    const nowhere = await runCli(['migrate', 'no-such-dir', '--dialect', 'mssql'], ROOT);
    expect(nowhere).toEqual({ code: 2, stdout: '', stderr: 'lsid-lint migrate: no such file or directory: no-such-dir\n' });
  });

  it('--help documents the options; the main help names the command', async () => {
    const help = await runCli(['migrate', '--help'], ROOT);
    expect(help.code).toBe(0);
    for (const option of ['--dialect', '--add-lseq', '--output', '--config']) expect(help.stdout).toContain(option);
    expect((await runCli(['--help'], ROOT)).stdout).toContain('migrate [paths...] --dialect <db>');
  });

  it('leaves `lsid-lint [paths...]` alone: ./migrate scans a directory named migrate', async () => {
    const dir = await copyFixture('postgres');
    await cp(path.join(dir, 'db'), path.join(dir, 'migrate'), { recursive: true });
    const result = await runCli(['./migrate', '-f', 'json'], dir);
    expect([0, 1]).toContain(result.code);
    expect((JSON.parse(result.stdout) as { summary: { filesScanned: number } }).summary.filesScanned).toBe(2);
  });
});
