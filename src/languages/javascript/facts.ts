import type { ts } from 'ts-morph';
import type { FileFacts } from '../../types.js';
import type { ContextSettings, ImportedValueLookup } from '../adapter.js';
import { collectDeclarations } from './declarations.js';
import { collectEvidence, collectLocalImports } from './evidence.js';
import { collectExports } from './exports.js';
import { Scopes } from './scope.js';
import { collectValueUses } from './value-uses.js';
import { ValueAnalysis, type TypeHints } from './values.js';
import { collectXmlOperations } from './xml-operations.js';

/** Fact extraction for one parsed file; `refine` recomputes the value facts as more becomes known. */
export function factsOf(sourceFile: ts.SourceFile, context: ContextSettings, types?: TypeHints): { facts: FileFacts; refine(importedValue?: ImportedValueLookup): FileFacts } {
  const scopes = new Scopes(sourceFile);
  const evidence = collectEvidence(sourceFile, context);
  const localImports = collectLocalImports(sourceFile);
  const refine = (importedValue?: ImportedValueLookup): FileFacts => {
    const values = new ValueAnalysis(sourceFile, scopes, importedValue, types);
    return {
      evidence,
      localImports,
      exports: collectExports(sourceFile, values),
      valueUses: [...collectValueUses(sourceFile, values), ...collectDeclarations(sourceFile, values)],
      xmlOps: collectXmlOperations(sourceFile, values),
    };
  };
  return { facts: refine(), refine };
}
