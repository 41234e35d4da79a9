import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../config/load.js';
import { ConfigError } from '../config/schema.js';
import { dialectFromName, SQL_DIALECTS, type SqlDialect } from '../languages/sql/dialect.js';
import { generateMigration, loadSqlSources } from '../migrate/index.js';
import { allTablePlans } from '../migrate/plan.js';
import { toolVersion } from '../version.js';
import { EXIT_ERROR, EXIT_OK, type CliIo } from './program.js';

/**
 * `lsid-lint migrate [paths...] --dialect <db> [--add-lseq] [-o file]`: writes the migration
 * script for the tables the scanned `.sql` files declare. The script goes to stdout, or to the
 * `-o` file (through io.writeFile: nothing is written into the scanned tree unless `-o` points
 * there); a one-line summary and notes go to stderr. Exit 0 when a script was written, also an
 * empty one (nothing to migrate: its header says so), 2 on usage, configuration or internal errors.
 */

interface MigrateOptions {
  dialect: SqlDialect;
  addLseq?: boolean;
  output?: string;
  config?: string;
  debug?: boolean;
}

function parseDialect(value: string): SqlDialect {
  const dialect = dialectFromName(value);
  if (!dialect) throw new InvalidArgumentError(`expected one of ${SQL_DIALECTS.join(', ')}, got "${value}"`);
  return dialect;
}

export function createMigrateCommand(io: CliIo): Command {
  return new Command('lsid-lint migrate')
    .description('Write a migration script that converts integer LSID columns to varchar(32) (and adds lseq) in the tables the scanned .sql files declare.')
    .argument('[paths...]', 'files or directories holding the database\'s DDL', ['.'])
    .addOption(new Option('--dialect <database>', `target database: ${SQL_DIALECTS.join(', ')} (mysql covers MariaDB)`).argParser(parseDialect).makeOptionMandatory())
    .option('--add-lseq', 'add lseq int NULL to every converted table, not only the Integration Client\'s session table')
    .option('-o, --output <file>', 'write the script to a file instead of stdout')
    .option('-c, --config <file>', 'use this JSON config file instead of searching for one')
    .option('--debug', 'show stack traces for internal errors')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(`lsid-lint migrate: ${oneLine(text)}\n`) })
    .showSuggestionAfterError(true);
}

function oneLine(text: string): string {
  return text.replace(/^error:\s*/i, '').split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
}

export async function runMigrate(argv: readonly string[], io: CliIo): Promise<number> {
  const command = createMigrateCommand(io);
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    throw error;
  }
  const options = command.opts<MigrateOptions>();
  try {
    return await execute(command.processedArgs[0] as string[], options, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`lsid-lint migrate: ${error.message}\n`);
    } else {
      const detail = options.debug && error instanceof Error ? error.stack : error instanceof Error ? `${error.message} (run with --debug for details)` : String(error);
      io.stderr(`lsid-lint migrate: internal error: ${detail}\n`);
    }
    return EXIT_ERROR;
  }
}

async function execute(paths: string[], options: MigrateOptions, io: CliIo): Promise<number> {
  const config = await loadConfig({ cwd: io.cwd, explicitPath: options.config });
  const loaded = await loadSqlSources({ cwd: io.cwd, paths, config });
  if (loaded.missing.length) {
    io.stderr(`lsid-lint migrate: no such file or directory: ${loaded.missing.join(', ')}\n`);
    return EXIT_ERROR;
  }
  const migration = generateMigration(loaded.sources, {
    dialect: options.dialect,
    addLseq: options.addLseq ?? false,
    ...(config.sql.dialect ? { configDialect: config.sql.dialect } : {}),
    version: toolVersion(),
  });
  if (options.output) await io.writeFile(path.resolve(io.cwd, options.output), migration.script);
  else io.stdout(migration.script);

  for (const file of loaded.skipped) io.stderr(`lsid-lint migrate: skipped ${file.file}: ${file.reason}\n`);
  for (const file of migration.plan.model.skippedFiles) io.stderr(`lsid-lint migrate: not read: ${file.file} is ${file.reason}\n`);
  const where = options.output ? ` to ${options.output}` : '';
  if (migration.empty) {
    const read = migration.plan.model.files.length;
    io.stderr(`lsid-lint migrate: nothing to migrate in ${read} SQL ${read === 1 ? 'file' : 'files'} for ${options.dialect}: wrote a script that changes nothing${where}\n`);
  } else {
    const tables = allTablePlans(migration.plan);
    const columns = tables.reduce((sum, table) => sum + table.conversions.length, 0);
    const lseq = tables.filter((table) => table.addLseq).length;
    io.stderr(`lsid-lint migrate: wrote a ${options.dialect} migration${where}: ${tables.length} ${tables.length === 1 ? 'table' : 'tables'}, ${columns} LSID ${columns === 1 ? 'column' : 'columns'} to varchar(32), lseq added to ${lseq}\n`);
  }
  return EXIT_OK;
}
