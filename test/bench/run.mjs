/**
 * `npm run bench` (after the build): prepares the cached corpus, then measures, each in a fresh
 * process and from a single run over the same files,
 *   1. lsid-lint's full scan through the API           (scan.mjs)
 *   2. the floor: discovery + read + prefilter + parse  (floor.mjs)
 *   3. ESLint 9 with a two-selector rule                (eslint-run.mjs), on a subset if too slow
 *   4. the whole CLI on a ~10 MB subset, start-up included
 * and prints a table; the same numbers go to .bench-cache/results.json. Targets are reported,
 * not enforced: the exit code is non-zero only when a step fails to run.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE, MB, REPO, discoveryOptions, everyNth, fromDist, isSizeSkip, runChild, sumBytes } from './lib.mjs';
import {
  CORPUS_PREFIX, ESLINT_PREFIX, TEN_MB, TREE,
  buildTenMb, copyFixtures, ensureInstalled, ensureTree, log,
} from './prepare.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const settings = JSON.parse(await fs.readFile(path.join(HERE, 'corpus.json'), 'utf8'));
const TARGETS = { floorRatio: 1.3, eslintSpeedup: 30, megabytesPerSecond: 50, tenMbCliSeconds: 2 };
/** The extensions the brief's ESLint run covers; .d.ts files are included (they end in .ts). */
const ESLINT_EXTENSIONS = /\.(?:[cm]?js|tsx?)$/i;
/** Enough text for a rate estimate that start-up does not dominate. */
const ESLINT_CALIBRATION_BYTES = 2 * MB;

// --- Inputs -------------------------------------------------------------------------------------

const reinstalled = await ensureInstalled(CORPUS_PREFIX, settings.packages);
await ensureTree(settings.packages, reinstalled);
await copyFixtures();
await ensureInstalled(ESLINT_PREFIX, settings.eslint);

const { discoverFiles } = await fromDist('src/engine/discovery.js');
const discovery = await discoverFiles(await discoveryOptions(TREE));
const corpus = {
  packages: settings.packages,
  files: discovery.files.length,
  bytes: sumBytes(discovery.files),
  oversizedSkipped: discovery.skipped.filter(isSizeSkip).length,
};
log(`corpus: ${corpus.files} files, ${(corpus.bytes / MB).toFixed(1)} MB (+${corpus.oversizedSkipped} over 2 MiB, skipped)`);

// Every measurement should see a warm page cache; otherwise whichever runs first pays for the disk.
for (let i = 0; i < discovery.files.length; i += 64) {
  await Promise.all(discovery.files.slice(i, i + 64).map((file) => fs.readFile(file.absPath)));
}

const tenMbFiles = await buildTenMb(discovery.files, settings.tenMegabyteSubset);
const eslintFiles = discovery.files.filter((file) => ESLINT_EXTENSIONS.test(file.relPath));

// --- Measurements -------------------------------------------------------------------------------

log('lsid-lint full scan …');
const lintRun = await runChild(['--expose-gc', path.join(HERE, 'scan.mjs'), TREE]);
log('floor …');
const floorRun = await runChild(['--expose-gc', path.join(HERE, 'floor.mjs'), TREE]);
if (floorRun.bytes !== corpus.bytes) log(`warning: the floor saw ${floorRun.bytes} bytes, discovery ${corpus.bytes}`);

const eslintRun = await measureEslint();

log('CLI on the ~10 MB subset …');
const cliRun = await runChild(
  [path.join(REPO, 'dist/src/cli/bin.js'), path.relative(REPO, TEN_MB), '--format', 'json', '-o', '/dev/null'],
  { expectJson: false, okCodes: [0, 1] }, // 1 means "findings at or above --fail-on", a normal outcome here
);
const tenMb = { files: tenMbFiles.length, bytes: sumBytes(tenMbFiles), wallMs: cliRun.processWallMs, exitCode: cliRun.exitCode };

// --- Report -------------------------------------------------------------------------------------

const rate = (bytes, ms) => bytes / MB / (ms / 1000);
const lintRate = rate(corpus.bytes, lintRun.wallMs);
const eslintRate = rate(eslintRun.bytes, eslintRun.wallMs);
const ratios = {
  lintOverFloor: lintRun.wallMs / floorRun.wallMs,
  lintOverEslintSpeed: lintRate / eslintRate,
  lintMegabytesPerSecond: lintRate,
  tenMbCliSeconds: tenMb.wallMs / 1000,
};

const rows = [
  row('lsid-lint full scan (API)', corpus.files, corpus.bytes, lintRun),
  row('floor (discover+read+prefilter+parse)', floorRun.filesScanned, floorRun.bytes, floorRun, `kept ${floorRun.keptByPrefilter}`),
  row(eslintRun.label, eslintRun.filesScanned, eslintRun.bytes, eslintRun),
  row('lsid-lint CLI, ~10 MB subset (process)', tenMb.files, tenMb.bytes, { wallMs: tenMb.wallMs }, `exit ${tenMb.exitCode}`),
];
printTable(['run', 'files', 'MB', 'wall s', 'files/s', 'MB/s', 'peak RSS MiB', 'findings', 'note'], rows);

const verdict = (ok) => (ok ? 'ok' : 'MISSED');
console.log('');
console.log(`corpus: ${corpus.files} files, ${(corpus.bytes / MB).toFixed(1)} MB scanned; ${lintRun.oversizedSkipped} files over 2 MiB skipped; ` +
  `lsid-lint skipped at read time: ${JSON.stringify(lintRun.otherSkipped)}; parse errors: ${lintRun.parseErrors}`);
console.log(`floor phases (ms): ${Object.entries(floorRun.phasesMs).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}; ` +
  `prefilter kept ${floorRun.keptByPrefilter} files (${(floorRun.keptBytes / MB).toFixed(2)} MB)`);
if (eslintRun.extrapolated) {
  console.log(`ESLint ran on a deterministic subset; EXTRAPOLATED full-corpus time (${(eslintRun.fullBytes / MB).toFixed(1)} MB of .js/.mjs/.cjs/.ts/.tsx) ` +
    `at the measured rate: ${(eslintRun.extrapolatedFullMs / 1000).toFixed(0)} s`);
}
console.log(`lsid-lint / floor wall time   ${ratios.lintOverFloor.toFixed(2)}x   (target <= ${TARGETS.floorRatio}x)  ${verdict(ratios.lintOverFloor <= TARGETS.floorRatio)}`);
console.log(`lsid-lint vs ESLint, MB/s     ${ratios.lintOverEslintSpeed.toFixed(1)}x   (target >= ${TARGETS.eslintSpeedup}x)  ${verdict(ratios.lintOverEslintSpeed >= TARGETS.eslintSpeedup)}${eslintRun.extrapolated ? '  [ESLint rate from subset]' : ''}`);
console.log(`lsid-lint absolute            ${lintRate.toFixed(1)} MB/s   (target ~${TARGETS.megabytesPerSecond} MB/s)  ${verdict(lintRate >= TARGETS.megabytesPerSecond)}`);
console.log(`CLI on ${(tenMb.bytes / MB).toFixed(1)} MB, wall incl. start-up  ${ratios.tenMbCliSeconds.toFixed(2)} s   (target < ${TARGETS.tenMbCliSeconds} s)  ${verdict(ratios.tenMbCliSeconds < TARGETS.tenMbCliSeconds)}`);
console.log('(MB = 10^6 bytes; each figure is from one run; numbers vary by machine)');

await fs.writeFile(path.join(CACHE, 'results.json'), `${JSON.stringify({
  date: new Date().toISOString(),
  machine: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: os.totalmem() / 2 ** 30 },
  corpus,
  runs: { lint: lintRun, floor: floorRun, eslint: eslintRun, tenMbCli: tenMb },
  ratios,
  targets: TARGETS,
}, null, 2)}\n`);
log(`results written to ${path.relative(REPO, path.join(CACHE, 'results.json'))}`);

// --- Helpers ------------------------------------------------------------------------------------

/**
 * ESLint runs on every eligible file if a short calibration run predicts it fits the time budget,
 * otherwise on a deterministic every-Nth subset whose rate is then extrapolated to the whole.
 */
async function measureEslint() {
  const fullBytes = sumBytes(eslintFiles);
  const run = async (files) => {
    const listFile = path.join(CACHE, 'eslint-files.json');
    await fs.writeFile(listFile, JSON.stringify(files.map((file) => file.relPath)));
    const result = await runChild([path.join(HERE, 'eslint-run.mjs'), ESLINT_PREFIX, TREE, listFile]);
    return { ...result, bytes: sumBytes(files) };
  };
  log('ESLint calibration …');
  const calibration = await run(everyNth(eslintFiles, ESLINT_CALIBRATION_BYTES));
  const predictedMs = fullBytes / (calibration.bytes / calibration.wallMs);
  const budgetMs = settings.eslintTimeBudgetSeconds * 1000;
  const subset = predictedMs > budgetMs;
  const files = subset ? everyNth(eslintFiles, settings.eslintSubsetBytes) : eslintFiles;
  log(`ESLint on ${subset ? 'a subset of' : 'all'} ${files.length} files (full run predicted ${(predictedMs / 1000).toFixed(0)} s) …`);
  const result = await run(files);
  return {
    ...result,
    label: subset ? `ESLint ${result.eslintVersion}, subset (every Nth file)` : `ESLint ${result.eslintVersion}, all .js/.ts files`,
    extrapolated: subset,
    fullFiles: eslintFiles.length,
    fullBytes,
    extrapolatedFullMs: subset ? fullBytes / (result.bytes / result.wallMs) : result.wallMs,
    calibration: { files: calibration.filesScanned, bytes: calibration.bytes, wallMs: calibration.wallMs, predictedFullMs: predictedMs },
  };
}

function row(label, files, bytes, run, note = '') {
  const seconds = run.wallMs / 1000;
  return [
    label,
    String(files),
    (bytes / MB).toFixed(1),
    seconds.toFixed(2),
    (files / seconds).toFixed(0),
    (bytes / MB / seconds).toFixed(1),
    run.peakRssMiB === undefined ? '-' : run.peakRssMiB.toFixed(0),
    run.findings === undefined ? '-' : String(run.findings),
    note,
  ];
}

function printTable(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((cells) => cells[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 || column === cells.length - 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.forEach((cells) => console.log(line(cells)));
}
