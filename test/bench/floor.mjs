/**
 * Child: the floor, i.e. the least work a scan of <dir> can do while still looking at every file.
 * It runs the same discovery as lint, loads the tree-sitter grammars of the languages found (lint's
 * adapters do that up front too), reads and decodes every file, tests PREFILTER_PATTERN on the
 * text, and parses only what the pattern keeps: JavaScript/TypeScript with parseJavaScript, Python,
 * C#, Java, PHP and PowerShell with their tree-sitter grammar. There is no analysis, no rules, and
 * no bundle or encoding checks. lsid-lint's time is measured against this.
 *
 *   node --expose-gc test/bench/floor.mjs <dir>
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { discoveryOptions, emit, fromDist, grammarFor, isSizeSkip, memoryReport } from './lib.mjs';

const dir = path.resolve(process.argv[2] ?? '.');
const [{ PREFILTER_PATTERN, parseJavaScript }, { discoverFiles }, { adapterFor }, { readSourceFile }, { loadGrammar }, options] = await Promise.all([
  fromDist('src/index.js'),
  fromDist('src/engine/discovery.js'),
  fromDist('src/languages/index.js'),
  fromDist('src/engine/read-file.js'),
  fromDist('src/languages/tree-sitter/grammars.js'),
  discoveryOptions(dir),
]);

globalThis.gc?.();

const started = performance.now();
const discovery = await discoverFiles(options);
const discoveredAt = performance.now();

// Discovery keeps only files an adapter claims, so a grammar is loaded here exactly when lint would load it.
const grammars = [...new Set(discovery.files.map((file) => grammarFor(file.relPath)).filter(Boolean))];
const parsers = Object.fromEntries(await Promise.all(grammars.map(async (name) => [name, await loadGrammar(name)])));
const grammarsAt = performance.now();

// Synchronous reads: on a warm cache they are several times faster than fs.promises for many
// small files, and a floor must not be slower than it needs to be.
let prefilterMs = 0;
let bytes = 0;
let filesRead = 0;
let oversized = discovery.skipped.filter(isSizeSkip).length;
const kept = [];
for (const file of discovery.files) {
  const buffer = readFileSync(file.absPath);
  // Discovery no longer measures walked files, so the size limit is applied here, as lint's reader does.
  if (buffer.length > options.maxFileSize) {
    oversized++;
    continue;
  }
  filesRead++;
  bytes += buffer.length;
  const text = buffer.toString('utf8');
  const before = performance.now();
  if (PREFILTER_PATTERN.test(text)) kept.push({ file, text, bytes: buffer.length });
  prefilterMs += performance.now() - before;
}
const readAt = performance.now();

// Only JavaScript-family files go through parseJavaScript, and only the tree-sitter languages
// through their grammar (not .prisma, .sql, schemas …).
const isJavaScript = (file) => adapterFor(file.relPath)?.id === 'javascript';
let parseFailures = 0;
let treeSitterErrors = 0;
const parses = [];
for (const { file, text, bytes: size } of kept) {
  const grammar = isJavaScript(file) ? undefined : grammarFor(file.relPath);
  if (!isJavaScript(file) && !grammar) continue;
  const before = performance.now();
  if (grammar) {
    const tree = parsers[grammar].parse(text);
    if (!tree) parseFailures++;
    else if (tree.rootNode.hasError) treeSitterErrors++;
    tree?.delete();
  } else if (!parseJavaScript(file.relPath, text).ok) {
    parseFailures++;
  }
  parses.push({ file, bytes: size, ms: performance.now() - before, ...(grammar ? { grammar } : {}) });
}
const finished = performance.now();

// Outside the timed region: which parsed files lint's reader rejects (minified bundles, say). The
// floor as defined parses them anyway, so their parse time is reported for an adjusted floor.
let parseOfLintSkippedMs = 0;
for (const parse of parses) {
  const outcome = readSourceFile(parse.file.absPath, undefined, options.maxFileSize);
  if (outcome.kind === 'skipped') {
    parse.lintSkips = outcome.reason;
    parseOfLintSkippedMs += parse.ms;
  }
}

emit({
  tool: 'floor',
  wallMs: finished - started,
  filesScanned: filesRead,
  bytes,
  oversizedSkipped: oversized,
  keptByPrefilter: kept.length,
  keptBytes: kept.reduce((sum, entry) => sum + entry.bytes, 0),
  parseFailures,
  treeSitterParses: parses.filter((parse) => parse.grammar).length,
  // Trees with an ERROR or MISSING node: tree-sitter recovered (lint notes these, it does not fail).
  treeSitterErrors,
  grammarsLoaded: grammars,
  // A few large files usually dominate; naming them shows what the prefilter let through.
  slowestParses: parses
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(({ file, ...rest }) => ({ file: file.relPath, ...rest })),
  phasesMs: {
    discovery: discoveredAt - started,
    grammarLoad: grammarsAt - discoveredAt,
    readDecodeAndPrefilter: readAt - grammarsAt,
    prefilterOnly: prefilterMs,
    parseKept: finished - readAt,
    parseOfFilesLintSkips: parseOfLintSkippedMs,
  },
  ...memoryReport(),
});
