import type { FileFacts } from '../../types.js';
import type { ImportedValueLookup, LanguageAdapter } from '../adapter.js';
import { collectDeclarations } from './declarations.js';
import { collectEvidence, collectLocalImports } from './evidence.js';
import { collectExports } from './exports.js';
import { parseJavaScript } from './parse.js';
import { Scopes } from './scope.js';
import { collectValueUses } from './value-uses.js';
import { ValueAnalysis } from './values.js';
import { collectXmlOperations } from './xml-operations.js';

export const javascriptAdapter: LanguageAdapter = {
  id: 'javascript',
  extensions: ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'],
  comments: { line: ['//'], block: [['/*', '*/']] },
  analyze({ file, text, context }) {
    const parsed = parseJavaScript(file, text);
    if (!parsed.ok) {
      return { facts: { evidence: [], localImports: [], valueUses: [], xmlOps: [] }, parseError: parsed.problem };
    }
    const sourceFile = parsed.sourceFile;
    const scopes = new Scopes(sourceFile);
    const evidence = collectEvidence(sourceFile, context);
    const localImports = collectLocalImports(sourceFile);
    const factsWith = (importedValue?: ImportedValueLookup): FileFacts => {
      const values = new ValueAnalysis(sourceFile, scopes, importedValue);
      return {
        evidence,
        localImports,
        exports: collectExports(sourceFile, values),
        valueUses: [...collectValueUses(sourceFile, values), ...collectDeclarations(sourceFile, values)],
        xmlOps: collectXmlOperations(sourceFile, values),
      };
    };
    return { facts: factsWith(), refine: factsWith };
  },
};
