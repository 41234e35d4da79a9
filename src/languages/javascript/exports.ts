import { ts } from 'ts-morph';
import type { ExportedValue } from '../../types.js';
import { unwrap } from './syntax.js';
import type { AbstractValue, ValueAnalysis } from './values.js';

/**
 * The LSID/lseq values a module exports (ES exports and CommonJS `module.exports`/`exports.x`),
 * so that an importing module can follow them: `export function sessionIds(doc) { return … }`.
 */
export function collectExports(sourceFile: ts.SourceFile, values: ValueAnalysis): Record<string, ExportedValue> {
  const exported: Record<string, ExportedValue> = {};
  const record = (name: string, expression: ts.Node | undefined): void => {
    const summary = expression ? summarize(expression, values) : undefined;
    if (summary) exported[name] = summary;
  };
  const isExported = (node: ts.Node): boolean =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (node: ts.Node): boolean =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement)) {
      record(isDefault(statement) ? 'default' : statement.name?.text ?? 'default', statement);
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) record(declaration.name.text, declaration.name);
      }
    } else if (ts.isExportAssignment(statement)) {
      record('default', statement.expression);
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) record(element.name.text, element.propertyName ?? element.name);
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      commonJsExport(statement.expression, record);
    }
  }
  return exported;
}

function commonJsExport(assignment: ts.BinaryExpression, record: (name: string, expression: ts.Node) => void): void {
  const target = assignment.left.getText();
  const value = unwrap(assignment.right);
  if (target === 'module.exports' && ts.isObjectLiteralExpression(value)) {
    for (const property of value.properties) {
      if (ts.isShorthandPropertyAssignment(property)) record(property.name.text, property.name);
      else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name)) record(property.name.text, property.initializer);
      else if (ts.isMethodDeclaration(property) && ts.isIdentifier(property.name)) record(property.name.text, property);
    }
  } else if (target === 'module.exports') {
    record('default', value);
  } else {
    const name = /^(?:module\.)?exports\.(\w+)$/.exec(target)?.[1];
    if (name) record(name, value);
  }
}

/** A value, or a function whose return value, is an LSID or lseq. */
function summarize(node: ts.Node, values: ValueAnalysis): ExportedValue | undefined {
  const fn = functionOf(node, values);
  if (fn) return asExport(values.returnValue(fn), 'return');
  if (ts.isIdentifier(node)) {
    const binding = values.scopes.resolve(node);
    return asExport(binding ? values.bindingValue(binding) : values.valueOf(node), 'value');
  }
  return ts.isExpression(node) ? asExport(values.valueOf(node), 'value') : undefined;
}

function functionOf(node: ts.Node, values: ValueAnalysis): ts.SignatureDeclaration | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  if (ts.isIdentifier(node)) return values.localFunction(node);
  return undefined;
}

function asExport(value: AbstractValue | undefined, via: ExportedValue['via']): ExportedValue | undefined {
  if (value?.kind !== 'subject' || value.derived) return undefined;
  return { subject: value.subject, collection: value.collection, origin: value.origin, via };
}
