import { ts } from 'ts-morph';
import { parse as babelParse } from '@babel/parser';
import type { ParseProblem } from '../adapter.js';

export type ParseOutcome = { ok: true; sourceFile: ts.SourceFile } | { ok: false; problem: ParseProblem };

function scriptKind(file: string): ts.ScriptKind {
  if (/\.tsx$/i.test(file)) return ts.ScriptKind.TSX;
  if (/\.[mc]?ts$/i.test(file)) return ts.ScriptKind.TS;
  if (/\.jsx$/i.test(file)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

interface ParseDiagnostic {
  start?: number;
  length?: number;
  messageText: string | ts.DiagnosticMessageChain;
}

function firstParseDiagnostic(sourceFile: ts.SourceFile): ParseDiagnostic | undefined {
  // parseDiagnostics is internal but stable since TS 2; it is the only way to see syntax errors without a Program.
  return (sourceFile as unknown as { parseDiagnostics: ParseDiagnostic[] }).parseDiagnostics[0];
}

function createSourceFile(file: string, text: string, kind: ts.ScriptKind): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

/**
 * TypeScript's parser is the fast path (about 17 MB/s here). Plain `.js` files it rejects are usually
 * Flow: Babel parses those, their type syntax is blanked out offset-for-offset, and TypeScript parses
 * the result, so every later step sees one kind of tree with the original positions.
 */
export function parseJavaScript(file: string, text: string): ParseOutcome {
  const kind = scriptKind(file);
  const sourceFile = createSourceFile(file, text, kind);
  const diagnostic = firstParseDiagnostic(sourceFile);
  if (!diagnostic) return { ok: true, sourceFile };

  // Only Flow files are worth a second parser: Babel on a large file TypeScript rejected costs seconds.
  if ((kind === ts.ScriptKind.JS || kind === ts.ScriptKind.JSX) && text.includes('@flow')) {
    const stripped = stripFlowTypes(text);
    if (stripped !== undefined) {
      const retried = createSourceFile(file, stripped, kind);
      if (!firstParseDiagnostic(retried)) return { ok: true, sourceFile: retried };
    }
  }
  const start = diagnostic.start ?? 0;
  return {
    ok: false,
    problem: {
      span: { start, end: start + (diagnostic.length ?? 0) },
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
    },
  };
}

interface BabelNode {
  type: string;
  start?: number | null;
  end?: number | null;
  importKind?: string;
  exportKind?: string;
  [key: string]: unknown;
}

/** Node types that exist only in Flow's type layer and can be blanked without changing runtime code. */
const FLOW_TYPE_NODES = new Set([
  'TypeAnnotation', 'TypeAlias', 'OpaqueType', 'InterfaceDeclaration', 'DeclareClass', 'DeclareFunction',
  'DeclareVariable', 'DeclareModule', 'DeclareModuleExports', 'DeclareTypeAlias', 'DeclareOpaqueType',
  'DeclareInterface', 'DeclareExportDeclaration', 'DeclareExportAllDeclaration', 'TypeParameterDeclaration',
  'TypeParameterInstantiation', 'InferredPredicate', 'DeclaredPredicate',
]);

function stripFlowTypes(text: string): string | undefined {
  let program: BabelNode;
  try {
    program = babelParse(text, {
      sourceType: 'unambiguous',
      allowReturnOutsideFunction: true,
      errorRecovery: false,
      plugins: ['flow', 'jsx', 'decorators-legacy', 'classProperties', 'importAttributes'],
    }).program as unknown as BabelNode;
  } catch {
    return undefined;
  }
  const chars = text.split('');
  const blank = (node: BabelNode): void => {
    for (let i = node.start ?? 0; i < (node.end ?? 0); i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  const visit = (node: BabelNode): void => {
    const typeOnlyImport = (node.type === 'ImportDeclaration' && node.importKind !== 'value') ||
      (node.type === 'ExportNamedDeclaration' && node.exportKind === 'type');
    if (FLOW_TYPE_NODES.has(node.type) || typeOnlyImport) {
      blank(node);
      return;
    }
    if (node.type === 'TypeCastExpression') {
      blank(node.typeAnnotation as BabelNode);
      // `(x: T)` keeps its parentheses and expression.
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach((child) => isNode(child) && visit(child));
      else if (isNode(value)) visit(value);
    }
  };
  visit(program);
  return chars.join('');
}

function isNode(value: unknown): value is BabelNode {
  return typeof value === 'object' && value !== null && typeof (value as BabelNode).type === 'string';
}
