/**
 * The tree-sitter runtime and grammars from @vscode/tree-sitter-wasm. WASM loading is asynchronous
 * and costs tens of milliseconds per grammar, so each grammar is loaded once per process, and only
 * when a file of its language is about to be analyzed (the engine awaits `LanguageAdapter.prepare`).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import type { Language as TsLanguage, Parser as TsParser } from '@vscode/tree-sitter-wasm';

export type GrammarName = 'python' | 'c-sharp' | 'java' | 'php' | 'powershell';

const require = createRequire(import.meta.url);
const runtime = require('@vscode/tree-sitter-wasm') as typeof import('@vscode/tree-sitter-wasm');
const wasmDir = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));

let initialised: Promise<void> | undefined;
const loading = new Map<GrammarName, Promise<TsParser>>();
const ready = new Map<GrammarName, TsParser>();

/** Loads a grammar (and, the first time, the runtime); later calls return the same parser. */
export function loadGrammar(name: GrammarName): Promise<TsParser> {
  let pending = loading.get(name);
  if (!pending) {
    if (!initialised) {
      // V8 otherwise re-compiles the grammars' WebAssembly with its optimising tier in the background
      // and waits for that at exit: ~8 s of CPU for the PowerShell grammar alone. The baseline tier
      // parses 20-30% slower but costs nothing at exit (test/bench/README.md, grammar start-up).
      v8.setFlagsFromString('--liftoff-only');
      initialised = runtime.Parser.init({ locateFile: (file: string) => path.join(wasmDir, file) });
    }
    pending = initialised.then(async () => {
      const language: TsLanguage = await runtime.Language.load(path.join(wasmDir, `tree-sitter-${name}.wasm`));
      const parser = new runtime.Parser();
      parser.setLanguage(language);
      ready.set(name, parser);
      return parser;
    });
    loading.set(name, pending);
  }
  return pending;
}

/** The parser of a loaded grammar; analysis is synchronous, so `loadGrammar` must have resolved first. */
export function parserFor(name: GrammarName): TsParser {
  const parser = ready.get(name);
  if (!parser) throw new Error(`tree-sitter grammar ${name} used before it was loaded`);
  return parser;
}

/** The grammars loaded (or loading) in this process, for tests and diagnostics. */
export function loadedGrammars(): GrammarName[] {
  return [...loading.keys()];
}
