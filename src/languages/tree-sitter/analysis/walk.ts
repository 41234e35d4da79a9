import type { Expr, Stmt } from '../ir.js';

/** The direct sub-expressions of an expression (lambda bodies are statements, see `stmtChildren`). */
export function exprChildren(expr: Expr): Expr[] {
  switch (expr.k) {
    case 'template': return expr.parts;
    case 'member': return [expr.object];
    case 'index': return [expr.object, expr.index];
    case 'call': return [expr.callee, ...expr.args.map((a) => a.value)];
    case 'new': return [...expr.args.map((a) => a.value), ...(expr.init ?? []).map((a) => a.value)];
    case 'cast': return [expr.operand];
    case 'binary': return [expr.left, expr.right];
    case 'unary': return [expr.operand];
    case 'conditional': return [expr.condition, expr.whenTrue, expr.whenFalse];
    case 'list': return expr.items;
    case 'dict': return expr.entries.flatMap((e) => [e.key, e.value]);
    case 'comprehension': return [expr.element, ...(expr.key ? [expr.key] : []), expr.target, expr.iterable, ...expr.conditions];
    case 'other': return expr.children;
    case 'lambda': return expr.params.flatMap((p) => (p.default ? [p.default] : []));
    default: return [];
  }
}

/** Expressions held directly by a statement. */
export function stmtExprs(stmt: Stmt): Expr[] {
  switch (stmt.k) {
    case 'expr': return [stmt.expr];
    case 'assign': return [...stmt.targets, ...(stmt.value ? [stmt.value] : []), ...annotationExprs(stmt.annotations)];
    case 'return': return stmt.value ? [stmt.value] : [];
    case 'function': return [...stmt.params.flatMap((p) => [...(p.default ? [p.default] : []), ...annotationExprs(p.annotations)]), ...annotationExprs(stmt.annotations)];
    case 'class': return annotationExprs(stmt.annotations);
    case 'for': return [stmt.target, ...(stmt.key ? [stmt.key] : []), stmt.iterable];
    case 'block': return stmt.exprs;
    case 'import': return [];
  }
}

export function stmtChildren(stmt: Stmt): Stmt[] {
  switch (stmt.k) {
    case 'function': case 'class': case 'for': case 'block': return stmt.body;
    default: return [];
  }
}

function annotationExprs(annotations: readonly { args: { value: Expr }[] }[] | undefined): Expr[] {
  return (annotations ?? []).flatMap((a) => a.args.map((arg) => arg.value));
}

/**
 * Visits every statement and expression in source order, with the innermost enclosing function or
 * lambda (its scope). `enterScope` lets the caller keep per-scope state.
 */
export interface Visitor {
  stmt?(stmt: Stmt, scope: ScopeNode): void;
  expr?(expr: Expr, scope: ScopeNode, parent: Expr | Stmt | undefined): void;
}

export type ScopeNode = Extract<Stmt, { k: 'function' }> | Extract<Expr, { k: 'lambda' }> | 'module';

export function walkProgram(body: readonly Stmt[], visitor: Visitor): void {
  const visitExpr = (expr: Expr, scope: ScopeNode, parent: Expr | Stmt | undefined): void => {
    visitor.expr?.(expr, scope, parent);
    for (const child of exprChildren(expr)) visitExpr(child, scope, expr);
    if (expr.k === 'lambda') expr.body.forEach((s) => visitStmt(s, expr));
  };
  const visitStmt = (stmt: Stmt, scope: ScopeNode): void => {
    visitor.stmt?.(stmt, scope);
    for (const expr of stmtExprs(stmt)) visitExpr(expr, scope, stmt);
    const inner: ScopeNode = stmt.k === 'function' ? stmt : scope;
    for (const child of stmtChildren(stmt)) visitStmt(child, inner);
  };
  body.forEach((s) => visitStmt(s, 'module'));
}

/** The dotted text of a callee or type path: `ET.fromstring`, `int.Parse`, `this.client.get`; undefined for computed parts. */
export function dottedName(expr: Expr): string | undefined {
  if (expr.k === 'name') return expr.name;
  if (expr.k === 'type') return expr.name;
  if (expr.k === 'member') {
    const object = dottedName(expr.object);
    return object === undefined ? undefined : `${object}.${expr.name}`;
  }
  return undefined;
}

/** The last segment of a callee: the method or function name. */
export function calleeMethod(expr: Expr): string | undefined {
  if (expr.k === 'member') return expr.name;
  if (expr.k === 'name' || expr.k === 'type') return expr.name.split(/[.\\]/).pop();
  return undefined;
}

export function stringValue(expr: Expr | undefined): string | undefined {
  if (!expr) return undefined;
  if (expr.k === 'string') return expr.value;
  return undefined;
}

/** The bare type name: `System.Int32` → `Int32`, `int?` → `int`, `Optional[int]` → `int`, `List<int>` stays whole. */
export function bareType(type: string): string {
  let t = type.trim().replace(/\?$/, '');
  const optional = /^(?:Optional|typing\.Optional|Nullable|System\.Nullable|Mapped|sa\.orm\.Mapped)\s*[[<]\s*(.+?)\s*[\]>]$/.exec(t);
  if (optional) t = optional[1]!;
  const union = t.split('|').map((part) => part.trim()).filter((part) => part !== 'None' && part !== 'null' && part !== 'NULL');
  if (union.length === 1) t = union[0]!;
  // Generic arguments are not part of the name tables match: `HashSet<long>`, `List<String>`, `HashSet<>`.
  t = t.replace(/^\?/, '').replace(/\s*<.*>$/s, '');
  return t.split(/[.\\]/).pop() ?? t;
}

/** Every import statement, wherever it is nested (C# `using`s inside a namespace block). */
export function importsOf(body: readonly Stmt[]): Extract<Stmt, { k: 'import' }>[] {
  const imports: Extract<Stmt, { k: 'import' }>[] = [];
  walkProgram(body, { stmt: (stmt) => (stmt.k === 'import' ? void imports.push(stmt) : undefined) });
  return imports;
}
