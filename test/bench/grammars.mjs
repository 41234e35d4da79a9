/**
 * Child: the tree-sitter start-up cost in a fresh process. Times the import of grammars.js, then
 * `loadGrammar` for the named grammars (all five by default) at once, then the same call again,
 * which must return the cached parsers: the grammars are loaded once per process. Last, each
 * grammar parses a one-line probe twice: WebAssembly compiles a grammar's functions lazily, so the
 * first parse in a process pays part of the start-up too.
 *
 *   node test/bench/grammars.mjs [grammar …]
 */
import { GRAMMARS, emit, fromDist, memoryReport } from './lib.mjs';

const names = process.argv.length > 2 ? process.argv.slice(2) : GRAMMARS;

const started = performance.now();
const { loadGrammar } = await fromDist('src/languages/tree-sitter/grammars.js');
const imported = performance.now();
const first = await Promise.all(names.map(loadGrammar));
const loaded = performance.now();
const second = await Promise.all(names.map(loadGrammar));
const reloaded = performance.now();

/** One statement per grammar: a timing probe, not corpus code. */
const PROBES = { python: 'x = 1\n', 'c-sharp': 'class A { }\n', java: 'class A { }\n', php: '<?php $x = 1;\n', powershell: '$x = 1\n' };
const firstParseMs = {};
const secondParseMs = {};
for (const [index, name] of names.entries()) {
  for (const target of [firstParseMs, secondParseMs]) {
    const before = performance.now();
    first[index].parse(PROBES[name]).delete();
    target[name] = performance.now() - before;
  }
}

emit({
  tool: 'grammars',
  grammars: names,
  importMs: imported - started,
  firstLoadMs: loaded - imported,
  secondLoadMs: reloaded - loaded,
  cached: second.every((parser, index) => parser === first[index]),
  firstParseMs,
  secondParseMs,
  ...memoryReport(),
});
