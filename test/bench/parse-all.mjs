/**
 * Child: tree-sitter alone on every Python, C#, Java, PHP and PowerShell file under <dir>, with no
 * prefilter. lint parses only the few files the prefilter keeps, so this is the grammars' own
 * throughput and error recovery on real code, and names the slowest files. It does not depend on
 * which adapters are registered: files are picked and parsed by extension (lib.mjs `grammarFor`).
 *
 *   node --expose-gc test/bench/parse-all.mjs <dir>
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GRAMMARS, emit, fromDist, grammarFor, memoryReport } from './lib.mjs';

const dir = path.resolve(process.argv[2] ?? '.');
const [{ discoverFiles }, { DEFAULT_MAX_FILE_SIZE }, { loadGrammar }] = await Promise.all([
  fromDist('src/engine/discovery.js'),
  fromDist('src/config/schema.js'),
  fromDist('src/languages/tree-sitter/grammars.js'),
]);

const discovery = await discoverFiles({
  cwd: dir, paths: [dir], include: [], exclude: [], maxFileSize: DEFAULT_MAX_FILE_SIZE,
  isSupported: (file) => grammarFor(file) !== undefined,
});

globalThis.gc?.();

const started = performance.now();
const parsers = Object.fromEntries(await Promise.all(GRAMMARS.map(async (name) => [name, await loadGrammar(name)])));
const loadedAt = performance.now();
// A first parse compiles much of a grammar's WebAssembly (lazily); done here on a one-line probe so
// it does not land on whichever file happens to come first, and reported apart.
const PROBES = { python: 'x = 1\n', 'c-sharp': 'class A { }\n', java: 'class A { }\n', php: '<?php $x = 1;\n', powershell: '$x = 1\n' };
for (const name of GRAMMARS) parsers[name].parse(PROBES[name])?.delete();
const warmedAt = performance.now();

const byGrammar = {};
const timings = [];
let oversized = 0;
for (const file of discovery.files) {
  const buffer = readFileSync(file.absPath);
  if (buffer.length > DEFAULT_MAX_FILE_SIZE) {
    oversized++;
    continue;
  }
  const text = buffer.toString('utf8');
  const grammar = grammarFor(file.relPath);
  const before = performance.now();
  const tree = parsers[grammar].parse(text);
  const hasError = !tree || tree.rootNode.hasError;
  tree?.delete();
  const ms = performance.now() - before;
  const stats = (byGrammar[grammar] ??= { files: 0, bytes: 0, parseMs: 0, withErrors: 0, failed: 0 });
  stats.files++;
  stats.bytes += buffer.length;
  stats.parseMs += ms;
  if (hasError) stats.withErrors++;
  if (!tree) stats.failed++;
  timings.push({ file: file.relPath, bytes: buffer.length, ms, hasError });
}
const finished = performance.now();

emit({
  tool: 'parse-all',
  wallMs: finished - started,
  grammarLoadMs: loadedAt - started,
  firstParseWarmUpMs: warmedAt - loadedAt,
  filesScanned: timings.length,
  bytes: timings.reduce((sum, entry) => sum + entry.bytes, 0),
  oversizedSkipped: oversized + discovery.skipped.length,
  byGrammar,
  slowest: timings.sort((a, b) => b.ms - a.ms).slice(0, 5),
  ...memoryReport(),
});
