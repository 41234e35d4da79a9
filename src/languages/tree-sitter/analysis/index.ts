import type { FileFacts } from '../../../types.js';
import type { ContextSettings } from '../../adapter.js';
import type { Program, Stmt } from '../ir.js';
import type { LanguageKnowledge } from '../knowledge.js';
import { collectDeclarations } from './declarations.js';
import { collectEmbeddedSql } from './embedded-sql.js';
import { collectEvidence, collectLocalImports } from './evidence.js';
import { collectTypeReferences } from './type-references.js';
import { collectValueUses } from './value-uses.js';
import { ValueAnalysis } from './values.js';
import { collectXmlOperations } from './xml-operations.js';

export type ImportStmt = Extract<Stmt, { k: 'import' }>;

export interface ProgramAnalysisOptions {
  text: string;
  context: ContextSettings;
  sqlDialect?: string;
  /** Paths (relative to the file, `./x.py`) an import may name in this project. */
  localModules?(stmt: ImportStmt): readonly string[];
  /** Paths (relative to the file) where the types it refers to may live: `./Session.java`, `../model/Session.java`. */
  typeModules?(types: ReadonlySet<string>, program: Program): readonly string[];
}

/** The facts of one file, from its lowered program and its language's library tables. */
export function analyzeProgram(program: Program, knowledge: LanguageKnowledge, options: ProgramAnalysisOptions): FileFacts {
  const values = new ValueAnalysis(program.body, knowledge);
  return {
    evidence: collectEvidence(program, options.context),
    localImports: [
      ...(options.localModules ? collectLocalImports(program.body, options.localModules) : []),
      ...(options.typeModules ? options.typeModules(collectTypeReferences(program), program) : []),
    ],
    valueUses: [
      ...collectValueUses(program.body, values, program.strings),
      ...collectDeclarations(program.body, knowledge),
      ...collectEmbeddedSql(program.body, options.text, options.sqlDialect),
    ],
    xmlOps: collectXmlOperations(program.body, values, program.strings),
  };
}
