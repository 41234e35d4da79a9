/** State shared by the C# lowering passes (statements, expressions, LINQ queries). */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from '../../types.js';
import type { Expr, Stmt } from '../tree-sitter/ir.js';

export type StringExpr = Extract<Expr, { k: 'string' }>;

export class LowerContext {
  /** String expressions by the id of the node that starts them, so the tree and `Program.strings` share objects. */
  readonly strings = new Map<number, StringExpr>();
  /**
   * Declarations written inside expressions (`out long lsid`, `x is XElement el`, `(line = r.ReadLine())`),
   * emitted as statements right before the statement that holds them.
   */
  hoisted: Stmt[] = [];
  /** Receivers of the conditional accesses being lowered: `a?.b` lowers `.b` against the top one. */
  readonly receivers: Expr[] = [];
  /** The declared type of the declaration being lowered, for target-typed `new()`. */
  expectedType: string | undefined;
  /** The class being lowered: its constructors are functions named after it. */
  className: string | undefined;
  /** Field and property names of the enclosing types, innermost last: a bare `_doc` in a method is `this._doc`. */
  readonly memberScopes: Set<string>[] = [];
  /** Names declared in the member being lowered (parameters, locals), which shadow fields. */
  locals: ReadonlySet<string> = new Set();

  /** Whether a bare identifier names a field or property of the enclosing type. */
  isMember(name: string): boolean {
    return !this.locals.has(name) && (this.memberScopes[this.memberScopes.length - 1]?.has(name) ?? false);
  }

  stringAt(node: Node, make: () => StringExpr): StringExpr {
    let expr = this.strings.get(node.id);
    if (!expr) {
      expr = make();
      this.strings.set(node.id, expr);
    }
    return expr;
  }

  /** Runs `fn` collecting the declarations it hoists, and returns them before its statements. */
  collecting(fn: () => Stmt[]): Stmt[] {
    const saved = this.hoisted;
    this.hoisted = [];
    try {
      const stmts = fn();
      return [...this.hoisted, ...stmts];
    } finally {
      this.hoisted = saved;
    }
  }
}

export { spanOf } from '../tree-sitter/syntax.js';

/** A type as written, without whitespace: `Dictionary<string,int>`, `long?`, `int[]`. */
export function typeText(node: Node | null | undefined): string | undefined {
  if (!node || node.type === 'implicit_type') return undefined;
  return node.text.replace(/\s+/g, '');
}

/** Named children, without comments and preprocessor lines. */
export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment' && !child.type.startsWith('preproc_'));
}
