import type { Node as TsNode } from '@vscode/tree-sitter-wasm';
import type { CommentSyntax, LanguageAdapter, ParseProblem } from '../adapter.js';
import { analyzeProgram, type ImportStmt } from './analysis/index.js';
import { loadGrammar, parserFor, type GrammarName } from './grammars.js';
import type { Program } from './ir.js';
import type { LanguageKnowledge } from './knowledge.js';

export interface TreeSitterLanguage {
  id: string;
  grammar: GrammarName;
  extensions: readonly string[];
  comments: CommentSyntax;
  lower(root: TsNode): Program;
  knowledge: LanguageKnowledge;
  /** Files of this project an import may name, relative to the importing file (`./client.py`); none by default. */
  localModules?(stmt: ImportStmt): readonly string[];
  /** Files where the types a file refers to may live (Java, C#: a type per file of its name). */
  typeModules?(types: ReadonlySet<string>, program: Program): readonly string[];
}

/**
 * A language adapter over a tree-sitter grammar: parse, lower to the shared IR, analyze with the
 * language's tables. Syntax errors do not stop the analysis: tree-sitter recovers, and the facts
 * from the parts it could read are kept; the first error is reported so coverage shows it.
 */
export function treeSitterAdapter(language: TreeSitterLanguage): LanguageAdapter {
  return {
    id: language.id,
    extensions: language.extensions,
    comments: language.comments,
    async prepare() {
      await loadGrammar(language.grammar);
    },
    analyze({ text, context, sqlDialect }) {
      const tree = parserFor(language.grammar).parse(text);
      if (!tree) return { facts: { evidence: [], localImports: [], valueUses: [], xmlOps: [] }, parseError: { span: { start: 0, end: 0 }, message: 'the parser gave up on this file' } };
      try {
        const program = language.lower(tree.rootNode);
        const facts = analyzeProgram(program, language.knowledge, {
          text, context, sqlDialect: sqlDialect ?? language.knowledge.sqlDialect,
          ...(language.localModules ? { localModules: language.localModules } : {}),
          ...(language.typeModules ? { typeModules: language.typeModules } : {}),
        });
        const problem = firstSyntaxError(tree.rootNode);
        return { facts, ...(problem ? { notes: [problem] } : {}) };
      } finally {
        tree.delete();
      }
    },
  };
}

/** The first ERROR or MISSING node: the parser recovered there, so facts near it may be incomplete. */
function firstSyntaxError(root: TsNode): ParseProblem | undefined {
  if (!root.hasError) return undefined;
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) {
        return { span: { start: node.startIndex, end: node.endIndex }, message: `syntax the ${node.isMissing ? 'parser expected here is missing' : 'parser could not read'}; analysed what it recovered` };
      }
      // Every subtree is searched: a MISSING node under an extra (a C# `#if` directive) does not mark its ancestors.
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return undefined;
      }
    }
  } finally {
    cursor.delete();
  }
}
