import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFiles, type DiscoveryOptions } from '../src/engine/discovery.js';
import { readSourceFile } from '../src/engine/read-file.js';

const MiB = 1024 * 1024;
/** Root reads chmod-000 files anyway, so permission failures can only be asserted for other users. */
const isRoot = process.getuid?.() === 0;

let base: string;
let proj: string;

async function write(rel: string, content: string | Uint8Array = 'export {};\n'): Promise<string> {
  const file = path.join(base, rel);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content);
  return file;
}

async function link(target: string, rel: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(base, rel)), { recursive: true });
  await fs.symlink(target, path.join(base, rel));
}

function discover(overrides: Partial<DiscoveryOptions> = {}) {
  return discoverFiles({
    cwd: proj,
    paths: ['.'],
    include: [],
    exclude: ['excluded/'],
    maxFileSize: 2 * MiB,
    isSupported: (relPath) => /\.(js|ts)$/.test(relPath),
    ...overrides,
  });
}

async function relPaths(overrides: Partial<DiscoveryOptions> = {}): Promise<string[]> {
  return (await discover(overrides)).files.map((file) => file.relPath);
}

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'lsid-lint-discovery-'));
  proj = path.join(base, 'proj');
  await write('outside/o.js');
  await write('outside/dir/x.js');

  await write('proj/.git/HEAD', 'ref: refs/heads/main\n');
  await write('proj/.gitignore', '*.gen.js\n/ignored-top.js\ngenerated/\n');
  await write('proj/.lsidlintignore', 'secret/\n');
  for (const rel of ['a.js', 'B.js', 'b.ts', 'README.md', 'ignored-top.js', 'one.gen.js', 'secret/s.js']) {
    await write(`proj/${rel}`);
  }
  await write('proj/generated/h.js');
  await write('proj/excluded/e.js');
  await write('proj/node_modules/pkg/index.js');
  await write('proj/dist/out.js');

  await write('proj/sub/.gitignore', 'local.js\n!keep.gen.js\n/anchored.js\n!generated/\n');
  for (const rel of ['a.js', 'local.js', 'keep.gen.js', 'other.gen.js', 'anchored.js', 'deeper/anchored.js', 'deeper/local.js', 'dist/x.js', 'generated/g.js']) {
    await write(`proj/sub/${rel}`);
  }

  for (const rel of ['app.min.js', 'app-min.js', 'vendor.bundle.js', 'ok.js']) await write(`proj/lib/${rel}`);

  // Sparse: 50 MiB on paper, no disk space used.
  const huge = await write('proj/big/huge.js', '');
  await fs.truncate(huge, 50 * MiB);

  await link('../a.js', 'proj/links/alias.js');
  await link('loop-b.js', 'proj/links/loop-a.js');
  await link('loop-a.js', 'proj/links/loop-b.js');
  await link('..', 'proj/links/up');
  await link('../sub', 'proj/links/subdir');
  await link(path.join(base, 'outside/o.js'), 'proj/links/ext.js');
  await link(path.join(base, 'outside/dir'), 'proj/links/extdir');
  await link('nowhere.js', 'proj/links/dangling.js');

  await fs.mkdir(path.join(proj, 'special'));
  execFileSync('mkfifo', [path.join(proj, 'special/pipe.js')]);

  await write('proj/locked/inner.js');
  await fs.chmod(path.join(proj, 'locked'), 0o000);
});

afterAll(async () => {
  await fs.chmod(path.join(proj, 'locked'), 0o755);
  await fs.rm(base, { recursive: true, force: true });
});

describe('discoverFiles: walking a directory', () => {
  it('keeps supported files, honours ignore files and defaults, in code-unit order', async () => {
    // big/huge.js is listed: walked files are not stat'ed; the reader enforces the size limit.
    const expected = ['B.js', 'a.js', 'b.ts', 'big/huge.js', 'lib/ok.js', 'sub/a.js', 'sub/deeper/anchored.js', 'sub/generated/g.js', 'sub/keep.gen.js'];
    if (isRoot) expected.splice(5, 0, 'locked/inner.js');
    expect(await relPaths()).toEqual(expected);
  });

  it('records what the user would want to know about, and nothing for default skips or ignored files', async () => {
    const { skipped, missing } = await discover();
    const expected = [
      { file: 'lib/app-min.js', reason: 'minified or generated bundle (by file name)' },
      { file: 'lib/app.min.js', reason: 'minified or generated bundle (by file name)' },
      { file: 'lib/vendor.bundle.js', reason: 'minified or generated bundle (by file name)' },
      { file: 'links/dangling.js', reason: 'dangling symlink: its target does not exist' },
      { file: 'links/ext.js', reason: 'symlink target is outside the scanned root (../outside/o.js)' },
      { file: 'links/extdir', reason: 'symlink target is outside the scanned root (../outside/dir)' },
      { file: 'links/loop-a.js', reason: 'symlink loop' },
      { file: 'links/loop-b.js', reason: 'symlink loop' },
      { file: 'links/up', reason: 'symlink loop' },
      { file: 'special/pipe.js', reason: 'not a regular file (FIFO)' },
    ];
    if (!isRoot) expected.splice(9, 0, { file: 'locked', reason: 'directory could not be read (EACCES)' });
    expect(skipped).toEqual(expected);
    expect(missing).toEqual([]);
  });

  it('reports absolute paths, and no size for walked files (the reader checks it on the open file)', async () => {
    const { files } = await discover();
    expect(files[0]).toEqual({ absPath: path.join(proj, 'B.js'), relPath: 'B.js', size: undefined });
  });

  it('is deterministic across runs', async () => {
    expect(await discover()).toEqual(await discover());
  });

  it('applies ignore files of ancestor directories when a subdirectory is scanned', async () => {
    // sub/other.gen.js is ignored only by proj/.gitignore.
    expect(await relPaths({ paths: ['sub'] })).toEqual(['sub/a.js', 'sub/deeper/anchored.js', 'sub/generated/g.js', 'sub/keep.gen.js']);
  });

  it('keeps only files matching include patterns', async () => {
    expect(await relPaths({ include: ['*.ts'] })).toEqual(['b.ts']);
    expect(await relPaths({ include: ['sub/deeper/'] })).toEqual(['sub/deeper/anchored.js']);
  });

  it('walks a directory the user names even when it is ignored', async () => {
    expect(await relPaths({ paths: ['secret', 'node_modules'] })).toEqual(['node_modules/pkg/index.js', 'secret/s.js']);
  });

  it('merges overlapping paths', async () => {
    expect(await relPaths({ paths: ['sub', 'sub/a.js', './sub'] })).toEqual(await relPaths({ paths: ['sub'] }));
  });
});

describe('discoverFiles: named paths', () => {
  it('lints explicitly named files even when ignored or default-skipped', async () => {
    const paths = ['ignored-top.js', 'secret/s.js', 'dist/out.js', 'lib/app.min.js'];
    expect(await relPaths({ paths })).toEqual(['dist/out.js', 'ignored-top.js', 'lib/app.min.js', 'secret/s.js']);
  });

  it('still applies config exclude to named paths, and says so', async () => {
    const { files, skipped } = await discover({ paths: ['excluded/e.js', 'excluded'] });
    expect(files).toEqual([]);
    expect(skipped).toEqual([
      { file: 'excluded', reason: 'directory is excluded by config `exclude`' },
      { file: 'excluded/e.js', reason: 'file is excluded by config `exclude`' },
    ]);
  });

  it('reports paths that do not exist, in input order', async () => {
    const result = await discover({ paths: ['nope', 'a.js', 'also/missing.js', 'a.js/child'] });
    expect(result.missing).toEqual(['nope', 'also/missing.js', 'a.js/child']);
    expect(result.files.map((file) => file.relPath)).toEqual(['a.js']);
  });

  it('records a named dangling symlink or FIFO instead of calling it missing', async () => {
    const result = await discover({ paths: ['links/dangling.js', 'special/pipe.js'] });
    expect(result.missing).toEqual([]);
    expect(result.skipped).toEqual([
      { file: 'links/dangling.js', reason: 'dangling symlink: its target does not exist' },
      { file: 'special/pipe.js', reason: 'not a regular file (FIFO)' },
    ]);
  });

  it('silently drops a named file of an unsupported language', async () => {
    expect(await discover({ paths: ['README.md'] })).toEqual({ files: [], skipped: [], missing: [] });
  });

  it('writes paths outside cwd with ../ and absolute inputs relative to cwd', async () => {
    const cwd = path.join(proj, 'sub');
    const paths = ['../a.js', path.join(proj, 'b.ts'), 'a.js'];
    expect(await relPaths({ cwd, paths })).toEqual(['../a.js', '../b.ts', 'a.js']);
  });

  it('scans a file reached through a link once, under its direct path', async () => {
    expect(await relPaths({ paths: ['links/alias.js', 'a.js'] })).toEqual(['a.js']);
    expect(await relPaths({ paths: ['links/alias.js'] })).toEqual(['links/alias.js']);
  });
});

describe('readSourceFile', () => {
  const read = async (rel: string, content: string | Uint8Array) => {
    const file = await write(rel, content);
    return readSourceFile(file, (await fs.stat(file)).size, 2 * MiB);
  };

  it('returns UTF-8 text without its BOM', async () => {
    expect(await read('read/bom.ts', '\uFEFFconst lsid = 1;\n')).toEqual({ kind: 'text', text: 'const lsid = 1;\n' });
  });

  it('decodes invalid UTF-8 with replacement characters and warns', async () => {
    expect(await read('read/latin1.ts', Uint8Array.of(0x61, 0xe9, 0x62))).toEqual({
      kind: 'text',
      text: 'a\uFFFDb',
      warning: 'invalid UTF-8: decoded with replacement characters',
    });
  });

  it('decodes UTF-16 by its BOM, both byte orders', async () => {
    const le = Buffer.concat([Uint8Array.of(0xff, 0xfe), Buffer.from('lsid é', 'utf16le')]);
    const be = Buffer.from(le.subarray(0)).swap16();
    expect(await read('read/le.ts', le)).toEqual({ kind: 'text', text: 'lsid é' });
    expect(await read('read/be.ts', be)).toEqual({ kind: 'text', text: 'lsid é' });
  });

  it('skips binary files', async () => {
    expect(await read('read/blob.js', Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01))).toEqual({ kind: 'skipped', reason: 'binary file' });
  });

  it('skips minified JavaScript by content, but not other languages', async () => {
    const bundle = `${'a=1;'.repeat(1_000)}\n`.repeat(4);
    expect(await read('read/bundle.js', bundle)).toEqual({ kind: 'skipped', reason: 'minified or generated bundle (average line length 4001)' });
    expect((await read('read/bundle.ts', bundle)).kind).toBe('text');
    expect((await read('read/long-line.js', `${'x'.repeat(2_500)}\n${'y\n'.repeat(100)}`)).kind).toBe('text');
  });

  it('skips files over the size limit without reading them', async () => {
    expect(await readSourceFile(path.join(base, 'does-not-matter.js'), 52.4 * MiB, 2 * MiB)).toEqual({
      kind: 'skipped',
      reason: 'file is 52.4 MiB, over the 2 MiB limit (maxFileSize)',
    });
  });

  it('re-checks the size in case the file grew after discovery', async () => {
    expect(await readSourceFile(path.join(proj, 'big/huge.js'), 10, 2 * MiB)).toEqual({
      kind: 'skipped',
      reason: 'file is 50 MiB, over the 2 MiB limit (maxFileSize)',
    });
  });

  it('skips what is not a readable regular file, without throwing or hanging', async () => {
    expect(await readSourceFile(path.join(proj, 'special/pipe.js'), 0, MiB)).toEqual({ kind: 'skipped', reason: 'not a regular file (FIFO)' });
    expect(await readSourceFile(path.join(proj, 'sub'), 0, MiB)).toEqual({ kind: 'skipped', reason: 'is a directory, not a file (EISDIR)' });
    expect(await readSourceFile(path.join(proj, 'links/dangling.js'), 0, MiB)).toEqual({ kind: 'skipped', reason: 'file could not be read (ENOENT)' });
    expect(await readSourceFile(path.join(proj, 'links/loop-a.js'), 0, MiB)).toEqual({ kind: 'skipped', reason: 'file could not be read (ELOOP)' });
  });

  it('skips a file without read permission (unless running as root)', async () => {
    const file = await write('read/noperm.js');
    await fs.chmod(file, 0o000);
    const outcome = await readSourceFile(file, 11, MiB);
    expect(outcome).toEqual(isRoot ? { kind: 'text', text: 'export {};\n' } : { kind: 'skipped', reason: 'file could not be read (EACCES)' });
  });
});

describe('readSourceFile: the byte-level prefilter', () => {
  it('does not decode a file whose bytes cannot matter, and decodes one that may', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lsid-lint-bytes-'));
    const plain = path.join(dir, 'plain.js');
    const relevant = path.join(dir, 'relevant.js');
    await fs.writeFile(plain, 'export const answer = 42;\n');
    await fs.writeFile(relevant, 'export const lsid = "x";\n');
    const mayMatter = (bytes: Uint8Array) => Buffer.from(bytes).includes('lsid');
    expect(readSourceFile(plain, undefined, MiB, mayMatter)).toEqual({ kind: 'irrelevant' });
    expect(readSourceFile(relevant, undefined, MiB, mayMatter)).toEqual({ kind: 'text', text: 'export const lsid = "x";\n' });
    await fs.rm(dir, { recursive: true, force: true });
  });
});
