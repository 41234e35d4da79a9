/**
 * Lowers a tree-sitter-python tree into the shared IR (../tree-sitter/ir.ts). Python specifics that
 * the analyzer should not have to know are settled here:
 * - `self` is `this`, and the first parameter of a method (`self`/`cls`) is dropped, so that call
 *   sites line up with parameters by position as in C#/Java (`obj.m(a)` → first declared param `a`);
 * - `with x as y:` becomes `y = x` at the start of the block; `*xs` in a call is the collection `xs`;
 * - comparison chains `a < b <= c` become `a < b and b <= c`; `is`/`is not` are `==`/`!=`;
 * - `'fmt' % args` (printf-style formatting of a string literal) is a call of `%`, not arithmetic;
 * - decorators are annotations, `x: T = v` is a declaration with `declaredType` T.
 */
import { spanOf } from '../tree-sitter/syntax.js';
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Annotation, Arg, Expr, Param, Program, Stmt } from '../tree-sitter/ir.js';
import type { Span } from '../../types.js';

type StringExpr = Extract<Expr, { k: 'string' }>;


function named(node: Node | null | undefined): Node[] {
  if (!node) return [];
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

/** Python's comparison and boolean operators, normalised to the IR's names. */
const COMPARISON_OPS: Record<string, string> = { is: '==', 'is not': '!=', '<>': '!=', 'not in': 'not in' };

const METHOD_FREE_DECORATORS = new Set(['staticmethod']);

export function lower(root: Node): Program {
  const strings: StringExpr[] = [];
  const names: { name: string; span: Span }[] = [];

  const addName = (node: Node): void => {
    names.push({ name: node.text, span: spanOf(node) });
  };

  // ---------- statements ----------

  function block(node: Node | null | undefined, inClass = false): Stmt[] {
    return named(node).flatMap((child) => statement(child, inClass));
  }

  function statement(node: Node, inClass = false): Stmt[] {
    const span = spanOf(node);
    switch (node.type) {
      case 'expression_statement':
        return named(node).flatMap((child) => expressionStatement(child));
      case 'decorated_definition': {
        const annotations = node.namedChildren.filter((c): c is Node => c?.type === 'decorator').map(decorator);
        const definition = node.childForFieldName('definition');
        if (!definition) return [];
        return definition.type === 'class_definition'
          ? [classDef(definition, annotations, span)]
          : [functionDef(definition, annotations, inClass, span)];
      }
      case 'function_definition':
        return [functionDef(node, [], inClass, span)];
      case 'class_definition':
        return [classDef(node, [], span)];
      case 'return_statement': {
        const value = named(node)[0];
        return [{ k: 'return', value: value ? expr(value) : undefined, span }];
      }
      case 'if_statement':
      case 'elif_clause': {
        const condition = node.childForFieldName('condition');
        const body = block(node.childForFieldName('consequence'), inClass);
        for (const alternative of node.childrenForFieldName('alternative')) {
          if (alternative) body.push(...statement(alternative, inClass));
        }
        return [{ k: 'block', exprs: condition ? [expr(condition)] : [], body, span }];
      }
      case 'else_clause':
      case 'finally_clause':
        return [{ k: 'block', exprs: [], body: block(node.childForFieldName('body') ?? named(node).find((c) => c.type === 'block'), inClass), span }];
      case 'while_statement': {
        const condition = node.childForFieldName('condition');
        const body = block(node.childForFieldName('body'), inClass);
        const alternative = node.childForFieldName('alternative');
        if (alternative) body.push(...statement(alternative, inClass));
        return [{ k: 'block', exprs: condition ? [expr(condition)] : [], body, span }];
      }
      case 'for_statement': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const body = block(node.childForFieldName('body'), inClass);
        const stmts: Stmt[] = [{ k: 'for', target: left ? expr(left) : other([], span), iterable: right ? expr(right) : other([], span), body, span }];
        const alternative = node.childForFieldName('alternative');
        if (alternative) stmts.push(...statement(alternative, inClass));
        return stmts;
      }
      case 'try_statement':
        return [{ k: 'block', exprs: [], body: named(node).flatMap((c) => (c.type === 'block' ? block(c, inClass) : statement(c, inClass))), span }];
      case 'except_clause':
      case 'except_group_clause': {
        const parts = named(node);
        const body = parts.filter((c) => c.type === 'block').flatMap((c) => block(c, inClass));
        const headers = parts.filter((c) => c.type !== 'block').map((c) => (c.type === 'as_pattern' ? expr(named(c)[0]!) : expr(c)));
        return [{ k: 'block', exprs: headers, body, span }];
      }
      case 'with_statement':
        return [withStatement(node, inClass)];
      case 'match_statement': {
        const subject = node.childrenForFieldName('subject').filter((c): c is Node => c !== null).map(expr);
        const cases = named(node.childForFieldName('body')).map((clause): Stmt => ({
          k: 'block',
          exprs: named(clause).filter((c) => c.type !== 'block').map(expr),
          body: block(clause.childForFieldName('consequence'), inClass),
          span: spanOf(clause),
        }));
        return [{ k: 'block', exprs: subject, body: cases, span }];
      }
      case 'import_statement':
        return importStatement(node);
      case 'import_from_statement':
      case 'future_import_statement':
        return [importFrom(node)];
      case 'global_statement':
      case 'nonlocal_statement':
      case 'pass_statement':
      case 'break_statement':
      case 'continue_statement':
        named(node).forEach((c) => c.type === 'identifier' && addName(c));
        return [];
      case 'block':
        return block(node, inClass);
      default: {
        // raise, assert, del, print, exec, type aliases, ERROR: keep their expressions.
        const children = named(node);
        if (!children.length) return [];
        return [{ k: 'expr', expr: other(children.map(expr), span), span }];
      }
    }
  }

  function expressionStatement(node: Node): Stmt[] {
    const span = spanOf(node);
    if (node.type === 'assignment') return assignments(node);
    if (node.type === 'augmented_assignment') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const op = node.childForFieldName('operator')?.text ?? '=';
      return [{ k: 'assign', targets: left ? [expr(left)] : [], value: right ? expr(right) : undefined, op: op === '//=' ? '/=' : op, span }];
    }
    return [{ k: 'expr', expr: expr(node), span }];
  }

  /** `a, b = x, y` is `a = x` and `b = y`: each target gets its own value, not "an element of the tuple". */
  function assignments(node: Node): Stmt[] {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left && right && !node.childForFieldName('type') && isPattern(left) && (right.type === 'expression_list' || right.type === 'tuple')) {
      const targets = named(left);
      const values = named(right);
      if (targets.length === values.length && !targets.some((t) => t.type === 'list_splat_pattern') && !values.some((v) => v.type === 'list_splat')) {
        const span = spanOf(node);
        return targets.map((target, i): Stmt => ({ k: 'assign', targets: [expr(target)], value: expr(values[i]!), op: '=', span }));
      }
    }
    return [assignment(node)];
  }

  /** `a = b = v`, `a, b = v`, `x: int = v`, `x: int`. */
  function assignment(node: Node): Stmt {
    const span = spanOf(node);
    const lefts: Node[] = [];
    let current: Node | null = node;
    let declared: Node | null = null;
    let value: Node | null = null;
    while (current && current.type === 'assignment') {
      const left = current.childForFieldName('left');
      if (left) lefts.push(left);
      declared ??= current.childForFieldName('type');
      value = current.childForFieldName('right');
      current = value;
    }
    let unpack = false;
    const targets = lefts.flatMap((left) => {
      if (isPattern(left)) {
        unpack = true;
        return named(left).map(expr);
      }
      return [expr(left)];
    });
    const stmt: Extract<Stmt, { k: 'assign' }> = { k: 'assign', targets, value: value ? expr(value) : undefined, op: '=', span };
    if (declared) stmt.declaredType = typeText(declared);
    if (unpack) stmt.unpack = true;
    return stmt;
  }

  function withStatement(node: Node, inClass: boolean): Stmt {
    const exprs: Expr[] = [];
    const bindings: Stmt[] = [];
    const clause = named(node).find((c) => c.type === 'with_clause');
    for (const item of named(clause)) {
      const value = item.childForFieldName('value') ?? named(item)[0];
      if (!value) continue;
      if (value.type === 'as_pattern') {
        const [source, target] = named(value);
        const alias = target?.type === 'as_pattern_target' ? named(target)[0] : target;
        if (source && alias) {
          bindings.push({ k: 'assign', targets: isPattern(alias) ? named(alias).map(expr) : [expr(alias)], value: expr(source), op: '=', span: spanOf(value), ...(isPattern(alias) ? { unpack: true } : {}) });
          continue;
        }
      }
      exprs.push(expr(value));
    }
    return { k: 'block', exprs, body: [...bindings, ...block(node.childForFieldName('body'), inClass)], span: spanOf(node) };
  }

  function functionDef(node: Node, annotations: Annotation[], inClass: boolean, outerSpan: Span): Stmt {
    const nameNode = node.childForFieldName('name');
    // Incomplete code (`def (`): keep what is inside, as for any construct the parser could not read.
    if (!nameNode) return { k: 'expr', expr: other(named(node).map(expr), outerSpan), span: outerSpan };
    addName(nameNode);
    let params = parameters(node.childForFieldName('parameters'));
    const bound = inClass && !annotations.some((a) => METHOD_FREE_DECORATORS.has(a.name));
    if (bound && params.length && !params[0]!.rest) params = params.slice(1);
    const returnType = node.childForFieldName('return_type');
    const fn: Extract<Stmt, { k: 'function' }> = {
      k: 'function',
      name: nameNode.text,
      params,
      body: block(node.childForFieldName('body')),
      span: outerSpan,
      nameSpan: spanOf(nameNode),
    };
    if (returnType) fn.returnType = typeText(returnType);
    if (annotations.length) fn.annotations = annotations;
    return fn;
  }

  function classDef(node: Node, annotations: Annotation[], outerSpan: Span): Stmt {
    const nameNode = node.childForFieldName('name');
    if (!nameNode) return { k: 'expr', expr: other(named(node).map(expr), outerSpan), span: outerSpan };
    addName(nameNode);
    const bases: string[] = [];
    for (const base of named(node.childForFieldName('superclasses'))) {
      if (base.type === 'keyword_argument') {
        const value = base.childForFieldName('value');
        if (value) expr(value);
        continue;
      }
      expr(base); // records names and strings
      bases.push(base.text);
    }
    const cls: Extract<Stmt, { k: 'class' }> = { k: 'class', name: nameNode.text, bases, body: block(node.childForFieldName('body'), true), span: outerSpan };
    if (annotations.length) cls.annotations = annotations;
    return cls;
  }

  function parameters(node: Node | null): Param[] {
    const params: Param[] = [];
    for (const p of named(node)) {
      switch (p.type) {
        case 'identifier':
          addName(p);
          params.push({ name: p.text, span: spanOf(p) });
          break;
        case 'typed_parameter': {
          const inner = named(p)[0];
          const type = p.childForFieldName('type');
          const param = inner ? paramName(inner) : undefined;
          if (param) params.push({ ...param, ...(type ? { type: typeText(type) } : {}) });
          break;
        }
        case 'default_parameter':
        case 'typed_default_parameter': {
          const nameNode = p.childForFieldName('name');
          const type = p.childForFieldName('type');
          const value = p.childForFieldName('value');
          const param = nameNode ? paramName(nameNode) : undefined;
          if (param) params.push({ ...param, ...(type ? { type: typeText(type) } : {}), ...(value ? { default: expr(value) } : {}) });
          break;
        }
        case 'list_splat_pattern':
        case 'dictionary_splat_pattern': {
          const param = paramName(p);
          if (param) params.push(param);
          break;
        }
        default:
          break; // `*` and `/` separators
      }
    }
    return params;
  }

  function paramName(node: Node): Param | undefined {
    if (node.type === 'identifier') {
      addName(node);
      return { name: node.text, span: spanOf(node) };
    }
    if (node.type === 'list_splat_pattern' || node.type === 'dictionary_splat_pattern') {
      const inner = named(node)[0];
      if (!inner) return undefined;
      addName(inner);
      return { name: inner.text, span: spanOf(inner), rest: true };
    }
    return undefined;
  }

  function decorator(node: Node): Annotation {
    const inner = named(node)[0];
    const span = spanOf(node);
    if (!inner) return { name: '', args: [], span };
    if (inner.type === 'call') {
      const callee = inner.childForFieldName('function');
      if (callee) expr(callee);
      return { name: callee?.text ?? '', args: args(inner.childForFieldName('arguments')), span };
    }
    expr(inner);
    return { name: inner.text, args: [], span };
  }

  function importStatement(node: Node): Stmt[] {
    return named(node).map((item): Stmt => {
      if (item.type === 'aliased_import') {
        const module = item.childForFieldName('name')?.text ?? '';
        const alias = item.childForFieldName('alias');
        if (alias) addName(alias);
        return { k: 'import', module, names: [{ name: module, ...(alias ? { alias: alias.text } : {}) }], span: spanOf(node) };
      }
      return { k: 'import', module: item.text, names: [], span: spanOf(node) };
    });
  }

  function importFrom(node: Node): Stmt {
    const moduleNode = node.childForFieldName('module_name');
    const module = node.type === 'future_import_statement' ? '__future__' : (moduleNode?.text ?? '');
    const imported: { name: string; alias?: string }[] = [];
    for (const item of named(node)) {
      if (moduleNode && item.startIndex === moduleNode.startIndex && item.endIndex === moduleNode.endIndex) continue;
      if (item.type === 'wildcard_import') imported.push({ name: '*' });
      else if (item.type === 'aliased_import') {
        const alias = item.childForFieldName('alias');
        if (alias) addName(alias);
        imported.push({ name: item.childForFieldName('name')?.text ?? '', ...(alias ? { alias: alias.text } : {}) });
      } else if (item.type === 'dotted_name') {
        addName(item);
        imported.push({ name: item.text });
      }
    }
    return { k: 'import', module, names: imported, span: spanOf(node) };
  }

  // ---------- expressions ----------

  function other(children: Expr[], span: Span): Expr {
    return { k: 'other', children, span };
  }

  function expr(node: Node): Expr {
    const span = spanOf(node);
    switch (node.type) {
      case 'identifier':
        addName(node);
        return { k: 'name', name: node.text === 'self' ? 'this' : node.text, span };
      case 'string':
        return stringLiteral(node);
      case 'concatenated_string':
        return concatenated(node);
      case 'integer':
      case 'float':
        return { k: 'number', text: node.text, span };
      case 'true':
      case 'false':
        return { k: 'bool', value: node.type === 'true', span };
      case 'none':
        return { k: 'null', span };
      case 'attribute': {
        const object = node.childForFieldName('object');
        const attribute = node.childForFieldName('attribute');
        if (!object || !attribute) return other(named(node).map(expr), span);
        addName(attribute);
        return { k: 'member', object: expr(object), name: attribute.text, span, nameSpan: spanOf(attribute) };
      }
      case 'subscript': {
        const value = node.childForFieldName('value');
        const subscripts = node.childrenForFieldName('subscript').filter((c): c is Node => c !== null);
        if (!value) return other(subscripts.map(expr), span);
        const index: Expr = subscripts.length === 1 ? expr(subscripts[0]!) : { k: 'list', items: subscripts.map(expr), span: { start: subscripts[0]?.startIndex ?? span.start, end: subscripts.at(-1)?.endIndex ?? span.end } };
        return { k: 'index', object: expr(value), index, span };
      }
      case 'call':
        return call(node);
      case 'comparison_operator':
        return comparison(node);
      case 'boolean_operator': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const op = node.childForFieldName('operator')?.text ?? 'and';
        return { k: 'binary', op, left: left ? expr(left) : other([], span), right: right ? expr(right) : other([], span), span };
      }
      case 'binary_operator':
        return binary(node);
      case 'not_operator': {
        const argument = node.childForFieldName('argument');
        return { k: 'unary', op: '!', operand: argument ? expr(argument) : other([], span), span };
      }
      case 'unary_operator': {
        const argument = node.childForFieldName('argument');
        return { k: 'unary', op: node.childForFieldName('operator')?.text ?? '-', operand: argument ? expr(argument) : other([], span), span };
      }
      case 'conditional_expression': {
        const [whenTrue, condition, whenFalse] = named(node);
        if (!whenTrue || !condition || !whenFalse) return other(named(node).map(expr), span);
        return { k: 'conditional', condition: expr(condition), whenTrue: expr(whenTrue), whenFalse: expr(whenFalse), span };
      }
      case 'lambda': {
        const params = parameters(node.childForFieldName('parameters'));
        const body = node.childForFieldName('body');
        return { k: 'lambda', params, body: body ? [{ k: 'return', value: expr(body), span: spanOf(body) }] : [], span };
      }
      case 'list':
      case 'tuple':
      case 'expression_list':
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
        return { k: 'list', items: named(node).map(expr), span };
      case 'set':
        return { k: 'list', items: named(node).map(expr), span, kind: 'set' };
      case 'dictionary':
        return {
          k: 'dict',
          entries: named(node).map((entry) => {
            if (entry.type === 'pair') {
              const key = entry.childForFieldName('key');
              const value = entry.childForFieldName('value');
              return { key: key ? expr(key) : other([], spanOf(entry)), value: value ? expr(value) : other([], spanOf(entry)) };
            }
            return { key: other([], spanOf(entry)), value: expr(named(entry)[0] ?? entry) };
          }),
          span,
        };
      case 'list_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
      case 'dictionary_comprehension':
        return comprehension(node);
      case 'parenthesized_expression':
      case 'await':
      case 'type':
      case 'as_pattern_target':
      case 'list_splat':
      case 'keyword_separator': {
        const inner = named(node)[0];
        return inner ? expr(inner) : other([], span);
      }
      case 'dictionary_splat':
      case 'list_splat_pattern':
      case 'dictionary_splat_pattern': {
        const inner = named(node)[0];
        return inner ? expr(inner) : other([], span);
      }
      case 'named_expression': {
        const nameNode = node.childForFieldName('name');
        const value = node.childForFieldName('value');
        if (nameNode) addName(nameNode);
        return value ? expr(value) : other([], span);
      }
      case 'keyword_argument': {
        const value = node.childForFieldName('value');
        return value ? expr(value) : other([], span);
      }
      case 'ellipsis':
        return other([], span);
      default:
        return other(named(node).map(expr), span);
    }
  }

  function args(node: Node | null): Arg[] {
    if (!node) return [];
    if (node.type === 'generator_expression') return [{ value: expr(node) }];
    return named(node).map((arg): Arg => {
      if (arg.type === 'keyword_argument') {
        const nameNode = arg.childForFieldName('name');
        const value = arg.childForFieldName('value');
        if (nameNode) addName(nameNode);
        return { name: nameNode?.text, value: value ? expr(value) : other([], spanOf(arg)) };
      }
      if (arg.type === 'dictionary_splat') return { name: '**', value: expr(arg) };
      return { value: expr(arg) };
    });
  }

  function call(node: Node): Expr {
    const span = spanOf(node);
    const callee = node.childForFieldName('function');
    return { k: 'call', callee: callee ? expr(callee) : other([], span), args: args(node.childForFieldName('arguments')), span };
  }

  /** `a < b <= c` is `a < b and b <= c`; each comparison spans from its left operand to its right one. */
  function comparison(node: Node): Expr {
    const operands: Node[] = [];
    const ops: string[] = [];
    for (let i = 0; i < node.childCount; i++) {
      const child = node.child(i);
      if (!child || child.type === 'comment') continue;
      if (node.fieldNameForChild(i) === 'operators') ops.push(child.text.replace(/\s+/g, ' '));
      else if (child.isNamed) operands.push(child);
    }
    const lowered = operands.map(expr);
    let result: Expr | undefined;
    for (let i = 0; i < ops.length && i + 1 < lowered.length; i++) {
      const op = COMPARISON_OPS[ops[i]!] ?? ops[i]!;
      const pairSpan = i === 0 && ops.length === 1 ? spanOf(node) : { start: operands[i]!.startIndex, end: operands[i + 1]!.endIndex };
      const pair: Expr = { k: 'binary', op, left: lowered[i]!, right: lowered[i + 1]!, span: pairSpan };
      result = result ? { k: 'binary', op: 'and', left: result, right: pair, span: spanOf(node) } : pair;
    }
    return result ?? other(lowered, spanOf(node));
  }

  function binary(node: Node): Expr {
    const span = spanOf(node);
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const op = node.childForFieldName('operator')?.text ?? '+';
    if (op === '%' && left && (left.type === 'string' || left.type === 'concatenated_string')) {
      // printf-style formatting: `'lsid=%d' % lsid` formats, it does not compute a remainder.
      const items = right ? (right.type === 'tuple' ? named(right).map(expr) : [expr(right)]) : [];
      return { k: 'call', callee: { k: 'name', name: '%', span: spanOf(node.childForFieldName('operator') ?? node) }, args: [{ value: expr(left) }, ...items.map((value) => ({ value }))], span };
    }
    return { k: 'binary', op: op === '//' ? '/' : op, left: left ? expr(left) : other([], span), right: right ? expr(right) : other([], span), span };
  }

  /** Nested `for` clauses nest comprehensions; `if` clauses belong to the `for` before them. */
  function comprehension(node: Node): Expr {
    const span = spanOf(node);
    const kind = node.type === 'set_comprehension' ? 'set' : node.type === 'dictionary_comprehension' ? 'dict' : undefined;
    const bodyNode = node.childForFieldName('body');
    const clauses: { target: Node; iterable: Node; conditions: Node[] }[] = [];
    for (const child of named(node)) {
      if (child.type === 'for_in_clause') {
        const target = child.childForFieldName('left');
        const iterable = child.childForFieldName('right');
        if (target && iterable) clauses.push({ target, iterable, conditions: [] });
      } else if (child.type === 'if_clause') {
        const condition = named(child)[0];
        if (condition) clauses.at(-1)?.conditions.push(condition);
      }
    }
    // Iterables are lowered outermost first, so names are recorded in source order where it matters.
    const lowered = clauses.map((c) => ({ target: expr(c.target), iterable: expr(c.iterable), conditions: c.conditions.map(expr) }));
    let key: Expr | undefined;
    let element: Expr;
    if (bodyNode?.type === 'pair') {
      const k = bodyNode.childForFieldName('key');
      const v = bodyNode.childForFieldName('value');
      key = k ? expr(k) : undefined;
      element = v ? expr(v) : other([], span);
    } else {
      element = bodyNode ? expr(bodyNode) : other([], span);
    }
    if (!lowered.length) return other([element], span);
    let result: Expr | undefined;
    for (let i = lowered.length - 1; i >= 0; i--) {
      const clause = lowered[i]!;
      const innermost = result === undefined;
      const c: Extract<Expr, { k: 'comprehension' }> = { k: 'comprehension', element: result ?? element, target: clause.target, iterable: clause.iterable, conditions: clause.conditions, span };
      if (innermost && kind) c.kind = kind;
      if (innermost && key) c.key = key;
      result = c;
    }
    return result!;
  }

  // ---------- strings ----------

  function stringLiteral(node: Node): Expr {
    const span = spanOf(node);
    const start = named(node).find((c) => c.type === 'string_start')?.text ?? node.child(0)?.text ?? '';
    const prefix = start.replace(/['"]+$/, '').toLowerCase();
    const raw = prefix.includes('r');
    const formatted = prefix.includes('f') || prefix.includes('t');
    const pieces: Expr[] = [];
    let text = '';
    let textStart = -1;
    let textEnd = -1;
    let hasInterpolation = false;
    const flush = (): void => {
      if (textStart < 0) return;
      const piece: StringExpr = { k: 'string', value: text, span: { start: textStart, end: textEnd } };
      strings.push(piece);
      pieces.push(piece);
      text = '';
      textStart = -1;
    };
    for (const child of named(node)) {
      if (child.type === 'string_content') {
        let content = raw ? child.text : unescape(child.text);
        if (formatted) content = content.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
        if (textStart < 0) textStart = child.startIndex;
        textEnd = child.endIndex;
        text += content;
      } else if (child.type === 'interpolation') {
        hasInterpolation = true;
        flush();
        const inner = child.childForFieldName('expression');
        if (inner) pieces.push(expr(inner));
        const spec = child.childForFieldName('format_specifier');
        // A format spec (`{lsid:d}`) is part of the template: keep it visible as a string piece.
        if (spec) {
          for (const e of named(spec)) {
            const specExpr = e.childForFieldName('expression');
            if (specExpr) expr(specExpr);
          }
          const piece: StringExpr = { k: 'string', value: spec.text, span: spanOf(spec) };
          strings.push(piece);
          pieces.push(piece);
        }
      }
    }
    if (hasInterpolation) {
      flush();
      return { k: 'template', parts: pieces, span };
    }
    const literal: StringExpr = { k: 'string', value: text, span };
    strings.push(literal);
    return literal;
  }

  function concatenated(node: Node): Expr {
    const span = spanOf(node);
    const parts = named(node).map(stringLiteral);
    if (parts.every((p): p is StringExpr => p.k === 'string')) {
      // Implicit concatenation is one literal: replace the pieces by the whole.
      for (const part of parts) {
        const at = strings.indexOf(part);
        if (at >= 0) strings.splice(at, 1);
      }
      const literal: StringExpr = { k: 'string', value: parts.map((p) => p.value).join(''), span };
      strings.push(literal);
      return literal;
    }
    return { k: 'template', parts: parts.flatMap((p) => (p.k === 'template' ? p.parts : [p])), span };
  }

  // ---------- helpers ----------

  function isPattern(node: Node): boolean {
    return node.type === 'pattern_list' || node.type === 'tuple_pattern' || node.type === 'list_pattern' || node.type === 'tuple' || node.type === 'list' || node.type === 'expression_list';
  }

  /** A type annotation as written; a string annotation (`"Session"`) by its content. */
  function typeText(node: Node): string {
    const inner = node.type === 'type' ? named(node)[0] : node;
    if (inner?.type === 'string') {
      const lowered = stringLiteral(inner);
      return lowered.k === 'string' ? lowered.value : inner.text;
    }
    // Record names and strings inside the annotation (`Annotated[str, Field(pattern=r'^\d+$')]`).
    if (inner) lowerTypeParts(inner);
    return (inner ?? node).text;
  }

  function lowerTypeParts(node: Node): void {
    if (node.type === 'identifier') addName(node);
    else if (node.type === 'string' || node.type === 'concatenated_string') expr(node);
    else if (node.type === 'call' || node.type === 'subscript' || node.type === 'attribute') expr(node);
    else named(node).forEach(lowerTypeParts);
  }

  const body = block(root);
  return { body, strings, names };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

/** Python escape sequences; unknown ones (`\d`) stay as written, as Python keeps them. */
function unescape(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]*\}|[\s\S])/g, (whole, esc: string) => {
    if (esc in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[esc]!;
    const c = esc[0];
    if (c === 'x' || c === 'u' || c === 'U') return String.fromCodePoint(parseInt(esc.slice(1), 16));
    if (/^[0-7]/.test(esc)) return String.fromCodePoint(parseInt(esc, 8));
    return whole;
  });
}
