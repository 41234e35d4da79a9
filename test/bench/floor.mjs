/**
 * Child: the floor, i.e. the least work any scan of <dir> must do. Same discovery as lint, then
 * read every file, test the prefilter regex, and parse only what it keeps (no analysis, no rules,
 * no bundle or encoding checks). lsid-lint's overhead is measured against this.
 *
 *   node --expose-gc test/bench/floor.mjs <dir>
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { discoveryOptions, emit, fromDist, isSizeSkip, memoryReport, sumBytes } from './lib.mjs';

const dir = path.resolve(process.argv[2] ?? '.');
const [{ PREFILTER_PATTERN, parseJavaScript }, { discoverFiles }, { adapterFor }, options] = await Promise.all([
  fromDist('src/index.js'),
  fromDist('src/engine/discovery.js'),
  fromDist('src/languages/index.js'),
  discoveryOptions(dir),
]);
// Same batch size as lint's reader, so the I/O pattern is comparable.
const READ_CONCURRENCY = 32;

globalThis.gc?.();

const started = performance.now();
const discovery = await discoverFiles(options);
const discoveredAt = performance.now();

// Only JavaScript-family files go through parseJavaScript (a .prisma file would not).
const isJavaScript = (file) => adapterFor(file.relPath)?.id === 'javascript';
let prefilterMs = 0;
const kept = [];
for (let i = 0; i < discovery.files.length; i += READ_CONCURRENCY) {
  const batch = discovery.files.slice(i, i + READ_CONCURRENCY);
  const texts = await Promise.all(batch.map((file) => readFile(file.absPath, 'utf8')));
  const before = performance.now();
  batch.forEach((file, index) => {
    if (PREFILTER_PATTERN.test(texts[index])) kept.push({ file, text: texts[index] });
  });
  prefilterMs += performance.now() - before;
}
const readAt = performance.now();

let parseFailures = 0;
for (const { file, text } of kept) {
  if (isJavaScript(file) && !parseJavaScript(file.relPath, text).ok) parseFailures++;
}
const finished = performance.now();

emit({
  tool: 'floor',
  wallMs: finished - started,
  filesScanned: discovery.files.length,
  bytes: sumBytes(discovery.files),
  oversizedSkipped: discovery.skipped.filter(isSizeSkip).length,
  keptByPrefilter: kept.length,
  keptBytes: sumBytes(kept.map(({ file }) => file)),
  parseFailures,
  phasesMs: {
    discovery: discoveredAt - started,
    readAndPrefilter: readAt - discoveredAt,
    prefilterOnly: prefilterMs,
    parseKept: finished - readAt,
  },
  ...memoryReport(),
});
