/**
 * Throwaway database servers for the migration tests: PostgreSQL and MariaDB from the Debian
 * packages, each initialised in its own directory under os.tmpdir(), listening only on a unix
 * socket in that directory, stopped and removed again in afterAll. SQLite needs no server, only
 * the sqlite3 shell.
 *
 * PostgreSQL refuses to run as root: as root, the data directory belongs to the `postgres` user
 * (or `nobody`) and the server runs through `runuser`. MariaDB runs as root with --user=root.
 *
 * When the binaries are missing the tests skip, except under CI (process.env.CI), where
 * `requireTool` fails them with the reason: .ci/run installs the packages.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program; never rejects on a non-zero exit (the result says). */
export function runCommand(file: string, args: readonly string[], options: { input?: string; user?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<CommandResult> {
  const [command, argv] = options.user ? ['runuser', ['-u', options.user, '--', file, ...args]] : [file, [...args]];
  return new Promise((resolve, reject) => {
    const child = execFile(command, argv, { maxBuffer: 64 * 1024 * 1024, timeout: options.timeout ?? 60_000, env: options.env ?? process.env }, (error, stdout, stderr) => {
      if (error && typeof (error as NodeJS.ErrnoException).code === 'string') {
        reject(new Error(`${command} could not run: ${error.message}`));
        return;
      }
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    // A program that does not read its input (pg_dump, psql -f) may close it first: not an error.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/bin']) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Skips the suite outside CI when a tool is missing; under CI the missing tool fails it. */
export function requireTool(available: boolean, what: string): boolean {
  if (!available && process.env.CI) {
    throw new Error(`${what} is not installed, and CI must run the migration tests against it: .ci/run installs it with apt-get (postgresql mariadb-server sqlite3)`);
  }
  return available;
}

// ---------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------

export interface PostgresBinaries {
  bin: string;
}

/** initdb, pg_ctl, psql and pg_dump of the newest PostgreSQL under /usr/lib/postgresql/<version>/bin. */
export function findPostgres(): PostgresBinaries | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+(?:\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (['initdb', 'pg_ctl', 'postgres', 'psql', 'pg_dump'].every((tool) => existsSync(path.join(bin, tool)))) return { bin };
  }
  const initdb = which('initdb');
  if (initdb && which('pg_ctl') && which('psql')) return { bin: path.dirname(initdb) };
  return undefined;
}

export class PostgresServer {
  private constructor(readonly dir: string, private readonly bin: string, private readonly user: string | undefined) {}

  static async start(binaries: PostgresBinaries): Promise<PostgresServer> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lsid-lint-pg-'));
    const account = isRoot ? await firstUser(['postgres', 'nobody']) : undefined;
    const user = account?.name;
    if (account) chownSync(dir, account.uid, account.gid);
    chmodSync(dir, 0o700);
    const server = new PostgresServer(dir, binaries.bin, user);
    const init = await server.tool('initdb', ['-D', server.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--locale=C']);
    if (init.code !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
    const options = `-k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB`;
    const started = await server.tool('pg_ctl', ['-D', server.data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    if (started.code !== 0) throw new Error(`pg_ctl start failed: ${started.stderr || started.stdout}`);
    return server;
  }

  get data(): string {
    return path.join(this.dir, 'data');
  }

  private tool(name: string, args: readonly string[]): Promise<CommandResult> {
    return runCommand(path.join(this.bin, name), args, this.user ? { user: this.user } : {});
  }

  /** psql on the database, stopping at the first error; `sql` on stdin. */
  psql(database: string, sql: string, extra: readonly string[] = []): Promise<CommandResult> {
    return runCommand(path.join(this.bin, 'psql'), ['-X', '-q', '-h', this.dir, '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', ...extra], { input: sql });
  }

  pgDump(database: string): Promise<CommandResult> {
    return runCommand(path.join(this.bin, 'pg_dump'), ['-h', this.dir, '-U', 'postgres', '--no-owner', database]);
  }

  async stop(): Promise<void> {
    await this.tool('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** The first of these accounts that exists: PostgreSQL must run as one of them when the tests run as root. */
async function firstUser(names: readonly string[]): Promise<{ name: string; uid: number; gid: number }> {
  for (const name of names) {
    const uid = await runCommand('id', ['-u', name]);
    const gid = await runCommand('id', ['-g', name]);
    if (uid.code === 0 && gid.code === 0) return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error(`PostgreSQL refuses to run as root, and none of ${names.join(', ')} exists to run it as`);
}

// ---------------------------------------------------------------------------
// MariaDB
// ---------------------------------------------------------------------------

export interface MariadbBinaries {
  server: string;
  install: string;
  client: string;
  dump: string;
}

export function findMariadb(): MariadbBinaries | undefined {
  const server = which('mariadbd') ?? which('mysqld');
  const install = which('mariadb-install-db') ?? which('mysql_install_db');
  const client = which('mariadb') ?? which('mysql');
  const dump = which('mariadb-dump') ?? which('mysqldump');
  return server && install && client && dump ? { server, install, client, dump } : undefined;
}

export class MariadbServer {
  private exited: Promise<void>;

  private constructor(readonly dir: string, private readonly binaries: MariadbBinaries, private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static async start(binaries: MariadbBinaries): Promise<MariadbServer> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lsid-lint-mariadb-'));
    const user = isRoot ? ['--user=root'] : [];
    const data = path.join(dir, 'data');
    const install = await runCommand(binaries.install, ['--no-defaults', ...user, `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve'], { timeout: 120_000 });
    if (install.code !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr || install.stdout}`);
    const child = spawn(binaries.server, [
      '--no-defaults', ...user, `--datadir=${data}`, `--socket=${path.join(dir, 'mysqld.sock')}`, '--skip-networking',
      `--pid-file=${path.join(dir, 'mysqld.pid')}`, `--log-error=${path.join(dir, 'error.log')}`, '--skip-log-bin',
      '--innodb-buffer-pool-size=32M', '--innodb-log-file-size=16M', '--innodb-flush-log-at-trx-commit=0',
    ], { stdio: 'ignore' });
    const server = new MariadbServer(dir, binaries, child);
    for (let attempt = 0; attempt < 150; attempt++) {
      const ping = await server.sql('', 'SELECT 1');
      if (ping.code === 0) return server;
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await server.stop();
    throw new Error(`mariadbd did not start (see ${path.join(dir, 'error.log')})`);
  }

  private connection(database: string): string[] {
    return ['--no-defaults', `--socket=${path.join(this.dir, 'mysqld.sock')}`, '-uroot', ...(database ? [`--database=${database}`] : [])];
  }

  /** The mariadb client in batch mode (tab-separated, no headers); `sql` on stdin; stops at the first error. */
  sql(database: string, sql: string): Promise<CommandResult> {
    return runCommand(this.binaries.client, [...this.connection(database), '--batch', '--skip-column-names'], { input: sql });
  }

  dump(database: string): Promise<CommandResult> {
    return runCommand(this.binaries.dump, [...this.connection(''), '--skip-comments', '--skip-dump-date', '--order-by-primary', database]);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      this.child.kill('SIGTERM');
      await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// SQLite
// ---------------------------------------------------------------------------

export function findSqlite(): string | undefined {
  return which('sqlite3');
}

export class SqliteDatabase {
  private constructor(readonly dir: string, readonly file: string, private readonly shell: string) {}

  static async create(shell: string): Promise<SqliteDatabase> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lsid-lint-sqlite-'));
    return new SqliteDatabase(dir, path.join(dir, 'test.db'), shell);
  }

  /** The sqlite3 shell on the database, `sql` on stdin (tab-separated output). */
  sql(sql: string, flags: readonly string[] = ['-bail']): Promise<CommandResult> {
    return runCommand(this.shell, ['-batch', ...flags, '-separator', '\t', this.file], { input: sql });
  }

  async writeScript(name: string, text: string): Promise<string> {
    const file = path.join(this.dir, name);
    await writeFile(file, text);
    return file;
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
