/**
 * tree-sitter-php (the `php` grammar: HTML text around `<?php … ?>`) lowered to the shared IR.
 * Variables lose their `$` (`$this` → `this`, `self::`/`static::` → `this`), `->`, `?->` and `::`
 * become member access, namespaced names keep their last segment (`\Ramsey\Uuid\Uuid` → `Uuid`,
 * `ORM\Column` → `Column`), which is how the library tables name them. Assignments nested in
 * expressions (`while ($row = $st->fetch())`) are hoisted into statements before the one that holds
 * them, so flow sees them; the expression keeps the assigned variable.
 */
import { spanOf as span } from '../tree-sitter/syntax.js';
import type { Node as TsNode } from '@vscode/tree-sitter-wasm';
import type { Annotation, Arg, Expr, Param, Program, Stmt } from '../tree-sitter/ir.js';
import type { Span } from '../../types.js';
import { dedent, doubleQuotedValue, singleQuotedValue } from './strings.js';
import { copyTree, type SyntaxNode as Node } from './tree.js';

type StringExpr = Extract<Expr, { k: 'string' }>;

const BINARY_OPS: Record<string, string> = {
  '===': '==', '!==': '!=', '<>': '!=', '&&': 'and', '||': 'or', 'and': 'and', 'or': 'or', 'xor': 'xor',
};

const STRING_NODES = new Set(['string', 'encapsed_string', 'heredoc', 'nowdoc', 'shell_command_expression']);
const SKIPPED_STATEMENTS = new Set([
  'php_tag', 'php_end_tag', 'text', 'text_interpolation', 'comment', 'empty_statement', 'break_statement',
  'continue_statement', 'named_label_statement', 'goto_statement', 'global_declaration', 'use_declaration',
]);
const CLASS_LIKE = new Set(['class_declaration', 'interface_declaration', 'trait_declaration', 'enum_declaration']);
const INCLUDES = new Set(['include_expression', 'include_once_expression', 'require_expression', 'require_once_expression']);
const ASSIGNMENTS = new Set(['assignment_expression', 'augmented_assignment_expression', 'reference_assignment_expression']);

export function lower(root: TsNode): Program {
  const source = root.text;
  return new Lowerer(source).program(copyTree(root, source));
}

function named(node: Node): Node[] {
  return node.namedChildren;
}

function all(node: Node): Node[] {
  return node.children;
}

/** `\Foo\Bar` → `Bar`: classes and functions are named by their last segment, as `use` imports them. */
function lastSegment(text: string): string {
  const parts = text.split('\\').filter(Boolean);
  return parts[parts.length - 1] ?? text;
}

function typeText(node: Node | null): string | undefined {
  return node ? node.text.replace(/\s+/g, '') : undefined;
}

class Lowerer {
  private readonly strings: StringExpr[] = [];

  constructor(private readonly source: string) {}
  /** Statements hoisted out of the expression being lowered (nested assignments, includes). */
  private hoisted: Stmt[] = [];
  private synthetic = 0;

  program(root: Node): Program {
    const body = this.statements(named(root));
    this.collectRemainingStrings(root);
    const names: Program['names'] = [];
    walk(root, (node) => {
      if (node.type === 'name') names.push({ name: node.text, span: span(node) });
    });
    return { body, strings: this.strings, names };
  }

  // ---------------------------------------------------------------- statements

  private statements(nodes: Node[]): Stmt[] {
    const out: Stmt[] = [];
    for (const node of nodes) this.statement(node, out);
    return out;
  }

  /** Lowers one statement into `out`, preceded by whatever its expressions hoisted. */
  private statement(node: Node, out: Stmt[]): void {
    const saved = this.hoisted;
    this.hoisted = [];
    const lowered = this.statementOnly(node);
    out.push(...this.hoisted, ...lowered);
    this.hoisted = saved;
  }

  private statementOnly(node: Node): Stmt[] {
    const t = node.type;
    if (SKIPPED_STATEMENTS.has(t)) return [];
    switch (t) {
      case 'expression_statement': {
        const inner = named(node)[0];
        return inner ? this.expressionStatement(inner) : [];
      }
      case 'compound_statement':
      case 'colon_block':
      case 'declaration_list':
      case 'program':
        return this.statements(named(node));
      case 'namespace_definition': {
        const body = node.childForFieldName('body');
        return body ? this.statements(named(body)) : [];
      }
      case 'declare_statement':
        return this.statements(named(node).filter((c) => c.type !== 'declare_directive'));
      case 'namespace_use_declaration':
        return this.useDeclaration(node);
      case 'function_definition':
      case 'method_declaration':
        return [this.functionDecl(node)];
      case 'property_declaration':
        return this.propertyDecl(node);
      case 'const_declaration':
        return this.constDecl(node);
      case 'return_statement': {
        const value = named(node)[0];
        return [{ k: 'return', ...(value ? { value: this.expr(value) } : {}), span: span(node) }];
      }
      case 'echo_statement':
      case 'unset_statement':
      case 'exit_statement': {
        const callee = t === 'echo_statement' ? 'echo' : t === 'unset_statement' ? 'unset' : 'exit';
        const keyword = all(node)[0]!;
        const parts = named(node).flatMap((c) => (c.type === 'sequence_expression' ? this.sequence(c) : [c]));
        const args = parts.map((p) => ({ value: this.expr(p) }));
        return [{ k: 'expr', expr: { k: 'call', callee: { k: 'name', name: callee, span: span(keyword) }, args, span: span(node) }, span: span(node) }];
      }
      case 'function_static_declaration':
        return named(node).filter((c) => c.type === 'static_variable_declaration').map((decl) => {
          const nameNode = decl.childForFieldName('name')!;
          const value = decl.childForFieldName('value');
          return { k: 'assign', targets: [this.expr(nameNode)], ...(value ? { value: this.expr(value) } : {}), op: '=', span: span(decl) } as Stmt;
        });
      case 'if_statement':
        return [this.ifStatement(node)];
      case 'while_statement':
      case 'do_statement': {
        const condition = node.childForFieldName('condition');
        const body = node.childForFieldName('body');
        return [{ k: 'block', exprs: condition ? [this.expr(condition)] : [], body: body ? this.statements([body]) : [], span: span(node) }];
      }
      case 'for_statement':
        return [this.forStatement(node)];
      case 'foreach_statement':
        return [this.foreachStatement(node)];
      case 'try_statement':
        return [{ k: 'block', exprs: [], body: this.statements(named(node).flatMap((c) => (c.type === 'compound_statement' ? [c] : named(c).filter((b) => b.type === 'compound_statement')))), span: span(node) }];
      case 'switch_statement':
        return [this.switchStatement(node)];
      default:
        if (CLASS_LIKE.has(t)) return [this.classDecl(node)];
        if (t.endsWith('_expression') || t === 'variable_name' || t === 'print_intrinsic') return this.expressionStatement(node);
        // ERROR and anything unforeseen: keep what is inside.
        return this.statements(named(node));
    }
  }

  private expressionStatement(node: Node): Stmt[] {
    if (ASSIGNMENTS.has(node.type)) return this.assignment(node);
    if (INCLUDES.has(node.type)) return [this.includeStmt(node)];
    return [{ k: 'expr', expr: this.expr(node), span: span(node) }];
  }

  private assignment(node: Node): Stmt[] {
    const left = node.childForFieldName('left') ?? named(node)[0]!;
    const right = node.childForFieldName('right') ?? named(node)[named(node).length - 1]!;
    const op = node.type === 'augmented_assignment_expression' ? (node.childForFieldName('operator')?.text ?? '=') : '=';
    const value = this.expr(right);
    if (left.type === 'list_literal') return this.destructure(left, value, span(node));
    return [{ k: 'assign', targets: [this.expr(left)], value, op, span: span(node) }];
  }

  /**
   * `['lsid' => $l, 'lseq' => $q] = $row` is `$l = $row['lsid']; $q = $row['lseq']`; a positional
   * `[$a, $b] = $pair` (or `list(…)`) is tuple unpacking.
   */
  private destructure(list: Node, value: Expr, whole: Span): Stmt[] {
    const items = named(list);
    const keyed = this.listPairs(items);
    if (keyed) {
      return keyed.map(([key, target]) => ({
        k: 'assign', targets: [this.expr(target)], value: { k: 'index', object: value, index: this.expr(key), span: span(target) }, op: '=', span: whole,
      }) as Stmt);
    }
    return [{ k: 'assign', targets: items.map((i) => this.expr(i)), value, op: '=', span: whole, unpack: true }];
  }

  /** Keyed list entries come as flat siblings `key, target, key, target` in this grammar. */
  private listPairs(items: Node[]): [Node, Node][] | undefined {
    if (items.length < 2 || items.length % 2 !== 0) return undefined;
    const pairs: [Node, Node][] = [];
    for (let i = 0; i < items.length; i += 2) {
      const key = items[i]!;
      const target = items[i + 1]!;
      if (!(key.type === 'string' || key.type === 'encapsed_string' || key.type === 'integer')) return undefined;
      pairs.push([key, target]);
    }
    return pairs;
  }

  /** `require __DIR__ . '/client.php'`, `include 'lib/x.inc'`: the path as written, `__DIR__` as `.`. */
  private includeStmt(node: Node): Stmt {
    const target = named(node)[0];
    const value = target ? this.expr(target) : undefined;
    return { k: 'import', module: value ? includePath(value) ?? target!.text : '', names: [], span: span(node) };
  }

  private useDeclaration(node: Node): Stmt[] {
    const out: Stmt[] = [];
    const group = node.childForFieldName('body');
    const prefix = group ? (named(node).find((c) => c.type === 'namespace_name')?.text ?? '') : '';
    const clauses = (group ? named(group) : named(node)).filter((c) => c.type === 'namespace_use_clause');
    for (const clause of clauses) {
      const alias = clause.childForFieldName('alias');
      const target = named(clause).find((c) => c !== alias && (c.type === 'qualified_name' || c.type === 'name'));
      if (!target) continue;
      const full = prefix ? `${prefix}\\${target.text}` : target.text.replace(/^\\/, '');
      const name = lastSegment(full);
      out.push({ k: 'import', module: full, names: [{ name, ...(alias ? { alias: alias.text } : {}) }], span: span(clause) });
    }
    return out;
  }

  private functionDecl(node: Node): Stmt {
    const nameNode = node.childForFieldName('name')!;
    const paramsNode = node.childForFieldName('parameters');
    const body = node.childForFieldName('body');
    const returnType = typeText(node.childForFieldName('return_type'));
    const annotations = this.annotations(node.childForFieldName('attributes'));
    return {
      k: 'function', name: nameNode.text, params: paramsNode ? this.params(paramsNode) : [], body: body ? this.statements([body]) : [],
      ...(returnType ? { returnType } : {}), ...(annotations.length ? { annotations } : {}), span: span(node), nameSpan: span(nameNode),
    };
  }

  private params(node: Node): Param[] {
    return named(node).filter((p) => p.type.endsWith('_parameter')).map((p) => {
      const nameNode = p.childForFieldName('name') ?? named(p).find((c) => c.type === 'variable_name')!;
      const type = typeText(p.childForFieldName('type'));
      const annotations = this.annotations(p.childForFieldName('attributes'));
      const def = p.childForFieldName('default_value');
      return {
        name: variableName(nameNode), span: span(nameNode), ...(type ? { type } : {}), ...(annotations.length ? { annotations } : {}),
        ...(def ? { default: this.expr(def) } : {}), ...(p.type === 'variadic_parameter' ? { rest: true } : {}),
      };
    });
  }

  private classDecl(node: Node): Stmt {
    const nameNode = node.childForFieldName('name');
    const bases: string[] = [];
    for (const clause of named(node)) {
      if (clause.type === 'base_clause' || clause.type === 'class_interface_clause') {
        for (const base of named(clause)) bases.push(lastSegment(base.text));
      }
    }
    const bodyNode = node.childForFieldName('body');
    const body = bodyNode ? this.statements(named(bodyNode)) : [];
    // Constructor promotion (`private int $lsid` in __construct) declares a property too: the value flows into it.
    const ctor = bodyNode && named(bodyNode).find((m) => m.type === 'method_declaration' && m.childForFieldName('name')?.text.toLowerCase() === '__construct');
    const ctorParams = ctor?.childForFieldName('parameters');
    if (ctorParams) {
      for (const p of named(ctorParams).filter((c) => c.type === 'property_promotion_parameter')) {
        const nameNode = p.childForFieldName('name')!;
        const field = variableName(nameNode);
        body.unshift({ k: 'assign', targets: [{ k: 'name', name: field, span: span(nameNode) }], value: { k: 'name', name: field, span: span(nameNode) }, op: '=', span: span(nameNode) });
      }
    }
    const annotations = this.annotations(node.childForFieldName('attributes'));
    return { k: 'class', name: nameNode?.text ?? '', bases, ...(annotations.length ? { annotations } : {}), body, span: span(node) };
  }

  /** `#[ORM\Column(type: 'integer')] public int $lsid = 0;`: one assign per property, spanning from its modifiers (not its attributes). */
  private propertyDecl(node: Node): Stmt[] {
    const attributes = node.childForFieldName('attributes');
    const annotations = this.annotations(attributes);
    const declaredType = typeText(node.childForFieldName('type'));
    const first = all(node).find((c) => c !== attributes && c.type !== 'comment' && !(attributes && c.startIndex < attributes.endIndex));
    const start = first?.startIndex ?? node.startIndex;
    return named(node).filter((c) => c.type === 'property_element').map((element) => {
      const nameNode = element.childForFieldName('name') ?? named(element)[0]!;
      const def = element.childForFieldName('default_value');
      return {
        k: 'assign', targets: [{ k: 'name', name: variableName(nameNode), span: span(nameNode) }], ...(def ? { value: this.expr(def) } : {}), op: '=',
        ...(declaredType ? { declaredType } : {}), ...(annotations.length ? { annotations } : {}), span: { start, end: node.endIndex },
      } as Stmt;
    });
  }

  private constDecl(node: Node): Stmt[] {
    return named(node).filter((c) => c.type === 'const_element').map((element) => {
      const parts = named(element);
      const nameNode = parts[0]!;
      const value = parts[1];
      return { k: 'assign', targets: [{ k: 'name', name: nameNode.text, span: span(nameNode) }], ...(value ? { value: this.expr(value) } : {}), op: '=', span: span(element) } as Stmt;
    });
  }

  private ifStatement(node: Node): Stmt {
    const condition = node.childForFieldName('condition');
    const body: Stmt[] = [];
    const main = node.childForFieldName('body');
    if (main) body.push(...this.statements([main]));
    for (const alt of node.childrenForFieldName('alternative')) {
      if (!alt) continue;
      if (alt.type === 'else_if_clause') body.push(this.ifStatement(alt));
      else {
        const altBody = alt.childForFieldName('body');
        if (altBody) body.push(...this.statements([altBody]));
      }
    }
    // `if (…): … endif;` puts the else branches as plain children.
    for (const child of named(node)) {
      if ((child.type === 'else_if_clause' || child.type === 'else_clause') && !node.childrenForFieldName('alternative').includes(child)) {
        if (child.type === 'else_if_clause') body.push(this.ifStatement(child));
        else body.push(...this.statements(named(child)));
      }
    }
    return { k: 'block', exprs: condition ? [this.expr(condition)] : [], body, span: span(node) };
  }

  private forStatement(node: Node): Stmt {
    const exprs: Expr[] = [];
    for (const field of ['initialize', 'condition', 'update']) {
      for (const part of node.childrenForFieldName(field)) {
        if (part) exprs.push(...this.sequence(part).map((p) => this.expr(p)));
      }
    }
    const body = node.childForFieldName('body');
    return { k: 'block', exprs, body: body ? this.statements([body]) : [], span: span(node) };
  }

  /** `foreach ($xs as $k => $v)`, `as &$v`, `as ['lsid' => $lsid]` (bound from a synthetic item variable). */
  private foreachStatement(node: Node): Stmt {
    const parts = named(node).filter((c) => c !== node.childForFieldName('body'));
    const iterable = this.expr(parts[0]!);
    let binding = parts[1];
    let key: Expr | undefined;
    if (binding?.type === 'pair') {
      const [k, v] = named(binding);
      key = k ? this.expr(k) : undefined;
      binding = v;
    }
    if (binding?.type === 'by_ref') binding = named(binding)[0];
    const bodyNode = node.childForFieldName('body');
    const prologue: Stmt[] = [];
    let target: Expr;
    if (binding?.type === 'list_literal') {
      const item: Expr = { k: 'name', name: `foreach#${this.synthetic++}`, span: span(binding) };
      target = item;
      prologue.push(...this.destructure(binding, item, span(binding)));
    } else {
      target = binding ? this.expr(binding) : { k: 'other', children: [], span: span(node) };
    }
    const body = [...prologue, ...(bodyNode ? this.statements([bodyNode]) : [])];
    return { k: 'for', target, iterable, body, span: span(node), ...(key ? { key } : {}) };
  }

  /** `switch ($x) { case 'a': … }`: each case as `$x == 'a'`, so equality checks on the subject are seen. */
  private switchStatement(node: Node): Stmt {
    const conditionNode = node.childForFieldName('condition');
    const subject = conditionNode ? this.expr(conditionNode) : undefined;
    const exprs: Expr[] = subject ? [subject] : [];
    const body: Stmt[] = [];
    const block = node.childForFieldName('body');
    for (const entry of block ? named(block) : []) {
      const value = entry.childForFieldName('value');
      if (value && subject) exprs.push({ k: 'binary', op: '==', left: subject, right: this.expr(value), span: span(value) });
      body.push(...this.statements(named(entry).filter((c) => c !== value)));
    }
    return { k: 'block', exprs, body, span: span(node) };
  }

  private annotations(list: Node | null): Annotation[] {
    if (!list) return [];
    const out: Annotation[] = [];
    for (const group of named(list)) {
      for (const attribute of named(group).filter((a) => a.type === 'attribute')) {
        const nameNode = named(attribute).find((c) => c.type === 'name' || c.type === 'qualified_name');
        const params = attribute.childForFieldName('parameters');
        out.push({ name: lastSegment(nameNode?.text ?? attribute.text), args: params ? this.args(params) : [], span: span(attribute) });
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- expressions

  private sequence(node: Node): Node[] {
    return node.type === 'sequence_expression' ? named(node).flatMap((c) => this.sequence(c)) : [node];
  }

  private args(node: Node): Arg[] {
    return named(node).flatMap((a): Arg[] => {
      if (a.type !== 'argument') return a.type === 'variadic_placeholder' ? [] : [{ value: this.expr(a) }];
      const nameNode = a.childForFieldName('name');
      const value = named(a).filter((c) => c !== nameNode && c.type !== 'reference_modifier').pop();
      if (!value) return [];
      return [{ ...(nameNode ? { name: nameNode.text } : {}), value: this.expr(value) }];
    });
  }

  expr(node: Node): Expr {
    const s = span(node);
    switch (node.type) {
      case 'variable_name':
        return { k: 'name', name: variableName(node), span: s };
      case 'name':
        return { k: 'name', name: node.text, span: s };
      case 'qualified_name':
        return { k: 'name', name: lastSegment(node.text), span: s };
      case 'relative_scope':
        return { k: 'name', name: node.text === 'parent' ? 'parent' : 'this', span: s };
      case 'dynamic_variable_name': {
        const inner = named(node)[0];
        return inner?.type === 'name' ? { k: 'name', name: inner.text, span: s } : { k: 'other', children: inner ? [this.expr(inner)] : [], span: s };
      }
      case 'string':
      case 'encapsed_string':
      case 'heredoc':
      case 'nowdoc':
      case 'shell_command_expression':
        return this.stringLiteral(node);
      case 'integer':
      case 'float':
        return { k: 'number', text: node.text.replace(/_/g, ''), span: s };
      case 'boolean':
      case 'null':
        return node.type === 'null' ? { k: 'null', span: s } : { k: 'bool', value: node.text.toLowerCase() === 'true', span: s };
      case 'parenthesized_expression':
      case 'error_suppression_expression':
      case 'clone_expression': {
        const inner = named(node)[0];
        return inner ? this.expr(inner) : { k: 'other', children: [], span: s };
      }
      case 'member_access_expression':
      case 'nullsafe_member_access_expression':
      case 'scoped_property_access_expression':
        return this.member(node, node.childForFieldName('object') ?? node.childForFieldName('scope')!, node.childForFieldName('name')!);
      case 'class_constant_access_expression': {
        const [scope, nameNode] = named(node);
        return this.member(node, scope!, nameNode!);
      }
      case 'function_call_expression': {
        const fn = node.childForFieldName('function')!;
        const argsNode = node.childForFieldName('arguments');
        const membership = fn.text.toLowerCase() === 'isset' && argsNode ? this.issetMembership(argsNode, s) : undefined;
        if (membership) return membership;
        return { k: 'call', callee: this.expr(fn), args: argsNode ? this.args(argsNode) : [], span: s };
      }
      case 'member_call_expression':
      case 'nullsafe_member_call_expression':
      case 'scoped_call_expression': {
        const object = node.childForFieldName('object') ?? node.childForFieldName('scope')!;
        const nameNode = node.childForFieldName('name')!;
        const argsNode = node.childForFieldName('arguments');
        const callee = this.member({ startIndex: node.startIndex, endIndex: nameNode.endIndex }, object, nameNode);
        return { k: 'call', callee, args: argsNode ? this.args(argsNode) : [], span: s };
      }
      case 'object_creation_expression': {
        const parts = named(node);
        const anonymous = parts.find((p) => p.type === 'anonymous_class');
        if (anonymous) {
          // `new class extends Migration { … }`: its body is a class like any other.
          this.hoisted.push(this.classDecl(anonymous));
          const argsNode = named(anonymous).find((p) => p.type === 'arguments') ?? parts.find((p) => p.type === 'arguments');
          return { k: 'other', children: argsNode ? this.args(argsNode).map((a) => a.value) : [], span: s };
        }
        const typeNode = parts.find((p) => p.type !== 'arguments');
        const argsNode = parts.find((p) => p.type === 'arguments');
        return { k: 'new', type: lastSegment(typeNode?.text ?? ''), args: argsNode ? this.args(argsNode) : [], span: s };
      }
      case 'cast_expression': {
        const type = (node.childForFieldName('type')?.text ?? '').replace(/[()\s]/g, '').toLowerCase();
        const value = node.childForFieldName('value');
        return { k: 'cast', type, operand: value ? this.expr(value) : { k: 'other', children: [], span: s }, span: s };
      }
      case 'binary_expression': {
        const left = node.childForFieldName('left')!;
        const right = node.childForFieldName('right')!;
        const raw = node.childForFieldName('operator')?.text ?? '';
        const op = BINARY_OPS[raw.toLowerCase()] ?? raw;
        return { k: 'binary', op, left: this.expr(left), right: this.expr(right), span: s };
      }
      case 'unary_op_expression': {
        const operand = node.childForFieldName('argument') ?? named(node)[0]!;
        const op = all(node).find((c) => !c.isNamed)?.text ?? '';
        return { k: 'unary', op, operand: this.expr(operand), span: s };
      }
      case 'update_expression': {
        const operand = node.childForFieldName('argument') ?? named(node)[0]!;
        const op = node.childForFieldName('operator')?.text ?? '++';
        return { k: 'unary', op, operand: this.expr(operand), span: s };
      }
      case 'assignment_expression':
      case 'augmented_assignment_expression':
      case 'reference_assignment_expression': {
        this.hoisted.push(...this.assignment(node));
        const left = node.childForFieldName('left') ?? named(node)[0]!;
        return this.expr(left);
      }
      case 'conditional_expression': {
        const condition = this.expr(node.childForFieldName('condition')!);
        const body = node.childForFieldName('body');
        const alternative = node.childForFieldName('alternative')!;
        return { k: 'conditional', condition, whenTrue: body ? this.expr(body) : condition, whenFalse: this.expr(alternative), span: s };
      }
      case 'anonymous_function':
      case 'anonymous_function_creation_expression':
      case 'arrow_function':
        return this.lambda(node);
      case 'array_creation_expression':
        return this.array(node);
      case 'list_literal':
        return { k: 'list', items: named(node).map((c) => this.expr(c)), span: s };
      case 'subscript_expression': {
        const [object, index] = named(node);
        // `"$row[lsid]"`: inside a string an unquoted key is a string.
        if (index?.type === 'name' && insideString(node)) {
          return { k: 'index', object: this.expr(object!), index: { k: 'string', value: index.text, span: span(index) }, span: s };
        }
        return { k: 'index', object: this.expr(object!), index: index ? this.expr(index) : { k: 'other', children: [], span: { start: object!.endIndex, end: node.endIndex } }, span: s };
      }
      case 'match_expression':
        return this.match(node);
      case 'print_intrinsic': {
        const arg = named(node)[0];
        return { k: 'call', callee: { k: 'name', name: 'print', span: span(all(node)[0]!) }, args: arg ? [{ value: this.expr(arg) }] : [], span: s };
      }
      default:
        if (INCLUDES.has(node.type)) {
          this.hoisted.push(this.includeStmt(node));
          const target = named(node)[0];
          return { k: 'other', children: target ? [this.expr(target)] : [], span: s };
        }
        return { k: 'other', children: named(node).map((c) => this.expr(c)), span: s };
    }
  }

  /** `isset($seen[$k])` asks whether `$k` is a key of `$seen`: the membership test `$k in $seen` (several: and-ed). */
  private issetMembership(argsNode: Node, s: Span): Expr | undefined {
    const subscripts = named(argsNode).map((a) => named(a)[0]);
    if (!subscripts.length || !subscripts.every((x) => x?.type === 'subscript_expression' && named(x).length === 2)) return undefined;
    const tests = subscripts.map((x): Expr => {
      const [object, index] = named(x!);
      return { k: 'binary', op: 'in', left: this.expr(index!), right: this.expr(object!), span: span(x!) };
    });
    let result = tests[0]!;
    for (const test of tests.slice(1)) result = { k: 'binary', op: 'and', left: result, right: test, span: s };
    return { ...result, span: s } as Expr;
  }

  private member(whole: { startIndex: number; endIndex: number }, objectNode: Node, nameNode: Node): Expr {
    const object = this.expr(objectNode);
    const s = { start: whole.startIndex, end: whole.endIndex };
    // `$o->$p` and `$o->{'x y'}` read a property chosen at run time: an index, not a member.
    if (nameNode.type === 'name') return { k: 'member', object, name: nameNode.text, span: s, nameSpan: span(nameNode) };
    if (nameNode.type === 'variable_name' && objectNode.type !== 'relative_scope' && objectNode.type !== 'name' && objectNode.type !== 'qualified_name') {
      return { k: 'index', object, index: this.expr(nameNode), span: s };
    }
    if (nameNode.type === 'variable_name') return { k: 'member', object, name: variableName(nameNode), span: s, nameSpan: span(nameNode) };
    const index = this.expr(nameNode);
    if (index.k === 'string') return { k: 'member', object, name: index.value, span: s, nameSpan: span(nameNode) };
    return { k: 'index', object, index, span: s };
  }

  private lambda(node: Node): Expr {
    const paramsNode = node.childForFieldName('parameters');
    const params = paramsNode ? this.params(paramsNode) : [];
    const bodyNode = node.childForFieldName('body');
    const saved = this.hoisted;
    this.hoisted = [];
    let body: Stmt[] = [];
    if (bodyNode) {
      if (node.type === 'arrow_function') {
        const value = this.expr(bodyNode);
        body = [...this.hoisted, { k: 'return', value, span: span(bodyNode) }];
      } else {
        body = this.statements([bodyNode]);
        body.unshift(...this.hoisted);
      }
    }
    this.hoisted = saved;
    return { k: 'lambda', params, body, span: span(node) };
  }

  /** `[…]`/`array(…)`: a dict when any element has a key (`'lsid' => …`), else a list. */
  private array(node: Node): Expr {
    const elements = named(node).filter((c) => c.type === 'array_element_initializer');
    const keyed = elements.some((e) => all(e).some((c) => c.type === '=>'));
    if (!keyed) {
      return { k: 'list', items: elements.map((e) => this.elementValue(e)), span: span(node) };
    }
    let position = 0;
    const entries = elements.map((e) => {
      const parts = named(e);
      if (all(e).some((c) => c.type === '=>')) return { key: this.expr(parts[0]!), value: this.elementValue(e, parts[parts.length - 1]) };
      const key: Expr = { k: 'number', text: String(position++), span: span(e) };
      return { key, value: this.elementValue(e) };
    });
    return { k: 'dict', entries, span: span(node) };
  }

  private elementValue(element: Node, value = named(element)[named(element).length - 1]): Expr {
    if (!value) return { k: 'other', children: [], span: span(element) };
    // `...$xs` and `&$x` keep their operand visible.
    if (value.type === 'variadic_unpacking' || value.type === 'by_ref') return { k: 'other', children: named(value).map((c) => this.expr(c)), span: span(element) };
    return this.expr(value);
  }

  /** `match ($x) { 'a', 'b' => r1, default => r2 }` as `$x == 'a' or $x == 'b' ? r1 : r2`. */
  private match(node: Node): Expr {
    const conditionNode = node.childForFieldName('condition');
    const subject = conditionNode ? this.expr(conditionNode) : undefined;
    const block = node.childForFieldName('body');
    const arms = block ? named(block) : [];
    let result: Expr = { k: 'null', span: span(node) };
    for (const arm of [...arms].reverse()) {
      const valueNode = arm.childForFieldName('return_expression');
      const value = valueNode ? this.expr(valueNode) : ({ k: 'null', span: span(arm) } as Expr);
      if (arm.type === 'match_default_expression') {
        result = value;
        continue;
      }
      const list = arm.childForFieldName('conditional_expressions');
      const tests = (list ? named(list) : []).map((c): Expr => {
        const right = this.expr(c);
        return subject ? { k: 'binary', op: '==', left: subject, right, span: span(c) } : right;
      });
      let condition: Expr | undefined;
      for (const test of tests) condition = condition ? { k: 'binary', op: 'or', left: condition, right: test, span: span(arm) } : test;
      condition ??= subject ?? { k: 'null', span: span(arm) };
      result = { k: 'conditional', condition, whenTrue: value, whenFalse: result, span: span(arm) };
    }
    return arms.length ? { ...result, span: span(node) } : { k: 'other', children: subject ? [subject] : [], span: span(node) };
  }

  // ---------------------------------------------------------------- strings

  private stringLiteral(node: Node): Expr {
    const cached = this.literalCache.get(node.startIndex);
    if (cached) return cached;
    const lowered = this.lowerString(node);
    this.literalCache.set(node.startIndex, lowered);
    return lowered;
  }

  private readonly literalCache = new Map<number, Expr>();

  private lowerString(node: Node): Expr {
    const s = span(node);
    const text = node.text;
    if (node.type === 'string') {
      const open = text.indexOf("'");
      return this.addString(singleQuotedValue(text.slice(open + 1, -1)), s);
    }
    if (node.type === 'nowdoc') {
      const body = named(node).find((c) => c.type === 'nowdoc_body');
      const indent = heredocIndent(node, this.source);
      return this.addString(body ? dedent(body.text.replace(/^\r?\n/, ''), indent, true).replace(/\r?\n[ \t]*$/, '') : '', s);
    }
    // Interpolating forms: literal runs between embedded expressions, escapes resolved.
    const heredoc = node.type === 'heredoc';
    const container = heredoc ? named(node).find((c) => c.type === 'heredoc_body') : node;
    if (!container) return this.addString('', s);
    const source = this.source;
    const indent = heredoc ? heredocIndent(node, source) : 0;
    const parts: Expr[] = [];
    let start = heredoc ? container.startIndex : node.startIndex + text.indexOf(node.type === 'shell_command_expression' ? '`' : '"') + 1;
    let end = node.endIndex - 1;
    if (heredoc) {
      // The body ends before the line break that precedes the (indented) closing marker.
      const endTag = node.childForFieldName('end_tag') ?? named(node).find((c) => c.type === 'heredoc_end');
      end = endTag ? endTag.startIndex - indent : container.endIndex;
      if (source[end - 1] === '\n') end -= 1;
      if (source[end - 1] === '\r') end -= 1;
      // …and starts after the line break that follows `<<<TAG`.
      if (source[start] === '\r') start += 1;
      if (source[start] === '\n') start += 1;
      end = Math.max(start, end);
    }
    let atLineStart = heredoc;
    const pushLiteral = (from: number, to: number) => {
      if (to <= from) return;
      let raw = source.slice(from, to);
      if (heredoc) raw = dedent(raw, indent, atLineStart);
      parts.push(this.addString(doubleQuotedValue(raw, !heredoc), { start: from, end: to }));
    };
    for (const child of all(container)) {
      if (!child.isNamed || child.type === 'string_content' || child.type === 'escape_sequence' || child.type === 'string_value' || child.type === 'comment') continue;
      // `{$x}`: the braces belong to the interpolation, not to the text (`${x}` holds its own).
      const braced = source[child.startIndex - 1] === '{' && child.type !== 'dynamic_variable_name';
      pushLiteral(start, braced ? child.startIndex - 1 : child.startIndex);
      atLineStart = false;
      parts.push(this.expr(child));
      start = child.endIndex;
      if (braced && source[start] === '}') start += 1;
    }
    pushLiteral(start, end);
    if (parts.length === 0) return this.addString('', s);
    if (parts.length === 1 && parts[0]!.k === 'string') {
      // Plain text: one literal for the whole node (its span covers the quotes).
      const only = this.strings.pop()!;
      return this.addString(only.value, s);
    }
    return { k: 'template', parts, span: s };
  }

  private addString(value: string, s: Span): StringExpr {
    const expr: StringExpr = { k: 'string', value, span: s };
    this.strings.push(expr);
    return expr;
  }

  /** Strings the statement lowering did not reach (inside skipped or unforeseen syntax) still count as evidence. */
  private collectRemainingStrings(root: Node): void {
    walk(root, (node) => {
      if (STRING_NODES.has(node.type) && node.type !== 'shell_command_expression' && !this.literalCache.has(node.startIndex)) {
        const saved = this.hoisted;
        this.hoisted = [];
        this.stringLiteral(node);
        this.hoisted = saved;
      }
    });
  }
}

function variableName(node: Node): string {
  if (node.type !== 'variable_name') return node.text.replace(/^\$/, '');
  const inner = named(node)[0];
  const name = inner ? inner.text : node.text.replace(/^\$/, '');
  return name === 'this' ? 'this' : name;
}

/** The indentation of a heredoc's closing marker, removed from each body line (PHP 7.3+). */
function heredocIndent(node: Node, source: string): number {
  const end = node.childForFieldName('end_tag') ?? named(node).find((c) => c.type === 'heredoc_end');
  if (!end) return 0;
  let i = end.startIndex;
  let n = 0;
  while (i > 0 && (source[i - 1] === ' ' || source[i - 1] === '\t')) {
    i--;
    n++;
  }
  return n;
}

function insideString(node: Node): boolean {
  const parent = node.parent;
  return parent !== null && (parent.type === 'encapsed_string' || parent.type === 'heredoc_body');
}

/** The file an include names, when it is a literal path, optionally after `__DIR__ .` or `dirname(__FILE__) .`. */
function includePath(value: Expr): string | undefined {
  if (value.k === 'string') return value.value;
  if (value.k === 'binary' && value.op === '.' && value.right.k === 'string') {
    const left = value.left;
    const here = (left.k === 'name' && left.name === '__DIR__')
      || (left.k === 'call' && left.callee.k === 'name' && left.callee.name === 'dirname' && left.args[0]?.value.k === 'name' && left.args[0].value.name === '__FILE__');
    if (here) return `.${value.right.value.startsWith('/') ? '' : '/'}${value.right.value}`;
  }
  return undefined;
}

function walk(node: Node, visit: (node: Node) => void): void {
  const stack = [node];
  while (stack.length) {
    const current = stack.pop()!;
    visit(current);
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
  }
}
