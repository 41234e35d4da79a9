/**
 * The CLI on hostile input: syntax errors, binary and oversized files, invalid UTF-8, unreadable
 * files and directories, symlink loops and dangling links. Each becomes a clear coverage entry;
 * the run never crashes and the other files are still reported.
 */
import { chmod, mkdir, mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingKeys, jsonReport, runCli, type CliRun, type JsonReport } from './helpers/run-cli.js';

const IS_ROOT = process.getuid?.() === 0;
const MiB = 1024 * 1024;

let dir: string;

/** Bomgar code with one finding on line 2. */
const GOOD = [
  "const REPORT = '/api/reporting?generate_report=SupportSession';",
  "module.exports = (session) => ({ id: parseInt(session.getAttribute('lsid'), 10), report: REPORT });",
  '',
].join('\n');

/** Mentions lsid and a Bomgar endpoint, and does not parse (line 3). */
const BROKEN = [
  "const URL = '/api/command?action=terminate_session';",
  'function terminate(lsid) {',
  '  return fetch(URL + "&lsid=" + lsid +;',
  '}',
  '',
].join('\n');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lsid-lint-bad-input-'));
  await mkdir(path.join(dir, 'src'));
  await mkdir(path.join(dir, 'loop'));
  await mkdir(path.join(dir, 'locked'));

  await writeFile(path.join(dir, 'src', 'good.js'), GOOD);
  await writeFile(path.join(dir, 'src', 'broken.js'), BROKEN);

  // A binary that happens to contain the word lsid, under a .js name.
  await writeFile(path.join(dir, 'src', 'x.js'), Buffer.concat([Buffer.from('lsid'), Buffer.from([0, 0, 0, 1, 2, 0xff]), Buffer.from(' parseInt(row.lsid) ')]));

  // 50 MiB of plausible source, written as one repeated 1 MiB buffer.
  const chunk = Buffer.alloc(MiB, "const lsid = parseInt(row.lsid, 10); // '/api/reporting'\n");
  const huge = await open(path.join(dir, 'src', 'huge.js'), 'w');
  try {
    for (let i = 0; i < 50; i++) await huge.write(chunk);
  } finally {
    await huge.close();
  }

  // Latin-1 bytes (é, ÿþ) inside otherwise valid UTF-8 source: invalid UTF-8. Finding on line 2.
  await writeFile(
    path.join(dir, 'src', 'latin1.js'),
    Buffer.concat([
      Buffer.from("const REPORT = '/api/reporting?generate_report=SupportSession'; // caf"),
      Buffer.from([0xe9, 0x20, 0xff, 0xfe]),
      Buffer.from('\nconst n = Number(session.lsid);\nmodule.exports = { REPORT, n };\n'),
    ]),
  );

  // UTF-16 with a byte-order mark is text, not binary. Finding on line 2.
  await writeFile(path.join(dir, 'src', 'utf16.js'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]));

  // Unreadable file and directory (root reads them anyway).
  await writeFile(path.join(dir, 'src', 'secret.js'), GOOD);
  await chmod(path.join(dir, 'src', 'secret.js'), 0o000);
  await writeFile(path.join(dir, 'locked', 'inner.js'), GOOD);
  await chmod(path.join(dir, 'locked'), 0o000);

  // A directory link back to its parent, a pair of file links pointing at each other, a dangling link.
  await symlink('../loop', path.join(dir, 'loop', 'self'));
  await symlink('ping.js', path.join(dir, 'src', 'pong.js'));
  await symlink('pong.js', path.join(dir, 'src', 'ping.js'));
  await symlink('nowhere.js', path.join(dir, 'src', 'dangling.js'));
}, 60_000);

afterAll(async () => {
  if (!dir) return;
  await chmod(path.join(dir, 'locked'), 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

function expectNoCrash(result: CliRun): void {
  expect(result.stderr).toBe('');
  expect([0, 1]).toContain(result.code);
}

function skippedReason(report: JsonReport, file: string): string | undefined {
  return report.coverage.skipped.find((entry) => entry.file === file)?.reason;
}

describe('a tree full of bad input', () => {
  let result: CliRun;
  let report: JsonReport;

  beforeAll(async () => {
    result = await runCli(['--format', 'json', '.'], dir);
    report = jsonReport(result);
  });

  it('completes, reports the good files and exits 1 for their findings', () => {
    expectNoCrash(result);
    expect(result.code).toBe(1);
    const keys = findingKeys(report);
    expect(keys).toContain('src/good.js:2 lsid-numeric-conversion');
    expect(keys).toContain('src/latin1.js:2 lsid-numeric-conversion');
    expect(keys).toContain('src/utf16.js:2 lsid-numeric-conversion');
    expect(keys.filter((key) => /^src\/(?:broken|x|huge|ping|pong|dangling)\.js:/.test(key))).toEqual([]);
  });

  it('records the syntax error with its file and line, and keeps going', () => {
    expect(report.coverage.parseErrors).toEqual([{ file: 'src/broken.js', line: 3, message: expect.stringMatching(/\S/) }]);
  });

  it('skips the binary file', () => {
    expect(skippedReason(report, 'src/x.js')).toBe('binary file');
  });

  it('skips the 50 MiB file with a size reason', () => {
    expect(skippedReason(report, 'src/huge.js')).toBe('file is 50 MiB, over the 2 MiB limit (maxFileSize)');
  });

  it('scans the invalid UTF-8 file anyway and says so', () => {
    expect(skippedReason(report, 'src/latin1.js')).toBeUndefined();
    expect(report.coverage.degraded).toEqual([{ file: 'src/latin1.js', reason: 'invalid UTF-8: decoded with replacement characters' }]);
  });

  it('decodes UTF-16 with a byte-order mark without comment', () => {
    expect(skippedReason(report, 'src/utf16.js')).toBeUndefined();
  });

  it('reports symlink loops and dangling links', () => {
    expect(skippedReason(report, 'loop/self')).toBe('symlink loop');
    expect(skippedReason(report, 'src/ping.js')).toBe('symlink loop');
    expect(skippedReason(report, 'src/pong.js')).toBe('symlink loop');
    expect(skippedReason(report, 'src/dangling.js')).toBe('dangling symlink: its target does not exist');
  });

  it('reports an unreadable file either as skipped (EACCES) or, as root, as read', () => {
    const reason = skippedReason(report, 'src/secret.js');
    const finding = findingKeys(report).includes('src/secret.js:2 lsid-numeric-conversion');
    if (IS_ROOT) expect(reason !== undefined || finding).toBe(true);
    else expect(reason).toBe('file could not be read (EACCES)');
    expect(reason === undefined).toBe(finding);
  });

  it('reports an unreadable directory either as skipped (EACCES) or, as root, as read', () => {
    const reason = skippedReason(report, 'locked');
    const finding = findingKeys(report).includes('locked/inner.js:2 lsid-numeric-conversion');
    if (!IS_ROOT) expect(reason).toBe('directory could not be read (EACCES)');
    expect(reason === undefined).toBe(finding);
  });

  it('counts only the files it read', () => {
    // good, broken, latin1, utf16 always; secret.js and locked/inner.js when readable.
    const readable = (skippedReason(report, 'src/secret.js') ? 0 : 1) + (skippedReason(report, 'locked') ? 0 : 1);
    expect(report.summary.filesScanned).toBe(4 + readable);
  });

  it('lists every problem in the text report after the verdict', async () => {
    const text = await runCli(['.'], dir);
    expectNoCrash(text);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^Bomgar 10\.6 readiness: blocked — /m);
    expect(text.stdout).toMatch(/^Not fully checked: \d+ files skipped, 1 file failed to parse, 1 file read with replacement characters:$/m);
    for (const line of [
      '  src/broken.js:3: parse error: ',
      '  src/x.js: binary file',
      '  src/huge.js: file is 50 MiB, over the 2 MiB limit (maxFileSize)',
      '  src/dangling.js: dangling symlink: its target does not exist',
      '  loop/self: symlink loop',
    ]) {
      expect(text.stdout).toContain(line);
    }
  });
});

describe('bad input named explicitly', () => {
  it.each([
    ['src/x.js', 'binary file'],
    ['src/huge.js', 'file is 50 MiB, over the 2 MiB limit (maxFileSize)'],
    ['src/dangling.js', 'dangling symlink: its target does not exist'],
    ['src/ping.js', 'symlink loop'],
  ])('%s is skipped with a reason, not treated as a missing path', async (file, reason) => {
    const result = await runCli(['-f', 'json', file], dir);
    expectNoCrash(result);
    expect(result.code).toBe(0);
    const report = jsonReport(result);
    expect(report.coverage.skipped).toEqual([{ file, reason }]);
    expect(report.summary.filesScanned).toBe(0);
  });

  it('a file that does not parse is a coverage entry, not a failure', async () => {
    const result = await runCli(['-f', 'json', 'src/broken.js'], dir);
    expectNoCrash(result);
    expect(result.code).toBe(0);
    const report = jsonReport(result);
    expect(report.summary.filesScanned).toBe(1);
    expect(report.findings).toEqual([]);
    expect(report.coverage.parseErrors.map((entry) => [entry.file, entry.line])).toEqual([['src/broken.js', 3]]);
  });

  it('a directory holding only a symlink loop', async () => {
    const result = await runCli(['-f', 'json', 'loop'], dir);
    expectNoCrash(result);
    expect(jsonReport(result).coverage.skipped).toEqual([{ file: 'loop/self', reason: 'symlink loop' }]);
  });

  it('the limit in the size reason is the maxFileSize from the config', async () => {
    const config = path.join(dir, 'big.json');
    await writeFile(config, JSON.stringify({ maxFileSize: '1MB' }));
    const result = await runCli(['-f', 'json', '--config', 'big.json', 'src/good.js', 'src/huge.js'], dir);
    expectNoCrash(result);
    const report = jsonReport(result);
    expect(skippedReason(report, 'src/huge.js')).toBe('file is 50 MiB, over the 976.6 KiB limit (maxFileSize)');
    expect(findingKeys(report)).toEqual(['src/good.js:2 lsid-numeric-conversion']);
  });
});
