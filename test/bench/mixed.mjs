/**
 * The mixed-language part of the bench (issue #4): real Python, C#, Java, PHP and PowerShell code
 * from pinned npm packages, kept apart from the JavaScript/TypeScript corpus so that corpus keeps
 * its bytes and its numbers. run.mjs calls `prepareMixed` with the other inputs and
 * `measureMixed` after the other measurements; each measurement is a fresh Node process.
 *
 *   1. grammar start-up: all five grammars loaded at once, three times (fresh processes), then each alone
 *   2. lsid-lint full scan of mixed/ (scan.mjs)
 *   3. the floor on mixed/ (floor.mjs: discovery, grammar load, read, prefilter, tree-sitter parse of what it keeps)
 *   4. lsid-lint on each language's folder alone (mixed/<language>/, without the fixtures)
 *   5. tree-sitter alone on every file, no prefilter (parse-all.mjs): grammar throughput, error recovery, slowest files
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRAMMARS, MB, MIXED_LANGUAGES, discoveryOptions, fromDist, isSizeSkip, runChild, sumBytes } from './lib.mjs';
import { FIXTURES_DIR, MIXED, copyMixedFixtures, ensureMixed, log } from './prepare.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GRAMMAR_RUNS = 3;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Fetches/links the corpus, copies the fixtures, and measures the files lint will see (warming the page cache). */
export async function prepareMixed(specs) {
  const manifest = await ensureMixed(specs);
  await copyMixedFixtures();
  const options = await discoveryOptions(MIXED);
  const { discoverFiles } = await fromDist('src/engine/discovery.js');
  const discovery = await discoverFiles(options);
  const measured = discovery.files.map((file) => ({ ...file, size: readFileSync(file.absPath).length }));
  const files = measured.filter((file) => file.size <= options.maxFileSize);
  // The first path segment is the language folder (or _fixtures).
  const byFolder = {};
  for (const file of files) {
    const folder = file.relPath.split('/')[0];
    const entry = (byFolder[folder] ??= { files: 0, bytes: 0 });
    entry.files++;
    entry.bytes += file.size;
  }
  const corpus = {
    packages: specs,
    files: files.length,
    bytes: sumBytes(files),
    oversizedSkipped: discovery.skipped.filter(isSizeSkip).length + measured.length - files.length,
    byFolder,
    linked: manifest.languages,
  };
  log(`mixed corpus: ${corpus.files} files, ${(corpus.bytes / MB).toFixed(1)} MB (+${corpus.oversizedSkipped} over 2 MiB, skipped); ` +
    Object.entries(byFolder).map(([folder, entry]) => `${folder} ${entry.files} files ${(entry.bytes / MB).toFixed(1)} MB`).join(', '));
  const missing = Object.keys(MIXED_LANGUAGES).filter((language) => manifest.languages[language] && !byFolder[language]);
  if (missing.length) log(`warning: no adapter claims the linked files of ${missing.join(', ')}; lint scans none of them`);
  return corpus;
}

export async function measureMixed(corpus) {
  log(`grammar start-up (${GRAMMAR_RUNS} fresh processes, then each grammar alone) …`);
  const grammarScript = path.join(HERE, 'grammars.mjs');
  const together = [];
  for (let run = 0; run < GRAMMAR_RUNS; run++) together.push(await runChild([grammarScript]));
  const alone = {};
  for (const name of GRAMMARS) alone[name] = await runChild([grammarScript, name]);

  log('mixed: lsid-lint full scan …');
  const lint = await runChild(['--expose-gc', path.join(HERE, 'scan.mjs'), MIXED]);
  log('mixed: floor …');
  const floor = await runChild(['--expose-gc', path.join(HERE, 'floor.mjs'), MIXED]);
  if (floor.bytes !== corpus.bytes) log(`warning: the mixed floor saw ${floor.bytes} bytes, discovery ${corpus.bytes}`);
  const perLanguage = {};
  for (const language of Object.keys(MIXED_LANGUAGES)) {
    if (!corpus.byFolder[language]) continue;
    log(`mixed: lsid-lint on ${language}/ alone …`);
    perLanguage[language] = await runChild(['--expose-gc', path.join(HERE, 'scan.mjs'), path.join(MIXED, language)]);
  }
  log('mixed: tree-sitter on every file, no prefilter …');
  const parseAll = await runChild(['--expose-gc', path.join(HERE, 'parse-all.mjs'), MIXED]);

  return {
    grammars: {
      together,
      firstLoadMedianMs: median(together.map((run) => run.firstLoadMs)),
      secondLoadMedianMs: median(together.map((run) => run.secondLoadMs)),
      alone,
    },
    lint, floor, perLanguage, parseAll,
  };
}

/** Table rows in run.mjs's `row` format, and the lines printed under the table. */
export function mixedReport(corpus, runs, row) {
  const { grammars, lint, floor, perLanguage, parseAll } = runs;
  const problems = (run) => `parse errors ${run.parseErrors}, notes ${run.notes}`;
  const rows = [
    row('mixed: lsid-lint full scan (API)', corpus.files, corpus.bytes, lint, problems(lint)),
    row('mixed: floor (discover+grammars+read+prefilter+parse)', floor.filesScanned, floor.bytes, floor, `kept ${floor.keptByPrefilter}`),
    ...Object.entries(perLanguage).map(([language, run]) =>
      row(`mixed: lsid-lint on ${language}/ only`, run.filesScanned, corpus.byFolder[language].bytes, run, problems(run))),
    row('mixed: tree-sitter parse of every file', parseAll.filesScanned, parseAll.bytes, parseAll,
      `${Object.values(parseAll.byGrammar).reduce((sum, stats) => sum + stats.withErrors, 0)} trees with errors`),
  ];
  const ms = (value) => `${value.toFixed(0)} ms`;
  const fine = (value) => `${value.toFixed(2)} ms`;
  const fixtures = corpus.byFolder[FIXTURES_DIR];
  const lines = [
    `mixed corpus (real code from ${corpus.packages.length} pinned packages, plus ${fixtures ? `${fixtures.files} files copied from fixtures/projects` : 'no fixtures'}): ` +
      `${corpus.files} files, ${(corpus.bytes / MB).toFixed(1)} MB scanned; ${corpus.oversizedSkipped} over 2 MiB skipped; by folder: ` +
      Object.entries(corpus.byFolder).map(([folder, entry]) => `${folder} ${entry.files}/${(entry.bytes / MB).toFixed(1)} MB`).join(', '),
    `grammar start-up, all ${GRAMMARS.length} at once in a fresh process: first loadGrammar ${ms(grammars.firstLoadMedianMs)} ` +
      `(median of ${grammars.together.length}: ${grammars.together.map((run) => run.firstLoadMs.toFixed(0)).join(', ')}), ` +
      `second call ${fine(grammars.secondLoadMedianMs)} (same parsers: ${grammars.together.every((run) => run.cached)}); ` +
      `module import ${ms(median(grammars.together.map((run) => run.importMs)))}; whole process, start to exit: ` +
      `${grammars.together.map((run) => ms(run.processWallMs)).join(', ')}`,
    `  each grammar alone (runtime init included): ${Object.entries(grammars.alone).map(([name, run]) => `${name} ${ms(run.firstLoadMs)}`).join(', ')}; ` +
      `whole process, start to exit: ${Object.entries(grammars.alone).map(([name, run]) => `${name} ${ms(run.processWallMs)}`).join(', ')}`,
    '  (a process that has parsed with a grammar also waits at exit for V8 to finish optimising its WebAssembly: the gap between the two figures)',
    `  first parse of a one-line probe after loading (lazy WebAssembly compilation): ` +
      `${Object.entries(grammars.together.at(-1).firstParseMs).map(([name, value]) => `${name} ${ms(value)}`).join(', ')}; second parse ` +
      `${Object.entries(grammars.together.at(-1).secondParseMs).map(([name, value]) => `${name} ${fine(value)}`).join(', ')}`,
    `mixed lsid-lint / floor wall time ${(lint.wallMs / floor.wallMs).toFixed(2)}x; floor phases (ms): ` +
      `${Object.entries(floor.phasesMs).map(([key, value]) => `${key} ${value.toFixed(0)}`).join(', ')}; prefilter kept ${floor.keptByPrefilter} files ` +
      `(${(floor.keptBytes / MB).toFixed(2)} MB), tree-sitter trees with errors among them ${floor.treeSitterErrors}`,
    `mixed lsid-lint findings by rule: ${JSON.stringify(lint.findingsByRule)}; on the real code alone (per-language runs): ` +
      `${Object.entries(perLanguage).map(([language, run]) => `${language} ${run.findings}`).join(', ')}`,
    ...(lint.sampleProblems.length ? [`mixed parse problems (first ${lint.sampleProblems.length}): ${lint.sampleProblems.map((p) => `${p.file}:${p.line} ${p.message}`).join('; ')}`] : []),
    `tree-sitter alone, per grammar (grammar load ${ms(parseAll.grammarLoadMs)} and first-parse warm-up ${ms(parseAll.firstParseWarmUpMs)} not included): ` +
      Object.entries(parseAll.byGrammar).map(([name, stats]) =>
        `${name} ${stats.files} files ${(stats.bytes / MB).toFixed(1)} MB ${(stats.bytes / MB / (stats.parseMs / 1000)).toFixed(1)} MB/s, ${stats.withErrors} with errors`).join('; '),
    `slowest tree-sitter parses: ${parseAll.slowest.map((entry) => `${entry.file} (${(entry.bytes / 1e3).toFixed(0)} kB, ${ms(entry.ms)}${entry.hasError ? ', errors' : ''})`).join('; ')}`,
  ];
  return { rows, lines };
}
