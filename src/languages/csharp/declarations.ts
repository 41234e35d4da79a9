/** Lowering of C# declarations (namespaces, types, fields, properties, methods, attributes, parameters). */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Annotation, Arg, Expr, Param, Stmt } from '../tree-sitter/ir.js';
import { LowerContext, namedChildren, spanOf, typeText } from './context.js';
import { lowerChildren, lowerExpr, valueChild } from './expressions.js';
import { lowerBody, lowerStatement } from './statements.js';

export const CLASS_TYPES = new Set(['class_declaration', 'struct_declaration', 'interface_declaration', 'record_declaration', 'record_struct_declaration', 'enum_declaration']);
const FUNCTION_TYPES = new Set([
  'method_declaration', 'constructor_declaration', 'destructor_declaration', 'operator_declaration',
  'conversion_operator_declaration', 'local_function_statement', 'indexer_declaration',
]);

/** Members of a compilation unit, namespace or type body. Namespaces are flattened: they scope no values. */
export function lowerMembers(cx: LowerContext, node: Node): Stmt[] {
  const stmts: Stmt[] = [];
  for (const child of namedChildren(node)) stmts.push(...lowerMember(cx, child));
  return stmts;
}

function lowerMember(cx: LowerContext, node: Node): Stmt[] {
  if (CLASS_TYPES.has(node.type)) return [lowerClass(cx, node)];
  if (FUNCTION_TYPES.has(node.type)) return [lowerFunction(cx, node)];
  switch (node.type) {
    case 'using_directive':
      return [lowerUsing(node)];
    case 'namespace_declaration':
    case 'file_scoped_namespace_declaration': {
      const body = node.childForFieldName('body');
      return body ? lowerMembers(cx, body) : lowerMembers(cx, node).filter((stmt) => stmt.k !== 'expr');
    }
    case 'declaration_list':
      return lowerMembers(cx, node);
    case 'field_declaration':
    case 'event_field_declaration':
      return cx.collecting(() => lowerField(cx, node));
    case 'property_declaration':
      return cx.collecting(() => lowerProperty(cx, node));
    case 'global_statement':
      return namedChildren(node).flatMap((child) => lowerStatement(cx, child));
    case 'delegate_declaration':
    case 'global_attribute':
    case 'extern_alias_directive':
    case 'modifier':
    case 'attribute_list':
    case 'identifier':
    case 'qualified_name':
      return [];
    default:
      return node.type.endsWith('_statement') ? lowerStatement(cx, node) : [];
  }
}

function lowerUsing(node: Node): Stmt {
  // using System.Xml.Linq;  using static System.Math;  using X = System.Xml.XmlDocument;
  const alias = node.childForFieldName('alias') ?? namedChildren(node).find((c, i, all) => c.type === 'identifier' && all.length > 1 && i === 0 && node.text.includes('='));
  const target = namedChildren(node).filter((child) => child.id !== alias?.id).pop();
  const module = target?.text.replace(/\s+/g, '') ?? '';
  const last = module.split('.').pop() ?? module;
  return { k: 'import', module, names: alias ? [{ name: last, alias: alias.text }] : [], span: spanOf(node) };
}

/** `[Key, Column("lsid")] [XmlAttribute(AttributeName = "lsid")]`: name without namespace or `Attribute` suffix. */
export function lowerAttributesOf(cx: LowerContext, node: Node): Annotation[] | undefined {
  const annotations: Annotation[] = [];
  for (const list of namedChildren(node)) {
    if (list.type !== 'attribute_list') continue;
    for (const attribute of namedChildren(list)) {
      if (attribute.type !== 'attribute') continue;
      const nameNode = attribute.childForFieldName('name');
      const raw = (nameNode?.type === 'generic_name' ? namedChildren(nameNode)[0]?.text : nameNode?.text) ?? '';
      const bare = raw.split(/[.:]/).pop() ?? raw;
      const name = attributeName(bare);
      const argList = namedChildren(attribute).find((child) => child.type === 'attribute_argument_list');
      annotations.push({ name, args: argList ? attributeArgs(cx, argList) : [], span: spanOf(attribute) });
    }
  }
  return annotations.length ? annotations : undefined;
}

/** Attribute classes whose short name itself ends in `Attribute`: `[XmlAttribute]` is `XmlAttributeAttribute`. */
const ATTRIBUTE_NAMED = new Set(['XmlAttribute', 'SoapAttribute', 'XmlAnyAttribute']);

function attributeName(written: string): string {
  if (ATTRIBUTE_NAMED.has(written) || written === 'Attribute' || !written.endsWith('Attribute')) return written;
  return written.slice(0, -'Attribute'.length);
}

function attributeArgs(cx: LowerContext, list: Node): Arg[] {
  const args: Arg[] = [];
  for (const arg of namedChildren(list)) {
    if (arg.type !== 'attribute_argument') continue;
    const parts = namedChildren(arg);
    const only = parts[parts.length - 1];
    if (!only) continue;
    if (only.type === 'assignment_expression' && parts.length === 1) {
      // Property = value
      const left = only.childForFieldName('left');
      const right = only.childForFieldName('right');
      if (left && right) args.push({ name: left.text, value: lowerExpr(cx, right) });
      continue;
    }
    const name = arg.childForFieldName('name') ?? (parts.length > 1 && parts[0]!.type === 'identifier' ? parts[0] : undefined);
    args.push(name ? { name: name.text, value: lowerExpr(cx, only) } : { value: lowerExpr(cx, only) });
  }
  return args;
}

function baseTypes(node: Node): string[] {
  const list = namedChildren(node).find((child) => child.type === 'base_list');
  if (!list) return [];
  return namedChildren(list).map((base) => {
    const type = base.type === 'primary_constructor_base_type' ? (base.childForFieldName('type') ?? namedChildren(base)[0]) : base;
    return typeText(type) ?? base.text;
  });
}

export function lowerClass(cx: LowerContext, node: Node): Stmt {
  const nameNode = node.childForFieldName('name');
  const name = nameNode?.text ?? '';
  const body: Stmt[] = [];
  const savedClass = cx.className;
  cx.className = name;
  cx.memberScopes.push(memberNames(node));
  try {
    // Positional records (`record Session(string Lsid, int Lseq)`) declare properties and a constructor;
    // primary constructors of classes and structs declare only the parameters.
    const primary = namedChildren(node).find((child) => child.type === 'parameter_list');
    if (primary) {
      const params = lowerParams(cx, primary);
      const isRecord = node.type.startsWith('record');
      if (isRecord) {
        for (const param of namedChildren(primary)) {
          if (param.type !== 'parameter') continue;
          const paramName = param.childForFieldName('name');
          if (!paramName) continue;
          const declaredType = typeText(param.childForFieldName('type'));
          const annotations = lowerAttributesOf(cx, param);
          body.push({
            k: 'assign', targets: [{ k: 'name', name: paramName.text, span: spanOf(paramName) }], op: '=', span: spanOf(param),
            ...(declaredType ? { declaredType } : {}), ...(annotations ? { annotations } : {}),
          });
        }
      }
      const ctorBody: Stmt[] = isRecord
        ? params.map((param): Stmt => ({
            k: 'assign', op: '=', span: param.span,
            targets: [{ k: 'member', object: { k: 'name', name: 'this', span: param.span }, name: param.name, span: param.span, nameSpan: param.span }],
            value: { k: 'name', name: param.name, span: param.span },
          }))
        : [];
      // A record's types stay on its properties above, so a numeric type is one declaration, not two.
      const ctorParams = isRecord ? params.map(({ type: _type, annotations: _annotations, ...rest }) => rest) : params;
      body.push({ k: 'function', name, params: ctorParams, body: ctorBody, span: spanOf(primary), nameSpan: spanOf(nameNode ?? primary) });
    }
    const members = node.childForFieldName('body') ?? namedChildren(node).find((child) => child.type === 'declaration_list' || child.type === 'enum_member_declaration_list');
    if (members && members.type !== 'enum_member_declaration_list') body.push(...lowerMembers(cx, members));
  } finally {
    cx.memberScopes.pop();
    cx.className = savedClass;
  }
  const annotations = lowerAttributesOf(cx, node);
  return { k: 'class', name, bases: baseTypes(node), body, span: spanOf(node), ...(annotations ? { annotations } : {}) };
}

/** Fields and properties of a type, which method bodies name without `this.`. */
function memberNames(node: Node): Set<string> {
  const names = new Set<string>();
  const body = node.childForFieldName('body') ?? namedChildren(node).find((child) => child.type === 'declaration_list');
  for (const member of body ? namedChildren(body) : []) {
    if (member.type === 'property_declaration' || member.type === 'event_declaration') {
      const name = member.childForFieldName('name');
      if (name) names.add(name.text);
    } else if (member.type === 'field_declaration' || member.type === 'event_field_declaration') {
      const declaration = namedChildren(member).find((child) => child.type === 'variable_declaration');
      for (const declarator of declaration ? namedChildren(declaration) : []) {
        const name = declarator.type === 'variable_declarator' ? declarator.childForFieldName('name') : undefined;
        if (name) names.add(name.text);
      }
    }
  }
  if (node.type.startsWith('record')) {
    const primary = namedChildren(node).find((child) => child.type === 'parameter_list');
    for (const param of primary ? namedChildren(primary) : []) {
      const name = param.childForFieldName('name');
      if (name) names.add(name.text);
    }
  }
  return names;
}

/** Names declared anywhere inside a member (parameters, locals, lambda and range variables): they shadow fields. */
function declaredNames(node: Node): Set<string> {
  const names = new Set<string>();
  const add = (n: Node | null | undefined) => {
    if (!n) return;
    if (n.type === 'identifier') names.add(n.text);
    else for (const id of n.descendantsOfType('identifier')) if (id) names.add(id.text);
  };
  const kinds = [
    'variable_declarator', 'parameter', 'implicit_parameter', 'declaration_expression', 'declaration_pattern',
    'foreach_statement', 'catch_declaration', 'from_clause', 'let_clause', 'join_clause', 'var_pattern',
  ];
  for (const decl of node.descendantsOfType(kinds)) {
    if (!decl) continue;
    switch (decl.type) {
      case 'implicit_parameter':
        names.add(decl.text);
        break;
      case 'foreach_statement':
        add(decl.childForFieldName('left'));
        break;
      case 'var_pattern':
        add(decl);
        break;
      case 'variable_declarator': {
        const name = decl.childForFieldName('name') ?? namedChildren(decl).find((child) => child.type === 'tuple_pattern');
        add(name);
        break;
      }
      case 'let_clause':
      case 'join_clause':
      case 'from_clause': {
        const name = decl.childForFieldName('name') ?? decl.children.find((child, i) => child?.type === 'identifier' && ['in', '='].includes(decl.child(i + 1)?.type ?? ''));
        add(name);
        break;
      }
      default:
        add(decl.childForFieldName('name'));
    }
  }
  return names;
}

/** Runs `fn` with the names declared in `node` shadowing the enclosing type's fields. */
function withLocals<T>(cx: LowerContext, node: Node, extra: string[], fn: () => T): T {
  const saved = cx.locals;
  const locals = declaredNames(node);
  for (const name of extra) locals.add(name);
  cx.locals = new Set([...saved, ...locals]);
  try {
    return fn();
  } finally {
    cx.locals = saved;
  }
}

export function variableDeclarations(cx: LowerContext, declaration: Node, annotations: Annotation[] | undefined, spanNode: Node): Stmt[] {
  const declaredType = typeText(declaration.childForFieldName('type'));
  const stmts: Stmt[] = [];
  const declarators = namedChildren(declaration).filter((child) => child.type === 'variable_declarator');
  for (const declarator of declarators) {
    const nameNode = declarator.childForFieldName('name');
    const pattern = namedChildren(declarator).find((child) => child.type === 'tuple_pattern');
    const valueNode = namedChildren(declarator).find((child) => child.id !== nameNode?.id && child.id !== pattern?.id && child.type !== 'bracketed_argument_list');
    const saved = cx.expectedType;
    cx.expectedType = declaredType;
    const value = valueNode ? lowerExpr(cx, valueNode) : undefined;
    cx.expectedType = saved;
    const targets: Expr[] = pattern
      ? namedChildren(pattern).map((n) => ({ k: 'name', name: n.text, span: spanOf(n) }))
      : nameNode ? [{ k: 'name', name: nameNode.text, span: spanOf(nameNode) }] : [];
    if (!targets.length) continue;
    const span = declarators.length === 1 ? spanOf(spanNode) : spanOf(declarator);
    const stmt: Stmt = { k: 'assign', targets, op: '=', span };
    if (value) stmt.value = value;
    if (declaredType) stmt.declaredType = declaredType;
    if (annotations) stmt.annotations = annotations;
    if (pattern) stmt.unpack = true;
    stmts.push(stmt);
  }
  return stmts;
}

function lowerField(cx: LowerContext, node: Node): Stmt[] {
  const declaration = namedChildren(node).find((child) => child.type === 'variable_declaration');
  return declaration ? variableDeclarations(cx, declaration, lowerAttributesOf(cx, node), node) : [];
}

/**
 * `public int Lsid { get; set; }`, `public string Lsid => _lsid;`, `{ get { return _lsid; } }`:
 * a declaration whose value is the initializer or the getter's single returned expression.
 * Other accessor bodies become functions `get_X`/`set_X(value)` (the names the CLR gives them).
 */
function lowerProperty(cx: LowerContext, node: Node): Stmt[] {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return [];
  const declaredType = typeText(node.childForFieldName('type'));
  const annotations = lowerAttributesOf(cx, node);
  const stmts: Stmt[] = [];
  const stmt: Extract<Stmt, { k: 'assign' }> = { k: 'assign', targets: [{ k: 'name', name: nameNode.text, span: spanOf(nameNode) }], op: '=', span: spanOf(node) };
  if (declaredType) stmt.declaredType = declaredType;
  if (annotations) stmt.annotations = annotations;
  stmts.push(stmt);
  withLocals(cx, node, ['value'], () => {
    const valueNode = node.childForFieldName('value');
    if (valueNode) {
      const expr = valueNode.type === 'arrow_expression_clause' ? valueChild(valueNode) : valueNode;
      const saved = cx.expectedType;
      cx.expectedType = declaredType;
      if (expr) stmt.value = lowerExpr(cx, expr);
      cx.expectedType = saved;
    }
    const accessors = node.childForFieldName('accessors');
    for (const accessor of accessors ? namedChildren(accessors) : []) {
      if (accessor.type !== 'accessor_declaration') continue;
      const kind = accessor.childForFieldName('name')?.text ?? accessor.child(0)?.text ?? 'get';
      const bodyNode = accessor.childForFieldName('body');
      if (!bodyNode) continue;
      const body = bodyNode.type === 'block' ? lowerBody(cx, bodyNode) : arrowBody(cx, bodyNode);
      const single = body.length === 1 && body[0]!.k === 'return' ? body[0] : undefined;
      if (kind === 'get' && single?.k === 'return' && single.value && !stmt.value) {
        stmt.value = single.value;
        continue;
      }
      const params: Param[] = kind === 'get' ? [] : [{ name: 'value', span: spanOf(accessor) }];
      stmts.push({ k: 'function', name: `${kind}_${nameNode.text}`, params, body, span: spanOf(accessor), nameSpan: spanOf(nameNode) });
    }
  });
  return stmts;
}

function arrowBody(cx: LowerContext, node: Node): Stmt[] {
  const expr = node.type === 'arrow_expression_clause' ? valueChild(node) : node;
  if (!expr) return [];
  return cx.collecting(() => [{ k: 'return', value: lowerExpr(cx, expr), span: spanOf(expr) }]);
}

export function lowerParams(cx: LowerContext, list: Node): Param[] {
  const params: Param[] = [];
  const children = list.children.filter((child): child is Node => !!child);
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'parameter') {
      params.push(lowerParam(cx, child));
    } else if (list.fieldNameForChild(i) === 'name' && child.type === 'identifier') {
      // `params T[] xs` appears as a bare type and name in this grammar.
      const typeNode = children.slice(0, i).reverse().find((_, j) => list.fieldNameForChild(i - 1 - j) === 'type');
      const type = typeText(typeNode);
      params.push({ name: child.text, span: { start: (typeNode ?? child).startIndex, end: child.endIndex }, rest: true, ...(type ? { type } : {}) });
    }
  }
  return params;
}

function lowerParam(cx: LowerContext, node: Node): Param {
  const name = node.childForFieldName('name');
  const param: Param = { name: name?.text ?? '', span: spanOf(node) };
  const type = typeText(node.childForFieldName('type'));
  if (type) param.type = type;
  const annotations = lowerAttributesOf(cx, node);
  if (annotations) param.annotations = annotations;
  if (node.children.some((child) => child?.type === 'modifier' && child.text === 'params')) param.rest = true;
  const equals = node.children.findIndex((child) => child?.type === '=');
  const defaultNode = equals >= 0 ? node.children.slice(equals + 1).find((child) => child?.isNamed) : undefined;
  if (defaultNode) param.default = lowerExpr(cx, defaultNode);
  return param;
}

export function lowerFunction(cx: LowerContext, node: Node): Stmt {
  const nameNode = node.childForFieldName('name');
  const isConstructor = node.type === 'constructor_declaration' || node.type === 'destructor_declaration';
  const name = isConstructor ? (cx.className ?? nameNode?.text ?? '') : node.type === 'indexer_declaration' ? 'this[]' : (nameNode?.text ?? node.childForFieldName('operator')?.text ?? '');
  return withLocals(cx, node, node.type === 'indexer_declaration' ? ['value'] : [], () => {
    const paramList = node.childForFieldName('parameters') ?? namedChildren(node).find((child) => child.type === 'parameter_list' || child.type === 'bracketed_parameter_list');
    const params = paramList ? lowerParams(cx, paramList) : [];
    const body: Stmt[] = [];
    const initializer = namedChildren(node).find((child) => child.type === 'constructor_initializer');
    if (initializer) body.push({ k: 'expr', expr: lowerChildren(cx, initializer), span: spanOf(initializer) });
    const bodyNode = node.childForFieldName('body') ?? node.childForFieldName('value') ?? namedChildren(node).find((child) => child.type === 'block' || child.type === 'arrow_expression_clause');
    if (bodyNode?.type === 'block') body.push(...lowerBody(cx, bodyNode));
    else if (bodyNode) body.push(...arrowBody(cx, bodyNode));
    const accessors = node.childForFieldName('accessors');
    for (const accessor of accessors ? namedChildren(accessors) : []) {
      const accessorBody = accessor.childForFieldName('body');
      if (accessorBody?.type === 'block') body.push(...lowerBody(cx, accessorBody));
      else if (accessorBody) body.push(...arrowBody(cx, accessorBody));
    }
    const fn: Extract<Stmt, { k: 'function' }> = { k: 'function', name, params, body, span: spanOf(node), nameSpan: spanOf(nameNode ?? node) };
    const returnType = typeText(node.childForFieldName('returns') ?? node.childForFieldName('type'));
    if (returnType && !isConstructor) fn.returnType = returnType;
    const annotations = lowerAttributesOf(cx, node);
    if (annotations) fn.annotations = annotations;
    return fn;
  });
}
