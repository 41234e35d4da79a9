import type { LanguageAdapter } from '../adapter.js';
import { factsOf } from './facts.js';
import { parseJavaScript } from './parse.js';
import { createTypedProgram } from './type-aware.js';

export const javascriptAdapter: LanguageAdapter = {
  id: 'javascript',
  extensions: ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'],
  comments: { line: ['//'], block: [['/*', '*/']] },
  analyze({ file, text, context }) {
    const parsed = parseJavaScript(file, text);
    if (!parsed.ok) {
      return { facts: { evidence: [], localImports: [], valueUses: [], xmlOps: [] }, parseError: parsed.problem };
    }
    return factsOf(parsed.sourceFile, context);
  },
  createProgram: createTypedProgram,
};
