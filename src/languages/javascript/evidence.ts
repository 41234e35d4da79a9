import { ts } from 'ts-morph';
import type { ContextEvidence } from '../../types.js';
import type { ContextSettings } from '../adapter.js';
import { moduleEvidence, nameEvidence, stringEvidence } from '../../knowledge/evidence.js';
import { span } from './syntax.js';

/** Evidence that this file talks to the Bomgar API: endpoints, report and command names, elements, namespaces. */
export function collectEvidence(sourceFile: ts.SourceFile, settings: ContextSettings): ContextEvidence[] {
  const evidence: ContextEvidence[] = [];
  const add = (node: ts.Node, kind: ContextEvidence['kind'] | undefined, text: string): void => {
    if (kind) evidence.push({ kind, text, span: span(node) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (ts.isModuleDeclaration(node.parent)) return;
      const isModuleSpecifier = (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent)) ||
        (ts.isCallExpression(node.parent) && node.parent.expression.getText() === 'require') || ts.isExternalModuleReference(node.parent);
      add(node, isModuleSpecifier ? moduleEvidence(node.text, settings) : stringEvidence(node.text, settings), node.text);
    } else if (ts.isRegularExpressionLiteral(node)) {
      add(node, stringEvidence(node.text, settings), node.text);
    } else if (ts.isIdentifier(node)) {
      add(node, nameEvidence(node.text), node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return evidence;
}

/** Relative import and require specifiers: the edges along which Bomgar context spreads between files. */
export function collectLocalImports(sourceFile: ts.SourceFile): string[] {
  const specifiers = new Set<string>();
  const visit = (node: ts.Node): void => {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && (node.expression.getText() === 'require' || node.expression.kind === ts.SyntaxKind.ImportKeyword)) specifier = node.arguments[0];
    if (specifier && ts.isStringLiteralLike(specifier) && specifier.text.startsWith('.')) specifiers.add(specifier.text);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return [...specifiers];
}
