/**
 * Child: ESLint 9 over an explicit file list, with a two-selector no-restricted-syntax config
 * that approximates "find parseInt/Number calls" — the nearest generic-linter equivalent of
 * lsid-lint's cheapest question. Uses the Node API with no config lookup, so nothing in the
 * corpus (or this repository) can change what runs.
 *
 *   node test/bench/eslint-run.mjs <eslint-install-dir> <cwd> <file-list.json>
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { emit, memoryReport } from './lib.mjs';

const [installDir, cwd, listFile] = process.argv.slice(2).map((arg) => path.resolve(arg));
// ESLint and the parser live only in the bench cache, never in the project's node_modules.
const requireFromCache = createRequire(path.join(installDir, 'package.json'));
const load = (name) => import(pathToFileURL(requireFromCache.resolve(name)).href);
const [{ ESLint }, tsParser] = await Promise.all([load('eslint'), load('@typescript-eslint/parser')]);
const files = JSON.parse(await readFile(listFile, 'utf8'));

const restricted = [
  'error',
  { selector: "CallExpression[callee.name='parseInt']", message: 'parseInt call' },
  { selector: "CallExpression[callee.name='Number']", message: 'Number call' },
];
const config = [
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx'], rules: { 'no-restricted-syntax': restricted } },
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser.default ?? tsParser } },
];

globalThis.gc?.();

const started = performance.now();
const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false });
const results = await eslint.lintFiles(files);
const wallMs = performance.now() - started;

let findings = 0;
let parseErrors = 0;
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal) parseErrors++;
    else if (message.ruleId === 'no-restricted-syntax') findings++;
  }
}
emit({
  tool: 'eslint',
  eslintVersion: ESLint.version,
  wallMs,
  filesScanned: results.length,
  findings,
  parseErrors,
  ...memoryReport(),
});
