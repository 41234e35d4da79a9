/**
 * Shared by the orchestrator (run.mjs) and the measuring children. Kept free of side effects at
 * import time so a child pays only for what it measures.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = path.join(REPO, '.bench-cache');
export const DIST = path.join(REPO, 'dist');

export const MB = 1e6;

/**
 * The mixed-language corpus: its folder per language and the file names linked into it. Matches the
 * extensions the tree-sitter adapters claim (.py, .cs, .java, .php/.phtml/.inc, .ps1/.psm1).
 */
export const MIXED_LANGUAGES = {
  python: /\.py$/i,
  csharp: /\.cs$/i,
  java: /\.java$/i,
  php: /\.(?:php|phtml|inc)$/i,
  powershell: /\.(?:ps1|psm1)$/i,
};

/** The tree-sitter grammar (grammars.ts `GrammarName`) that reads a file, by extension; undefined for other files. */
const GRAMMAR_BY_EXTENSION = {
  '.py': 'python', '.cs': 'c-sharp', '.java': 'java',
  '.php': 'php', '.phtml': 'php', '.inc': 'php',
  '.ps1': 'powershell', '.psm1': 'powershell',
};
export const GRAMMARS = [...new Set(Object.values(GRAMMAR_BY_EXTENSION))];
export const grammarFor = (relPath) => GRAMMAR_BY_EXTENSION[path.extname(relPath).toLowerCase()];
export const sumBytes = (files) => files.reduce((sum, file) => sum + file.size, 0);

/** Loads a module of the built package; children import from dist, never from src. */
export function fromDist(relative) {
  return import(pathToFileURL(path.join(DIST, relative)).href);
}

/**
 * The discovery options `lint` derives from a default config scanning `dir` from `dir`. The floor
 * and the orchestrator use these too, so all three see exactly the same file list.
 */
export async function discoveryOptions(dir) {
  const [{ adapterFor }, { DEFAULT_MAX_FILE_SIZE }] = await Promise.all([
    fromDist('src/languages/index.js'),
    fromDist('src/config/schema.js'),
  ]);
  return {
    cwd: dir,
    paths: [dir],
    include: [],
    exclude: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    isSupported: (file) => adapterFor(file) !== undefined,
  };
}

/** How discovery and lint's reader word a file over maxFileSize (sizeLimitReason in read-file.ts). */
export const isSizeSkip = (entry) => entry.reason.includes('(maxFileSize)');

/** A child's report is the last line it prints on stdout, as JSON. */
export function emit(report) {
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** Peak resident set size of this process so far; maxRSS is in KiB on every platform Node supports. */
export function memoryReport() {
  return { peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

/**
 * Runs a Node script in a fresh process, so module caches, JIT state and the heap of one
 * measurement cannot leak into the next. Resolves with the parsed report plus the wall time of
 * the whole process (start-up included).
 */
export function runChild(args, { cwd = REPO, expectJson = true, okCodes = [0] } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const processWallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (!okCodes.includes(code)) {
        reject(new Error(`node ${args.join(' ')} exited with ${code ?? signal}\n${stdout.slice(-2000)}`));
        return;
      }
      if (!expectJson) return resolve({ exitCode: code, processWallMs });
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ ...JSON.parse(last), exitCode: code, processWallMs });
      } catch {
        reject(new Error(`node ${args.join(' ')} printed no JSON report:\n${stdout.slice(-2000)}`));
      }
    });
  });
}

/**
 * Every Nth entry of a sorted list: a deterministic sample that spreads over every package. File
 * sizes vary by orders of magnitude, so N is the one (near the naive estimate) whose picked files
 * add up closest to `targetBytes`.
 */
export function everyNth(files, targetBytes) {
  const pick = (step) => files.filter((_, index) => index % step === 0);
  const estimate = Math.max(1, Math.round(sumBytes(files) / targetBytes));
  let best = pick(estimate);
  for (let step = Math.max(1, Math.floor(estimate / 2)); step <= estimate * 2; step++) {
    const candidate = pick(step);
    if (Math.abs(sumBytes(candidate) - targetBytes) < Math.abs(sumBytes(best) - targetBytes)) best = candidate;
  }
  return best;
}
