/**
 * Finds the files to lint.
 *
 * Policy, in the order it is applied to an entry found while walking a directory:
 *  1. directories named in DEFAULT_SKIP_DIRS are never entered (silently);
 *  2. `.gitignore` and `.lsidlintignore` rules (every level, plus ancestors up to the git root)
 *     and config `exclude` drop entries silently, as do unsupported languages and `include` misses;
 *  3. minified bundles by name, oversized files, non-regular files, unreadable entries and symlinks
 *     that loop or leave the scanned root are recorded in `skipped`.
 * Paths named explicitly are the user's request: they bypass ignore files, default skips
 * (directory and bundle names) and `include`, but not config `exclude` (following ESLint).
 */
import { promises as fs, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import type { SkippedFile } from '../types.js';
import { errorCode, notRegularFileReason, sizeLimitReason } from './read-file.js';

export interface DiscoveryOptions {
  /** Absolute; output paths are relative to it. */
  cwd: string;
  /** Files or directories, relative to cwd or absolute. */
  paths: string[];
  /** Gitignore-style patterns matched against the path relative to cwd; if non-empty, only matching files are kept. */
  include: string[];
  /** Gitignore-style patterns matched against the path relative to cwd (config `exclude`). */
  exclude: string[];
  /** Bytes. */
  maxFileSize: number;
  /** Language filter; unsupported files are dropped silently. */
  isSupported(relPath: string): boolean;
}

export interface DiscoveredFile {
  absPath: string;
  relPath: string;
  /** Bytes, when discovery had to stat the file anyway (named paths, links); the reader checks it regardless. */
  size?: number;
}

export interface DiscoveryResult {
  /** Sorted by relPath (plain code-unit comparison). */
  files: DiscoveredFile[];
  /** Sorted by file. */
  skipped: SkippedFile[];
  /** Input paths that do not exist, as given. */
  missing: string[];
}

/** Directory names never entered: dependencies, version control, build output, caches and virtualenvs. */
export const DEFAULT_SKIP_DIRS: ReadonlySet<string> = new Set([
  'node_modules', 'bower_components', 'jspm_packages',
  '.git', '.hg', '.svn',
  'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache',
  // Rust/Maven output and .NET intermediates (`bin` is left out: Node projects keep sources there).
  'target', 'obj',
  '__pycache__', '.venv', 'venv', '.tox',
]);

/** Bundles recognised by name: *.min.js, *-min.js, *.bundle.js (and .mjs/.cjs). */
const MINIFIED_NAME = /(?:[.-]min|\.bundle)\.[cm]?js$/i;
const MINIFIED_NAME_REASON = 'minified or generated bundle (by file name)';

/** Read in this order, so a `.lsidlintignore` rule can re-include (`!pattern`) what `.gitignore` ignores. */
const IGNORE_FILES = ['.gitignore', '.lsidlintignore'] as const;

/** Git's default `core.ignorecase` follows the usual file system of the platform. */
const IGNORE_CASE = process.platform === 'win32' || process.platform === 'darwin';

type Matcher = ignore.Ignore;

/** The rules of one ignore file; its patterns are relative to the directory `prefix` names (with a trailing separator). */
interface Layer {
  prefix: string;
  rules: Matcher;
}

/** A path known both ways; `rel` is relative to cwd with forward slashes. */
interface Entry {
  abs: string;
  rel: string;
}

/** A walk's starting directory; `real` anchors the "inside the scanned root" test for symlinks. */
interface Root {
  abs: string;
  real: string;
}

interface Candidate extends DiscoveredFile {
  realPath: string;
  viaLink: boolean;
}

class Scan {
  readonly candidates: Candidate[] = [];
  readonly skipped: SkippedFile[] = [];
  private readonly exclude: Matcher;
  private readonly include: Matcher | undefined;

  constructor(readonly options: DiscoveryOptions) {
    this.exclude = matcher().add(options.exclude);
    this.include = options.include.length > 0 ? matcher().add(options.include) : undefined;
  }

  entry(abs: string): Entry {
    return { abs, rel: toPosix(path.relative(this.options.cwd, abs)) };
  }

  skip(entry: Entry, reason: string): void {
    this.skipped.push({ file: entry.rel, reason });
  }

  excluded(entry: Entry, isDir: boolean): boolean {
    return entry.rel !== '' && this.exclude.ignores(isDir ? `${entry.rel}/` : entry.rel);
  }

  /** Config and language filters for a file found by walking. */
  selected(entry: Entry): boolean {
    return !this.excluded(entry, false) && this.options.isSupported(entry.rel) && (this.include?.ignores(entry.rel) ?? true);
  }

  accept(entry: Entry, size: number | undefined, realPath: string, viaLink: boolean): void {
    const { maxFileSize } = this.options;
    if (size !== undefined && size > maxFileSize) this.skip(entry, sizeLimitReason(size, maxFileSize));
    else this.candidates.push({ absPath: entry.abs, relPath: entry.rel, size, realPath, viaLink });
  }
}

export async function discoverFiles(options: DiscoveryOptions): Promise<DiscoveryResult> {
  const scan = new Scan(options);
  const found = await Promise.all(options.paths.map((input) => discoverPath(scan, input)));
  return {
    files: dedupe(scan.candidates),
    skipped: sortSkipped(scan.skipped),
    missing: options.paths.filter((_, index) => !found[index]),
  };
}

/** Returns false when the path does not exist. */
async function discoverPath(scan: Scan, input: string): Promise<boolean> {
  const named = scan.entry(path.resolve(scan.options.cwd, input));
  let stats: Stats;
  try {
    stats = await fs.stat(named.abs);
  } catch (error) {
    return explicitFailure(scan, named, error);
  }
  try {
    await discoverExisting(scan, named, stats);
  } catch (error) {
    // Only a race (the path changed since stat) gets here.
    scan.skip(named, `could not be read (${errorCode(error)})`);
  }
  return true;
}

async function discoverExisting(scan: Scan, named: Entry, stats: Stats): Promise<void> {
  if (scan.excluded(named, stats.isDirectory())) {
    scan.skip(named, `${stats.isDirectory() ? 'directory' : 'file'} is excluded by config \`exclude\``);
  } else if (stats.isDirectory()) {
    await walkRoot(scan, named);
  } else if (!stats.isFile()) {
    scan.skip(named, notRegularFileReason(stats));
  } else if (scan.options.isSupported(named.rel)) {
    scan.accept(named, stats.size, await fs.realpath(named.abs), false);
  }
}

async function explicitFailure(scan: Scan, named: Entry, error: unknown): Promise<boolean> {
  const code = errorCode(error);
  if (code !== 'ENOENT' && code !== 'ENOTDIR') {
    scan.skip(named, linkFailureReason(code));
    return true;
  }
  // stat follows links: a link that exists but points nowhere is not a missing path.
  const isLink = await fs.lstat(named.abs).then(() => true, () => false);
  if (isLink) scan.skip(named, linkFailureReason(code));
  return isLink;
}

async function walkRoot(scan: Scan, named: Entry): Promise<void> {
  const root = { abs: named.abs, real: await fs.realpath(named.abs) };
  await walkDir(scan, root, named, descendInto(await ancestorLayers(scan, named.abs), named.abs));
}

async function walkDir(scan: Scan, root: Root, dir: Entry, inherited: Layer[]): Promise<void> {
  let dirents: Dirent[];
  try {
    dirents = await fs.readdir(dir.abs, { withFileTypes: true });
  } catch (error) {
    scan.skip(dir, `directory could not be read (${errorCode(error)})`);
    return;
  }
  const layers = [...inherited, ...(await ownLayers(scan, dir.abs, dirents))];
  const pending: Promise<void>[] = [];
  for (const dirent of dirents) {
    const entry = childOf(dir, dirent.name);
    if (dirent.isDirectory()) {
      if (wantedDir(scan, layers, entry)) pending.push(walkDir(scan, root, entry, descendInto(layers, entry.abs)));
    } else if (dirent.isSymbolicLink()) {
      pending.push(addLink(scan, root, layers, entry));
    } else if (wantedFile(scan, layers, entry)) {
      pending.push(addFile(scan, root, entry, dirent));
    }
  }
  await Promise.all(pending);
}

/** String concatenation rather than path.relative: this runs for every entry of the tree. */
function childOf(dir: Entry, name: string): Entry {
  return { abs: path.join(dir.abs, name), rel: dir.rel === '' ? name : `${dir.rel}/${name}` };
}

function wantedDir(scan: Scan, layers: readonly Layer[], entry: Entry): boolean {
  return !DEFAULT_SKIP_DIRS.has(path.basename(entry.abs)) && !isIgnored(layers, entry.abs, true) && !scan.excluded(entry, true);
}

/** Name-only decision for a walked file; records bundles recognised by name. */
function wantedFile(scan: Scan, layers: readonly Layer[], entry: Entry): boolean {
  if (isIgnored(layers, entry.abs, false) || !scan.selected(entry)) return false;
  if (!MINIFIED_NAME.test(path.basename(entry.abs))) return true;
  scan.skip(entry, MINIFIED_NAME_REASON);
  return false;
}

async function addFile(scan: Scan, root: Root, entry: Entry, dirent: Dirent): Promise<void> {
  if (!dirent.isFile()) return scan.skip(entry, notRegularFileReason(dirent));
  // No stat here: the reader checks the size on the open file, and a stat per file was most of discovery's time.
  // No symlink lies between the root and a walked entry, so its real path needs no syscall either.
  scan.accept(entry, undefined, realPathOf(root, entry.abs), false);
}

/**
 * Links to files inside the root are followed (duplicates are merged later). Links to
 * directories inside the root are not: their target is walked directly, or deliberately ignored,
 * and not following them is what makes loops harmless. A link back to an ancestor is reported once.
 */
async function addLink(scan: Scan, root: Root, layers: readonly Layer[], entry: Entry): Promise<void> {
  let realPath: string;
  let stats: Stats;
  try {
    realPath = await fs.realpath(entry.abs);
    stats = await fs.stat(realPath);
  } catch (error) {
    if (wantedFile(scan, layers, entry)) scan.skip(entry, linkFailureReason(errorCode(error)));
    return;
  }
  if (stats.isDirectory()) {
    if (wantedDir(scan, layers, entry)) checkDirLink(scan, root, entry, realPath);
  } else if (wantedFile(scan, layers, entry)) {
    if (!isWithin(root.real, realPath)) scan.skip(entry, outsideRootReason(scan, realPath));
    else if (!stats.isFile()) scan.skip(entry, notRegularFileReason(stats));
    else scan.accept(entry, stats.size, realPath, true);
  }
}

function checkDirLink(scan: Scan, root: Root, entry: Entry, target: string): void {
  if (!isWithin(root.real, target)) scan.skip(entry, outsideRootReason(scan, target));
  else if (isWithin(target, realPathOf(root, path.dirname(entry.abs)))) scan.skip(entry, 'symlink loop');
}

/** The real path of a walked path, which is below the root with no symlink in between. */
function realPathOf(root: Root, abs: string): string {
  return path.join(root.real, abs.slice(root.abs.length));
}

function linkFailureReason(code: string): string {
  if (code === 'ELOOP') return 'symlink loop';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'dangling symlink: its target does not exist';
  return `could not be read (${code})`;
}

function outsideRootReason(scan: Scan, target: string): string {
  return `symlink target is outside the scanned root (${scan.entry(target).rel})`;
}

// ---------------------------------------------------------------------------
// Ignore files. Every path tested lies below the layer's directory, so slicing off the prefix
// gives the relative path without the cost of path.relative.
// ---------------------------------------------------------------------------

/** As in git, the deepest ignore file with a rule matching the path decides. */
function isIgnored(layers: readonly Layer[], abs: string, isDir: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const relative = toPosix(abs.slice(layer.prefix.length));
    const result = layer.rules.test(isDir ? `${relative}/` : relative);
    if (result.ignored || result.unignored) return result.ignored;
  }
  return false;
}

/**
 * The layers that apply inside `dir`. A layer that ignores `dir` itself (overruled by a deeper
 * `!pattern`, or because the user named `dir`) is dropped: `ignore` would otherwise treat
 * everything below `dir` as ignored through its parent.
 */
function descendInto(layers: readonly Layer[], dir: string): Layer[] {
  return layers.filter((layer) => !layer.rules.ignores(`${toPosix(dir.slice(layer.prefix.length))}/`));
}

async function ownLayers(scan: Scan, dir: string, dirents: readonly Dirent[]): Promise<Layer[]> {
  const present = IGNORE_FILES.filter((name) => dirents.some((dirent) => dirent.name === name && !dirent.isDirectory()));
  return readLayers(scan, dir, present);
}

/**
 * Ignore files above a walked root, from the git root (or cwd, outside a repository) down,
 * so that `lsid-lint src` ignores what `lsid-lint .` would.
 */
async function ancestorLayers(scan: Scan, root: string): Promise<Layer[]> {
  const top = await projectTop(scan.options.cwd, root);
  const dirs: string[] = [];
  for (let dir = root; dir !== top && isWithin(top, dir); ) {
    dir = path.dirname(dir);
    dirs.unshift(dir);
  }
  const perDir = await Promise.all(dirs.map((dir) => readLayers(scan, dir, IGNORE_FILES)));
  return perDir.flat();
}

async function projectTop(cwd: string, root: string): Promise<string> {
  for (let dir = root; ; dir = path.dirname(dir)) {
    if (await exists(path.join(dir, '.git'))) return dir;
    if (dir === path.dirname(dir)) break;
  }
  return isWithin(cwd, root) ? cwd : root;
}

async function readLayers(scan: Scan, dir: string, names: readonly string[]): Promise<Layer[]> {
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  const texts = await Promise.all(names.map((name) => readIgnoreFile(scan, prefix + name)));
  return texts.flatMap((text) => (text === undefined ? [] : [{ prefix, rules: matcher().add(text) }]));
}

async function readIgnoreFile(scan: Scan, file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'ENOENT') scan.skip(scan.entry(file), `ignore file could not be read (${code}); its rules were not applied`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// Helpers.
// ---------------------------------------------------------------------------

/** Relative paths are allowed because files outside cwd have relPaths starting with `../`. */
function matcher(): Matcher {
  return ignore({ ignorecase: IGNORE_CASE, allowRelativePaths: true });
}

/** One entry per real file: a directly reached path beats a symlink, then the smaller relPath wins. */
function dedupe(candidates: readonly Candidate[]): DiscoveredFile[] {
  const byReal = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const kept = byReal.get(candidate.realPath);
    if (kept === undefined || preferred(candidate, kept)) byReal.set(candidate.realPath, candidate);
  }
  return [...byReal.values()]
    .sort((a, b) => compare(a.relPath, b.relPath))
    .map(({ absPath, relPath, size }) => ({ absPath, relPath, size }));
}

function preferred(a: Candidate, b: Candidate): boolean {
  return a.viaLink === b.viaLink ? a.relPath < b.relPath : !a.viaLink;
}

/** Overlapping input paths can record the same skip twice. */
function sortSkipped(skipped: readonly SkippedFile[]): SkippedFile[] {
  const unique = new Map(skipped.map((entry) => [`${entry.file}\0${entry.reason}`, entry]));
  return [...unique.values()].sort((a, b) => compare(a.file, b.file) || compare(a.reason, b.reason));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isWithin(dir: string, target: string): boolean {
  const relative = path.relative(dir, target);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}
