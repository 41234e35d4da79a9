/**
 * The MySQL / MariaDB migration against a real MariaDB server (Debian's mariadb-server package),
 * started for this file in a temporary directory on a unix socket and stopped afterwards.
 */
import { findMariadb, MariadbServer, requireTool } from './helpers/databases.js';
import { defineMigrationSuite, rows } from './helpers/migration-scenario.js';

const binaries = findMariadb();
let server: MariadbServer | undefined;
const DB = 'lsid_lint_test';

defineMigrationSuite({
  dialect: 'mysql',
  available: requireTool(binaries !== undefined, 'MariaDB (mariadbd, mariadb-install-db, mariadb)'),
  integerType: /^int/,
  textType: /^varchar\(32\)$/,
  extraSeed: "UPDATE warehouse_session SET transfer_lsid = '12345' WHERE lsid = 48213;\n",
  extraChecks: [
    { sql: "SELECT transfer_lsid FROM warehouse_session WHERE lsid = '48213';", rows: [['12345']] },
    { sql: "SELECT column_comment FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'warehouse_session' AND column_name = 'lsid';", rows: [['Bomgar session id']] },
  ],
  async open() {
    server = await MariadbServer.start(binaries!);
    const created = await server.sql('', `CREATE DATABASE ${DB} CHARACTER SET utf8mb4;`);
    if (created.code !== 0) throw new Error(created.stderr);
    const db = server;
    return {
      async exec(sql) {
        const result = await db.sql(DB, sql);
        if (result.code !== 0) throw new Error(`mariadb failed: ${result.stderr}`);
        return rows(result.stdout);
      },
      async fails(sql) {
        const result = await db.sql(DB, sql);
        if (result.code === 0) throw new Error(`expected an error from: ${sql}`);
        return result.stderr;
      },
      async migrate(script) {
        const result = await db.sql(DB, script);
        if (result.code !== 0) throw new Error(`migration failed: ${result.stderr}`);
      },
      async snapshot() {
        const dump = await db.dump(DB);
        if (dump.code !== 0) throw new Error(dump.stderr);
        return dump.stdout;
      },
      async columnType(table, column) {
        const result = await db.sql(DB, `SELECT column_type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = '${table}' AND column_name = '${column}';`);
        return result.stdout.trim().toLowerCase();
      },
    };
  },
  async close() {
    await server?.stop();
  },
});
