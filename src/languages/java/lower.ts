/**
 * tree-sitter-java CST → the shared IR (../tree-sitter/ir.ts).
 *
 * Java-specific choices, so the language-neutral analyzer sees Java idioms in their neutral shape:
 * - `a.equals(b)` and `Objects.equals(a, b)` lower to `==` (value equality is what `==` means in the
 *   other languages; Java's `==` on objects is identity and stays `==` too, which is close enough).
 * - String concatenation: a `+` chain with a string literal among its operands is a `template` (Java
 *   concatenation is interpolation: `"lsid=" + lsid + 1` appends "1", it does not add); adjacent
 *   literal pieces are folded into one string, so SQL split over several lines is one literal. A chain
 *   of literals only lowers to a single `string`.
 * - Method references lower to lambdas (`it` is the element): `Session::getLsid` → `it -> it.getLsid()`,
 *   `this::handle` / `seen::add` → `it -> seen.add(it)`, `Integer::parseInt` (a static method the
 *   tables know) → `it -> Integer.parseInt(it)`, `Long::compare` / `String::compareTo` → two-parameter
 *   lambdas, `Session::new` → `it -> new Session(it)`.
 * - Fields, locals and parameters: the span starts at the declared type, not at the annotations above
 *   it, because the type is what decides (`@Column(name = "lsid")` ⏎ `private long lsid;` is reported
 *   on the `long` line). `var` has no declared type.
 * - `for (long lsid : lsids)` lowers to a `for` whose body starts with a value-less declaration of the
 *   loop variable carrying its type (the IR's `for` has no declared type).
 * - Records are classes with one field per component and a canonical constructor named like the class
 *   (constructors are functions named like their class). An anonymous class with a single method is that
 *   method as a lambda (`new Comparator<S>() { public int compare(S a, S b) … }`, the pre-Java-8 lambda);
 *   other anonymous classes are `new` with their methods as lambdas in `init`, keyed by method name.
 * - `x.get(k)` with one argument is element access (`index`): `List.get(i)`, `Map.get(key)`, Jackson/Gson/
 *   org.json `node.get("lsid")`; `Paths.get(…)` and other static calls on a type stay calls.
 * - Collection factories with their elements as arguments are collection literals: `List.of(a, b)`,
 *   `Arrays.asList(…)`, `Stream.of(…)` → `list`; `Set.of(…)` → a `set` list; `Map.of(k1, v1, …)` → `dict`.
 * - Annotation names are their last segment (`@javax.persistence.Id` → `Id`); an annotation used as an
 *   annotation argument lowers to a call. `X.class` is a `type`.
 */
import { spanOf as span } from '../tree-sitter/syntax.js';
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from '../../types.js';
import type { Annotation, Arg, Expr, Param, Program, Stmt } from '../tree-sitter/ir.js';
import { javaKnowledge } from './knowledge.js';

type StringExpr = Extract<Expr, { k: 'string' }>;

const spanFrom = (a: Node, b: Node): Span => ({ start: a.startIndex, end: b.endIndex });
const COMMENTS = new Set(['line_comment', 'block_comment']);

function named(n: Node): Node[] {
  return n.namedChildren.filter((c): c is Node => c !== null && !COMMENTS.has(c.type));
}

function field(n: Node, name: string): Node | undefined {
  return n.childForFieldName(name) ?? undefined;
}

function typeText(n: Node | undefined): string | undefined {
  return n ? n.text.replace(/\s+/g, ' ').replace(/\s*([<>,\[\]])\s*/g, '$1').replace(/,/g, ', ') : undefined;
}

/** A type's name without type arguments: `HashSet<>` → `HashSet`, `java.util.ArrayList<String>` → `java.util.ArrayList`. */
function bareType(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '<') depth++;
    else if (ch === '>') depth--;
    else if (depth === 0) out += ch;
  }
  return out.trim();
}

/** Static methods a method reference `T::m` calls with the element as argument (rather than `it.m()`). */
const STATIC_ONE_ARG: ReadonlySet<string> = new Set([
  ...javaKnowledge.conversions, ...javaKnowledge.transparentFunctions, ...javaKnowledge.guidConversions,
  ...javaKnowledge.validationFunctions, 'Character.isDigit', 'Objects.nonNull', 'Objects.isNull', 'String.valueOf',
]);
const STATIC_TWO_ARG: ReadonlySet<string> = new Set([
  ...[...javaKnowledge.comparisons].filter((c) => c.includes('.')),
  ...[...javaKnowledge.minMax].filter((c) => c.includes('.')),
]);
const INSTANCE_TWO_ARG: ReadonlySet<string> = new Set(
  [...javaKnowledge.comparisons].filter((c) => !c.includes('.')).concat(['compareToIgnoreCase', 'equals']),
);

export function lower(root: Node): Program {
  const names: Program['names'] = [];
  collectNames(root, names);
  const body = stmts(named(root));
  const strings: StringExpr[] = [];
  const seen = new Set<Expr>();
  walkProgram(body, (e) => {
    if (e.k === 'string' && !seen.has(e)) {
      seen.add(e);
      strings.push(e);
    }
  });
  strings.sort((a, b) => a.span.start - b.span.start);
  return { body, strings, names };
}

function collectNames(n: Node, out: Program['names']): void {
  if (n.type === 'identifier' || n.type === 'type_identifier') {
    out.push({ name: n.text, span: span(n) });
    return;
  }
  for (const c of named(n)) collectNames(c, out);
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

function stmts(nodes: Node[]): Stmt[] {
  return nodes.flatMap(stmt);
}

function block(n: Node, exprs: Expr[], body: Stmt[]): Stmt {
  return { k: 'block', exprs, body, span: span(n) };
}

function bodyOf(n: Node | undefined): Stmt[] {
  if (!n) return [];
  if (n.type === 'block' || n.type === 'constructor_body' || n.type === 'switch_block') return stmts(named(n));
  return stmt(n);
}

function stmt(n: Node): Stmt[] {
  switch (n.type) {
    case 'package_declaration':
    case 'empty_statement':
    case 'break_statement':
    case 'continue_statement':
    case 'annotation_type_element_declaration':
      return [];
    case 'import_declaration':
      return [importDecl(n)];
    case 'class_declaration':
    case 'interface_declaration':
    case 'enum_declaration':
    case 'record_declaration':
    case 'annotation_type_declaration':
      return [classDecl(n)];
    case 'field_declaration':
    case 'local_variable_declaration':
    case 'constant_declaration':
      return declaration(n);
    case 'method_declaration':
    case 'constructor_declaration':
    case 'compact_constructor_declaration':
      return [functionDecl(n)];
    case 'block':
    case 'constructor_body':
      return [block(n, [], stmts(named(n)))];
    case 'static_initializer':
      return [block(n, [], named(n).flatMap(bodyOf))];
    case 'expression_statement': {
      const inner = named(n)[0];
      return inner ? expressionStatement(inner) : [];
    }
    case 'return_statement': {
      const value = named(n)[0];
      return [{ k: 'return', value: value ? expr(value) : undefined, span: span(n) }];
    }
    case 'throw_statement':
    case 'yield_statement':
    case 'assert_statement':
      return named(n).map((c) => ({ k: 'expr', expr: expr(c), span: span(n) }) as Stmt);
    case 'explicit_constructor_invocation': {
      const callee = field(n, 'constructor');
      const object = field(n, 'object');
      const calleeExpr: Expr = callee ? (object ? member(object, callee) : { k: 'name', name: callee.text, span: span(callee) }) : { k: 'name', name: 'this', span: span(n) };
      return [{ k: 'expr', expr: { k: 'call', callee: calleeExpr, args: args(field(n, 'arguments')), span: span(n) }, span: span(n) }];
    }
    case 'if_statement': {
      const cond = field(n, 'condition');
      return [block(n, cond ? [expr(cond)] : [], [...bodyOf(field(n, 'consequence')), ...bodyOf(field(n, 'alternative'))])];
    }
    case 'while_statement':
    case 'do_statement': {
      const cond = field(n, 'condition');
      return [block(n, cond ? [expr(cond)] : [], bodyOf(field(n, 'body')))];
    }
    case 'for_statement': {
      const init = n.childrenForFieldName('init').filter((c): c is Node => c !== null);
      const cond = field(n, 'condition');
      const updates = n.childrenForFieldName('update').filter((c): c is Node => c !== null);
      const initStmts = init.flatMap((c) => (c.type === 'local_variable_declaration' ? declaration(c) : expressionStatement(c)));
      return [block(n, cond ? [expr(cond)] : [], [...initStmts, ...bodyOf(field(n, 'body')), ...updates.flatMap(expressionStatement)])];
    }
    case 'enhanced_for_statement':
      return [enhancedFor(n)];
    case 'try_statement':
    case 'try_with_resources_statement':
      return [tryStmt(n)];
    case 'switch_expression':
      return [switchStmt(n)];
    case 'synchronized_statement':
      return [block(n, named(n).filter((c) => c.type !== 'block').map(expr), bodyOf(field(n, 'body')))];
    case 'labeled_statement':
      return stmts(named(n).filter((c) => c.type !== 'identifier'));
    case 'local_class_declaration':
      return stmts(named(n));
    default:
      if (isExpression(n)) return expressionStatement(n);
      // ERROR and anything unknown: keep what can be lowered.
      return named(n).flatMap((c) => (isExpression(c) ? [{ k: 'expr', expr: expr(c), span: span(c) } as Stmt] : stmt(c)));
  }
}

const EXPRESSION_TYPES = new Set([
  'identifier', 'this', 'super', 'field_access', 'method_invocation', 'object_creation_expression', 'array_creation_expression',
  'array_initializer', 'array_access', 'cast_expression', 'binary_expression', 'unary_expression', 'update_expression',
  'ternary_expression', 'lambda_expression', 'method_reference', 'parenthesized_expression', 'instanceof_expression',
  'string_literal', 'character_literal', 'decimal_integer_literal', 'hex_integer_literal', 'octal_integer_literal',
  'binary_integer_literal', 'decimal_floating_point_literal', 'hex_floating_point_literal', 'true', 'false', 'null_literal',
  'class_literal', 'assignment_expression', 'switch_expression', 'scoped_identifier', 'template_expression',
]);

function isExpression(n: Node): boolean {
  return EXPRESSION_TYPES.has(n.type);
}

function expressionStatement(n: Node): Stmt[] {
  if (n.type === 'assignment_expression') return [assignment(n)];
  if (n.type === 'switch_expression') return [switchStmt(n)];
  return [{ k: 'expr', expr: expr(n), span: span(n) }];
}

/** `a = v`, `a += v`, `a = b = v` (all targets get v). */
function assignment(n: Node): Stmt {
  const targets: Expr[] = [];
  const op = n.childForFieldName('operator')?.text ?? '=';
  let current: Node = n;
  for (;;) {
    const left = field(current, 'left');
    const right = field(current, 'right');
    if (left) targets.push(expr(left));
    if (right && right.type === 'assignment_expression' && op === '=' && (right.childForFieldName('operator')?.text ?? '=') === '=') {
      current = right;
      continue;
    }
    return { k: 'assign', targets, value: right ? expr(right) : undefined, op, span: span(n) };
  }
}

function modifiersOf(n: Node): Node | undefined {
  return named(n).find((c) => c.type === 'modifiers');
}

function annotationsOf(n: Node): Annotation[] {
  const mods = modifiersOf(n);
  return mods ? named(mods).filter((c) => c.type === 'annotation' || c.type === 'marker_annotation').map(annotation) : [];
}

function lastSegment(text: string): string {
  return text.slice(text.lastIndexOf('.') + 1);
}

function annotation(n: Node): Annotation {
  const nameNode = field(n, 'name');
  const list = field(n, 'arguments');
  const result: Arg[] = [];
  if (list) {
    for (const c of named(list)) {
      if (c.type === 'element_value_pair') {
        const key = field(c, 'key');
        const value = field(c, 'value');
        if (value) result.push({ name: key?.text, value: elementValue(value) });
      } else {
        result.push({ value: elementValue(c) });
      }
    }
  }
  return { name: lastSegment(nameNode?.text ?? ''), args: result, span: span(n) };
}

function elementValue(n: Node): Expr {
  if (n.type === 'element_value_array_initializer') return { k: 'list', items: named(n).map(elementValue), span: span(n) };
  if (n.type === 'annotation' || n.type === 'marker_annotation') {
    const a = annotation(n);
    return { k: 'call', callee: { k: 'name', name: a.name, span: span(field(n, 'name') ?? n) }, args: a.args, span: a.span };
  }
  return expr(n);
}

function importDecl(n: Node): Stmt {
  const path = named(n).find((c) => c.type === 'scoped_identifier' || c.type === 'identifier');
  const star = named(n).some((c) => c.type === 'asterisk');
  const text = path?.text.replace(/\s+/g, '') ?? '';
  if (star) return { k: 'import', module: text, names: [{ name: '*' }], span: span(n) };
  const dot = text.lastIndexOf('.');
  return { k: 'import', module: dot < 0 ? '' : text.slice(0, dot), names: [{ name: text.slice(dot + 1) }], span: span(n) };
}

/** Fields, locals and interface constants: one `assign` per declarator. */
function declaration(n: Node): Stmt[] {
  const typeNode = field(n, 'type');
  const declared = typeText(typeNode);
  const declaredType = declared === 'var' ? undefined : declared;
  const annotations = annotationsOf(n);
  return n.childrenForFieldName('declarator').filter((d): d is Node => d !== null).map((d) => {
    const nameNode = field(d, 'name');
    const value = field(d, 'value');
    const dims = field(d, 'dimensions');
    const start = typeNode ?? d;
    const stmt: Stmt = {
      k: 'assign',
      targets: nameNode ? [{ k: 'name', name: nameNode.text, span: span(nameNode) }] : [],
      value: value ? expr(value) : undefined,
      op: '=',
      declaredType: declaredType && dims ? declaredType + dims.text : declaredType,
      span: spanFrom(start, d),
    };
    if (annotations.length) stmt.annotations = annotations;
    return stmt;
  });
}

function param(n: Node): Param | undefined {
  if (n.type === 'identifier') return { name: n.text, span: span(n) };
  if (n.type === 'receiver_parameter') return undefined;
  if (n.type === 'spread_parameter') {
    const typeNode = named(n).find((c) => c.type !== 'modifiers' && c.type !== 'variable_declarator');
    const decl = named(n).find((c) => c.type === 'variable_declarator');
    const nameNode = decl ? field(decl, 'name') : undefined;
    if (!nameNode) return undefined;
    const p: Param = { name: nameNode.text, span: spanFrom(typeNode ?? nameNode, nameNode), type: typeText(typeNode), rest: true };
    const annotations = annotationsOf(n);
    if (annotations.length) p.annotations = annotations;
    return p;
  }
  const nameNode = field(n, 'name');
  if (!nameNode) return undefined;
  const typeNode = field(n, 'type');
  const type = typeText(typeNode);
  const p: Param = { name: nameNode.text, span: spanFrom(typeNode ?? nameNode, nameNode) };
  if (type && type !== 'var') p.type = type;
  const annotations = annotationsOf(n);
  if (annotations.length) p.annotations = annotations;
  return p;
}

function params(n: Node | undefined): Param[] {
  if (!n) return [];
  if (n.type === 'identifier') return [{ name: n.text, span: span(n) }];
  return named(n).map(param).filter((p): p is Param => p !== undefined);
}

function functionDecl(n: Node): Stmt {
  const nameNode = field(n, 'name') ?? n;
  const annotations = annotationsOf(n);
  const fn: Stmt = {
    k: 'function',
    name: nameNode.text,
    params: params(field(n, 'parameters')),
    body: bodyOf(field(n, 'body')),
    span: span(n),
    nameSpan: span(nameNode),
  };
  const returnType = typeText(field(n, 'type'));
  if (returnType && returnType !== 'void') fn.returnType = returnType;
  if (annotations.length) fn.annotations = annotations;
  return fn;
}

function classDecl(n: Node): Stmt {
  const nameNode = field(n, 'name') ?? n;
  const bases: string[] = [];
  const superclass = field(n, 'superclass');
  if (superclass) bases.push(...named(superclass).map((t) => typeText(t)!));
  for (const c of named(n)) {
    if (c.type === 'super_interfaces' || c.type === 'extends_interfaces') {
      for (const list of named(c)) bases.push(...(list.type === 'type_list' ? named(list) : [list]).map((t) => typeText(t)!));
    }
  }
  const body: Stmt[] = [];
  if (n.type === 'record_declaration') {
    const components = params(field(n, 'parameters'));
    for (const p of components) {
      const f: Stmt = { k: 'assign', targets: [{ k: 'name', name: p.name, span: p.span }], op: '=', declaredType: p.type, span: p.span };
      if (p.annotations) f.annotations = p.annotations;
      body.push(f);
    }
    body.push({
      k: 'function',
      name: nameNode.text,
      // Untyped: the component's type is declared once, on the field.
      params: components.map((p) => ({ name: p.name, span: p.span })),
      body: components.map((p) => ({
        k: 'assign',
        targets: [{ k: 'member', object: { k: 'name', name: 'this', span: p.span }, name: p.name, span: p.span, nameSpan: p.span }],
        value: { k: 'name', name: p.name, span: p.span },
        op: '=',
        span: p.span,
      })),
      span: span(n),
      nameSpan: span(nameNode),
    });
  }
  const classBody = field(n, 'body');
  if (classBody) body.push(...classBodyStmts(classBody, nameNode.text));
  const cls: Stmt = { k: 'class', name: nameNode.text, bases, body, span: span(n) };
  const annotations = annotationsOf(n);
  if (annotations.length) cls.annotations = annotations;
  return cls;
}

function classBodyStmts(body: Node, className: string): Stmt[] {
  const out: Stmt[] = [];
  for (const c of named(body)) {
    if (c.type === 'enum_constant') {
      const nameNode = field(c, 'name') ?? c;
      out.push({
        k: 'assign',
        targets: [{ k: 'name', name: nameNode.text, span: span(nameNode) }],
        value: { k: 'new', type: className, args: args(field(c, 'arguments')), span: span(c) },
        op: '=',
        declaredType: className,
        span: span(c),
      });
    } else if (c.type === 'enum_body_declarations') {
      out.push(...classBodyStmts(c, className));
    } else {
      out.push(...stmt(c));
    }
  }
  return out;
}

function enhancedFor(n: Node): Stmt {
  const nameNode = field(n, 'name');
  const typeNode = field(n, 'type');
  const value = field(n, 'value');
  const target: Expr = nameNode ? { k: 'name', name: nameNode.text, span: span(nameNode) } : { k: 'other', children: [], span: span(n) };
  const body = bodyOf(field(n, 'body'));
  const type = typeText(typeNode);
  if (type && type !== 'var' && nameNode) {
    const decl: Stmt = { k: 'assign', targets: [{ k: 'name', name: nameNode.text, span: span(nameNode) }], op: '=', declaredType: type, span: spanFrom(typeNode!, nameNode) };
    const annotations = annotationsOf(n);
    if (annotations.length) decl.annotations = annotations;
    body.unshift(decl);
  }
  return { k: 'for', target, iterable: value ? expr(value) : { k: 'other', children: [], span: span(n) }, body, span: span(n) };
}

function tryStmt(n: Node): Stmt {
  const body: Stmt[] = [];
  const resources = field(n, 'resources');
  if (resources) {
    for (const r of named(resources)) {
      const nameNode = field(r, 'name');
      const value = field(r, 'value');
      const typeNode = field(r, 'type');
      if (nameNode) {
        const t = typeText(typeNode);
        body.push({
          k: 'assign',
          targets: [{ k: 'name', name: nameNode.text, span: span(nameNode) }],
          value: value ? expr(value) : undefined,
          op: '=',
          declaredType: t === 'var' ? undefined : t,
          span: spanFrom(typeNode ?? nameNode, r),
        });
      } else {
        const inner = named(r)[0];
        if (inner) body.push({ k: 'expr', expr: expr(inner), span: span(inner) });
      }
    }
  }
  body.push(...bodyOf(field(n, 'body')));
  for (const c of named(n)) {
    if (c.type === 'catch_clause') body.push(...bodyOf(field(c, 'body')));
    if (c.type === 'finally_clause') body.push(...named(c).flatMap((b) => bodyOf(b)));
  }
  return block(n, [], body);
}

function switchStmt(n: Node): Stmt {
  const cond = field(n, 'condition');
  const exprs: Expr[] = cond ? [expr(cond)] : [];
  const body: Stmt[] = [];
  const switchBody = field(n, 'body');
  for (const group of switchBody ? named(switchBody) : []) {
    for (const c of named(group)) {
      if (c.type === 'switch_label') exprs.push(...named(c).filter(isExpression).map(expr));
      else if (isExpression(c)) body.push({ k: 'expr', expr: expr(c), span: span(c) });
      else body.push(...stmt(c));
    }
  }
  return block(n, exprs, body);
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

function member(object: Node, nameNode: Node, whole?: Node): Expr {
  return { k: 'member', object: expr(object), name: nameNode.text, span: whole ? span(whole) : spanFrom(object, nameNode), nameSpan: span(nameNode) };
}

function args(list: Node | undefined): Arg[] {
  return list ? named(list).map((c) => ({ value: expr(c) })) : [];
}

function other(n: Node): Expr {
  return { k: 'other', children: named(n).filter((c) => !c.type.endsWith('type') && c.type !== 'type_identifier' && c.type !== 'dimensions').map(expr), span: span(n) };
}

const NUMBER_TYPES = new Set([
  'decimal_integer_literal', 'hex_integer_literal', 'octal_integer_literal', 'binary_integer_literal',
  'decimal_floating_point_literal', 'hex_floating_point_literal',
]);

const BINARY_OPS: Readonly<Record<string, string>> = { '&&': 'and', '||': 'or', '>>>': '>>' };

function expr(n: Node): Expr {
  if (NUMBER_TYPES.has(n.type)) return { k: 'number', text: n.text, span: span(n) };
  switch (n.type) {
    case 'identifier':
    case 'type_identifier':
      return { k: 'name', name: n.text, span: span(n) };
    case 'this':
    case 'super':
      return { k: 'name', name: n.type, span: span(n) };
    case 'true':
    case 'false':
      return { k: 'bool', value: n.type === 'true', span: span(n) };
    case 'null_literal':
      return { k: 'null', span: span(n) };
    case 'string_literal':
      return { k: 'string', value: stringValue(n.text), span: span(n) };
    case 'character_literal':
      return { k: 'string', value: unescape(n.text.slice(1, -1)), span: span(n) };
    case 'parenthesized_expression': {
      const inner = named(n)[0];
      return inner ? expr(inner) : other(n);
    }
    case 'field_access': {
      const object = field(n, 'object');
      const f = field(n, 'field');
      return object && f ? member(object, f, n) : other(n);
    }
    case 'scoped_identifier': {
      const scope = field(n, 'scope');
      const nm = field(n, 'name');
      return scope && nm ? member(scope, nm, n) : other(n);
    }
    case 'method_invocation':
      return invocation(n);
    case 'object_creation_expression':
      return creation(n);
    case 'array_creation_expression': {
      const init = field(n, 'value');
      return init ? { ...expr(init), span: span(n) } : other(n);
    }
    case 'array_initializer':
      return { k: 'list', items: named(n).map(expr), span: span(n) };
    case 'array_access': {
      const array = field(n, 'array');
      const index = field(n, 'index');
      return array && index ? { k: 'index', object: expr(array), index: expr(index), span: span(n) } : other(n);
    }
    case 'cast_expression': {
      const type = field(n, 'type');
      const value = field(n, 'value');
      return type && value ? { k: 'cast', type: typeText(type)!, operand: expr(value), span: span(n) } : other(n);
    }
    case 'binary_expression':
      return binary(n);
    case 'instanceof_expression': {
      const left = field(n, 'left');
      const right = field(n, 'right') ?? field(n, 'pattern');
      return left && right ? { k: 'binary', op: 'instanceof', left: expr(left), right: { k: 'type', name: typeText(right)!, span: span(right) }, span: span(n) } : other(n);
    }
    case 'unary_expression': {
      const operand = field(n, 'operand');
      const op = field(n, 'operator')?.text ?? n.child(0)?.text ?? '';
      return operand ? { k: 'unary', op, operand: expr(operand), span: span(n) } : other(n);
    }
    case 'update_expression': {
      const operand = named(n)[0];
      const op = n.text.includes('++') ? '++' : '--';
      return operand ? { k: 'unary', op, operand: expr(operand), span: span(n) } : other(n);
    }
    case 'ternary_expression': {
      const c = field(n, 'condition');
      const t = field(n, 'consequence');
      const f = field(n, 'alternative');
      return c && t && f ? { k: 'conditional', condition: expr(c), whenTrue: expr(t), whenFalse: expr(f), span: span(n) } : other(n);
    }
    case 'lambda_expression': {
      const body = field(n, 'body');
      const stmtsOf: Stmt[] = !body ? [] : body.type === 'block' ? stmts(named(body)) : [{ k: 'return', value: expr(body), span: span(body) }];
      return { k: 'lambda', params: params(field(n, 'parameters')), body: stmtsOf, span: span(n) };
    }
    case 'method_reference':
      return methodReference(n);
    case 'class_literal': {
      const t = named(n)[0];
      return { k: 'type', name: typeText(t) ?? n.text, span: span(n) };
    }
    case 'generic_type':
    case 'scoped_type_identifier':
    case 'array_type':
    case 'integral_type':
    case 'floating_point_type':
    case 'boolean_type':
      return { k: 'type', name: typeText(n)!, span: span(n) };
    default:
      return other(n);
  }
}

function invocation(n: Node): Expr {
  const object = field(n, 'object');
  const nameNode = field(n, 'name');
  const argList = field(n, 'arguments');
  if (!nameNode) return other(n);
  const callArgs = args(argList);
  // `a.equals(b)` and `Objects.equals(a, b)`: value equality.
  if (nameNode.text === 'equals' && callArgs.length === 1 && object && object.type !== 'super') {
    return { k: 'binary', op: '==', left: expr(object), right: callArgs[0]!.value, span: span(n) };
  }
  if (nameNode.text === 'equals' && callArgs.length === 2 && object?.text === 'Objects') {
    return { k: 'binary', op: '==', left: callArgs[0]!.value, right: callArgs[1]!.value, span: span(n) };
  }
  // `list.get(i)`, `map.get(key)`, `json.get("lsid")`: element access (a type's static `Paths.get(…)` stays a call).
  if (nameNode.text === 'get' && object && callArgs.length === 1 && !/^[A-Z]/.test(lastSegment(object.text))) {
    return { k: 'index', object: expr(object), index: callArgs[0]!.value, span: span(n) };
  }
  // Collection factories are collection literals: `List.of(a, b)`, `Set.of(…)` (a set), `Map.of(k1, v1, …)`.
  const factory = object ? COLLECTION_FACTORIES[`${lastSegment(object.text)}.${nameNode.text}`] : undefined;
  if (factory === 'dict') {
    const entries: { key: Expr; value: Expr }[] = [];
    for (let i = 0; i + 1 < callArgs.length; i += 2) entries.push({ key: callArgs[i]!.value, value: callArgs[i + 1]!.value });
    return { k: 'dict', entries, span: span(n) };
  }
  if (factory) {
    const list: Expr = { k: 'list', items: callArgs.map((a) => a.value), span: span(n) };
    if (factory === 'set') list.kind = 'set';
    return list;
  }
  const callee: Expr = object ? member(object, nameNode) : { k: 'name', name: nameNode.text, span: span(nameNode) };
  const call: Expr = { k: 'call', callee, args: callArgs, span: span(n) };
  const typeArgs = field(n, 'type_arguments');
  if (typeArgs) call.typeArgs = named(typeArgs).map((t) => typeText(t)!);
  return call;
}

const COLLECTION_FACTORIES: Readonly<Record<string, 'list' | 'set' | 'dict'>> = {
  'List.of': 'list', 'Arrays.asList': 'list', 'Stream.of': 'list', 'ImmutableList.of': 'list',
  'Set.of': 'set', 'ImmutableSet.of': 'set',
  'Map.of': 'dict', 'ImmutableMap.of': 'dict',
};

function creation(n: Node): Expr {
  const typeNode = field(n, 'type');
  const result: Expr = { k: 'new', type: bareType(typeText(typeNode) ?? ''), args: args(field(n, 'arguments')), span: span(n) };
  const body = named(n).find((c) => c.type === 'class_body');
  if (body) {
    const members = classBodyStmts(body, result.type);
    // An anonymous class implementing one method is a lambda written the pre-Java-8 way: `new Comparator<S>() { compare(a, b) … }`.
    const only = members.length === 1 ? members[0]! : undefined;
    if (only?.k === 'function') return { k: 'lambda', params: only.params, body: only.body, span: span(n) };
    const init: Arg[] = [];
    for (const s of members) {
      if (s.k === 'function') init.push({ name: s.name, value: { k: 'lambda', params: s.params, body: s.body, span: s.span } });
      else if (s.k === 'assign' && s.value) for (const t of s.targets) if (t.k === 'name') init.push({ name: t.name, value: s.value });
    }
    result.init = init;
  }
  return result;
}

function methodReference(n: Node): Expr {
  const parts = named(n);
  const receiver = parts[0];
  const target = n.child(n.childCount - 1);
  const s = span(n);
  const it = (name: string): Expr => ({ k: 'name', name, span: s });
  const lambda = (ps: string[], value: Expr): Expr => ({
    k: 'lambda',
    params: ps.map((name) => ({ name, span: s })),
    body: [{ k: 'return', value, span: s }],
    span: s,
  });
  if (!receiver || !target) return other(n);
  const method = target.text;
  const receiverText = receiver.text.replace(/\s+/g, '');
  const isType = /^(?:[a-z_$][\w$]*\.)*[A-Z][\w$]*(?:<.*>)?(?:\[\])*$/.test(receiverText) || !isExpression(receiver);
  if (method === 'new') return lambda(['it'], { k: 'new', type: bareType(receiverText), args: [{ value: it('it') }], span: s });
  const calleeOn = (object: Expr): Expr => ({ k: 'member', object, name: method, span: s, nameSpan: span(target) });
  if (!isType) {
    return lambda(['it'], { k: 'call', callee: calleeOn(expr(receiver)), args: [{ value: it('it') }], span: s });
  }
  const typeName = bareType(receiverText);
  const qualified = `${lastSegment(typeName)}.${method}`;
  const typeExpr: Expr = { k: 'name', name: typeName, span: span(receiver) };
  if (STATIC_TWO_ARG.has(qualified)) {
    return lambda(['a', 'b'], { k: 'call', callee: calleeOn(typeExpr), args: [{ value: it('a') }, { value: it('b') }], span: s });
  }
  if (STATIC_ONE_ARG.has(qualified)) {
    return lambda(['it'], { k: 'call', callee: calleeOn(typeExpr), args: [{ value: it('it') }], span: s });
  }
  if (INSTANCE_TWO_ARG.has(method)) {
    return lambda(['a', 'b'], { k: 'call', callee: calleeOn(it('a')), args: [{ value: it('b') }], span: s });
  }
  return lambda(['it'], { k: 'call', callee: calleeOn(it('it')), args: [], span: s });
}

/** Binary operators; a `+` chain with a string literal in it is string concatenation (a `template`). */
function binary(n: Node): Expr {
  const op = field(n, 'operator')?.text ?? '';
  if (op === '+') {
    const operands = flattenPlus(n);
    const first = operands.findIndex(isStringLiteral);
    if (first >= 0) return concatenation(n, operands, first);
  }
  const left = field(n, 'left');
  const right = field(n, 'right');
  if (!left || !right) return other(n);
  return { k: 'binary', op: BINARY_OPS[op] ?? op, left: expr(left), right: expr(right), span: span(n) };
}

function isStringLiteral(n: Node): boolean {
  return n.type === 'string_literal' || (n.type === 'parenthesized_expression' && named(n).length === 1 && isStringLiteral(named(n)[0]!));
}

function flattenPlus(n: Node): Node[] {
  if (n.type === 'binary_expression' && field(n, 'operator')?.text === '+') {
    const left = field(n, 'left');
    const right = field(n, 'right');
    if (left && right) return [...flattenPlus(left), right];
  }
  return [n];
}

function concatenation(n: Node, operands: Node[], firstString: number): Expr {
  const parts: Expr[] = [];
  // Java adds left to right until the first string: `a + b + "x"` is `(a + b) + "x"`.
  if (firstString >= 2) {
    let sum: Expr = expr(operands[0]!);
    for (let i = 1; i < firstString; i++) {
      const right = operands[i]!;
      sum = { k: 'binary', op: '+', left: sum, right: expr(right), span: spanFrom(operands[0]!, right) };
    }
    parts.push(sum);
  } else if (firstString === 1) {
    parts.push(expr(operands[0]!));
  }
  for (const operand of operands.slice(Math.max(firstString, 0))) {
    const part = expr(operand);
    const previous = parts[parts.length - 1];
    if (part.k === 'string' && previous?.k === 'string') {
      parts[parts.length - 1] = { k: 'string', value: previous.value + part.value, span: { start: previous.span.start, end: part.span.end } };
    } else {
      parts.push(part);
    }
  }
  if (parts.length === 1 && parts[0]!.k === 'string') return { ...parts[0]!, span: span(n) };
  return { k: 'template', parts, span: span(n) };
}

// ---------------------------------------------------------------------------------------------
// String literals
// ---------------------------------------------------------------------------------------------

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', s: ' ', '"': '"', "'": "'", '\\': '\\' };

function unescape(raw: string): string {
  return raw.replace(/\\(u+[0-9a-fA-F]{4}|[0-3]?[0-7]{1,2}|\r?\n|.)/g, (whole, esc: string) => {
    if (esc.startsWith('u')) return String.fromCharCode(parseInt(esc.replace(/^u+/, ''), 16));
    if (/^[0-7]/.test(esc)) return String.fromCharCode(parseInt(esc, 8));
    if (esc === '\n' || esc === '\r\n') return ''; // text-block line continuation
    return SIMPLE_ESCAPES[esc] ?? whole;
  });
}

/** A string literal's value; text blocks lose their incidental indentation (JLS 3.10.6, simplified). */
function stringValue(text: string): string {
  if (!text.startsWith('"""')) return unescape(text.slice(1, -1));
  const body = text.slice(3, -3).replace(/^[ \t]*\r?\n/, '');
  const lines = body.split(/\r?\n/);
  const significant = lines.filter((line, i) => line.trim() !== '' || i === lines.length - 1);
  const indent = Math.min(...significant.map((line) => (line.trim() === '' ? line.length : line.length - line.trimStart().length)));
  const stripped = lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0).replace(/[ \t]+$/, ''));
  return unescape(stripped.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// IR walking (Program.strings lists the string expressions the IR actually holds)
// ---------------------------------------------------------------------------------------------

function walkProgram(body: Stmt[], visit: (e: Expr) => void): void {
  const walkExpr = (e: Expr | undefined): void => {
    if (!e) return;
    visit(e);
    switch (e.k) {
      case 'template': e.parts.forEach(walkExpr); break;
      case 'member': walkExpr(e.object); break;
      case 'index': walkExpr(e.object); walkExpr(e.index); break;
      case 'call': walkExpr(e.callee); e.args.forEach((a) => walkExpr(a.value)); break;
      case 'new': e.args.forEach((a) => walkExpr(a.value)); e.init?.forEach((a) => walkExpr(a.value)); break;
      case 'cast': walkExpr(e.operand); break;
      case 'binary': walkExpr(e.left); walkExpr(e.right); break;
      case 'unary': walkExpr(e.operand); break;
      case 'conditional': walkExpr(e.condition); walkExpr(e.whenTrue); walkExpr(e.whenFalse); break;
      case 'lambda': walkParams(e.params); walkStmts(e.body); break;
      case 'list': e.items.forEach(walkExpr); break;
      case 'dict': e.entries.forEach((en) => { walkExpr(en.key); walkExpr(en.value); }); break;
      case 'comprehension': walkExpr(e.element); walkExpr(e.target); walkExpr(e.iterable); e.conditions.forEach(walkExpr); walkExpr(e.key); break;
      case 'other': e.children.forEach(walkExpr); break;
      default: break;
    }
  };
  const walkAnnotations = (as: Annotation[] | undefined) => as?.forEach((a) => a.args.forEach((arg) => walkExpr(arg.value)));
  const walkParams = (ps: Param[]) => ps.forEach((p) => { walkAnnotations(p.annotations); walkExpr(p.default); });
  const walkStmts = (ss: Stmt[]): void => {
    for (const s of ss) {
      switch (s.k) {
        case 'expr': walkExpr(s.expr); break;
        case 'assign': walkAnnotations(s.annotations); s.targets.forEach(walkExpr); walkExpr(s.value); break;
        case 'return': walkExpr(s.value); break;
        case 'function': walkAnnotations(s.annotations); walkParams(s.params); walkStmts(s.body); break;
        case 'class': walkAnnotations(s.annotations); walkStmts(s.body); break;
        case 'for': walkExpr(s.target); walkExpr(s.key); walkExpr(s.iterable); walkStmts(s.body); break;
        case 'block': s.exprs.forEach(walkExpr); walkStmts(s.body); break;
        case 'import': break;
      }
    }
  };
  walkStmts(body);
}
