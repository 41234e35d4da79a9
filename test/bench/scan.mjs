/**
 * Child: one full lsid-lint scan of <dir> through the public API, with the default config
 * (as the CLI would resolve it when no config file exists). Run with --expose-gc.
 *
 *   node --expose-gc test/bench/scan.mjs <dir>
 */
import path from 'node:path';
import { emit, fromDist, isSizeSkip, memoryReport } from './lib.mjs';

const dir = path.resolve(process.argv[2] ?? '.');
const [{ lint, rules }, { validateConfig }] = await Promise.all([
  fromDist('src/index.js'),
  fromDist('src/config/schema.js'),
]);

// Start from a collected heap so the module loading above does not skew the peak.
globalThis.gc?.();

const started = performance.now();
const result = await lint({
  cwd: dir,
  paths: ['.'],
  config: { ...validateConfig({}, 'bench defaults'), baseDir: dir },
  rules,
});
const wallMs = performance.now() - started;

const readSkips = result.coverage.skipped.filter((entry) => !isSizeSkip(entry));
emit({
  tool: 'lsid-lint',
  wallMs,
  filesScanned: result.filesScanned,
  findings: result.findings.length,
  findingsByRule: countBy(result.findings, (finding) => finding.ruleId),
  oversizedSkipped: result.coverage.skipped.filter(isSizeSkip).length,
  otherSkipped: countBy(readSkips, (entry) => entry.reason.replace(/\(.*\)/, '(…)')),
  parseErrors: result.coverage.parseErrors.length,
  // Parse notes: files parsed with recovery (tree-sitter ERROR/MISSING nodes) or by a fallback.
  notes: result.coverage.notes?.length ?? 0,
  degraded: result.coverage.degraded?.length ?? 0,
  sampleProblems: [...result.coverage.parseErrors, ...(result.coverage.notes ?? [])].slice(0, 5),
  ...memoryReport(),
});

function countBy(items, key) {
  const counts = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
