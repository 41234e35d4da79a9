import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { rules as allRules } from '../../rules/index.js';
import { loadConfig } from '../config/load.js';
import { ConfigError } from '../config/schema.js';
import { applyBaseline, BaselineError, createBaseline, loadBaseline, serializeBaseline } from '../engine/baseline.js';
import { assess, gatedFindings } from '../report/assessment.js';
import { reporters } from '../report/reporters/index.js';
import type { Rule } from '../rule-kit/index.js';
import { SEVERITIES, type Finding, type Severity, type SeverityOrOff } from '../types.js';
import { toolVersion } from '../version.js';
import { ChangedFilesError, changedFiles } from './changed-files.js';
import { formatRuleList } from './list-rules.js';

/** Everything the CLI needs from its environment, so tests can run it in-process. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour is used only then). */
  isTTY: boolean;
  /** Whether stderr is a terminal: a progress line is shown there during long scans. */
  stderrIsTTY?: boolean;
  env: Readonly<Record<string, string | undefined>>;
  writeFile(file: string, text: string): Promise<void>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** `-f name` picks the main format (stdout or -o); each `-f name=path` adds a report written to that file. */
interface FormatSpec {
  main: string;
  files: { format: string; file: string }[];
}

interface CliOptions {
  format: FormatSpec;
  output?: string;
  failOn: Severity | 'none';
  maxWarnings?: number;
  baseline?: string;
  updateBaseline?: boolean;
  changedSince?: string;
  config?: string;
  rule: Record<string, SeverityOrOff>;
  listRules?: boolean;
  color: boolean;
  frame: boolean;
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

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number ≥ 0, got "${value}"`);
  return Number(value);
}

function parseFormatOption(value: string, previous: FormatSpec): FormatSpec {
  const names = Object.keys(reporters);
  const match = /^([^=]*)=(.*)$/.exec(value);
  const name = match ? match[1]! : value;
  if (!names.includes(name)) throw new InvalidArgumentError(`Allowed choices are ${names.join(', ')} (optionally as name=path).`);
  if (!match) return { ...previous, main: name };
  if (!match[2]) throw new InvalidArgumentError(`expected ${name}=<path>, got "${value}"`);
  return { ...previous, files: [...previous.files, { format: name, file: match[2] }] };
}

export function createProgram(io: CliIo): Command {
  return new Command('lsid-lint')
    .description('Find code that breaks when Bomgar / BeyondTrust Remote Support moves to 10.6: integer LSIDs, lseq misuse, namespace-unaware XML parsing.')
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .addOption(
      new Option('-f, --format <format>', `output format (${Object.keys(reporters).join(', ')}); repeat as name=path to also write that format to a file`)
        .argParser(parseFormatOption)
        .default({ main: 'text', files: [] } satisfies FormatSpec, 'text'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run (exit 1)').choices([...SEVERITIES, 'none']).default('error'))
    .option('--max-warnings <n>', 'fail the run (exit 1) when more than n warnings are reported', parseCount)
    .option('--baseline <file>', 'JSON file of known findings: reported as baselined, they do not fail the run')
    .option('--update-baseline', 'write the current findings to the --baseline file and exit 0')
    .option('--changed-since <git-ref>', 'scan only files changed since the git ref (committed, uncommitted and untracked)')
    .option('-c, --config <file>', 'use this JSON config file instead of searching for one')
    .option('--rule <id=level>', 'set a rule level: error, warning, note or off (repeatable)', parseRuleOption, {})
    .option('--type-aware', 'use TypeScript type information for files in Bomgar context (slower)')
    .option('--list-rules', 'list the rules and exit')
    .option('--no-color', 'never colour the output')
    .option('--no-frame', 'do not show a code frame under each finding (text format)')
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
    if (error instanceof ConfigError || error instanceof BaselineError || error instanceof ChangedFilesError || (error instanceof Error && error.name === 'MissingPathError')) {
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
    await emit(formatRuleList(rules, options.format.main), options, io);
    return EXIT_OK;
  }
  if (options.updateBaseline && !options.baseline) throw new BaselineError('--update-baseline needs --baseline <file>');
  let config = await loadConfig({ cwd: io.cwd, explicitPath: options.config });
  if (options.changedSince !== undefined) {
    // Only the changed files under the given paths, named explicitly (so findings are only for them).
    const roots = paths.map((p) => path.resolve(io.cwd, p));
    const inRoots = (file: string) => roots.some((root) => { const rel = path.relative(root, path.resolve(io.cwd, file)); return !rel.startsWith('..') && !path.isAbsolute(rel); });
    paths = (await changedFiles(io.cwd, options.changedSince)).filter(inRoots);
    // Nothing changed: scan nothing (no paths would mean '.'), excluding every entry keeps the rules and report shape.
    if (!paths.length) {
      paths = ['.'];
      config = { ...config, exclude: ['*'] };
    }
  }
  // Read the baseline before the (slow) scan, so a bad file fails fast.
  const baselineFile = options.baseline ? path.resolve(io.cwd, options.baseline) : undefined;
  const readText = (file: string) => readFile(file, 'utf8');
  // --update-baseline starts a missing file afresh (and keeps the entries for files this run did not scan).
  const baseline = baselineFile && (!options.updateBaseline || existsSync(baselineFile)) ? await loadBaseline(baselineFile, readText, options.baseline) : undefined;
  // The engine loads the TypeScript parser: only pay for it when scanning (not for --version or --help).
  const { lint } = await import('../engine/lint.js');
  const progress = io.stderrIsTTY ? progressLine(io) : undefined;
  let result = await lint({ cwd: io.cwd, paths, config, rules, ruleLevels: options.rule, typeAware: options.typeAware, onProgress: progress?.update });
  progress?.clear();
  // Baseline entries this run can judge: files it scanned, and files that are gone.
  const scannedFiles = new Set(result.scannedFiles ?? result.findings.map((f) => f.file));
  const inScope = (file: string) => scannedFiles.has(file) || !existsSync(path.resolve(io.cwd, file));
  if (options.updateBaseline && baselineFile) {
    const written = createBaseline(result.findings, baseline, inScope);
    await io.writeFile(baselineFile, serializeBaseline(written));
    io.stdout(`Wrote ${written.entries.length} baseline ${written.entries.length === 1 ? 'entry' : 'entries'} to ${options.baseline}\n`);
    return EXIT_OK;
  }
  let baselineSummary;
  if (baseline) {
    const applied = applyBaseline(result.findings, baseline, inScope);
    result = { ...result, findings: applied.findings };
    baselineSummary = { file: options.baseline!, matched: applied.matched, stale: applied.stale };
  }
  // Rule pages feed SARIF help and the HTML and Markdown explanations; reading them stays out of the pure reporters.
  const { loadRuleDocs } = await import('../report/rule-docs.js');
  const assessment = assess(result, toolVersion(), {
    ruleDocs: await loadRuleDocs(result.rules),
    root: io.cwd,
    ...(baselineSummary ? { baseline: baselineSummary } : {}),
  });
  const gated = new Set(gatedFindings(result.findings, options.failOn));
  const isGated = (f: Finding) => gated.has(f);
  const report = reporters[options.format.main]!(assessment, { color, quiet: options.quiet ?? false, isGated, frame: options.frame });
  await emit(report, options, io);
  // Each `-f name=path` report, never coloured.
  for (const target of options.format.files) {
    await io.writeFile(path.resolve(io.cwd, target.file), reporters[target.format]!(assessment, { color: false, quiet: options.quiet ?? false, isGated, frame: options.frame }));
  }
  if (gated.size) return EXIT_FINDINGS;
  const warnings = result.findings.filter((f) => !f.suppressed && !f.baselined && f.severity === 'warning').length;
  return options.maxWarnings !== undefined && warnings > options.maxWarnings ? EXIT_FINDINGS : EXIT_OK;
}

const PROGRESS_INTERVAL_MS = 100;

/** `Scanning 1234/20063 files…` on stderr, redrawn at most every 100 ms and erased when the scan ends. */
function progressLine(io: CliIo): { update(scanned: number, total: number): void; clear(): void } {
  let last = 0;
  let shown = false;
  return {
    update(scanned, total) {
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS && scanned < total) return;
      last = now;
      shown = true;
      io.stderr(`\rScanning ${scanned}/${total} files…`);
    },
    clear() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}

async function emit(text: string, options: CliOptions, io: CliIo): Promise<void> {
  if (options.output) await io.writeFile(path.resolve(io.cwd, options.output), text);
  else io.stdout(text);
}
