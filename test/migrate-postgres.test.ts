/**
 * The PostgreSQL migration against a real PostgreSQL server (Debian's postgresql package),
 * started for this file in a temporary directory and stopped afterwards.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findPostgres, PostgresServer, requireTool } from './helpers/databases.js';
import { defineMigrationSuite, rows } from './helpers/migration-scenario.js';

const binaries = findPostgres();
let server: PostgresServer | undefined;
const DB = 'postgres';

defineMigrationSuite({
  dialect: 'postgres',
  available: requireTool(binaries !== undefined, 'PostgreSQL (initdb, pg_ctl under /usr/lib/postgresql/*/bin)'),
  integerType: /^integer$/,
  textType: /^character varying\(32\)$/,
  extraSeed: "UPDATE warehouse_session SET rep_lsid = 17 WHERE lsid = 48213;\n",
  extraChecks: [{ sql: "SELECT rep_lsid FROM warehouse_session WHERE lsid = '48213';", rows: [['17']] }],
  async open() {
    server = await PostgresServer.start(binaries!);
    const pg = server;
    const run = async (sql: string): Promise<{ code: number; stdout: string; stderr: string }> => pg.psql(DB, sql, ['-A', '-t', '-F', '\t']);
    return {
      async exec(sql) {
        const result = await run(sql);
        if (result.code !== 0) throw new Error(`psql failed: ${result.stderr}`);
        return rows(result.stdout);
      },
      async fails(sql) {
        const result = await run(sql);
        if (result.code === 0) throw new Error(`expected an error from: ${sql}`);
        return result.stderr;
      },
      async migrate(script) {
        const file = path.join(pg.dir, 'migration.sql');
        await writeFile(file, script);
        const result = await pg.psql(DB, '', ['-f', file]);
        if (result.code !== 0) throw new Error(`migration failed: ${result.stderr}`);
      },
      async snapshot() {
        const dump = await pg.pgDump(DB);
        if (dump.code !== 0) throw new Error(dump.stderr);
        // \restrict carries a random key per dump (pg_dump 15.14+).
        return dump.stdout.replace(/^\\(?:un)?restrict .*$/gm, '');
      },
      async columnType(table, column) {
        const result = await run(`SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '${table}'::regclass AND attname = '${column}';`);
        return result.stdout.trim();
      },
    };
  },
  async close() {
    await server?.stop();
  },
});
