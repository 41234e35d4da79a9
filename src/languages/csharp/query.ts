/**
 * LINQ query syntax as comprehensions: `from s in xs where c orderby k select e` becomes
 * `[e for s in xs.OrderBy(s => k) if c]`, so the range variable is bound to the elements of the
 * source and the ordering is the same sort-with-a-key call that method syntax gives.
 * A second `from` or a `join` nests a comprehension; `let l = v` is a nested `from l in [v]`;
 * `into g` continues with the query so far as the source.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Expr } from '../tree-sitter/ir.js';
import { LowerContext, namedChildren, spanOf } from './context.js';
import { lowerChildren, lowerExpr } from './expressions.js';

type Comprehension = Extract<Expr, { k: 'comprehension' }>;

/** The identifier a `from`/`join`/`let` clause declares, and the expressions after it. */
function clauseParts(clause: Node): { variable?: Node; exprs: Node[] } {
  const children = namedChildren(clause);
  const named = clause.childForFieldName('name');
  if (named) return { variable: named, exprs: children.filter((child) => child.id !== named.id && child.id !== clause.childForFieldName('type')?.id) };
  // `join r in reps on a equals b`, `let l = v`, `from T x in xs`: the declared identifier comes
  // right before `in` or `=`.
  for (let i = 0; i < clause.childCount; i++) {
    const child = clause.child(i);
    const next = clause.child(i + 1);
    if (child?.type === 'identifier' && (next?.type === 'in' || next?.type === '=')) {
      return { variable: child, exprs: children.filter((c) => c.startIndex > child.startIndex) };
    }
  }
  return { exprs: children };
}

interface Level {
  target: Node;
  iterable: Expr;
  conditions: Expr[];
}

export function lowerQuery(cx: LowerContext, node: Node): Expr {
  const clauses = node.children.filter((child): child is Node => !!child && child.type !== 'comment');
  const levels: Level[] = [];
  let element: Expr | undefined;

  const open = (variable: Node, iterable: Expr) => levels.push({ target: variable, iterable, conditions: [] });
  const current = () => levels[levels.length - 1];

  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    switch (clause.type) {
      case 'from_clause': {
        const { variable, exprs } = clauseParts(clause);
        if (variable && exprs[0]) open(variable, lowerExpr(cx, exprs[0]));
        break;
      }
      case 'join_clause': {
        // join r in reps on s.Rep equals r.Id [into g]
        const { variable, exprs } = clauseParts(clause);
        if (!variable || !exprs[0]) break;
        open(variable, lowerExpr(cx, exprs[0]));
        const [left, right] = [exprs[1], exprs[2]];
        if (left && right) current()!.conditions.push({ k: 'binary', op: '==', left: lowerExpr(cx, left), right: lowerExpr(cx, right), span: { start: left.startIndex, end: right.endIndex } });
        break;
      }
      case 'let_clause': {
        const { variable, exprs } = clauseParts(clause);
        if (!variable || !exprs[0]) break;
        const value = lowerExpr(cx, exprs[0]);
        open(variable, { k: 'list', items: [value], span: spanOf(clause) });
        break;
      }
      case 'where_clause': {
        const condition = namedChildren(clause)[0];
        if (condition && current()) current()!.conditions.push(lowerExpr(cx, condition));
        break;
      }
      case 'order_by_clause':
        orderBy(cx, clause, current());
        break;
      case 'select_clause': {
        const value = namedChildren(clause)[0];
        if (value) element = lowerExpr(cx, value);
        break;
      }
      case 'group_clause': {
        // group s by key: the elements, with the key kept alongside.
        const [value, key] = namedChildren(clause);
        if (value) element = key ? { k: 'other', children: [lowerExpr(cx, value), lowerExpr(cx, key)], span: spanOf(clause) } : lowerExpr(cx, value);
        break;
      }
      case 'into': {
        // Query continuation: the query so far is the source of the rest.
        const variable = clauses[i + 1];
        if (variable?.type !== 'identifier') break;
        const soFar = close(levels.splice(0), element, { start: node.startIndex, end: clause.startIndex });
        element = undefined;
        open(variable, soFar);
        i++;
        break;
      }
      default:
        if (clause.isNamed && clause.type !== 'identifier') element ??= lowerChildren(cx, clause);
    }
  }
  return close(levels, element, spanOf(node));
}

/** `orderby a descending, b`: the current source sorted by `a`, then by `b`, with the range variable as the key's parameter. */
function orderBy(cx: LowerContext, clause: Node, level: Level | undefined): void {
  if (!level) return;
  let first = true;
  const children = clause.children.filter((child): child is Node => !!child && child.type !== 'comment');
  for (let i = 0; i < children.length; i++) {
    const key = children[i]!;
    if (!key.isNamed) continue;
    const descending = children[i + 1]?.type === 'descending';
    const method = `${first ? 'OrderBy' : 'ThenBy'}${descending ? 'Descending' : ''}`;
    const span = spanOf(key);
    const keyLambda: Expr = {
      k: 'lambda',
      params: [{ name: level.target.text, span: spanOf(level.target) }],
      body: [{ k: 'return', value: lowerExpr(cx, key), span }],
      span,
    };
    level.iterable = {
      k: 'call',
      callee: { k: 'member', object: level.iterable, name: method, span: { start: level.iterable.span.start, end: span.end }, nameSpan: span },
      args: [{ value: keyLambda }],
      span: { start: clause.startIndex, end: span.end },
    };
    first = false;
  }
}

/** Nests the levels: the innermost comprehension yields the element, each outer one yields the next level. */
function close(levels: Level[], element: Expr | undefined, span: { start: number; end: number }): Expr {
  let result: Expr = element ?? { k: 'other', children: [], span };
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i]!;
    const comprehension: Comprehension = {
      k: 'comprehension',
      element: result,
      target: { k: 'name', name: level.target.text, span: spanOf(level.target) },
      iterable: level.iterable,
      conditions: level.conditions,
      span,
    };
    result = comprehension;
  }
  return result;
}
