/**
 * The CI gate: --max-warnings, --baseline / --update-baseline (round trip: a new finding fails the
 * gate, baselining it passes, moving code keeps it matched, fixing it reports a stale entry).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyBaseline, BaselineError, createBaseline, loadBaseline, parseBaseline, serializeBaseline } from '../src/engine/baseline.js';
import type { Finding } from '../src/types.js';
import { jsonReport, runCli } from './helpers/run-cli.js';

const temporaryDirs: string[] = [];

async function tempProject(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lsid-lint-gate-'));
  temporaryDirs.push(dir);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return dir;
}

afterAll(async () => {
  await Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const HEADER = "const REPORT = '/api/reporting?generate_report=SupportSession';";
const PARSE_LSID = "  return parseInt(session.getAttribute('lsid'), 10);";
const oneError = (prefix: string[] = []) => [HEADER, ...prefix, 'function lsidOf(session) {', PARSE_LSID, '}', 'module.exports = { REPORT, lsidOf };', ''].join('\n');
const clean = () => [HEADER, 'function lsidOf(session) {', "  return String(session.getAttribute('lsid'));", '}', 'module.exports = { REPORT, lsidOf };', ''].join('\n');
const warnings = (count: number) =>
  [
    HEADER,
    ...Array.from({ length: count }, (_, i) => [`function newSessions${i}(sessions, seen) {`, '  return sessions.filter((session) => {', `    if (seen.has(session.lseq)) return ${i} < 0;`, '    seen.add(session.lseq);', '    return true;', '  });', '}']).flat(),
    'module.exports = { REPORT };',
    '',
  ].join('\n');

describe('--max-warnings', () => {
  it('passes at the limit and fails (exit 1) above it; errors still gate as before', async () => {
    const dir = await tempProject({ 'src/dedupe.js': warnings(2) });
    const report = jsonReport(await runCli(['-f', 'json', '.'], dir));
    expect(report.summary.warnings).toBe(2);
    expect((await runCli(['--max-warnings', '2', '.'], dir)).code).toBe(0);
    expect((await runCli(['--max-warnings', '1', '.'], dir)).code).toBe(1);
    expect((await runCli(['--max-warnings', '0', '--fail-on', 'none', '.'], dir)).code).toBe(1);
    expect((await runCli(['.'], dir)).code).toBe(0);
  });

  it('rejects a value that is not a whole number with one usage line (exit 2)', async () => {
    const dir = await tempProject({ 'src/dedupe.js': warnings(1) });
    for (const value of ['-1', 'many', '1.5']) {
      const result = await runCli(['--max-warnings', value, '.'], dir);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^lsid-lint: .*whole number.*\n$/);
    }
  });

  it('does not count suppressed warnings', async () => {
    const source = warnings(1).replace('    seen.add(session.lseq);', '    // lsid-lint-disable-next-line\n    seen.add(session.lseq);');
    const dir = await tempProject({ 'src/dedupe.js': source });
    const report = jsonReport(await runCli(['-f', 'json', '.'], dir));
    expect(report.summary.warnings).toBe(0);
    expect((await runCli(['--max-warnings', '0', '.'], dir)).code).toBe(0);
  });
});

describe('--baseline round trip', () => {
  it('new finding fails; baselined passes; moved code stays matched; fixed code is reported stale', async () => {
    const dir = await tempProject({ 'src/sync.js': oneError() });
    // A new finding fails the gate.
    expect((await runCli(['.'], dir)).code).toBe(1);

    // Baseline it: the file is written sorted, the run exits 0 and prints one line.
    const update = await runCli(['--baseline', 'lsid-baseline.json', '--update-baseline', '.'], dir);
    expect(update).toEqual({ code: 0, stdout: 'Wrote 1 baseline entry to lsid-baseline.json\n', stderr: '' });
    const written = JSON.parse(await readFile(path.join(dir, 'lsid-baseline.json'), 'utf8')) as { version: number; entries: { ruleId: string; file: string; fingerprint: string }[] };
    expect(written.version).toBe(1);
    expect(written.entries).toHaveLength(1);
    expect(written.entries[0]).toMatchObject({ file: 'src/sync.js' });
    expect(written.entries[0]!.fingerprint).toMatch(/^[0-9a-f]{32}$/);

    // Baselined: reported as such, not counted, exit 0.
    const passing = await runCli(['-f', 'json', '--baseline', 'lsid-baseline.json', '.'], dir);
    expect(passing.code).toBe(0);
    const report = jsonReport(passing) as ReturnType<typeof jsonReport> & { baseline?: unknown };
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ file: 'src/sync.js', line: 3, baselined: true });
    expect(report.summary.errors).toBe(0);
    expect(report.verdict).toBe('ready');
    expect(report.baseline).toEqual({ file: 'lsid-baseline.json', matched: 1, stale: [] });
    const text = await runCli(['--baseline', 'lsid-baseline.json', '.'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ {2}3:\d+ +error +.+ {2}[a-z-]+ {2}\(baselined\)$/m);
    expect(text.stdout).toContain(', 1 baselined in 1 file scanned');

    // Move the code (lines inserted above): still matched.
    await writeFile(path.join(dir, 'src/sync.js'), oneError(['// moved down', '', 'const unrelated = 1;', '']));
    const moved = await runCli(['-f', 'json', '--baseline', 'lsid-baseline.json', '.'], dir);
    expect(moved.code).toBe(0);
    expect(jsonReport(moved).findings[0]).toMatchObject({ line: 7, baselined: true });

    // A new finding next to the baselined one still fails the gate.
    await writeFile(path.join(dir, 'src/other.js'), oneError());
    const added = await runCli(['-f', 'json', '--baseline', 'lsid-baseline.json', '.'], dir);
    expect(added.code).toBe(1);
    const addedReport = jsonReport(added);
    expect(addedReport.findings.map((f) => `${f.file} ${(f as { baselined?: true }).baselined ?? false}`).sort()).toEqual(['src/other.js false', 'src/sync.js true']);
    expect(addedReport.summary.errors).toBe(1);
    await rm(path.join(dir, 'src/other.js'));

    // Fix it: the entry is reported as stale (text and JSON), the run passes.
    await writeFile(path.join(dir, 'src/sync.js'), clean());
    const fixed = await runCli(['--baseline', 'lsid-baseline.json', '.'], dir);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('1 baseline entry no longer matches; run --update-baseline to prune');
    const fixedJson = jsonReport(await runCli(['-f', 'json', '--baseline', 'lsid-baseline.json', '.'], dir)) as ReturnType<typeof jsonReport> & { baseline?: { matched: number; stale: unknown[] } };
    expect(fixedJson.baseline).toEqual({ file: 'lsid-baseline.json', matched: 0, stale: written.entries });

    // Pruning empties the baseline.
    await runCli(['--baseline', 'lsid-baseline.json', '--update-baseline', '.'], dir);
    expect(await readFile(path.join(dir, 'lsid-baseline.json'), 'utf8')).toBe('{\n  "version": 1,\n  "entries": []\n}\n');
  });

  it('a run restricted to some paths neither reports other files\' entries as stale nor drops them on update; deleted files\' entries are stale', async () => {
    const dir = await tempProject({ 'src/a.js': oneError(), 'lib/b.js': oneError() });
    expect((await runCli(['--baseline', 'b.json', '--update-baseline', '.'], dir)).stdout).toBe('Wrote 2 baseline entries to b.json\n');
    const all = await readFile(path.join(dir, 'b.json'), 'utf8');
    const onlySrc = await runCli(['-f', 'json', '--baseline', 'b.json', 'src'], dir);
    expect(onlySrc.code).toBe(0);
    expect((jsonReport(onlySrc) as { baseline?: unknown }).baseline).toEqual({ file: 'b.json', matched: 1, stale: [] });
    // Updating from a restricted run keeps lib/b.js's entry.
    await runCli(['--baseline', 'b.json', '--update-baseline', 'src'], dir);
    expect(await readFile(path.join(dir, 'b.json'), 'utf8')).toBe(all);
    // A deleted file's entry is stale even when its folder was not scanned.
    await rm(path.join(dir, 'lib/b.js'));
    const afterDelete = jsonReport(await runCli(['-f', 'json', '--baseline', 'b.json', 'src'], dir)) as { baseline?: { stale: { file: string }[] } };
    expect(afterDelete.baseline?.stale.map((e) => e.file)).toEqual(['lib/b.js']);
  });

  it('leaves the JSON report byte-identical when no baseline is given', async () => {
    const dir = await tempProject({ 'src/sync.js': oneError() });
    const result = await runCli(['-f', 'json', '.'], dir);
    expect(result.stdout).not.toContain('baselined');
    expect(result.stdout).not.toContain('"baseline"');
  });

  it('exits 2 with one line for a missing or malformed baseline, or --update-baseline without --baseline', async () => {
    const dir = await tempProject({ 'src/sync.js': oneError(), 'bad.json': '{"version": 2, "entries": []}', 'broken.json': '{' });
    const cases: [string[], RegExp][] = [
      [['--baseline', 'missing.json', '.'], /baseline missing\.json not found \(create it with --update-baseline\)/],
      [['--baseline', 'bad.json', '.'], /baseline bad\.json must be an object with "version": 1/],
      [['--baseline', 'broken.json', '.'], /baseline broken\.json is not valid JSON/],
      [['--update-baseline', '.'], /--update-baseline needs --baseline <file>/],
    ];
    for (const [argv, pattern] of cases) {
      const result = await runCli(argv, dir);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(pattern);
    }
  });
});

describe('baseline functions (src/engine/baseline.ts)', () => {
  const finding = (overrides: Partial<Finding>): Finding => ({
    ruleId: 'lsid-parse-int', category: 'lsid-integer', severity: 'error', file: 'a.js', line: 1, column: 1, endLine: 1, endColumn: 2,
    message: 'm', help: 'h', suppressed: false, snippet: 'parseInt(lsid)', ...overrides,
  });

  it('creates sorted entries for unsuppressed findings only, and serializes stably', () => {
    const findings = [finding({ file: 'b.js' }), finding({ file: 'a.js', snippet: 'x' }), finding({ file: 'a.js', suppressed: true })];
    const baseline = createBaseline(findings);
    expect(baseline.entries.map((e) => e.file)).toEqual(['a.js', 'b.js']);
    const text = serializeBaseline(baseline);
    expect(parseBaseline(text, 'f')).toEqual(baseline);
    expect(serializeBaseline(parseBaseline(text, 'f'))).toBe(text);
  });

  it('tells identical lines apart: one entry matches one finding', () => {
    const one = [finding({ line: 1 })];
    const two = [finding({ line: 1 }), finding({ line: 9 })];
    const applied = applyBaseline(two, createBaseline(one));
    expect(applied.findings.map((f) => f.baselined ?? false)).toEqual([true, false]);
    expect(applied.matched).toBe(1);
    expect(applied.stale).toEqual([]);
    expect(two[0]!.baselined).toBeUndefined();
  });

  it('survives reindentation and line moves, not a change of the code', () => {
    const baseline = createBaseline([finding({ line: 3, snippet: 'parseInt(lsid)' })]);
    expect(applyBaseline([finding({ line: 40, snippet: '      parseInt(lsid)' })], baseline).matched).toBe(1);
    const changed = applyBaseline([finding({ snippet: 'parseInt(lsid, 10)' })], baseline);
    expect(changed.matched).toBe(0);
    expect(changed.stale).toEqual(baseline.entries);
  });

  it('loadBaseline reads through the function it is given and wraps errors', async () => {
    const text = serializeBaseline(createBaseline([finding({})]));
    expect((await loadBaseline('/x.json', async () => text)).entries).toHaveLength(1);
    await expect(loadBaseline('/x.json', async () => { throw Object.assign(new Error('nope'), { code: 'ENOENT' }); }, 'x.json')).rejects.toThrow(BaselineError);
    await expect(loadBaseline('/x.json', async () => '{"version":1,"entries":[{"ruleId":1}]}')).rejects.toThrow(/must have "entries"/);
  });
});

describe('-f name=path (several formats at once)', () => {
  it('writes each format to its file, while stdout keeps the main format', async () => {
    const dir = await tempProject({ 'src/sync.js': oneError() });
    const result = await runCli(['-f', 'json=out/report.json', '--format', 'sarif=out/report.sarif', '-f', 'markdown=summary.md', '.'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe((await runCli(['.'], dir)).stdout);
    expect(await readFile(path.join(dir, 'out/report.json'), 'utf8')).toBe((await runCli(['-f', 'json', '.'], dir)).stdout);
    expect(await readFile(path.join(dir, 'out/report.sarif'), 'utf8')).toBe((await runCli(['-f', 'sarif', '.'], dir)).stdout);
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).toBe((await runCli(['-f', 'markdown', '.'], dir)).stdout);
  });

  it('combines with a plain -f and -o, which work as before', async () => {
    const dir = await tempProject({ 'src/sync.js': oneError() });
    const result = await runCli(['-f', 'json', '-o', 'main.json', '-f', 'junit=junit.xml', '.'], dir);
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(await readFile(path.join(dir, 'main.json'), 'utf8')).toBe((await runCli(['-f', 'json', '.'], dir)).stdout);
    expect(await readFile(path.join(dir, 'junit.xml'), 'utf8')).toBe((await runCli(['-f', 'junit', '.'], dir)).stdout);
  });

  it('rejects an unknown format or an empty path with one usage line (exit 2)', async () => {
    const dir = await tempProject({ 'src/sync.js': oneError() });
    const unknown = await runCli(['-f', 'xml=out.xml', '.'], dir);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^lsid-lint: .*'xml=out\.xml' is invalid\. Allowed choices are text, json.*\n$/);
    const empty = await runCli(['-f', 'json=', '.'], dir);
    expect(empty).toMatchObject({ code: 2, stdout: '' });
    expect(empty.stderr).toMatch(/expected json=<path>/);
  });
});

describe('--changed-since <git-ref>', () => {
  function git(dir: string, ...args: string[]): string {
    return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' });
  }

  it('scans only files changed since the ref: committed on the branch, uncommitted and untracked', async () => {
    const dir = await tempProject({ 'src/old.js': oneError(), 'src/committed.js': clean(), 'src/staged.js': clean(), '.gitignore': 'ignored/\n' });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'tag', 'base');
    await writeFile(path.join(dir, 'src/committed.js'), oneError());
    git(dir, 'commit', '-q', '-am', 'change');
    await writeFile(path.join(dir, 'src/staged.js'), oneError());
    await writeFile(path.join(dir, 'src/untracked.js'), oneError());
    await mkdir(path.join(dir, 'ignored'));
    await writeFile(path.join(dir, 'ignored/skip.js'), oneError());

    const result = await runCli(['-f', 'json', '--changed-since', 'base'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = jsonReport(result);
    expect(report.findings.map((f) => f.file).sort()).toEqual(['src/committed.js', 'src/staged.js', 'src/untracked.js']);
    expect(report.summary.filesScanned).toBe(3);

    // Given paths narrow the changed files further.
    const narrowed = jsonReport(await runCli(['-f', 'json', '--changed-since', 'base', 'src/untracked.js'], dir));
    expect(narrowed.findings.map((f) => f.file)).toEqual(['src/untracked.js']);
  });

  it('scans nothing (exit 0) when nothing changed', async () => {
    const dir = await tempProject({ 'src/old.js': oneError() });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    const result = await runCli(['--changed-since', 'HEAD'], dir);
    expect(result).toEqual({ code: 0, stdout: 'Bomgar 10.6 readiness: ready — 0 errors, 0 warnings, 0 notes in 0 files scanned\n', stderr: '' });
  });

  it('exits 2 with one line outside a git repository or for an unknown ref', async () => {
    const outside = await tempProject({ 'src/old.js': oneError() });
    const notRepo = await runCli(['--changed-since', 'main'], outside);
    expect(notRepo.code).toBe(2);
    expect(notRepo.stdout).toBe('');
    expect(notRepo.stderr).toMatch(/^lsid-lint: --changed-since: .* is not in a git repository\n$/);

    const dir = await tempProject({ 'src/old.js': oneError() });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    for (const ref of ['no-such-branch', '--output=x']) {
      const badRef = await runCli(['--changed-since', ref], dir);
      expect(badRef.code).toBe(2);
      expect(badRef.stdout).toBe('');
      expect(badRef.stderr).toBe(`lsid-lint: --changed-since: unknown git ref "${ref}"\n`);
    }
  });
});

describe('text code frames', () => {
  it('shows the source around each finding under its unchanged first line, the finding line marked', async () => {
    const dir = await tempProject({ 'src/sync.js': oneError() });
    const result = await runCli(['.'], dir);
    const lines = result.stdout.split('\n');
    const at = lines.findIndex((line) => /^ {2}3:\d+ +error {4}.+ {2}[a-z][a-z0-9-]*$/.test(line));
    expect(at).toBe(1);
    expect(lines.slice(at + 1, at + 6)).toEqual([
      `      1 | ${HEADER}`,
      '      2 | function lsidOf(session) {',
      `    > 3 | ${PARSE_LSID}`,
      '      4 | }',
      '      5 | module.exports = { REPORT, lsidOf };',
    ]);
  });

  it('--no-frame shows only the finding lines', async () => {
    const dir = await tempProject({ 'src/sync.js': oneError() });
    const result = await runCli(['--no-frame', '.'], dir);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('src/sync.js');
    expect(lines[1]).toMatch(/^ {2}3:\d+ +error {4}.+ {2}[a-z][a-z0-9-]*$/);
    expect(lines[2]).toBe('');
    expect(lines[3]).toMatch(/^Bomgar 10\.6 readiness: blocked — 1 error, /);
    expect(result.stdout).not.toContain(' | ');
  });

  it('right-aligns line numbers and marks every line of a multi-line finding', async () => {
    const { textReporter } = await import('../src/report/reporters/text.js');
    const { assess } = await import('../src/report/assessment.js');
    const finding: Finding = {
      ruleId: 'r', category: 'lsid-integer', severity: 'warning', file: 'a.js', line: 9, column: 1, endLine: 10, endColumn: 2,
      message: 'm', help: 'h', suppressed: false, frame: { startLine: 8, lines: ['a', 'b', 'c', ''] },
    };
    const assessment = assess({ filesScanned: 1, findings: [finding], coverage: { skipped: [], parseErrors: [], degraded: [], notes: [] }, rules: [] }, '0.0.0');
    const text = textReporter(assessment, { color: false, quiet: false, isGated: () => false });
    expect(text.split('\n').slice(2, 6)).toEqual(['       8 | a', '    >  9 | b', '    > 10 | c', '      11 |']);
    expect(textReporter(assessment, { color: false, quiet: false, isGated: () => false, frame: false })).not.toContain(' | ');
  });
});
