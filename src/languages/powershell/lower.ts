/**
 * Lowers a tree-sitter-powershell tree into the shared IR (../tree-sitter/ir.ts). PowerShell
 * specifics that the analyzer should not have to know are settled here:
 * - the grammar wraps every operand in a chain of single-child precedence nodes
 *   (pipeline → logical_expression → … → unary_expression); those chains are collapsed;
 * - variables, functions and parameters are case-insensitive: every spelling is rewritten to the
 *   first one seen (variables) or the declared one (functions, their named arguments);
 * - a command is a call whose callee is the command name (aliases resolved: `?` → Where-Object),
 *   `-Param value` a named argument, a switch `-Unique` a named `bool`, and `a | B | C` nests
 *   calls, each stage getting the previous one as the argument named `|`;
 * - `Where-Object lsid -gt $x` and `ForEach-Object lsid` (simplified syntax) become script blocks
 *   (`{ $_.lsid -gt $x }`, `{ $_.lsid }`), so they read like the long form;
 * - script blocks are lambdas with the parameter `_` ($_ / $PSItem), or with their `param()` list;
 *   a function's or script block's trailing expression statement is its output, so it is returned;
 * - `[int]$x = v` declares `x` with type `int`; `-as [int]` is a cast; `[T]::new()` and
 *   `New-Object T` construct; `. .\x.ps1`, `Import-Module` and `using module` import.
 */import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from '../../types.js';
import type { Annotation, Arg, Expr, Param, Program, Stmt } from '../tree-sitter/ir.js';
import { canonicalCommand, comparisonOperator, isSwitch, wordOperator } from './commands.js';
import { forEachArgs, implicitReturn, lastOutput, whereArgs } from './rewrites.js';
import { decodeExpandable, expandableBounds, verbatimValue } from './strings.js';
import {
  BINARY_NODES, bareVariable, childOfType, children, memberNameText, namedChildren, psTypeName, spanFrom, spanOf, stringValue,
  typeOf, unwrap, unwrapTo,
} from './syntax.js';

type StringExpr = Extract<Expr, { k: 'string' }>;

/** A function of this file: its declared spelling, its parameters' spellings and its pipeline parameter. */
interface DeclaredFunction {
  name: string;
  params: Map<string, string>;
  pipelineParam?: string;
}

/** Casts that build an object literal rather than convert: `[pscustomobject]@{…}`, `[ordered]@{…}`. */
const OBJECT_LITERAL_CASTS = new Set(['pscustomobject', 'psobject', 'ordered', 'hashtable']);

export function lower(root: Node): Program {
  return new Lowering(root).program();
}

class Lowering {
  private readonly strings: StringExpr[] = [];
  private readonly names: { name: string; span: Span }[] = [];
  /** Lower-cased variable name → its first spelling. */
  private readonly variableCase = new Map<string, string>();
  /** Lower-cased function name → declared name and lower-cased parameter name → declared spelling. */
  private readonly functions = new Map<string, DeclaredFunction>();
  /** Assignments met inside expressions (`if (($m = …))`), emitted before the enclosing statement. */
  private pending: Stmt[] = [];

  constructor(private readonly root: Node) {
    this.collectSpellings(root);
  }

  program(): Program {
    const body: Stmt[] = [];
    for (const child of namedChildren(this.root)) {
      if (child.type === 'param_block') body.push(...this.scriptParameters(child));
      else if (child.type === 'statement_list') body.push(...this.statements(child));
    }
    return { body, strings: this.strings, names: this.names };
  }

  // ---------- spellings ----------

  private collectSpellings(root: Node): void {
    const cursor = root.walk();
    try {
      for (;;) {
        const node = cursor.currentNode;
        if (node.type === 'variable') {
          const name = bareVariable(node.text);
          if (!this.variableCase.has(name.toLowerCase())) this.variableCase.set(name.toLowerCase(), name);
        } else if (node.type === 'function_statement') {
          const nameNode = childOfType(node, 'function_name');
          if (nameNode) {
            const params = new Map<string, string>();
            let pipelineParam: string | undefined;
            for (const p of this.parameterNodes(node)) {
              const variable = childOfType(p, 'variable');
              if (!variable) continue;
              params.set(bareVariable(variable.text).toLowerCase(), bareVariable(variable.text));
              if (/\bValueFromPipeline\b(?!ByPropertyName)/i.test(childOfType(p, 'attribute_list')?.text ?? '')) pipelineParam ??= bareVariable(variable.text);
            }
            this.functions.set(nameNode.text.toLowerCase(), { name: nameNode.text, params, ...(pipelineParam ? { pipelineParam } : {}) });
          }
        }
        if (cursor.gotoFirstChild()) continue;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return;
        }
      }
    } finally {
      cursor.delete();
    }
  }

  private variableName(text: string): string {
    const name = bareVariable(text);
    if (name === '_' || name === 'this') return name;
    return this.variableCase.get(name.toLowerCase()) ?? name;
  }

  private addName(name: string, span: Span): void {
    this.names.push({ name, span });
  }

  private str(value: string, span: Span): StringExpr {
    const s: StringExpr = { k: 'string', value, span };
    this.strings.push(s);
    return s;
  }

  // ---------- statements ----------

  private statements(node: Node | null | undefined): Stmt[] {
    if (!node) return [];
    if (node.type === 'statement_block') return this.statements(node.childForFieldName('statement_list') ?? childOfType(node, 'statement_list'));
    if (node.type !== 'statement_list') return this.statement(node);
    return namedChildren(node).flatMap((child) => this.statement(child));
  }

  private statement(node: Node): Stmt[] {
    const outer = this.pending;
    this.pending = [];
    try {
      const lowered = this.statementOf(node);
      return [...this.pending, ...lowered];
    } finally {
      this.pending = outer;
    }
  }

  private statementOf(node: Node): Stmt[] {
    const span = spanOf(node);
    switch (node.type) {
      case 'pipeline':
        return this.pipelineStatement(node);
      case 'function_statement':
        return [this.functionStatement(node)];
      case 'class_statement':
        return [this.classStatement(node)];
      case 'enum_statement': {
        const name = childOfType(node, 'simple_name');
        if (name) this.addName(name.text, spanOf(name));
        return [];
      }
      case 'if_statement':
      case 'elseif_clause': {
        const exprs: Expr[] = [];
        const body: Stmt[] = [];
        const condition = node.childForFieldName('condition');
        if (condition) exprs.push(this.expr(condition));
        body.push(...this.statements(childOfType(node, 'statement_block')));
        for (const clause of namedChildren(node.childForFieldName('elseif_clauses'))) body.push(...this.statement(clause));
        const otherwise = node.childForFieldName('else_clause');
        if (otherwise) body.push(...this.statements(childOfType(otherwise, 'statement_block')));
        return [{ k: 'block', exprs, body, span }];
      }
      case 'switch_statement':
        return [this.switchStatement(node)];
      case 'foreach_statement': {
        const variable = childOfType(node, 'variable');
        const iterable = childOfType(node, 'pipeline');
        if (!variable || !iterable) return [{ k: 'block', exprs: [], body: this.statements(childOfType(node, 'statement_block')), span }];
        return [{ k: 'for', target: this.expr(variable), iterable: this.expr(iterable), body: this.statements(childOfType(node, 'statement_block')), span }];
      }
      case 'for_statement': {
        const init = node.childForFieldName('for_initializer');
        const condition = node.childForFieldName('for_condition');
        const iterator = node.childForFieldName('for_iterator');
        const body = [
          ...(init ? this.pipelineStatement(unwrapTo(init, 'pipeline')) : []),
          ...this.statements(childOfType(node, 'statement_block')),
          ...(iterator ? this.pipelineStatement(unwrapTo(iterator, 'pipeline')) : []),
        ];
        return [{ k: 'block', exprs: condition ? [this.expr(condition)] : [], body, span }];
      }
      case 'while_statement':
      case 'do_statement': {
        const condition = node.childForFieldName('condition');
        return [{ k: 'block', exprs: condition ? [this.expr(condition)] : [], body: this.statements(childOfType(node, 'statement_block')), span }];
      }
      case 'try_statement': {
        const body = this.statements(childOfType(node, 'statement_block'));
        for (const clause of namedChildren(childOfType(node, 'catch_clauses'))) body.push(...this.statements(childOfType(clause, 'statement_block')));
        const fin = childOfType(node, 'finally_clause');
        if (fin) body.push(...this.statements(childOfType(fin, 'statement_block')));
        return [{ k: 'block', exprs: [], body, span }];
      }
      case 'trap_statement':
      case 'data_statement':
      case 'inlinescript_statement':
      case 'parallel_statement':
      case 'sequence_statement':
        return [{ k: 'block', exprs: [], body: this.statements(childOfType(node, 'statement_block')), span }];
      case 'flow_control_statement': {
        const keyword = node.child(0)?.type;
        const value = childOfType(node, 'pipeline');
        if (keyword === 'return') return [{ k: 'return', value: value ? this.expr(value) : undefined, span }];
        return value ? [{ k: 'expr', expr: this.expr(value), span }] : [];
      }
      case 'empty_statement':
      case 'label':
        return [];
      default: {
        const kids = namedChildren(node);
        if (!kids.length) return [];
        return [{ k: 'expr', expr: { k: 'other', children: kids.map((c) => this.expr(c)), span }, span }];
      }
    }
  }

  private pipelineStatement(node: Node): Stmt[] {
    const span = spanOf(node);
    const inner = unwrap(node);
    if (inner.type === 'assignment_expression') return [this.assignment(inner)];
    if (inner.type === 'command') {
      const imported = this.importOf(inner);
      if (imported) return [imported];
    }
    return [{ k: 'expr', expr: this.expr(node), span }];
  }

  /** `. .\lib.ps1`, `Import-Module .\Bomgar.psm1`, `using module Bomgar`. */
  private importOf(command: Node): Stmt | undefined {
    const span = spanOf(command);
    const operator = childOfType(command, 'command_invokation_operator')?.text;
    const nameNode = command.childForFieldName('command_name');
    if (!nameNode) return undefined;
    const elements = namedChildren(command.childForFieldName('command_elements')).filter((e) => e.type !== 'command_argument_sep');
    if (operator === '.') {
      const target = unwrap(nameNode);
      const module = target.type === 'command_name' || target.type === 'path_command_name' ? target.text : stringValue(target);
      return module === undefined ? undefined : { k: 'import', module, names: [], span };
    }
    if (operator) return undefined;
    const name = canonicalCommand(nameNode.text);
    if (name === 'Import-Module') {
      const target = elements.find((e, i) => e.type !== 'command_parameter' && (i === 0 || elements[i - 1]?.type !== 'command_parameter' || /^-name$/i.test(elements[i - 1]!.text)));
      const module = target ? (target.type === 'generic_token' ? target.text : stringValue(unwrap(target))) : undefined;
      return module === undefined ? undefined : { k: 'import', module, names: [], span };
    }
    if (name.toLowerCase() === 'using' && elements.length >= 2 && /^(?:module|namespace|assembly)$/i.test(elements[0]!.text)) {
      const target = elements[1]!;
      return { k: 'import', module: target.type === 'generic_token' ? target.text : stringValue(unwrap(target)) ?? target.text, names: [], span };
    }
    return undefined;
  }

  private assignment(node: Node): Stmt {
    const span = spanOf(node);
    const targets: Expr[] = [];
    let declaredType: string | undefined;
    let unpack = false;
    let current: Node = node;
    let valueNode: Node | null = null;
    let op = '=';
    // `$a = $b = v` (right-nested): every target gets v.
    for (;;) {
      const left = childOfType(current, 'left_assignment_expression');
      op = childOfType(current, 'assignement_operator')?.text ?? '=';
      if (left) {
        const target = unwrap(left);
        if (target.type === 'cast_expression') {
          const operand = childOfType(target, 'unary_expression');
          declaredType ??= typeOf(childOfType(target, 'type_literal'));
          targets.push(operand ? this.expr(operand) : this.expr(target));
        } else if (target.type === 'array_literal_expression') {
          unpack = true;
          targets.push(...this.listItems(target));
        } else {
          targets.push(this.expr(target));
        }
      }
      valueNode = current.childForFieldName('value') ?? namedChildren(current).at(-1) ?? null;
      const nested = valueNode && valueNode.type === 'pipeline' ? unwrap(valueNode) : undefined;
      if (nested?.type === 'assignment_expression' && op === '=') {
        current = nested;
        continue;
      }
      break;
    }
    const value = valueNode ? this.valueOf(valueNode) : undefined;
    const stmt: Stmt = { k: 'assign', targets, value, op, span };
    if (declaredType) stmt.declaredType = declaredType;
    if (unpack) stmt.unpack = true;
    return stmt;
  }

  /** The value of an assignment's right side, which may be a statement (`$x = foreach (…) { … }`). */
  private valueOf(node: Node): Expr {
    if (node.type === 'pipeline') return this.expr(node);
    const span = spanOf(node);
    if (node.type === 'foreach_statement') {
      // `$ids = foreach ($s in $list) { $s.lsid }` collects each iteration's output.
      const variable = childOfType(node, 'variable');
      const iterable = childOfType(node, 'pipeline');
      const body = this.statements(childOfType(node, 'statement_block'));
      const last = body.at(-1);
      if (variable && iterable && last?.k === 'expr') {
        this.pending.push(...body.slice(0, -1));
        return { k: 'comprehension', element: last.expr, target: this.expr(variable), iterable: this.expr(iterable), conditions: [], span };
      }
    }
    if (node.type === 'if_statement') {
      const condition = node.childForFieldName('condition');
      const whenTrue = lastOutput(this.statements(childOfType(node, 'statement_block')));
      const otherwise = node.childForFieldName('else_clause');
      const whenFalse = otherwise ? lastOutput(this.statements(childOfType(otherwise, 'statement_block'))) : undefined;
      if (condition && whenTrue && !node.childForFieldName('elseif_clauses')) {
        return { k: 'conditional', condition: this.expr(condition), whenTrue, whenFalse: whenFalse ?? { k: 'null', span }, span };
      }
    }
    const lowered = this.statement(node);
    this.pending.push(...lowered);
    return { k: 'other', children: [], span };
  }

  private switchStatement(node: Node): Stmt {
    const span = spanOf(node);
    const flags = namedChildren(childOfType(node, 'switch_parameters')).map((p) => p.text.toLowerCase());
    const conditionNode = childOfType(node, 'switch_condition');
    const subjectNode = conditionNode ? childOfType(conditionNode, 'pipeline', 'switch_filename') : undefined;
    const exprs: Expr[] = [];
    const body: Stmt[] = [];
    const subject = subjectNode ? this.expr(subjectNode) : undefined;
    if (subject) exprs.push(subject);
    // Each clause compares the subject: `'Login failed' { … }` is `subject -eq 'Login failed'`.
    const op = flags.includes('-regex') ? '-match' : flags.includes('-wildcard') ? '-like' : '==';
    for (const clause of namedChildren(childOfType(childOfType(node, 'switch_body'), 'switch_clauses'))) {
      const test = childOfType(clause, 'switch_clause_condition');
      if (test && subject && subjectNode && !/^default$/i.test(test.text)) {
        const inner = unwrap(test);
        const right = inner.type === 'generic_token' ? this.str(inner.text, spanOf(inner)) : this.expr(inner);
        if (right.k === 'lambda') exprs.push(right);
        else exprs.push({ k: 'binary', op, left: this.expr(subjectNode), right, span: spanOf(test) });
      }
      body.push(...this.statements(childOfType(clause, 'statement_block')));
    }
    return { k: 'block', exprs, body, span };
  }

  // ---------- functions, parameters, classes ----------

  /** The `script_parameter` nodes of a function: `function F($a)` or its `param(…)` block. */
  private parameterNodes(fn: Node): Node[] {
    const declared = childOfType(fn, 'function_parameter_declaration');
    const block = childOfType(childOfType(fn, 'script_block'), 'param_block');
    const list = childOfType(declared ?? block, 'parameter_list');
    return namedChildren(list).filter((c) => c.type === 'script_parameter');
  }

  private functionStatement(node: Node): Stmt {
    const nameNode = childOfType(node, 'function_name')!;
    this.addName(nameNode.text, spanOf(nameNode));
    const params = this.parameterNodes(node).map((p) => this.param(p));
    const scriptBlock = childOfType(node, 'script_block');
    const paramBlock = childOfType(scriptBlock, 'param_block');
    const annotations = paramBlock ? this.attributes(childOfType(paramBlock, 'attribute_list')).annotations : [];
    const body = implicitReturn(this.scriptBlockBody(scriptBlock));
    const stmt: Stmt = { k: 'function', name: nameNode.text, params, body, span: spanOf(node), nameSpan: spanOf(nameNode) };
    if (annotations.length) stmt.annotations = annotations;
    return stmt;
  }

  private scriptBlockBody(scriptBlock: Node | undefined): Stmt[] {
    const body = scriptBlock?.childForFieldName('script_block_body') ?? childOfType(scriptBlock, 'script_block_body');
    if (!body) return [];
    const namedBlocks = childOfType(body, 'named_block_list');
    if (namedBlocks) return namedChildren(namedBlocks).flatMap((b) => this.statements(childOfType(b, 'statement_block')));
    return this.statements(childOfType(body, 'statement_list'));
  }

  private param(node: Node): Param {
    const variable = childOfType(node, 'variable');
    const { type, annotations, typeNode } = this.attributes(childOfType(node, 'attribute_list'));
    const name = variable ? this.variableName(variable.text) : node.text;
    const start = typeNode ?? variable ?? node;
    const param: Param = { name, span: spanFrom(start, node) };
    if (variable) this.addName(name, spanOf(variable));
    if (type) param.type = type;
    if (annotations.length) param.annotations = annotations;
    const fallback = childOfType(node, 'script_parameter_default');
    const defaultNode = fallback ? namedChildren(fallback)[0] : undefined;
    if (defaultNode) param.default = this.expr(defaultNode);
    return param;
  }

  /** A script's own `param(…)`: declarations of script-level variables. */
  private scriptParameters(block: Node): Stmt[] {
    const list = childOfType(block, 'parameter_list');
    return namedChildren(list).filter((c) => c.type === 'script_parameter').map((node) => {
      const p = this.param(node);
      const stmt: Stmt = { k: 'assign', targets: [{ k: 'name', name: p.name, span: p.span }], op: '=', span: p.span };
      if (p.default) stmt.value = p.default;
      if (p.type) stmt.declaredType = p.type;
      if (p.annotations) stmt.annotations = p.annotations;
      return stmt;
    });
  }

  /** `[Parameter(Mandatory)][ValidatePattern('^\d+$')][int]` → annotations and the type. */
  private attributes(list: Node | undefined): { type?: string; typeNode?: Node; annotations: Annotation[] } {
    const annotations: Annotation[] = [];
    let type: string | undefined;
    let typeNode: Node | undefined;
    for (const attribute of namedChildren(list)) {
      const literal = attribute.type === 'type_literal' ? attribute : childOfType(attribute, 'type_literal');
      if (literal) {
        type = typeOf(literal);
        typeNode ??= literal;
        continue;
      }
      const annotation = this.annotation(attribute);
      if (annotation) annotations.push(annotation);
    }
    return { type, typeNode, annotations };
  }

  private annotation(attribute: Node): Annotation | undefined {
    const nameNode = childOfType(attribute, 'attribute_name');
    if (!nameNode) return undefined;
    const name = typeOf(nameNode).replace(/Attribute$/, '');
    this.addName(name, spanOf(nameNode));
    const args: Arg[] = [];
    for (const argument of namedChildren(childOfType(attribute, 'attribute_arguments'))) {
      const parts = namedChildren(argument);
      if (parts[0]?.type === 'simple_name') {
        const value: Expr = parts[1] ? this.expr(parts[1]) : { k: 'bool', value: true, span: spanOf(parts[0]) };
        args.push({ name: parts[0].text, value });
      } else if (parts[0]) {
        args.push({ value: this.expr(parts[0]) });
      }
    }
    return { name, args, span: spanOf(attribute) };
  }

  private classStatement(node: Node): Stmt {
    const simpleNames = children(node).filter((c) => c.type === 'simple_name');
    const name = simpleNames[0]?.text ?? '';
    if (simpleNames[0]) this.addName(name, spanOf(simpleNames[0]));
    const bases = simpleNames.slice(1).map((n) => n.text);
    const body: Stmt[] = [];
    for (const member of namedChildren(node)) {
      if (member.type === 'class_property_definition') body.push(this.classProperty(member));
      else if (member.type === 'class_method_definition') body.push(this.classMethod(member));
    }
    return { k: 'class', name, bases, body, span: spanOf(node) };
  }

  private classProperty(node: Node): Stmt {
    const variable = childOfType(node, 'variable');
    const typeNode = childOfType(node, 'type_literal');
    const attribute = childOfType(node, 'attribute');
    const annotations = attribute ? [this.annotation(attribute)].filter((a): a is Annotation => a !== undefined) : [];
    const name = variable ? bareVariable(variable.text) : '';
    if (variable) this.addName(name, spanOf(variable));
    const valueNode = namedChildren(node).find((c) => c.type === 'logical_expression' || (c !== variable && c !== typeNode && c !== attribute && c.type !== 'class_attribute'));
    const span = spanFrom(typeNode ?? variable ?? node, node);
    const stmt: Stmt = { k: 'assign', targets: [{ k: 'name', name, span: variable ? spanOf(variable) : span }], op: '=', span };
    if (valueNode) stmt.value = this.expr(valueNode);
    if (typeNode) stmt.declaredType = typeOf(typeNode);
    if (annotations.length) stmt.annotations = annotations;
    return stmt;
  }

  private classMethod(node: Node): Stmt {
    const nameNode = childOfType(node, 'simple_name')!;
    this.addName(nameNode.text, spanOf(nameNode));
    const params: Param[] = namedChildren(childOfType(node, 'class_method_parameter_list')).map((p) => {
      const variable = childOfType(p, 'variable');
      const typeNode = childOfType(p, 'type_literal');
      const name = variable ? this.variableName(variable.text) : p.text;
      const param: Param = { name, span: spanOf(p) };
      if (typeNode) param.type = typeOf(typeNode);
      return param;
    });
    const returnType = childOfType(node, 'type_literal');
    const stmt: Stmt = { k: 'function', name: nameNode.text, params, body: this.scriptBlockBody(childOfType(node, 'script_block')), span: spanOf(node), nameSpan: spanOf(nameNode) };
    if (returnType) stmt.returnType = typeOf(returnType);
    return stmt;
  }

  // ---------- expressions ----------

  expr(node: Node): Expr {
    const n = unwrap(node);
    const span = spanOf(n);
    switch (n.type) {
      case 'pipeline':
      case 'pipeline_chain':
        return this.pipeline(n);
      case 'assignment_expression': {
        const stmt = this.assignment(n);
        this.pending.push(stmt);
        return stmt.k === 'assign' && stmt.value ? stmt.value : { k: 'other', children: [], span };
      }
      case 'command':
        return this.command(n);
      case 'array_literal_expression':
        return { k: 'list', items: this.listItems(n), span };
      case 'expression_with_unary_operator':
        return this.unary(n);
      case 'pre_increment_expression':
      case 'post_increment_expression':
      case 'pre_decrement_expression':
      case 'post_decrement_expression': {
        const operand = namedChildren(n)[0];
        return { k: 'unary', op: n.type.includes('increment') ? '++' : '--', operand: operand ? this.expr(operand) : { k: 'other', children: [], span }, span };
      }
      case 'cast_expression':
        return this.cast(n);
      case 'parenthesized_expression': {
        const inner = namedChildren(n)[0];
        return inner ? this.expr(inner) : { k: 'other', children: [], span };
      }
      case 'sub_expression':
        return this.subExpression(n);
      case 'array_expression':
        return this.arrayExpression(n);
      case 'script_block_expression':
        return this.lambda(n);
      case 'hash_literal_expression':
        return this.dict(n);
      case 'decimal_integer_literal':
      case 'hexadecimal_integer_literal':
      case 'real_literal':
        return { k: 'number', text: n.text, span };
      case 'verbatim_string_characters':
      case 'verbatim_here_string_characters':
        return this.str(verbatimValue(n.text), span);
      case 'expandable_string_literal':
      case 'expandable_here_string_literal':
        return this.expandable(n);
      case 'path_command_name': {
        const inner = namedChildren(n)[0];
        return inner ? this.expr(inner) : this.str(n.text, span);
      }
      case 'generic_token':
      case 'command_name':
        return this.str(n.text, span);
      case 'simple_name':
        this.addName(n.text, span);
        return { k: 'name', name: n.text, span };
      case 'type_literal':
        return { k: 'type', name: typeOf(n), span };
      case 'variable':
        return this.variable(n);
      case 'member_access':
        return this.memberAccess(n);
      case 'element_access': {
        const [object, index] = namedChildren(n);
        return { k: 'index', object: object ? this.expr(object) : { k: 'other', children: [], span }, index: index ? this.expr(index) : { k: 'other', children: [], span }, span };
      }
      case 'invokation_expression':
        return this.invocation(n);
      case 'invokation_foreach_expression': {
        const [object, block] = namedChildren(n);
        const target = object ? this.expr(object) : { k: 'other' as const, children: [], span };
        const callee: Expr = { k: 'member', object: target, name: 'foreach', span, nameSpan: span };
        return { k: 'call', callee, args: block ? [{ value: this.expr(block) }] : [], span };
      }
      default:
        if (BINARY_NODES.has(n.type)) return this.binary(n);
        return { k: 'other', children: namedChildren(n).map((c) => this.expr(c)), span };
    }
  }

  private binary(n: Node): Expr {
    const span = spanOf(n);
    const all = children(n);
    const left = all[0]!;
    const operator = all[1]!;
    const right = all[2];
    const rightExpr = right ? this.expr(right) : ({ k: 'other', children: [], span } as Expr);
    let op: string;
    if (operator.type === 'comparison_operator') op = comparisonOperator(operator.text);
    else if (operator.type === 'format_operator') op = '-f';
    else if (/^-/.test(operator.text) && operator.text.length > 1) op = wordOperator(operator.text);
    else op = operator.text === '\\' ? '/' : operator.text;
    if (op === '-as' && rightExpr.k === 'type') return { k: 'cast', type: rightExpr.name, operand: this.expr(left), span };
    return { k: 'binary', op, left: this.expr(left), right: rightExpr, span };
  }

  private listItems(n: Node): Expr[] {
    const items: Expr[] = [];
    for (const child of namedChildren(n)) {
      if (child.type === 'array_literal_expression' && children(child).length > 1) items.push(...this.listItems(child));
      else items.push(this.expr(child));
    }
    return items;
  }

  private unary(n: Node): Expr {
    const span = spanOf(n);
    const operator = children(n)[0]!;
    const operandNode = namedChildren(n)[0];
    const operand = operandNode ? this.expr(operandNode) : ({ k: 'other', children: [], span } as Expr);
    const op = operator.text.toLowerCase();
    if (op === ',') return { k: 'list', items: [operand], span };
    if (op === '-not' || op === '!') return { k: 'unary', op: '!', operand, span };
    if (op === '-bnot') return { k: 'unary', op: '~', operand, span };
    return { k: 'unary', op, operand, span };
  }

  private cast(n: Node): Expr {
    const span = spanOf(n);
    const type = typeOf(childOfType(n, 'type_literal'));
    const operandNode = childOfType(n, 'unary_expression') ?? namedChildren(n)[1];
    const operand = operandNode ? this.expr(operandNode) : ({ k: 'other', children: [], span } as Expr);
    if (OBJECT_LITERAL_CASTS.has(type) && operand.k === 'dict') return { ...operand, span };
    return { k: 'cast', type, operand, span };
  }

  private subExpression(n: Node): Expr {
    const span = spanOf(n);
    const body = this.statements(n.childForFieldName('statements') ?? childOfType(n, 'statement_list'));
    const exprs = body.filter((s): s is Extract<Stmt, { k: 'expr' }> => s.k === 'expr');
    this.pending.push(...body.filter((s) => s.k !== 'expr'));
    if (exprs.length === 1) return exprs[0]!.expr;
    return { k: 'other', children: exprs.map((s) => s.expr), span };
  }

  /** `@(…)` collects output into an array: `@($xs)` is still the collection, `@(1, 2)` a list. */
  private arrayExpression(n: Node): Expr {
    const span = spanOf(n);
    const body = this.statements(n.childForFieldName('statements') ?? childOfType(n, 'statement_list'));
    const exprs = body.filter((s): s is Extract<Stmt, { k: 'expr' }> => s.k === 'expr').map((s) => s.expr);
    this.pending.push(...body.filter((s) => s.k !== 'expr'));
    if (exprs.length === 1) return exprs[0]!.k === 'list' ? { ...exprs[0]!, span } : exprs[0]!;
    return { k: 'list', items: exprs, span };
  }

  private lambda(n: Node): Expr {
    const span = spanOf(n);
    const scriptBlock = childOfType(n, 'script_block');
    const paramBlock = childOfType(scriptBlock, 'param_block');
    const params: Param[] = paramBlock
      ? namedChildren(childOfType(paramBlock, 'parameter_list')).filter((c) => c.type === 'script_parameter').map((p) => this.param(p))
      : [{ name: '_', span }];
    return { k: 'lambda', params, body: implicitReturn(this.scriptBlockBody(scriptBlock)), span };
  }

  private dict(n: Node): Expr {
    const entries: { key: Expr; value: Expr }[] = [];
    for (const entry of namedChildren(childOfType(n, 'hash_literal_body'))) {
      const [keyNode, valueNode] = namedChildren(entry);
      if (!keyNode) continue;
      const keyInner = unwrap(keyNode);
      let key: Expr;
      if (keyInner.type === 'simple_name') {
        // A bareword key is a property name, not a literal in the code.
        this.addName(keyInner.text, spanOf(keyInner));
        key = { k: 'string', value: keyInner.text, span: spanOf(keyInner) };
      } else {
        key = this.expr(keyInner);
      }
      const value = valueNode ? (valueNode.type === 'pipeline' ? this.expr(valueNode) : this.valueOf(valueNode)) : ({ k: 'null', span: spanOf(entry) } as Expr);
      entries.push({ key, value });
    }
    return { k: 'dict', entries, span: spanOf(n) };
  }

  private expandable(n: Node): Expr {
    const span = spanOf(n);
    const text = n.text;
    const { start, end, hereString } = expandableBounds(n);
    const embedded = namedChildren(n).filter((c) => c.type === 'variable' || c.type === 'sub_expression');
    if (!embedded.length) return this.str(decodeExpandable(text.slice(start, end), hereString), span);
    const parts: Expr[] = [];
    let position = start;
    const piece = (from: number, to: number) => {
      if (to > from) parts.push(this.str(decodeExpandable(text.slice(from, to), hereString), { start: n.startIndex + from, end: n.startIndex + to }));
    };
    for (const child of embedded) {
      const relative = child.startIndex - n.startIndex;
      piece(position, relative);
      parts.push(this.expr(child));
      position = child.endIndex - n.startIndex;
    }
    piece(position, end);
    return { k: 'template', parts, span };
  }

  private variable(n: Node): Expr {
    const span = spanOf(n);
    const raw = n.text;
    const lower = raw.toLowerCase();
    if (lower === '$true' || lower === '$false') return { k: 'bool', value: lower === '$true', span };
    if (lower === '$null') return { k: 'null', span };
    const bare = raw.replace(/^[$@]/, '');
    const drive = /^(env|variable|function|alias):(.+)$/i.exec(bare);
    if (drive) {
      this.addName(drive[2]!, span);
      return { k: 'member', object: { k: 'name', name: drive[1]!.toLowerCase(), span }, name: drive[2]!, span, nameSpan: span };
    }
    const name = this.variableName(raw);
    this.addName(name, span);
    return { k: 'name', name, span };
  }

  private memberAccess(n: Node): Expr {
    const span = spanOf(n);
    const all = children(n);
    const objectNode = all[0]!;
    const isStatic = all.some((c) => c.type === '::');
    const nameNode = namedChildren(n).at(-1)!;
    const object = isStatic && unwrap(objectNode).type === 'type_literal' ? ({ k: 'type', name: typeOf(unwrap(objectNode)), span: spanOf(objectNode) } as Expr) : this.expr(objectNode);
    const member = unwrap(nameNode);
    const name = memberNameText(member);
    if (name === undefined) return { k: 'index', object, index: this.expr(member), span };
    if (member.type !== 'simple_name') this.expr(member); // records the string literal
    this.addName(name, spanOf(member));
    return { k: 'member', object, name, span, nameSpan: spanOf(member) };
  }

  private invocation(n: Node): Expr {
    const span = spanOf(n);
    const only = namedChildren(n);
    if (only.length === 1 && only[0]!.type === 'invokation_foreach_expression') return this.expr(only[0]!);
    const all = children(n);
    const objectNode = all[0]!;
    const isStatic = all.some((c) => c.type === '::');
    const named = namedChildren(n);
    const argList = named.find((c) => c.type === 'argument_list');
    const nameNode = named.find((c) => c.type === 'member_name');
    const args: Arg[] = namedChildren(argList?.childForFieldName('argument_expression_list') ?? childOfType(argList, 'argument_expression_list'))
      .filter((c) => c.type === 'argument_expression')
      .map((c) => ({ value: this.expr(c) }));
    const objectInner = unwrap(objectNode);
    const typeName = isStatic && objectInner.type === 'type_literal' ? typeOf(objectInner) : undefined;
    const member = nameNode ? unwrap(nameNode) : undefined;
    const name = member ? memberNameText(member) : undefined;
    if (typeName !== undefined && name?.toLowerCase() === 'new') return { k: 'new', type: typeName, args, span };
    const object: Expr = typeName !== undefined ? { k: 'type', name: typeName, span: spanOf(objectNode) } : this.expr(objectNode);
    if (name === undefined || !member) return { k: 'call', callee: { k: 'index', object, index: member ? this.expr(member) : { k: 'other', children: [], span }, span }, args, span };
    this.addName(name, spanOf(member));
    const callee: Expr = { k: 'member', object, name, span: spanFrom(objectNode, member), nameSpan: spanOf(member) };
    return { k: 'call', callee, args, span };
  }

  // ---------- pipelines and commands ----------

  /** `a | B | C` → C(| = B(| = a)); `a && b` keeps both sides. */
  private pipeline(n: Node): Expr {
    const span = spanOf(n);
    if (n.type === 'pipeline') {
      const chains = namedChildren(n).filter((c) => c.type === 'pipeline_chain' || c.type === 'assignment_expression');
      if (chains.length === 1) return this.expr(chains[0]!);
      return { k: 'other', children: chains.map((c) => this.expr(c)), span };
    }
    let current: Expr | undefined;
    for (const child of namedChildren(n)) {
      if (child.type === 'redirections' || child.type === 'redirection' || child.type === 'verbatim_command_argument') continue;
      if (child.type === 'command') current = this.command(child, current);
      else current = current ? { k: 'other', children: [current, this.expr(child)], span } : this.expr(child);
    }
    return current ?? { k: 'other', children: [], span };
  }

  private command(n: Node, piped?: Expr): Expr {
    const span = spanOf(n);
    const foreach = childOfType(n, 'foreach_command');
    if (foreach) {
      // `% { … }` / `ForEach-Object { … }` has its own grammar rule: script blocks only.
      const keyword = foreach.child(0);
      const callee: Expr = { k: 'name', name: 'ForEach-Object', span: keyword ? spanOf(keyword) : span };
      const args: Arg[] = namedChildren(foreach).filter((c) => c.type !== 'ERROR').map((c) => ({ value: this.expr(c) }));
      if (piped) args.unshift({ name: '|', value: piped });
      return { k: 'call', callee, args, span };
    }
    const operator = childOfType(n, 'command_invokation_operator')?.text;
    const nameNode = n.childForFieldName('command_name');
    const target = nameNode ? unwrap(nameNode) : undefined;
    let callee: Expr;
    let declared: DeclaredFunction | undefined;
    if (target && (target.type === 'command_name' || target.type === 'path_command_name') && !target.text.startsWith('$')) {
      declared = this.functions.get(target.text.toLowerCase());
      const name = declared?.name ?? canonicalCommand(target.text);
      this.addName(name, spanOf(target));
      callee = operator ? this.str(target.text, spanOf(target)) : { k: 'name', name, span: spanOf(target) };
    } else {
      callee = target ? this.expr(target) : { k: 'other', children: [], span };
    }
    const args = this.commandArguments(n.childForFieldName('command_elements'), declared?.params);
    if (piped) {
      args.unshift({ name: '|', value: piped });
      // `$x | F` binds $x to F's ValueFromPipeline parameter, so it flows like `F -InputObject $x`.
      const target = declared?.pipelineParam;
      if (target && !args.some((a) => a.name?.toLowerCase() === target.toLowerCase())) args.push({ name: target, value: piped });
    }
    const name = callee.k === 'name' ? callee.name : undefined;
    if (name === 'New-Object') {
      const typeArg = args.find((a) => a.name?.toLowerCase() === 'typename') ?? args.find((a) => !a.name);
      if (typeArg?.value.k === 'string') {
        const ctorArgs = args.filter((a) => a !== typeArg && a.name !== '|' && a.name?.toLowerCase() !== 'property');
        const list = ctorArgs.find((a) => a.name?.toLowerCase() === 'argumentlist') ?? ctorArgs.find((a) => !a.name);
        const values = list ? (list.value.k === 'list' ? list.value.items : [list.value]) : [];
        // `-Property @{ Namespace = … }` sets properties on the new object: an object initializer.
        const properties = args.find((a) => a.name?.toLowerCase() === 'property')?.value;
        const init: Arg[] = properties?.k === 'dict' ? properties.entries.filter((e) => e.key.k === 'string').map((e) => ({ name: (e.key as StringExpr).value, value: e.value })) : [];
        return { k: 'new', type: psTypeName(typeArg.value.value), args: values.map((value) => ({ value })), ...(init.length ? { init } : {}), span };
      }
    }
    if (name === 'Where-Object') return { k: 'call', callee, args: whereArgs(args, span), span };
    if (name === 'ForEach-Object') return { k: 'call', callee, args: forEachArgs(args, span), span };
    return { k: 'call', callee, args, span };
  }

  /** `-Name value`, `-Name:value`, switches, positional arguments; declared parameter spellings. */
  private commandArguments(elements: Node | null, declared: Map<string, string> | undefined): Arg[] {
    const items = namedChildren(elements);
    const args: Arg[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.type === 'command_argument_sep' || item.type === 'redirection') continue;
      if (item.type !== 'command_parameter') {
        args.push({ value: this.argument(item) });
        continue;
      }
      const written = item.text.replace(/^-+/, '').replace(/:$/, '');
      const name = declared?.get(written.toLowerCase()) ?? written;
      let j = i + 1;
      let colon = item.text.endsWith(':');
      while (j < items.length && items[j]!.type === 'command_argument_sep') {
        if (items[j]!.text.includes(':')) colon = true;
        j++;
      }
      const next = items[j];
      const takesValue = next !== undefined && next.type !== 'redirection' && (colon || (next.type !== 'command_parameter' && !isSwitch(written)));
      if (takesValue) {
        args.push({ name, value: this.argument(next) });
        i = j;
      } else {
        args.push({ name, value: { k: 'bool', value: true, span: spanOf(item) } });
      }
    }
    return args;
  }

  private argument(node: Node): Expr {
    const inner = unwrap(node);
    if (inner.type === 'generic_token') return this.str(inner.text, spanOf(inner));
    if (inner.type === 'argument_list') {
      // `New-Object T('a', $b)`: the constructor arguments, written like a method call.
      const items = namedChildren(inner.childForFieldName('argument_expression_list') ?? childOfType(inner, 'argument_expression_list'))
        .filter((c) => c.type === 'argument_expression')
        .map((c) => this.expr(c));
      return { k: 'list', items, span: spanOf(inner) };
    }
    return this.expr(inner);
  }
}
