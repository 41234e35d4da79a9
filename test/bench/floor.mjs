/**
 * Child: the floor, i.e. the least work a scan of <dir> can do while still looking at every file.
 * It runs the same discovery as lint, reads and decodes every file, tests PREFILTER_PATTERN on
 * the text, and parses only what the pattern keeps. There is no analysis, no rules, and no bundle
 * or encoding checks. lsid-lint's time is measured against this.
 *
 *   node --expose-gc test/bench/floor.mjs <dir>
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { discoveryOptions, emit, fromDist, isSizeSkip, memoryReport } from './lib.mjs';

const dir = path.resolve(process.argv[2] ?? '.');
const [{ PREFILTER_PATTERN, parseJavaScript }, { discoverFiles }, { adapterFor }, { readSourceFile }, options] = await Promise.all([
  fromDist('src/index.js'),
  fromDist('src/engine/discovery.js'),
  fromDist('src/languages/index.js'),
  fromDist('src/engine/read-file.js'),
  discoveryOptions(dir),
]);

globalThis.gc?.();

const started = performance.now();
const discovery = await discoverFiles(options);
const discoveredAt = performance.now();

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

// Only JavaScript-family files go through parseJavaScript (not .prisma, .sql, schemas …).
const isJavaScript = (file) => adapterFor(file.relPath)?.id === 'javascript';
let parseFailures = 0;
const parses = [];
for (const { file, text, bytes: size } of kept) {
  if (!isJavaScript(file)) continue;
  const before = performance.now();
  if (!parseJavaScript(file.relPath, text).ok) parseFailures++;
  parses.push({ file, bytes: size, ms: performance.now() - before });
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
  // A few large files usually dominate; naming them shows what the prefilter let through.
  slowestParses: parses
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(({ file, ...rest }) => ({ file: file.relPath, ...rest })),
  phasesMs: {
    discovery: discoveredAt - started,
    readDecodeAndPrefilter: readAt - discoveredAt,
    prefilterOnly: prefilterMs,
    parseKept: finished - readAt,
    parseOfFilesLintSkips: parseOfLintSkippedMs,
  },
  ...memoryReport(),
});
