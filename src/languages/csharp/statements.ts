/** Lowering of C# statements (tree-sitter-c-sharp) into the shared IR. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Expr, Stmt } from '../tree-sitter/ir.js';
import { LowerContext, namedChildren, spanOf, typeText } from './context.js';
import { CLASS_TYPES, lowerClass, lowerFunction, variableDeclarations } from './declarations.js';
import { lowerChildren, lowerExpr, valueChild } from './expressions.js';
import { patternTest } from './patterns.js';

/** The statements of a block (or of a single embedded statement). */
export function lowerBody(cx: LowerContext, node: Node | null | undefined): Stmt[] {
  if (!node) return [];
  if (node.type !== 'block') return lowerStatement(cx, node);
  return namedChildren(node).flatMap((child) => lowerStatement(cx, child));
}

/** One statement, preceded by the declarations its expressions hoisted. */
export function lowerStatement(cx: LowerContext, node: Node): Stmt[] {
  return cx.collecting(() => statement(cx, node));
}

function block(exprs: Expr[], body: Stmt[], node: Node): Stmt {
  return { k: 'block', exprs, body, span: spanOf(node) };
}

function statement(cx: LowerContext, node: Node): Stmt[] {
  const field = (name: string) => node.childForFieldName(name);
  const expr = (n: Node | null | undefined) => (n ? [lowerExpr(cx, n)] : []);
  switch (node.type) {
    case 'block':
      return lowerBody(cx, node);
    case 'expression_statement': {
      const inner = valueChild(node);
      return inner ? expressionStatement(cx, inner) : [];
    }
    case 'local_declaration_statement': {
      const declaration = namedChildren(node).find((child) => child.type === 'variable_declaration');
      return declaration ? variableDeclarations(cx, declaration, undefined, node) : [];
    }
    case 'return_statement': {
      const value = valueChild(node);
      return [value ? { k: 'return', value: lowerExpr(cx, value), span: spanOf(node) } : { k: 'return', span: spanOf(node) }];
    }
    case 'yield_statement': {
      const value = valueChild(node);
      return value ? [{ k: 'return', value: lowerExpr(cx, value), span: spanOf(node) }] : [];
    }
    case 'throw_statement': {
      const value = valueChild(node);
      return value ? [{ k: 'expr', expr: lowerExpr(cx, value), span: spanOf(node) }] : [];
    }
    case 'if_statement':
      return [block(expr(field('condition')), [...lowerBody(cx, field('consequence')), ...lowerBody(cx, field('alternative'))], node)];
    case 'while_statement':
    case 'do_statement':
      return [block(expr(field('condition')), lowerBody(cx, field('body')), node)];
    case 'for_statement': {
      const initializers = node.childrenForFieldName('initializer').filter((n): n is Node => !!n);
      const init = initializers.flatMap((n) => (n.type === 'variable_declaration' ? variableDeclarations(cx, n, undefined, n) : expressionStatement(cx, n)));
      const updates = node.childrenForFieldName('update').filter((n): n is Node => !!n).flatMap((n) => expressionStatement(cx, n));
      return [block(expr(field('condition')), [...init, ...lowerBody(cx, field('body')), ...updates], node)];
    }
    case 'foreach_statement':
      return [foreach(cx, node)];
    case 'using_statement':
    case 'lock_statement':
    case 'fixed_statement': {
      const exprs: Expr[] = [];
      const body: Stmt[] = [];
      const bodyNode = field('body');
      for (const child of namedChildren(node)) {
        if (child.id === bodyNode?.id) continue;
        if (child.type === 'variable_declaration') body.push(...variableDeclarations(cx, child, undefined, child));
        else exprs.push(lowerExpr(cx, child));
      }
      return [block(exprs, [...body, ...lowerBody(cx, bodyNode)], node)];
    }
    case 'checked_statement':
    case 'unsafe_statement':
      return [block([], namedChildren(node).flatMap((child) => lowerBody(cx, child)), node)];
    case 'try_statement': {
      const exprs: Expr[] = [];
      const body: Stmt[] = [...lowerBody(cx, field('body'))];
      for (const clause of namedChildren(node)) {
        if (clause.type === 'catch_clause') {
          for (const part of namedChildren(clause)) {
            if (part.type === 'catch_filter_clause') exprs.push(...namedChildren(part).map((c) => lowerExpr(cx, c)));
            else if (part.type === 'block') body.push(...lowerBody(cx, part));
          }
        } else if (clause.type === 'finally_clause') {
          body.push(...namedChildren(clause).flatMap((part) => lowerBody(cx, part)));
        }
      }
      return [block(exprs, body, node)];
    }
    case 'switch_statement':
      return [switchStatement(cx, node)];
    case 'local_function_statement':
      return [lowerFunction(cx, node)];
    case 'labeled_statement':
      return namedChildren(node).filter((child) => child.type !== 'identifier').flatMap((child) => lowerStatement(cx, child));
    case 'break_statement':
    case 'continue_statement':
    case 'goto_statement':
    case 'empty_statement':
      return [];
    default:
      if (CLASS_TYPES.has(node.type)) return [lowerClass(cx, node)];
      if (node.type === 'comment' || node.type.startsWith('preproc_')) return [];
      return [{ k: 'expr', expr: lowerChildren(cx, node), span: spanOf(node) }];
  }
}

/** `a = b = v`, `x += 1`, `(a, b) = t`, `i++`, a call. */
function expressionStatement(cx: LowerContext, node: Node): Stmt[] {
  if (node.type !== 'assignment_expression') return [{ k: 'expr', expr: lowerExpr(cx, node), span: spanOf(node) }];
  const op = node.childForFieldName('operator')?.text ?? '=';
  const targets: Node[] = [];
  let current: Node = node;
  // Chained `a = b = v`: every target gets v.
  while (current.type === 'assignment_expression' && (current.childForFieldName('operator')?.text ?? '=') === op && (op === '=' || current === node)) {
    const left = current.childForFieldName('left');
    const right = current.childForFieldName('right');
    if (!left || !right) break;
    targets.push(left);
    current = right;
    if (op !== '=') break;
  }
  if (!targets.length) return [{ k: 'expr', expr: lowerChildren(cx, node), span: spanOf(node) }];
  const lowered = targets.flatMap((target): Expr[] =>
    target.type === 'tuple_expression' ? namedChildren(target).map((arg) => lowerExpr(cx, valueChild(arg) ?? arg)) : [lowerExpr(cx, target)]);
  const stmt: Stmt = { k: 'assign', targets: lowered, value: lowerExpr(cx, current), op, span: spanOf(node) };
  if (targets.length === 1 && targets[0]!.type === 'tuple_expression') stmt.unpack = true;
  return [stmt];
}

/** `foreach (var s in xs)`, `foreach (var (k, v) in dict)`, `foreach (XElement s in …)`: a typed variable is also declared. */
function foreach(cx: LowerContext, node: Node): Stmt {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const type = typeText(node.childForFieldName('type'));
  const iterable = right ? lowerExpr(cx, right) : { k: 'other' as const, children: [], span: spanOf(node) };
  let target: Expr;
  if (left?.type === 'tuple_pattern' || left?.type === 'parenthesized_variable_designation') {
    target = { k: 'list', items: namedChildren(left).map((n) => ({ k: 'name' as const, name: n.text, span: spanOf(n) })), span: spanOf(left) };
  } else if (left) {
    target = { k: 'name', name: left.childForFieldName('name')?.text ?? left.text, span: spanOf(left) };
  } else {
    target = { k: 'other', children: [], span: spanOf(node) };
  }
  const body: Stmt[] = [];
  if (type && target.k === 'name') {
    body.push({ k: 'assign', targets: [{ ...target }], op: '=', declaredType: type, span: { start: node.childForFieldName('type')!.startIndex, end: left!.endIndex } });
  }
  body.push(...lowerBody(cx, node.childForFieldName('body')));
  return { k: 'for', target, iterable, body, span: spanOf(node) };
}

/** `switch (x) { case "a": … case > 5 when c: … }`: each label is a test on the subject. */
function switchStatement(cx: LowerContext, node: Node): Stmt {
  const valueNode = node.childForFieldName('value') ?? namedChildren(node)[0];
  const subject = valueNode ? lowerExpr(cx, valueNode) : undefined;
  const exprs: Expr[] = subject ? [subject] : [];
  const body: Stmt[] = [];
  const switchBody = node.childForFieldName('body') ?? namedChildren(node).find((child) => child.type === 'switch_body');
  for (const section of switchBody ? namedChildren(switchBody) : []) {
    if (section.type !== 'switch_section') continue;
    for (const part of namedChildren(section)) {
      if (part.type.endsWith('_pattern') || part.type === 'discard') {
        if (subject && part.type !== 'discard') exprs.push(patternTest(cx, subject, part, spanOf(part)));
      } else if (part.type === 'when_clause') {
        exprs.push(lowerChildren(cx, part));
      } else if (!part.type.endsWith('_literal') && part.type !== 'identifier') {
        body.push(...lowerStatement(cx, part));
      } else if (subject) {
        // `case SomeConstant:` in older grammars: a bare expression label.
        exprs.push({ k: 'binary', op: '==', left: subject, right: lowerExpr(cx, part), span: spanOf(part) });
      }
    }
  }
  return block(exprs, body, node);
}
