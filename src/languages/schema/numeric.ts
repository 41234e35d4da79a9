/**
 * What counts as a numeric declaration in each schema language. An LSID declared with one of these
 * cannot hold the 32-character hex GUID that 10.6 returns.
 */

/** JSON Schema / OpenAPI `type` values. */
export const JSON_SCHEMA_NUMERIC_TYPES: ReadonlySet<string> = new Set(['integer', 'number']);

/** OpenAPI and JSON Schema `format` values that describe a number (also written on `type: string`). */
export const NUMERIC_FORMATS: ReadonlySet<string> = new Set(['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'integer', 'long', 'float', 'double', 'decimal']);

/** GraphQL built-in numeric scalars, and the custom ones of graphql-scalars and common servers. `ID` is a string. */
export const GRAPHQL_NUMERIC_TYPES: ReadonlySet<string> = new Set([
  'Int', 'Float', 'Long', 'BigInt', 'BigInteger', 'Int64', 'Int32', 'UInt', 'UnsignedInt', 'PositiveInt', 'NonNegativeInt',
  'NonNegativeFloat', 'PositiveFloat', 'Decimal', 'BigDecimal', 'Short', 'Byte', 'SafeInt',
]);

/** XML Schema built-in numeric types (local names in the XMLSchema namespace). */
export const XSD_NUMERIC_TYPES: ReadonlySet<string> = new Set([
  'int', 'integer', 'long', 'short', 'byte', 'decimal', 'float', 'double',
  'unsignedInt', 'unsignedLong', 'unsignedShort', 'unsignedByte',
  'positiveInteger', 'nonNegativeInteger', 'negativeInteger', 'nonPositiveInteger',
]);

/** Avro primitive numeric types. */
export const AVRO_NUMERIC_TYPES: ReadonlySet<string> = new Set(['int', 'long', 'float', 'double']);

/** Hibernate mapping types, Java classes and primitives (compared in lower case). */
export const HIBERNATE_NUMERIC_TYPES: ReadonlySet<string> = new Set([
  'int', 'integer', 'long', 'short', 'byte', 'big_integer', 'big_decimal', 'float', 'double', 'serial',
  'java.lang.integer', 'java.lang.long', 'java.lang.short', 'java.lang.byte', 'java.lang.float', 'java.lang.double',
  'java.math.biginteger', 'java.math.bigdecimal',
  'org.hibernate.type.integertype', 'org.hibernate.type.longtype', 'org.hibernate.type.shorttype',
  'org.hibernate.type.bigintegertype', 'org.hibernate.type.bigdecimaltype',
]);

/** MyBatis `javaType` values: its built-in aliases (`_int` is the primitive) and Java classes (lower case). */
export const MYBATIS_NUMERIC_JAVA_TYPES: ReadonlySet<string> = new Set([
  '_byte', '_short', '_int', '_integer', '_long', '_float', '_double',
  'byte', 'short', 'int', 'integer', 'long', 'float', 'double', 'decimal', 'bigdecimal', 'biginteger',
  'java.lang.byte', 'java.lang.short', 'java.lang.integer', 'java.lang.long', 'java.lang.float', 'java.lang.double',
  'java.math.bigdecimal', 'java.math.biginteger',
]);

/** JDBC types of numeric columns (MyBatis `jdbcType`). */
export const JDBC_NUMERIC_TYPES: ReadonlySet<string> = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'NUMERIC', 'DECIMAL', 'FLOAT', 'REAL', 'DOUBLE']);

/** SQL column types (Hibernate `sql-type`), compared without length and in lower case. */
export const SQL_NUMERIC_TYPES: ReadonlySet<string> = new Set([
  'int', 'integer', 'bigint', 'smallint', 'tinyint', 'mediumint', 'number', 'numeric', 'decimal', 'dec',
  'int2', 'int4', 'int8', 'serial', 'bigserial', 'smallserial', 'float', 'real', 'double', 'double precision', 'money',
]);

export function isSqlNumericType(type: string): boolean {
  return SQL_NUMERIC_TYPES.has(type.replace(/\(.*$/s, '').replace(/\s+unsigned$/i, '').trim().toLowerCase());
}

const DIGIT_ATOM = String.raw`(?:\\d|\[0-9\]|\[1-9\]|\[\\d\]|\[0-9\]|\\p\{Nd\})`;
const QUANTIFIER = String.raw`(?:[+*?]|\{\d+(?:,\d*)?\})?`;
const DIGITS_ONLY_BODY = new RegExp(String.raw`^-?\??(?:${DIGIT_ATOM}${QUANTIFIER})+$`);

/**
 * Whether a pattern accepts nothing but digits: `^\d+$`, `^[0-9]{1,10}$`, `[1-9][0-9]*` (XSD).
 * JSON Schema patterns are unanchored (a GUID contains digits, so `\d+` lets it through), hence
 * `anchored: 'explicit'` requires `^…$`; XSD patterns always match the whole value.
 */
export function acceptsOnlyDigits(pattern: string, anchored: 'explicit' | 'implicit'): boolean {
  let body = pattern.trim();
  const starts = body.startsWith('^');
  const ends = body.endsWith('$') && !body.endsWith('\\$');
  if (anchored === 'explicit' && !(starts && ends)) return false;
  if (starts) body = body.slice(1);
  if (ends) body = body.slice(0, -1);
  if (body.startsWith('(') && body.endsWith(')') && !body.slice(1, -1).includes('(')) body = body.slice(1, -1).replace(/^\?:/, '');
  return DIGITS_ONLY_BODY.test(body);
}
