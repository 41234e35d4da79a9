/**
 * The SQLite migration against a real SQLite database through the sqlite3 shell (Debian's
 * sqlite3 package), the way a person runs it: sqlite3 db < migration.sql.
 */
import { describe, expect, it } from 'vitest';
import { findSqlite, requireTool, SqliteDatabase } from './helpers/databases.js';
import { defineMigrationSuite, ROOT, rows } from './helpers/migration-scenario.js';
import { runCli } from './helpers/run-cli.js';

const shell = findSqlite();
let database: SqliteDatabase | undefined;

defineMigrationSuite({
  dialect: 'sqlite',
  available: requireTool(shell !== undefined, 'SQLite (the sqlite3 shell)'),
  integerType: /^integer$/,
  textType: /^varchar\(32\)$/,
  extraChecks: [
    // The view survived the rebuild (legacy_alter_table), and the trigger was recreated.
    { sql: 'SELECT lsid FROM recent_session ORDER BY lsid;', rows: [['48213'], ['48214']] },
    { sql: "SELECT name FROM sqlite_master WHERE type = 'trigger';", rows: [['trg_warehouse_session_count']] },
    { sql: "SELECT typeof(lsid) FROM session ORDER BY id;", rows: [['text'], ['text']] },
  ],
  async open() {
    database = await SqliteDatabase.create(shell!);
    const db = database;
    // Foreign keys are enforced per connection: on for every statement the tests run.
    const run = (sql: string): ReturnType<SqliteDatabase['sql']> => db.sql(`PRAGMA foreign_keys = ON;\n${sql}`);
    return {
      async exec(sql) {
        const result = await run(sql);
        if (result.code !== 0 || result.stderr) throw new Error(`sqlite3 failed: ${result.stderr}`);
        return rows(result.stdout);
      },
      async fails(sql) {
        const result = await run(sql);
        if (result.code === 0 && !result.stderr) throw new Error(`expected an error from: ${sql}`);
        return result.stderr;
      },
      async migrate(script) {
        // As a person runs it: no -bail on the command line (the script turns it on itself).
        const result = await db.sql(script, []);
        if (result.code !== 0 || result.stderr) throw new Error(`migration failed: ${result.stderr}`);
      },
      async snapshot() {
        const dump = await db.sql('.dump', []);
        return dump.stdout;
      },
      async columnType(table, column) {
        const result = await db.sql(`SELECT type FROM pragma_table_info('${table}') WHERE name = '${column}';`);
        return result.stdout.trim().toLowerCase();
      },
    };
  },
  async close() {
    await database?.remove();
  },
});

describe.skipIf(!shell)('SQLite: a database that differs from the scanned DDL', () => {
  it('stops at the first error and rolls back instead of committing a half-done rebuild', async () => {
    const db = await SqliteDatabase.create(shell!);
    try {
      // The live table lacks columns the scanned DDL declares (start_time …): the copy fails.
      await db.sql("CREATE TABLE session (id INTEGER PRIMARY KEY AUTOINCREMENT, lsid INTEGER NOT NULL, type TEXT NOT NULL); INSERT INTO session (lsid, type) VALUES (48213, 'support');");
      const result = await runCli(['migrate', 'fixtures/migrate/sqlite', '--dialect', 'sqlite'], ROOT);
      const run = await db.sql(result.stdout, []);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/no such column/);
      expect((await db.sql("SELECT lsid, typeof(lsid) FROM session; SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%lsid_lint%';")).stdout).toBe('48213\tinteger\n0\n');
    } finally {
      await db.remove();
    }
  });
});
