import { ts } from 'ts-morph';
import type { ValueUse } from '../../types.js';
import { SCHEMA_MODULES, NUMERIC_COLUMN_TYPES, NUMERIC_DECORATORS, NUMERIC_SCHEMA_BUILDERS, NUMERIC_SEQUELIZE_TYPES, KNEX_NUMERIC_COLUMNS, UNIQUE_DECORATORS } from '../../knowledge/js-schemas.js';
import { calleeName, propertyName, span, stringValue, unwrap } from './syntax.js';
import { namedValue, type AbstractValue, type ValueAnalysis } from './values.js';

type SubjectValue = Extract<AbstractValue, { kind: 'subject' }>;

/**
 * Declarations that give an LSID a numeric type (TypeScript annotations, validation schemas, ORM
 * columns), and declarations that make lseq unique. One finding per declaration.
 */
export function collectDeclarations(sourceFile: ts.SourceFile, values: ValueAnalysis): ValueUse[] {
  const uses: ValueUse[] = [];
  const add = (node: ts.Node, value: SubjectValue, kind: ValueUse['kind'], construct: string): void => {
    uses.push({ subject: value.subject, kind, span: span(node), construct, origin: value.origin });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isPropertySignature(node) || ts.isPropertyDeclaration(node) || ts.isParameter(node) || ts.isVariableDeclaration(node)) {
      declaration(node);
    } else if (ts.isPropertyAssignment(node)) {
      schemaProperty(node);
    } else if (ts.isTypeAliasDeclaration(node)) {
      const value = namedValue(node.name.text, node.name.text);
      if (value?.kind === 'subject' && value.subject === 'lsid' && isNumericType(node.type, false)) add(node.type, value, 'numeric-type', node.type.getText());
    } else if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isMethodSignature(node)) && node.type && node.name) {
      const name = propertyName(node.name);
      const value = name ? namedValue(name, name) : undefined;
      if (value?.kind === 'subject' && value.subject === 'lsid' && isNumericType(node.type, value.collection)) add(node.type, value, 'numeric-type', `returns ${node.type.getText()}`);
    } else if (ts.isCallExpression(node)) {
      knexColumn(node);
      compositeUnique(node);
    } else if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      const value = values.scalarSubjectOf(node.expression);
      if (value?.subject === 'lsid' && isNumericType(node.type, false)) add(node.type, value, 'numeric-type', `as ${node.type.getText()}`);
    } else if (ts.isObjectLiteralExpression(node) && booleanProperty(node, 'unique')) {
      // Sequelize `indexes: [{ unique: true, fields: ['end_time', 'lseq'] }]`.
      const fields = node.properties.find((p) => ts.isPropertyAssignment(p) && propertyName(p.name) === 'fields') as ts.PropertyAssignment | undefined;
      const lseq = fields ? lseqColumnIn(fields.initializer) : undefined;
      if (fields && lseq) add(fields, lseq, 'unique-key', `unique index (${fields.initializer.getText()})`);
    }
    ts.forEachChild(node, visit);
  };

  /** knex `t.unique(['end_time', 'lseq'])` / `t.primary(['lseq'])`, TypeORM `@Unique([…])` / `@Index([…], { unique: true })`. */
  const compositeUnique = (call: ts.CallExpression): void => {
    const name = calleeName(call.expression)?.split('.').pop();
    const columns = call.arguments.find((argument) => ts.isArrayLiteralExpression(unwrap(argument)));
    const lseq = columns ? lseqColumnIn(columns) : undefined;
    if (!lseq || !name) return;
    const unique = name === 'unique' || name === 'primary' || name === 'Unique' || name === 'PrimaryKey' ||
      (name === 'Index' && call.arguments.some((a) => ts.isObjectLiteralExpression(unwrap(a)) && booleanProperty(unwrap(a) as ts.ObjectLiteralExpression, 'unique')));
    if (unique) add(call, lseq, 'unique-key', `unique key (${call.getText().replace(/\s+/g, ' ')})`);
  };

  const declaration = (node: ts.PropertySignature | ts.PropertyDeclaration | ts.ParameterDeclaration | ts.VariableDeclaration): void => {
    const value = declaredSubject(node, values);
    if (!value) return;
    const decorators = ts.canHaveDecorators(node) ? ts.getDecorators(node) ?? [] : [];
    if (value.subject === 'lseq') {
      const unique = decorators.find((d) => isUniqueDecorator(d));
      if (unique) add(unique, value, 'unique-key', `unique column (${unique.getText().replace(/\s+/g, ' ')})`);
      return;
    }
    const numericDecorator = decorators.find(isNumericDecorator);
    const type = node.type ?? ts.getJSDocType(node);
    if (numericDecorator) add(numericDecorator, value, 'numeric-type', numericDecorator.getText().replace(/\s+/g, ' '));
    else if (type && isNumericType(type, value.collection)) add(type, value, 'numeric-type', type.getText());
  };

  const schemaProperty = (property: ts.PropertyAssignment): void => {
    const name = propertyName(property.name);
    const value = name ? namedValue(name, name) : undefined;
    if (value?.kind !== 'subject') return;
    const init = unwrap(property.initializer);
    if (value.subject === 'lseq') {
      if (ts.isObjectLiteralExpression(init) && (booleanProperty(init, 'unique') || booleanProperty(init, 'primaryKey'))) add(property, value, 'unique-key', 'unique column');
      return;
    }
    const validation = digitsOnlyValidator(init);
    if (validation) {
      add(property.initializer, value, 'numeric-validation', validation);
      return;
    }
    const construct = numericSchema(resolveConst(init, values), values);
    if (construct) add(property.initializer, value, 'numeric-type', construct);
  };

  const knexColumn = (call: ts.CallExpression): void => {
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return;
    const column = stringValue(call.arguments[0]);
    const value = column !== undefined ? namedValue(column, column) : undefined;
    if (value?.kind !== 'subject') return;
    const method = callee.name.text;
    const specificType = method === 'specificType' ? stringValue(call.arguments[1])?.toLowerCase() : undefined;
    if (value.subject === 'lsid' && (KNEX_NUMERIC_COLUMNS.has(method) || (specificType && NUMERIC_COLUMN_TYPES.has(specificType.replace(/\(.*$/, '').trim())))) {
      add(call, value, 'numeric-type', `${method}('${column}'${specificType ? `, '${specificType}'` : ''})`);
    }
    if (value.subject === 'lseq') {
      const chained = call.parent;
      if (ts.isPropertyAccessExpression(chained) && (chained.name.text === 'unique' || chained.name.text === 'primary') && ts.isCallExpression(chained.parent)) {
        add(chained.parent, value, 'unique-key', `unique column (${method}('${column}').${chained.name.text}())`);
      }
    }
  };

  visit(sourceFile);
  return uses;
}

function declaredSubject(
  node: ts.PropertySignature | ts.PropertyDeclaration | ts.ParameterDeclaration | ts.VariableDeclaration,
  values: ValueAnalysis,
): SubjectValue | undefined {
  if (ts.isIdentifier(node.name) && (ts.isParameter(node) || ts.isVariableDeclaration(node))) {
    const binding = values.scopes.declaredBy(node.name);
    const value = binding ? values.bindingValue(binding) : undefined;
    return value?.kind === 'subject' && !value.derived ? value : undefined;
  }
  const name = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined;
  const value = (name ? namedValue(name, name) : undefined) ?? columnNamed(node) ?? (ts.isPropertyDeclaration(node) ? values.fieldValue(node) : undefined);
  return value?.kind === 'subject' && !value.derived ? value : undefined;
}

/** TypeORM `@Column({ name: 'lsid' }) sessionRef`: the column the property maps to names it. */
function columnNamed(node: ts.Node): AbstractValue | undefined {
  for (const decorator of ts.canHaveDecorators(node) ? ts.getDecorators(node) ?? [] : []) {
    if (!ts.isCallExpression(decorator.expression)) continue;
    for (const argument of decorator.expression.arguments) {
      const inner = unwrap(argument);
      if (!ts.isObjectLiteralExpression(inner)) continue;
      const nameProperty = inner.properties.find((p) => ts.isPropertyAssignment(p) && propertyName(p.name) === 'name') as ts.PropertyAssignment | undefined;
      const column = nameProperty ? stringValue(nameProperty.initializer) : undefined;
      const value = column ? namedValue(column, `column ${column}`) : undefined;
      if (value) return value;
    }
  }
  return undefined;
}

/** An array of column names that includes an lseq column. */
function lseqColumnIn(expression: ts.Expression): SubjectValue | undefined {
  const array = unwrap(expression);
  if (!ts.isArrayLiteralExpression(array)) return undefined;
  for (const element of array.elements) {
    const column = stringValue(element);
    const value = column ? namedValue(column, column) : undefined;
    if (value?.kind === 'subject' && value.subject === 'lseq') return value;
  }
  return undefined;
}

const NUMERIC_KEYWORDS = new Set([ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.BigIntKeyword]);

/** `number`, `bigint`, `Number`, a numeric literal type, or a union of those with null/undefined; `number[]` for collections. */
function isNumericType(type: ts.TypeNode, collection: boolean): boolean {
  if (collection) {
    if (ts.isArrayTypeNode(type)) return isNumericType(type.elementType, false);
    if (ts.isTypeReferenceNode(type) && ['Array', 'ReadonlyArray', 'Set'].includes(type.typeName.getText()) && type.typeArguments?.length === 1) {
      return isNumericType(type.typeArguments[0]!, false);
    }
    return false;
  }
  if (NUMERIC_KEYWORDS.has(type.kind)) return true;
  if (ts.isTypeReferenceNode(type)) return type.typeName.getText() === 'Number';
  if (ts.isLiteralTypeNode(type)) return ts.isNumericLiteral(type.literal);
  if (ts.isParenthesizedTypeNode(type)) return isNumericType(type.type, false);
  if (ts.isUnionTypeNode(type)) {
    const meaningful = type.types.filter((t) => !isNullish(t));
    return meaningful.length > 0 && meaningful.every((t) => isNumericType(t, false));
  }
  return false;
}

function isNullish(type: ts.TypeNode): boolean {
  return type.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isLiteralTypeNode(type) && type.literal.kind === ts.SyntaxKind.NullKeyword);
}

function decoratorCallee(decorator: ts.Decorator): ts.Expression {
  const expression = decorator.expression;
  return ts.isCallExpression(expression) ? expression.expression : expression;
}

/** `@IsInt()`, `@Column('int')`, `@Column({ type: 'bigint' })`, `@PrimaryGeneratedColumn()`. */
function isNumericDecorator(decorator: ts.Decorator): boolean {
  const name = calleeName(decoratorCallee(decorator));
  if (!name) return false;
  if (NUMERIC_DECORATORS.has(name)) return true;
  if (!/^(?:Column|PrimaryColumn)$/.test(name) || !ts.isCallExpression(decorator.expression)) return false;
  return decorator.expression.arguments.some((argument) => {
    const text = stringValue(argument);
    if (text !== undefined) return NUMERIC_COLUMN_TYPES.has(text.toLowerCase());
    const inner = unwrap(argument);
    if (!ts.isObjectLiteralExpression(inner)) return false;
    const type = inner.properties.find((p) => ts.isPropertyAssignment(p) && propertyName(p.name) === 'type') as ts.PropertyAssignment | undefined;
    const typeName = type ? stringValue(type.initializer) : undefined;
    return typeName !== undefined && NUMERIC_COLUMN_TYPES.has(typeName.toLowerCase());
  });
}

function isUniqueDecorator(decorator: ts.Decorator): boolean {
  const name = calleeName(decoratorCallee(decorator));
  if (!name) return false;
  if (UNIQUE_DECORATORS.has(name)) return true;
  if (!/^(?:Column|Index)$/.test(name) || !ts.isCallExpression(decorator.expression)) return false;
  return decorator.expression.arguments.some((argument) => {
    const inner = unwrap(argument);
    return ts.isObjectLiteralExpression(inner) && booleanProperty(inner, 'unique');
  });
}

function booleanProperty(object: ts.ObjectLiteralExpression, key: string): boolean {
  return object.properties.some((p) => ts.isPropertyAssignment(p) && propertyName(p.name) === key && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
}

/**
 * A numeric schema for one field: zod/joi/yup/typebox builders (`z.coerce.number()`), Sequelize
 * types (`DataTypes.INTEGER`), Mongoose `Number`, or JSON Schema `{ type: 'integer' }`.
 */
function numericSchema(init: ts.Expression, values: ValueAnalysis): string | undefined {
  if (ts.isIdentifier(init) && init.text === 'Number' && !values.scopes.resolve(init)) return 'Number';
  if (ts.isPropertyAccessExpression(init) && /\bTypes\.(?:Number|Decimal128|BigInt|Long)$/.test(init.getText())) return init.getText();
  if (ts.isArrayLiteralExpression(init)) {
    // Mongoose `[Number]`: an array of numbers.
    const only = init.elements.length === 1 ? unwrap(init.elements[0]!) : undefined;
    return only && numericSchema(only, values) ? `[${only.getText()}]` : undefined;
  }
  if (ts.isObjectLiteralExpression(init)) {
    const type = init.properties.find((p) => ts.isPropertyAssignment(p) && propertyName(p.name) === 'type') as ts.PropertyAssignment | undefined;
    if (!type) return undefined;
    const jsonType = stringValue(type.initializer);
    if (jsonType === 'integer' || jsonType === 'number') return `type: '${jsonType}'`;
    const typeArray = unwrap(type.initializer);
    if (ts.isArrayLiteralExpression(typeArray)) {
      const names = typeArray.elements.map((e) => stringValue(e));
      if (names.some((n) => n === 'integer' || n === 'number') && !names.includes('string')) return `type: ${typeArray.getText()}`;
      return undefined;
    }
    return numericSchema(unwrap(type.initializer), values);
  }
  const sequelize = sequelizeType(init);
  if (sequelize) return sequelize;
  return schemaBuilderChain(init, values);
}

/** A schema held in a const: `const LsidField = z.number().int(); … lsid: LsidField`. */
function resolveConst(expression: ts.Expression, values: ValueAnalysis): ts.Expression {
  if (!ts.isIdentifier(expression)) return expression;
  const binding = values.scopes.resolve(expression);
  if (binding?.source.kind !== 'initializer' || binding.source.path.length || binding.assignments.length) return expression;
  return unwrap(binding.source.expression);
}

/** zod `z.string().regex(/^\d+$/)`, Joi/yup `.pattern(/^[0-9]+$/)` / `.matches(…)`: a string schema that accepts only digits. */
function digitsOnlyValidator(expression: ts.Expression): string | undefined {
  for (let current = unwrap(expression); ts.isCallExpression(current); ) {
    const callee = unwrap(current.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const pattern = current.arguments[0] ? unwrap(current.arguments[0]) : undefined;
    if (['regex', 'pattern', 'matches'].includes(callee.name.text) && pattern && ts.isRegularExpressionLiteral(pattern) && /^\/\^(?:\\d|\[0-9\])(?:\+|\*|\{[\d,]+\})\$\//.test(pattern.text)) {
      return `.${callee.name.text}(${pattern.text})`;
    }
    current = unwrap(callee.expression);
  }
  return undefined;
}

function sequelizeType(expression: ts.Expression): string | undefined {
  let current = unwrap(expression);
  if (ts.isCallExpression(current)) current = unwrap(current.expression);
  while (ts.isPropertyAccessExpression(current)) {
    if (NUMERIC_SEQUELIZE_TYPES.has(current.name.text)) return current.getText();
    current = unwrap(current.expression);
  }
  return undefined;
}

/** Walks `z.coerce.number().int().positive()` down to its root and looks for a numeric builder on a schema library. */
function schemaBuilderChain(expression: ts.Expression, values: ValueAnalysis): string | undefined {
  let numeric: string | undefined;
  let current: ts.Expression = expression;
  for (;;) {
    current = unwrap(current);
    if (ts.isCallExpression(current)) {
      current = current.expression;
      continue;
    }
    if (ts.isPropertyAccessExpression(current)) {
      if (NUMERIC_SCHEMA_BUILDERS.has(current.name.text)) numeric ??= current.name.text;
      current = current.expression;
      continue;
    }
    break;
  }
  if (!ts.isIdentifier(current)) return undefined;
  const root = values.valueOf(current);
  const fromSchemaModule = root?.kind === 'module' && SCHEMA_MODULES.has(root.module);
  if (fromSchemaModule && root.path.length === 1 && NUMERIC_SCHEMA_BUILDERS.has(root.path[0]!)) numeric ??= root.path[0];
  if (!fromSchemaModule) return undefined;
  return numeric ? `${expression.getText().replace(/\s+/g, '').slice(0, 40)}` : undefined;
}
