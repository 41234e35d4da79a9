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
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { CACHE, REPO, everyNth } from './lib.mjs';

export const TREE = path.join(CACHE, 'tree');
export const TEN_MB = path.join(CACHE, 'ten-mb');
export const CORPUS_PREFIX = path.join(CACHE, 'corpus');
export const ESLINT_PREFIX = path.join(CACHE, 'eslint');
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

export function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}
