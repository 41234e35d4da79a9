import { ts } from 'ts-morph';

/** Where a binding's value comes from; `path` walks into destructuring patterns (`{ a: [x] }` → ['a', 0]). */
export type BindingSource =
  | { kind: 'initializer'; expression: ts.Expression; path: PathStep[] }
  | { kind: 'parameter'; fn: ts.SignatureDeclaration; index: number; path: PathStep[] }
  | { kind: 'iteration'; iterable: ts.Expression; path: PathStep[] }
  | { kind: 'import'; module: string; imported: string }
  | { kind: 'function'; fn: ts.FunctionLikeDeclaration }
  | { kind: 'other' };

export type PathStep = string | number;

export interface Binding {
  name: string;
  declaration: ts.Identifier;
  source: BindingSource;
  /** The declared type, when the declaration has one (`const x: number`, `(lsid: number)`). */
  typeNode?: ts.TypeNode;
  /** Later `x = …` assignments. */
  assignments: ts.Expression[];
  /** Elements added later with `x.push(…)` or `x.unshift(…)`. */
  appended: ts.Expression[];
  /** Later `x.field = …` assignments, by field name. */
  fieldAssignments: Map<string, ts.Expression[]>;
}

function isFunctionScope(node: ts.Node): boolean {
  return ts.isFunctionLike(node) || ts.isSourceFile(node) || ts.isClassStaticBlockDeclaration(node);
}

function isBlockScope(node: ts.Node): boolean {
  return (
    isFunctionScope(node) || ts.isBlock(node) || ts.isCaseBlock(node) || ts.isModuleBlock(node) ||
    ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isCatchClause(node)
  );
}

/** Lexical scopes of one file, so `id` in `parseInt(id)` finds the `id` it means. */
export class Scopes {
  private readonly tables = new Map<ts.Node, Map<string, Binding>>();
  readonly bindings: Binding[] = [];

  constructor(sourceFile: ts.SourceFile) {
    const visit = (node: ts.Node): void => {
      this.declare(node);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    const collectAssignments = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) {
        this.resolve(node.left)?.assignments.push(node.right);
      }
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) && ts.isIdentifier(node.left.expression)) {
        const fields = this.resolve(node.left.expression)?.fieldAssignments;
        const name = node.left.name.text;
        if (fields) fields.set(name, [...(fields.get(name) ?? []), node.right]);
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) &&
        (node.expression.name.text === 'push' || node.expression.name.text === 'unshift')) {
        this.resolve(node.expression.expression)?.appended.push(...node.arguments);
      }
      ts.forEachChild(node, collectAssignments);
    };
    collectAssignments(sourceFile);
  }

  resolve(identifier: ts.Identifier): Binding | undefined {
    const name = identifier.text;
    for (let node: ts.Node | undefined = identifier; node; node = node.parent) {
      const binding = this.tables.get(node)?.get(name);
      if (binding) return binding;
    }
    return undefined;
  }

  /** The binding an identifier declares, if it is a declaration name. */
  declaredBy(identifier: ts.Identifier): Binding | undefined {
    const binding = this.resolve(identifier);
    return binding?.declaration === identifier ? binding : undefined;
  }

  private add(scope: ts.Node, declaration: ts.Identifier, source: BindingSource, typeNode?: ts.TypeNode): void {
    let table = this.tables.get(scope);
    if (!table) this.tables.set(scope, (table = new Map()));
    const binding: Binding = { name: declaration.text, declaration, source, typeNode, assignments: [], appended: [], fieldAssignments: new Map() };
    table.set(declaration.text, binding);
    this.bindings.push(binding);
  }

  private enclosing(node: ts.Node, predicate: (n: ts.Node) => boolean): ts.Node {
    let current = node.parent;
    while (current && !predicate(current)) current = current.parent;
    return current ?? node.getSourceFile();
  }

  private declare(node: ts.Node): void {
    if (ts.isVariableDeclaration(node)) {
      const list = node.parent;
      const blockScoped = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) !== 0;
      const scope = this.enclosing(list, blockScoped ? isBlockScope : isFunctionScope);
      const loop = list.parent;
      const source = (path: PathStep[]): BindingSource =>
        (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) && loop.initializer === list
          ? ts.isForOfStatement(loop) ? { kind: 'iteration', iterable: loop.expression, path } : { kind: 'other' }
          : node.initializer ? { kind: 'initializer', expression: node.initializer, path } : { kind: 'other' };
      this.declarePattern(node.name, scope, source, node.type);
    } else if (ts.isParameter(node)) {
      const fn = node.parent;
      if (!ts.isFunctionLike(fn)) return;
      const index = fn.parameters.indexOf(node);
      this.declarePattern(node.name, fn, (path) => ({ kind: 'parameter', fn, index, path }), node.type);
    } else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) {
      const source: BindingSource = ts.isFunctionDeclaration(node) ? { kind: 'function', fn: node } : { kind: 'other' };
      this.add(this.enclosing(node, isBlockScope), node.name, source);
    } else if (ts.isFunctionExpression(node) && node.name) {
      this.add(node, node.name, { kind: 'function', fn: node });
    } else if (ts.isImportClause(node)) {
      this.declareImport(node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const module = node.moduleReference.expression;
      if (ts.isStringLiteral(module)) this.add(node.getSourceFile(), node.name, { kind: 'import', module: module.text, imported: '*' });
    } else if (ts.isCatchClause(node) && node.variableDeclaration && ts.isIdentifier(node.variableDeclaration.name)) {
      this.add(node, node.variableDeclaration.name, { kind: 'other' });
    }
  }

  private declareImport(clause: ts.ImportClause): void {
    const declaration = clause.parent;
    if (!ts.isStringLiteral(declaration.moduleSpecifier)) return;
    const module = declaration.moduleSpecifier.text;
    const file = clause.getSourceFile();
    if (clause.name) this.add(file, clause.name, { kind: 'import', module, imported: 'default' });
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) this.add(file, bindings.name, { kind: 'import', module, imported: '*' });
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        this.add(file, element.name, { kind: 'import', module, imported });
      }
    }
  }

  private declarePattern(
    name: ts.BindingName,
    scope: ts.Node,
    source: (path: PathStep[]) => BindingSource,
    typeNode: ts.TypeNode | undefined,
    path: PathStep[] = [],
  ): void {
    if (ts.isIdentifier(name)) {
      this.add(scope, name, source(path), typeNode);
      return;
    }
    name.elements.forEach((element, index) => {
      if (ts.isOmittedExpression(element)) return;
      if (element.dotDotDotToken) {
        this.declarePattern(element.name, scope, () => ({ kind: 'other' }), undefined);
        return;
      }
      let step: PathStep = index;
      if (ts.isObjectBindingPattern(name)) {
        const key = element.propertyName ?? element.name;
        step = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : '';
      }
      this.declarePattern(element.name, scope, source, undefined, [...path, step]);
    });
  }
}
