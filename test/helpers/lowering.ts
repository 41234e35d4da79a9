import type { Node } from '@vscode/tree-sitter-wasm';
import { beforeAll } from 'vitest';
import { loadGrammar, parserFor, type GrammarName } from '../../src/languages/tree-sitter/grammars.js';
import type { Program } from '../../src/languages/tree-sitter/ir.js';

/** A function lowering source text with one language's grammar (loaded before the file's tests run). */
export function lowering(grammar: GrammarName, lower: (root: Node) => Program): (source: string) => Program {
  beforeAll(async () => {
    await loadGrammar(grammar);
  });
  return (source) => {
    const tree = parserFor(grammar).parse(source);
    if (!tree) throw new Error('the parser gave up');
    try {
      return lower(tree.rootNode);
    } finally {
      tree.delete();
    }
  };
}

/** The IR without spans, for readable expectations. */
export function withoutSpans<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'span' || key === 'nameSpan' ? undefined : v))) as T;
}
