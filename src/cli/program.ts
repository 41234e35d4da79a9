import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { rules as allRules } from '../../rules/index.js';
import { loadConfig } from '../config/load.js';
import { ConfigError } from '../config/schema.js';
import { assess, gatedFindings } from '../report/assessment.js';
import { reporters } from '../report/reporters/index.js';
import type { Rule } from '../rule-kit/index.js';
import { SEVERITIES, type Severity, type SeverityOrOff } from '../types.js';
import { toolVersion } from '../version.js';
import { formatRuleList } from './list-rules.js';

/** Everything the CLI needs from its environment, so tests can run it in-process. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour is used only then). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  writeFile(file: string, text: string): Promise<void>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

interface CliOptions {
  format: string;
  output?: string;
  failOn: Severity | 'none';
  config?: string;
  rule: Record<string, SeverityOrOff>;
  listRules?: boolean;
  color: boolean;
  quiet?: boolean;
  debug?: boolean;
  typeAware?: boolean;
}

const LEVELS: readonly SeverityOrOff[] = [...SEVERITIES, 'off'];

function parseRuleOption(value: string, previous: Record<string, SeverityOrOff>): Record<string, SeverityOrOff> {
  const match = /^([^=\s]+)=(\w+)$/.exec(value);
  if (!match || !LEVELS.includes(match[2] as SeverityOrOff)) {
    throw new InvalidArgumentError(`expected <rule-id>=<${LEVELS.join('|')}>, got "${value}"`);
  }
  return { ...previous, [match[1]!]: match[2] as SeverityOrOff };
}

export function createProgram(io: CliIo): Command {
  return new Command('lsid-lint')
    .description('Find code that breaks when Bomgar / BeyondTrust Remote Support moves to 10.6: integer LSIDs, lseq misuse, namespace-unaware XML parsing.')
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(reporters)).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run (exit 1)').choices([...SEVERITIES, 'none']).default('error'))
    .option('-c, --config <file>', 'use this JSON config file instead of searching for one')
    .option('--rule <id=level>', 'set a rule level: error, warning, note or off (repeatable)', parseRuleOption, {})
    .option('--type-aware', 'use TypeScript type information for files in Bomgar context (slower)')
    .option('--list-rules', 'list the rules and exit')
    .option('--no-color', 'never colour the output')
    .option('-q, --quiet', 'show only findings that fail the run, and the summary')
    .option('--debug', 'show stack traces for internal errors')
    .version(toolVersion(), '--version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', '\nCommands:\n  migrate [paths...] --dialect <db>  write the migration script for integer LSID columns (lsid-lint migrate --help)')
    .exitOverride()
    // Usage errors read like every other error: one line, prefixed with the tool's name.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(`lsid-lint: ${oneLine(text)}\n`) })
    .showSuggestionAfterError(true);
}

function oneLine(text: string): string {
  return text.replace(/^error:\s*/i, '').split('\n').map((line) => line.trim()).filter(Boolean).join(' ').replace(/\(Did you mean/, '(did you mean');
}

/** Runs the CLI; returns the exit code (0 ready, 1 findings at or above --fail-on, 2 usage, config or internal error). */
export async function run(argv: readonly string[], io: CliIo, rules: readonly Rule[] = allRules): Promise<number> {
  // `lsid-lint migrate …` is its own command (scan a directory named migrate with ./migrate).
  if (argv[0] === 'migrate') return (await import('./migrate-command.js')).runMigrate(argv.slice(1), io);
  const program = createProgram(io);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    throw error;
  }
  const options = program.opts<CliOptions>();
  try {
    return await execute(program.processedArgs[0] as string[], options, io, rules);
  } catch (error) {
    if (error instanceof ConfigError || (error instanceof Error && error.name === 'MissingPathError')) {
      io.stderr(`lsid-lint: ${error.message}\n`);
    } else {
      const detail = options.debug && error instanceof Error ? error.stack : error instanceof Error ? `${error.message} (run with --debug for details)` : String(error);
      io.stderr(`lsid-lint: internal error: ${detail}\n`);
    }
    return EXIT_ERROR;
  }
}

async function execute(paths: string[], options: CliOptions, io: CliIo, rules: readonly Rule[]): Promise<number> {
  const color = options.color && !options.output && io.isTTY && io.env.NO_COLOR === undefined;
  if (options.listRules) {
    await emit(formatRuleList(rules, options.format), options, io);
    return EXIT_OK;
  }
  const config = await loadConfig({ cwd: io.cwd, explicitPath: options.config });
  // The engine loads the TypeScript parser: only pay for it when scanning (not for --version or --help).
  const { lint } = await import('../engine/lint.js');
  const result = await lint({ cwd: io.cwd, paths, config, rules, ruleLevels: options.rule, typeAware: options.typeAware });
  // Rule pages feed SARIF help and the HTML and Markdown explanations; reading them stays out of the pure reporters.
  const { loadRuleDocs } = await import('../report/rule-docs.js');
  const assessment = assess(result, toolVersion(), { ruleDocs: await loadRuleDocs(result.rules), root: io.cwd });
  const gated = new Set(gatedFindings(result.findings, options.failOn));
  const report = reporters[options.format]!(assessment, { color, quiet: options.quiet ?? false, isGated: (f) => gated.has(f) });
  await emit(report, options, io);
  return gated.size ? EXIT_FINDINGS : EXIT_OK;
}

async function emit(text: string, options: CliOptions, io: CliIo): Promise<void> {
  if (options.output) await io.writeFile(path.resolve(io.cwd, options.output), text);
  else io.stdout(text);
}
