/**
 * End-to-end tests of the command line: the bundled example projects, the JSON and text report
 * contracts, exit codes, options, suppressions and config handling. Everything runs in-process
 * through run(argv, io) except one spawn of the built binary.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { findingKeys, jsonReport, runCli, type CliRun, type JsonReport } from './helpers/run-cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROJECTS = path.join(ROOT, 'fixtures', 'projects');
/** Every bundled example integration (one per language family), each with its expected findings. */
const PROJECT_NAMES = readdirSync(PROJECTS).filter((name) => existsSync(path.join(PROJECTS, name, 'expected.json'))).sort();
const CATEGORIES = ['lsid-integer', 'lseq-misuse', 'xml-namespace'];
const VERSION = (JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

async function expectedFindings(name: string): Promise<string[]> {
  return JSON.parse(await readFile(path.join(PROJECTS, name, 'expected.json'), 'utf8')) as string[];
}

function projectDir(name: string): string {
  return path.join(PROJECTS, name);
}

// ---------------------------------------------------------------------------
// Temporary projects.
// ---------------------------------------------------------------------------

const temporaryDirs: string[] = [];

/** A fresh directory holding the given files (string contents, or objects written as JSON). */
async function tempProject(files: Record<string, string | object>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lsid-lint-cli-'));
  temporaryDirs.push(dir);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

afterAll(async () => {
  await Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Bomgar code with exactly one error-level finding (line 3). */
const ONE_ERROR = [
  "const REPORT = '/api/reporting?generate_report=SupportSession';",
  'function lsidOf(session) {',
  "  return parseInt(session.getAttribute('lsid'), 10);",
  '}',
  'module.exports = { REPORT, lsidOf };',
  '',
].join('\n');

/** Bomgar code whose only finding is a warning: lseq used as a de-duplication key (line 5). */
const ONE_WARNING = [
  "const REPORT = '/api/reporting?generate_report=SupportSession';",
  'function newSessions(sessions, seen) {',
  '  return sessions.filter((session) => {',
  '    if (seen.has(session.lseq)) return false;',
  '    seen.add(session.lseq);',
  '    return true;',
  '  });',
  '}',
  'module.exports = { REPORT, newSessions };',
  '',
].join('\n');

/** Code that never mentions the vendor, an endpoint or an element: nothing to report. */
const CLEAN = [
  "const express = require('express');",
  'const app = express();',
  "app.get('/healthz', (req, res) => res.send('ok'));",
  'module.exports = app;',
  '',
].join('\n');

/** Asserts a usage/config error: exit 2, nothing on stdout, one stderr line containing `needle`, no stack trace. */
function expectUsageError(result: CliRun, needle: string | RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  expect(lines, result.stderr).toHaveLength(1);
  if (typeof needle === 'string') expect(lines[0]).toContain(needle);
  else expect(lines[0]).toMatch(needle);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain('internal error');
}

// ---------------------------------------------------------------------------
// The bundled example projects.
// ---------------------------------------------------------------------------

describe.each(PROJECT_NAMES)('bundled project %s', (name) => {
  it('reports exactly the findings in expected.json (run inside the project)', async () => {
    const result = await runCli(['--format', 'json', '.'], projectDir(name));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = jsonReport(result);
    expect(findingKeys(report)).toEqual(await expectedFindings(name));
  });

  it('reports the same findings when run from the repository root, as the README does', async () => {
    const result = await runCli(['--format', 'json', `fixtures/projects/${name}`], ROOT);
    expect(result.code).toBe(1);
    const expected = (await expectedFindings(name)).map((key) => `fixtures/projects/${name}/${key}`).sort();
    expect(findingKeys(jsonReport(result))).toEqual(expected);
  });

  it('reports the same findings with --type-aware', async () => {
    const result = await runCli(['--format', 'json', '--type-aware'], projectDir(name));
    expect(result.stderr).toBe('');
    expect(findingKeys(jsonReport(result))).toEqual(await expectedFindings(name));
  });

  it('has no coverage gaps and no unused suppression directives', async () => {
    const report = jsonReport(await runCli(['-f', 'json'], projectDir(name)));
    expect(report.coverage).toEqual({ skipped: [], parseErrors: [], degraded: [], notes: [] });
    expect(report.findings.filter((f) => f.ruleId === 'unused-suppression')).toEqual([]);
  });
});

describe('reporting-sync', () => {
  it('honours its justified inline suppression', async () => {
    const report = jsonReport(await runCli(['-f', 'json'], projectDir('reporting-sync')));
    expect(findingKeys(report, 'suppressed')).toEqual(['scripts/backfill-legacy.ts:25 lsid-numeric-conversion']);
    const suppressed = report.findings.find((f) => f.suppressed)!;
    expect(suppressed.suppressionReason).toBe('frozen pre-10.6 archive: every LSID in it is an integer and no new rows arrive');
    expect(report.summary.suppressed).toBe(1);
  });

  it('reports the XML helper, which has no evidence of its own, because the client imports it', async () => {
    const alone = jsonReport(await runCli(['-f', 'json', 'src/xml.ts'], projectDir('reporting-sync')));
    expect(alone.findings).toEqual([]);
    const withClient = jsonReport(await runCli(['-f', 'json', 'src'], projectDir('reporting-sync')));
    expect(findingKeys(withClient)).toContain('src/xml.ts:10 xml-unprefixed-xpath');
  });

  it('does not flag look-alikes: gsnumber, rep ids, timestamps, lseq, external_key, getElementsByTagName', async () => {
    const report = jsonReport(await runCli(['-f', 'json'], projectDir('reporting-sync')));
    const clientLines = report.findings.filter((f) => f.file === 'src/client.ts').map((f) => f.line);
    // Lines 68-79 of toSession read every other field of <session>; only the lsid attribute (line 67) is a hazard.
    expect(clientLines.filter((line) => line > 67 && line < 80)).toEqual([]);
    expect(report.findings.filter((f) => f.file === 'src/sync.ts' && f.line === 25)).toEqual([]);
    expect(report.findings.filter((f) => f.category === 'lseq-misuse')).toEqual([]);
  });
});

describe('outbound-webhook', () => {
  it('applies its lsid-lint.config.json rule level when run inside the project', async () => {
    const report = jsonReport(await runCli(['-f', 'json'], projectDir('outbound-webhook')));
    const digitPattern = report.findings.find((f) => f.ruleId === 'lsid-digit-pattern');
    expect(digitPattern?.severity).toBe('warning');
    expect(report.summary).toMatchObject({ errors: 3, warnings: 1, notes: 0 });
  });

  it('scans the MongoDB maintenance code but reports nothing there: it has no Bomgar context', async () => {
    const report = jsonReport(await runCli(['-f', 'json'], projectDir('outbound-webhook')));
    expect(report.summary.filesScanned).toBe(8);
    expect(report.findings.filter((f) => f.file.startsWith('src/store/') || f.file.startsWith('src/jobs/'))).toEqual([]);
    const alone = jsonReport(await runCli(['-f', 'json', 'src/store', 'src/jobs'], projectDir('outbound-webhook')));
    expect(alone.summary.filesScanned).toBe(2);
    expect(alone.findings).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Report contracts.
// ---------------------------------------------------------------------------

describe('JSON report contract (schemaVersion 1)', () => {
  let report: JsonReport;
  beforeAll(async () => {
    report = jsonReport(await runCli(['--format', 'json'], projectDir('reporting-sync')));
  });

  it('has the top-level fields', () => {
    expect(Object.keys(report).sort()).toEqual(['coverage', 'findings', 'schemaVersion', 'summary', 'target', 'tool', 'verdict']);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'lsid-lint', version: VERSION });
    expect(report.target).toBe('10.6');
    expect(['ready', 'ready-with-warnings', 'blocked']).toContain(report.verdict);
    expect(report.verdict).toBe('blocked');
  });

  it('has a summary whose counts agree with the findings', () => {
    const { summary, findings } = report;
    expect(Object.keys(summary).sort()).toEqual(['byCategory', 'errors', 'filesScanned', 'notes', 'suppressed', 'warnings']);
    expect(Object.keys(summary.byCategory).sort()).toEqual([...CATEGORIES].sort());
    const active = findings.filter((f) => !f.suppressed);
    expect(summary.filesScanned).toBe(9);
    expect(summary.errors).toBe(active.filter((f) => f.severity === 'error').length);
    expect(summary.warnings).toBe(active.filter((f) => f.severity === 'warning').length);
    expect(summary.notes).toBe(active.filter((f) => f.severity === 'note').length);
    expect(summary.suppressed).toBe(findings.length - active.length);
    for (const category of CATEGORIES) {
      expect(summary.byCategory[category]).toBe(active.filter((f) => f.category === category).length);
    }
    expect(summary.byCategory).toEqual({ 'lsid-integer': 10, 'lseq-misuse': 0, 'xml-namespace': 2 });
  });

  it('gives every finding the documented fields, with cwd-relative forward-slash paths', () => {
    expect(report.findings.length).toBeGreaterThan(0);
    const ruleIds = new Set(rules.map((rule) => rule.meta.id));
    for (const f of report.findings) {
      const { suppressionReason, ...required } = f;
      expect(Object.keys(required).sort()).toEqual(
        ['category', 'column', 'endColumn', 'endLine', 'file', 'help', 'line', 'message', 'ruleId', 'severity', 'suppressed'].sort(),
      );
      expect(ruleIds.has(f.ruleId), f.ruleId).toBe(true);
      expect(CATEGORIES).toContain(f.category);
      expect(['error', 'warning', 'note']).toContain(f.severity);
      expect(f.file).not.toMatch(/\\|^\/|^\.\.?\//);
      expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
      expect(Number.isInteger(f.column) && f.column >= 1).toBe(true);
      expect(f.endLine > f.line || (f.endLine === f.line && f.endColumn > f.column)).toBe(true);
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.help.length).toBeGreaterThan(10);
      expect(typeof f.suppressed).toBe('boolean');
      if (suppressionReason !== undefined) expect(f.suppressed).toBe(true);
    }
  });

  it('orders findings by file, then line and column', () => {
    const order = report.findings.map((f) => [f.file, f.line, f.column] as const);
    const sorted = [...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(order).toEqual(sorted);
  });

  it('has coverage with skipped and parseErrors lists', () => {
    expect(report.coverage).toEqual({ skipped: [], parseErrors: [], degraded: [], notes: [] });
  });
});

describe('text report', () => {
  const FINDING_LINE = /^ {2}(\d+):(\d+) +(error|warning|note) +(.+) {2}([a-z][a-z0-9-]*)$/;
  /** A code frame line under a finding: `    > 12 | code` (the finding's lines) or `      11 | code`. */
  const FRAME_LINE = /^ {4}[> ] +\d+ \|( .*)?$/;

  /** Parses the text report into file groups and the trailing summary lines. */
  function parseText(text: string): { groups: Map<string, string[]>; keys: string[]; tail: string[] } {
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    const groups = new Map<string, string[]>();
    const keys: string[] = [];
    let current: string | undefined;
    let index = 0;
    for (; index < lines.length; index++) {
      const line = lines[index]!;
      if (line.startsWith('Bomgar 10.6 readiness:')) break;
      if (line === '') {
        current = undefined;
        continue;
      }
      if (!line.startsWith(' ')) {
        expect(groups.has(line), `file header ${line} appears once`).toBe(false);
        current = line;
        groups.set(line, []);
        continue;
      }
      expect(current, `finding line under a file header: ${line}`).toBeDefined();
      if (FRAME_LINE.test(line)) continue;
      const match = FINDING_LINE.exec(line);
      expect(match, `finding line format: ${line}`).not.toBeNull();
      groups.get(current!)!.push(line);
      keys.push(`${current}:${match![1]} ${match![5]}`);
    }
    return { groups, keys: keys.sort(), tail: lines.slice(index) };
  }

  it('groups `line:col  severity  message  rule-id` lines under file headers and ends with the verdict', async () => {
    const result = await runCli([], projectDir('reporting-sync'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/\x1b\[/);
    const { groups, keys, tail } = parseText(result.stdout);
    expect(keys).toEqual(await expectedFindings('reporting-sync'));
    expect([...groups.keys()]).toEqual(['migrations/001_create_support_sessions.ts', 'src/client.ts', 'src/sync.ts', 'src/types.ts', 'src/warehouse.ts', 'src/xml.ts']);
    expect(tail).toEqual(['Bomgar 10.6 readiness: blocked — 12 errors, 0 warnings, 0 notes, 1 suppressed in 9 files scanned']);
  });

  it('aligns the columns: position padded to 8, severity to 7', async () => {
    const result = await runCli([], projectDir('outbound-webhook'));
    const line = result.stdout.split('\n').find((l) => l.endsWith('lsid-digit-pattern'))!;
    expect(line).toMatch(/^ {2}15:13 {5}warning {2}The pattern `'\/sessions\/:lsid\(\\\\d\+\)\/terminate'` captures the LSID as digits; .+ {2}lsid-digit-pattern$/);
    const error = result.stdout.split('\n').find((l) => l.endsWith('lsid-numeric-validation'))!;
    expect(error.slice(0, 21)).toBe('  16:8      error    ');
  });

  it('says "ready" for a clean project', async () => {
    const dir = await tempProject({ 'src/app.js': CLEAN });
    const result = await runCli([], dir);
    expect(result).toEqual({ code: 0, stdout: 'Bomgar 10.6 readiness: ready — 0 errors, 0 warnings, 0 notes in 1 file scanned\n', stderr: '' });
  });

  it('--quiet shows only findings that fail the run, and the summary', async () => {
    const loud = await runCli([], projectDir('outbound-webhook'));
    expect(loud.stdout).toContain('lsid-digit-pattern');
    const quiet = await runCli(['--quiet'], projectDir('outbound-webhook'));
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toContain('lsid-digit-pattern');
    expect(parseText(quiet.stdout).keys).toEqual([
      'src/bomgar/command-api.js:19 xml-literal-tag-match',
      'src/bomgar/command-api.js:20 xml-literal-tag-match',
      'src/routes/events.js:16 lsid-numeric-validation',
    ]);
    expect(quiet.stdout).toContain('Bomgar 10.6 readiness: blocked — 3 errors, 1 warning, 0 notes in 8 files scanned');
    const quietWarning = await runCli(['-q', '--fail-on', 'warning'], projectDir('outbound-webhook'));
    expect(quietWarning.stdout).toContain('lsid-digit-pattern');
  });
});

// ---------------------------------------------------------------------------
// Exit codes.
// ---------------------------------------------------------------------------

describe('exit codes', () => {
  it('0 for a clean directory', async () => {
    const dir = await tempProject({ 'src/app.js': CLEAN, 'package.json': { name: 'clean' } });
    const result = await runCli(['-f', 'json'], dir);
    expect(result.code).toBe(0);
    expect(jsonReport(result)).toMatchObject({ verdict: 'ready', findings: [] });
  });

  it('1 when an error-level finding blocks the upgrade', async () => {
    const dir = await tempProject({ 'src/ids.js': ONE_ERROR });
    const result = await runCli(['-f', 'json'], dir);
    expect(result.code).toBe(1);
    expect(findingKeys(jsonReport(result))).toEqual(['src/ids.js:3 lsid-numeric-conversion']);
  });

  it('0 with --fail-on none, even when blocked', async () => {
    const result = await runCli(['--fail-on', 'none', '-f', 'json'], projectDir('reporting-sync'));
    expect(result.code).toBe(0);
    expect(jsonReport(result).verdict).toBe('blocked');
  });

  it('warnings pass by default and fail with --fail-on warning', async () => {
    const dir = await tempProject({ 'src/dedupe.js': ONE_WARNING });
    const byDefault = await runCli(['-f', 'json'], dir);
    expect(byDefault.code).toBe(0);
    const report = jsonReport(byDefault);
    expect(report.verdict).toBe('ready-with-warnings');
    expect(findingKeys(report)).toEqual(['src/dedupe.js:5 lseq-unique-key']);
    expect((await runCli(['--fail-on', 'warning'], dir)).code).toBe(1);
    expect((await runCli(['--fail-on', 'note'], dir)).code).toBe(1);
    expect((await runCli(['--fail-on', 'error'], dir)).code).toBe(0);
  });

  it('--rule can raise a warning to an error, which then fails the run', async () => {
    const dir = await tempProject({ 'src/dedupe.js': ONE_WARNING });
    const result = await runCli(['-f', 'json', '--rule', 'lseq-unique-key=error'], dir);
    expect(result.code).toBe(1);
    expect(jsonReport(result).findings[0]?.severity).toBe('error');
  });

  describe('2 with one clear stderr line and no stack trace', () => {
    it('for an unknown flag', async () => {
      expectUsageError(await runCli(['--bogus'], projectDir('reporting-sync')), "unknown option '--bogus'");
    });

    it('for an invalid --format or --fail-on value', async () => {
      expectUsageError(await runCli(['-f', 'xml'], projectDir('reporting-sync')), /'xml' is invalid\. Allowed choices are text, json/);
      expectUsageError(await runCli(['--fail-on', 'fatal'], projectDir('reporting-sync')), /'fatal' is invalid/);
    });

    it('for an unknown rule id in --rule', async () => {
      expectUsageError(await runCli(['--rule', 'no-such-rule=off'], projectDir('reporting-sync')), '--rule: unknown rule "no-such-rule"');
    });

    it('for a malformed --rule value', async () => {
      expectUsageError(await runCli(['--rule', 'lsid-numeric-type=warn'], projectDir('reporting-sync')), 'expected <rule-id>=<error|warning|note|off>, got "lsid-numeric-type=warn"');
    });

    it('for an unknown rule in the config file', async () => {
      const dir = await tempProject({ 'lsid-lint.config.json': { rules: { 'lsid-as-number': 'off' } }, 'src/ids.js': ONE_ERROR });
      expectUsageError(await runCli([], dir), 'lsid-lint.config.json: unknown rule "lsid-as-number"');
    });

    it('for invalid JSON in the config file, with its line and column', async () => {
      const dir = await tempProject({ 'lsid-lint.config.json': '{\n  "rules": {\n    "lsid-numeric-type": "off",\n  }\n}\n', 'src/ids.js': ONE_ERROR });
      expectUsageError(await runCli([], dir), 'lsid-lint.config.json:4:3: invalid JSON, unexpected "}"');
    });

    it('for an unknown config key', async () => {
      const dir = await tempProject({ '.lsidlintrc.json': { rule: { 'lsid-numeric-type': 'off' } }, 'src/ids.js': ONE_ERROR });
      expectUsageError(await runCli([], dir), '.lsidlintrc.json: unknown key "rule" (allowed: include, exclude, rules, maxFileSize, context, sql)');
    });

    it('for a missing --config file', async () => {
      const dir = await tempProject({ 'src/ids.js': ONE_ERROR });
      expectUsageError(await runCli(['--config', 'nope.json'], dir), 'nope.json: config file not found');
    });

    it('for a path that does not exist', async () => {
      const dir = await tempProject({ 'src/ids.js': ONE_ERROR });
      expectUsageError(await runCli(['src', 'does-not-exist'], dir), /^lsid-lint: no such file or directory: .*does-not-exist$/);
    });
  });
});

// ---------------------------------------------------------------------------
// Options.
// ---------------------------------------------------------------------------

describe('options', () => {
  it('--rule <id>=off removes that rule\'s findings', async () => {
    const expected = await expectedFindings('reporting-sync');
    const result = await runCli(['-f', 'json', '--rule', 'lsid-numeric-type=off', '--rule', 'xml-unprefixed-xpath=off'], projectDir('reporting-sync'));
    const report = jsonReport(result);
    expect(findingKeys(report)).toEqual(expected.filter((key) => !key.endsWith(' lsid-numeric-type') && !key.endsWith(' xml-unprefixed-xpath')));
    expect(report.summary.byCategory['xml-namespace']).toBe(1);
  });

  it('--rule overrides the config file', async () => {
    const result = await runCli(['-f', 'json', '--rule', 'lsid-digit-pattern=error'], projectDir('outbound-webhook'));
    expect(jsonReport(result).findings.find((f) => f.ruleId === 'lsid-digit-pattern')?.severity).toBe('error');
  });

  it('--list-rules prints every rule as a table', async () => {
    const result = await runCli(['--list-rules'], ROOT);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id +category +severity +summary$/);
    expect(lines).toHaveLength(rules.length + 1);
    for (const rule of rules) {
      expect(lines.some((line) => line.startsWith(`${rule.meta.id} `) && line.includes(rule.meta.category) && line.endsWith(rule.meta.summary))).toBe(true);
    }
  });

  it('--list-rules --format json lists ids, categories, severities, summaries and aliases', async () => {
    const result = await runCli(['--list-rules', '-f', 'json'], ROOT);
    expect(result.code).toBe(0);
    const listed = JSON.parse(result.stdout) as { id: string; category: string; defaultSeverity: string; summary: string; aliases: string[] }[];
    expect(listed.map((r) => r.id)).toEqual(rules.map((r) => r.meta.id));
    expect(listed.map((r) => r.id)).toEqual(expect.arrayContaining(['lsid-numeric-conversion', 'lsid-numeric-ordering', 'xml-unprefixed-xpath', 'lseq-unique-key']));
    for (const row of listed) {
      expect(Object.keys(row).sort()).toEqual(['aliases', 'category', 'defaultSeverity', 'id', 'summary']);
      expect(CATEGORIES).toContain(row.category);
    }
  });

  it('--version prints the package version', async () => {
    expect(await runCli(['--version'], ROOT)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('--help exits 0 and documents the options', async () => {
    const result = await runCli(['--help'], ROOT);
    expect(result.code).toBe(0);
    for (const option of ['--format', '--output', '--fail-on', '--config', '--rule', '--list-rules', '--quiet', '--version']) {
      expect(result.stdout).toContain(option);
    }
  });

  it('-o writes the report to a file (creating directories) and leaves stdout empty', async () => {
    const dir = await tempProject({ 'src/ids.js': ONE_ERROR });
    const result = await runCli(['-f', 'json', '-o', 'reports/lsid-lint.json'], dir);
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    const written = JSON.parse(await readFile(path.join(dir, 'reports', 'lsid-lint.json'), 'utf8')) as JsonReport;
    expect(findingKeys(written)).toEqual(['src/ids.js:3 lsid-numeric-conversion']);
    const direct = jsonReport(await runCli(['-f', 'json'], dir));
    expect(written).toEqual(direct);
  });

  it('-o with the text format writes the same text as stdout would show', async () => {
    const dir = await tempProject({ 'src/ids.js': ONE_ERROR });
    await runCli(['--output', 'report.txt'], dir);
    expect(await readFile(path.join(dir, 'report.txt'), 'utf8')).toBe((await runCli([], dir)).stdout);
  });
});

// ---------------------------------------------------------------------------
// Suppressions.
// ---------------------------------------------------------------------------

describe('inline suppressions', () => {
  const SOURCE = [
    "const REPORT = '/api/reporting?generate_report=SupportSession';",
    '',
    'function ids(row, session, other) {',
    '  // lsid-lint-disable-next-line lsid-numeric-conversion -- archived rows hold integer ids only',
    '  const a = parseInt(row.lsid, 10);',
    '  const b = Number(session.lsid); // lsid-lint-disable-line lsid-numeric-conversion',
    '  // lsid-lint-disable-next-line lsid-arithmetic -- nothing to hide here',
    '  const c = String(other.lsid);',
    '  const d = Number(other.lsid);',
    '  return [a, b, c, d, REPORT];',
    '}',
    'module.exports = { ids };',
    '',
  ].join('\n');

  it('keeps suppressed findings in the JSON with suppressed: true, counts them apart, and notes unused directives', async () => {
    const dir = await tempProject({ 'src/ids.js': SOURCE });
    const result = await runCli(['-f', 'json'], dir);
    const report = jsonReport(result);
    expect(findingKeys(report, 'suppressed')).toEqual(['src/ids.js:5 lsid-numeric-conversion', 'src/ids.js:6 lsid-numeric-conversion']);
    expect(findingKeys(report)).toEqual(['src/ids.js:7 unused-suppression', 'src/ids.js:9 lsid-numeric-conversion']);
    const [first, second] = report.findings.filter((f) => f.suppressed);
    expect(first).toMatchObject({ suppressed: true, suppressionReason: 'archived rows hold integer ids only', severity: 'error' });
    expect(second).toMatchObject({ suppressed: true });
    expect(second).not.toHaveProperty('suppressionReason');
    const unused = report.findings.find((f) => f.ruleId === 'unused-suppression')!;
    expect(unused).toMatchObject({ severity: 'note', line: 7, column: 3, suppressed: false });
    expect(unused.message).toContain('lsid-arithmetic');
    expect(report.summary).toMatchObject({ errors: 1, warnings: 0, notes: 1, suppressed: 2 });
    expect(result.code).toBe(1);
  });

  it('hides suppressed findings from the text report but mentions how many there were', async () => {
    const dir = await tempProject({ 'src/ids.js': SOURCE });
    const { stdout } = await runCli([], dir);
    expect(stdout).not.toMatch(/^ {2}5:/m);
    expect(stdout).not.toMatch(/^ {2}6:/m);
    expect(stdout).toMatch(/^ {2}7:3 +note +Unused suppression directive/m);
    expect(stdout).toContain('Bomgar 10.6 readiness: blocked — 1 error, 0 warnings, 1 note, 2 suppressed in 1 file scanned');
  });

  it('a file-wide directive suppresses every finding of its rule; fixing the code makes it an unused note', async () => {
    const withDirective = `/* lsid-lint-disable-file lsid-numeric-conversion -- legacy importer, removed after the upgrade */\n${ONE_ERROR}`;
    const dir = await tempProject({ 'src/ids.js': withDirective, 'src/fixed.js': withDirective.replace("parseInt(session.getAttribute('lsid'), 10)", "session.getAttribute('lsid')") });
    const result = await runCli(['-f', 'json'], dir);
    expect(result.code).toBe(0);
    const report = jsonReport(result);
    expect(findingKeys(report, 'suppressed')).toEqual(['src/ids.js:4 lsid-numeric-conversion']);
    expect(findingKeys(report)).toEqual(['src/fixed.js:1 unused-suppression']);
    expect(report.verdict).toBe('ready');
  });
});

// ---------------------------------------------------------------------------
// Config discovery and context.
// ---------------------------------------------------------------------------

describe('config', () => {
  it('is discovered in a parent directory of cwd; report paths stay relative to cwd', async () => {
    const dir = await tempProject({
      'lsid-lint.config.json': { rules: { 'lsid-numeric-conversion': 'warning' } },
      'packages/importer/src/ids.js': ONE_ERROR,
    });
    const result = await runCli(['-f', 'json'], path.join(dir, 'packages', 'importer'));
    expect(result.code).toBe(0);
    const report = jsonReport(result);
    expect(report.findings.map((f) => [f.file, f.line, f.ruleId, f.severity])).toEqual([['src/ids.js', 3, 'lsid-numeric-conversion', 'warning']]);
  });

  it('the nearest config wins over one further up', async () => {
    const dir = await tempProject({
      'lsid-lint.config.json': { rules: { 'lsid-numeric-conversion': 'warning' } },
      'packages/importer/.lsidlintrc.json': { rules: { 'lsid-numeric-conversion': 'off' } },
      'packages/importer/src/ids.js': ONE_ERROR,
    });
    const report = jsonReport(await runCli(['-f', 'json'], path.join(dir, 'packages', 'importer')));
    expect(report.findings).toEqual([]);
  });

  it('is read from the "lsidLint" key of package.json', async () => {
    const dir = await tempProject({
      'package.json': { name: 'importer', version: '1.0.0', lsidLint: { rules: { 'lsid-numeric-conversion': 'note' } } },
      'src/ids.js': ONE_ERROR,
    });
    const result = await runCli(['-f', 'json'], dir);
    expect(result.code).toBe(0);
    expect(jsonReport(result).findings.map((f) => f.severity)).toEqual(['note']);
  });

  it('--config names the file explicitly', async () => {
    const dir = await tempProject({ 'lsid-lint.ci.json': { exclude: ['src/legacy/**'] }, 'src/legacy/ids.js': ONE_ERROR, 'src/app.js': CLEAN });
    expect((await runCli([], dir)).code).toBe(1);
    const result = await runCli(['-f', 'json', '--config', 'lsid-lint.ci.json'], dir);
    expect(result.code).toBe(0);
    expect(jsonReport(result).summary.filesScanned).toBe(1);
  });

  it('context.hosts puts a file with no other evidence of Bomgar code into context', async () => {
    const source = [
      "const axios = require('axios');",
      '',
      "const remote = axios.create({ baseURL: 'https://remote.acme-support.test' });",
      '',
      'async function closedSessionIds(day) {',
      "  const { data } = await remote.get('/export/closed', { params: { day } });",
      '  return data.map((session) => parseInt(session.lsid, 10));',
      '}',
      '',
      'module.exports = { closedSessionIds };',
      '',
    ].join('\n');
    const dir = await tempProject({ 'src/export.js': source });
    const without = jsonReport(await runCli(['-f', 'json'], dir));
    expect(without.summary.filesScanned).toBe(1);
    expect(without.findings).toEqual([]);

    await writeFile(path.join(dir, 'lsid-lint.config.json'), JSON.stringify({ context: { hosts: ['remote.acme-support.test'] } }));
    const result = await runCli(['-f', 'json'], dir);
    expect(result.code).toBe(1);
    expect(findingKeys(jsonReport(result))).toEqual(['src/export.js:7 lsid-numeric-conversion']);
  });
});

// ---------------------------------------------------------------------------
// The built binary.
// ---------------------------------------------------------------------------

describe('built binary (dist/src/cli/bin.js)', () => {
  const BIN = path.join(ROOT, 'dist', 'src', 'cli', 'bin.js');

  beforeAll(async () => {
    await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT, timeout: 240_000 });
    expect(existsSync(BIN)).toBe(true);
  }, 300_000);

  function spawnBin(args: string[], cwd = ROOT) {
    return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  }

  it('scans a bundled project and sets exit code 1', () => {
    const child = spawnBin(['--format', 'json', 'fixtures/projects/reporting-sync']);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(1);
    return expectedFindings('reporting-sync').then((expected) => {
      expect(findingKeys(JSON.parse(child.stdout) as JsonReport)).toEqual(expected.map((key) => `fixtures/projects/reporting-sync/${key}`).sort());
    });
  });

  it('exits 0 for --version and 2 for a bad flag', () => {
    const version = spawnBin(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${VERSION}\n`);
    const bad = spawnBin(['--bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 0 with --fail-on none', () => {
    expect(spawnBin(['--fail-on', 'none', '-q', 'fixtures/projects/outbound-webhook']).status).toBe(0);
  });

  it('is executable, so npx lsid-lint can run it', async () => {
    const { statSync } = await import('node:fs');
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
  });

  it('writes through to a device instead of replacing it (-o /dev/null)', async () => {
    const { statSync } = await import('node:fs');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(spawnBin(['-o', '/dev/null', 'fixtures/projects/outbound-webhook']).status).toBe(1);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('replaces a report file atomically, leaving no temporary file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lsid-lint-out-'));
    const out = path.join(dir, 'report.json');
    await writeFile(out, 'old');
    spawnBin(['-f', 'json', '-o', out, 'fixtures/projects/outbound-webhook']);
    expect(JSON.parse(await readFile(out, 'utf8')).schemaVersion).toBe(1);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir)).toEqual(['report.json']);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('engine checks configurable like rules', () => {
  it('turns unused-suppression notes off with --rule', async () => {
    const dir = await tempProject({ 'src/app.js': "const URL = '/api/reporting';\n// lsid-lint-disable-next-line lsid-numeric-conversion -- stale\nconst x = 1;\n" });
    const on = jsonReport(await runCli(['-f', 'json'], dir));
    expect(on.findings.map((f) => f.ruleId)).toEqual(['unused-suppression']);
    const off = jsonReport(await runCli(['-f', 'json', '--rule', 'unused-suppression=off'], dir));
    expect(off.findings).toEqual([]);
  });
});

describe('progress on a terminal', () => {
  it('draws a progress line on stderr only when stderr is a terminal, and erases it', async () => {
    const quiet = await runCli(['-q'], { cwd: projectDir('reporting-sync') });
    expect(quiet.stderr).toBe('');
    const shown = await runCli(['-q'], { cwd: projectDir('reporting-sync'), stderrIsTTY: true });
    expect(shown.stderr).toMatch(/^\rScanning \d+\/\d+ files…/);
    expect(shown.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(shown.stdout).toBe(quiet.stdout);
  });
});
