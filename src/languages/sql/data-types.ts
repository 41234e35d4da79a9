import type { SqlDialect } from './dialect.js';
import { isOp, type Token } from './tokens.js';

/**
 * SQL data types as declared, and what storing a 32-character hex GUID in them does.
 */

export type TypeClass = 'integer' | 'numeric' | 'string' | 'binary' | 'uuid' | 'other';

export interface DataType {
  /** Upper-case words as written: `INT`, `CHARACTER VARYING`, `BIGINT UNSIGNED`, `NUMBER`. */
  name: string;
  /** Arguments: numbers, or `MAX` for (n)varchar(max). */
  args: (number | 'MAX')[];
  class: TypeClass;
}

const INTEGER = new Set([
  'INT', 'INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT', 'MEDIUMINT', 'INT1', 'INT2', 'INT3', 'INT4', 'INT8', 'SERIAL', 'BIGSERIAL',
  'SMALLSERIAL', 'SERIAL2', 'SERIAL4', 'SERIAL8', 'PLS_INTEGER', 'BINARY_INTEGER', 'SIMPLE_INTEGER', 'NATURAL', 'NATURALN',
  'POSITIVE', 'POSITIVEN', 'SIGNTYPE', 'SIGNED', 'UNSIGNED', 'LONG_INTEGER',
]);
const NUMERIC = new Set(['NUMERIC', 'DECIMAL', 'DEC', 'NUMBER', 'FLOAT', 'FLOAT4', 'FLOAT8', 'REAL', 'DOUBLE', 'MONEY', 'SMALLMONEY', 'BINARY_FLOAT', 'BINARY_DOUBLE', 'FIXED']);
const STRING = new Set([
  'CHAR', 'CHARACTER', 'VARCHAR', 'VARCHAR2', 'NVARCHAR', 'NVARCHAR2', 'NCHAR', 'NATIONAL', 'TEXT', 'NTEXT', 'TINYTEXT',
  'MEDIUMTEXT', 'LONGTEXT', 'CLOB', 'NCLOB', 'STRING', 'CITEXT', 'SYSNAME', 'BPCHAR', 'LONG',
]);
const BINARY = new Set(['BINARY', 'VARBINARY', 'RAW', 'BYTEA', 'BLOB', 'TINYBLOB', 'MEDIUMBLOB', 'LONGBLOB', 'IMAGE']);
const UUID = new Set(['UUID', 'UNIQUEIDENTIFIER']);
/** Whether `next` continues the type name so far: DOUBLE PRECISION, CHARACTER VARYING, NATIONAL CHAR, INT UNSIGNED, LONG RAW … */
function continues(words: readonly string[], next: string): boolean {
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (first === 'DOUBLE') return next === 'PRECISION' && words.length === 1;
  if (first === 'NATIONAL') return (words.length === 1 && (next === 'CHAR' || next === 'CHARACTER')) || (words.length === 2 && next === 'VARYING');
  if (first === 'CHAR' || first === 'CHARACTER' || first === 'NCHAR') return words.length === 1 && next === 'VARYING';
  if (first === 'LONG') return words.length === 1 && (next === 'RAW' || next === 'VARCHAR');
  if (first === 'SIGNED' || first === 'UNSIGNED') return words.length === 1 && (next === 'INTEGER' || next === 'INT');
  if (INTEGER.has(first) || NUMERIC.has(first)) return (next === 'UNSIGNED' || next === 'SIGNED' || next === 'ZEROFILL') && last !== next;
  return false;
}
const OTHER = new Set([
  'DATE', 'TIME', 'DATETIME', 'DATETIME2', 'SMALLDATETIME', 'DATETIMEOFFSET', 'TIMESTAMP', 'TIMESTAMPTZ', 'INTERVAL', 'YEAR',
  'BIT', 'BOOL', 'BOOLEAN', 'JSON', 'JSONB', 'XML', 'XMLTYPE', 'SQL_VARIANT', 'HIERARCHYID', 'GEOMETRY', 'GEOGRAPHY', 'ENUM',
  'SET', 'ROWID', 'UROWID', 'INET', 'CIDR', 'MACADDR', 'TSVECTOR', 'CURSOR', 'ROWVERSION', 'NVARCHARMAX',
]);

export function typeClassOf(word: string): TypeClass | undefined {
  if (INTEGER.has(word)) return 'integer';
  if (NUMERIC.has(word)) return 'numeric';
  if (STRING.has(word)) return 'string';
  if (BINARY.has(word)) return 'binary';
  if (UUID.has(word)) return 'uuid';
  if (OTHER.has(word)) return 'other';
  return undefined;
}

/** Whether a word starts a built-in type in this dialect (NUMBER is Oracle's; elsewhere it is a common alias). */
export function isTypeWord(word: string, dialect: SqlDialect): boolean {
  if (word === 'NUMBER' || word === 'VARCHAR2' || word === 'NVARCHAR2' || word === 'PLS_INTEGER' || word === 'RAW') return dialect === 'oracle';
  if (word === 'SIGNED' || word === 'UNSIGNED' || word === 'SET' || word === 'YEAR') return false;
  return typeClassOf(word) !== undefined;
}

/** A type name token: a word, or in T-SQL a bracketed name as SSMS scripts write them (`[int]`, `[varchar](32)`). */
function typeWord(token: Token | undefined, dialect: SqlDialect): string | undefined {
  if (!token) return undefined;
  if (token.type === 'word') return token.value;
  if (token.type === 'quoted' && dialect === 'mssql' && /^[A-Za-z_]+$/.test(token.value)) return token.value.toUpperCase();
  return undefined;
}

export interface ReadType {
  type: DataType;
  /** Token index range [from, to) of the type. */
  from: number;
  to: number;
}

/**
 * Reads a built-in type at tokens[i] (bounded by `to`): its words, `( n [, m] )` or `(MAX)` and
 * trailing UNSIGNED. `castTarget` admits MySQL's CAST(x AS SIGNED [INTEGER]).
 */
export function readType(tokens: readonly Token[], i: number, to: number, dialect: SqlDialect, castTarget = false): ReadType | undefined {
  const first = typeWord(tokens[i], dialect);
  if (first === undefined) return undefined;
  if (!isTypeWord(first, dialect) && !(castTarget && (first === 'SIGNED' || first === 'UNSIGNED' || first === 'NUMBER'))) return undefined;
  const words = [first];
  let j = i + 1;
  const args: (number | 'MAX')[] = [];
  const readArgs = (): void => {
    if (!isOp(tokens[j], '(') || j >= to) return;
    let k = j + 1;
    while (k < to && !isOp(tokens[k], ')')) {
      const token = tokens[k]!;
      if (token.type === 'number') args.push(Number(token.value));
      else if (token.type === 'word' && token.value === 'MAX') args.push('MAX');
      k++;
    }
    if (k < to) j = k + 1;
  };
  readArgs();
  while (j < to && typeWord(tokens[j], dialect) !== undefined && continues(words, typeWord(tokens[j], dialect)!)) {
    words.push(typeWord(tokens[j], dialect)!);
    j++;
    if (!args.length) readArgs();
  }
  const name = words.join(' ');
  return { type: { name, args, class: classify(words) }, from: i, to: j };
}

function classify(words: readonly string[]): TypeClass {
  const [first] = words;
  if (first === 'LONG' && words[1] === 'RAW') return 'binary';
  if (first === 'NATIONAL' || first === 'LONG') return 'string';
  if (first === 'DOUBLE') return 'numeric';
  return typeClassOf(first!) ?? 'other';
}

/** A type from node-sql-parser's `definition` ({ dataType: 'VARCHAR', length: 20 }). */
export function astDataType(definition: unknown): DataType | undefined {
  if (!definition || typeof definition !== 'object') return undefined;
  const record = definition as { dataType?: unknown; length?: unknown; scale?: unknown };
  if (typeof record.dataType !== 'string') return undefined;
  const words = record.dataType.toUpperCase().split(/\s+/);
  const args: (number | 'MAX')[] = [];
  if (typeof record.length === 'number') args.push(record.length);
  else if (typeof record.length === 'string' && record.length.toUpperCase() === 'MAX') args.push('MAX');
  if (typeof record.scale === 'number') args.push(record.scale);
  return { name: words.join(' '), args, class: classify(words) };
}

export type StorageVerdict =
  | { verdict: 'ok' }
  | { verdict: 'numeric' }
  | { verdict: 'short'; length: number }
  | { verdict: 'lossy'; reason: string };

/**
 * What declaring an LSID column or variable with this type does (in a declaration, T-SQL's VARCHAR
 * without a length holds one character).
 */
export function lsidStorage(type: DataType, dialect: SqlDialect): StorageVerdict {
  const length = type.args[0];
  switch (type.class) {
    case 'integer':
    case 'numeric':
      return { verdict: 'numeric' };
    case 'uuid':
      if (type.name === 'UNIQUEIDENTIFIER') {
        return { verdict: 'lossy', reason: 'SQL Server returns a uniqueidentifier as upper-case hyphenated text (C69A8E10-BEA9-428F-816C-FABABE9815FE), so it never equals the LSID the API sends' };
      }
      if (dialect === 'postgres') return { verdict: 'lossy', reason: 'PostgreSQL returns a uuid as hyphenated text (c69a8e10-bea9-428f-816c-fababe9815fe), so it never equals the LSID the API sends' };
      if (dialect === 'mysql') return { verdict: 'lossy', reason: "MariaDB's UUID type returns hyphenated text (c69a8e10-bea9-428f-816c-fababe9815fe), so it never equals the LSID the API sends" };
      return { verdict: 'ok' }; // SQLite and others have no UUID type: the column keeps the text
    case 'binary':
      if (typeof length === 'number' && length < 32) {
        return { verdict: 'lossy', reason: `it holds the GUID as ${length} raw bytes, so every write needs a hex-to-binary conversion and every read gives back bytes (or 0x-prefixed, upper-case hex) instead of the LSID's text` };
      }
      return { verdict: 'ok' };
    case 'string': {
      if (dialect === 'sqlite') return { verdict: 'ok' }; // SQLite ignores declared lengths
      if (length === 'MAX' || ['TEXT', 'NTEXT', 'TINYTEXT', 'MEDIUMTEXT', 'LONGTEXT', 'CLOB', 'NCLOB', 'CITEXT', 'SYSNAME', 'STRING', 'LONG'].includes(type.name.split(' ')[0]!)) return { verdict: 'ok' };
      if (typeof length === 'number') return length < 32 ? { verdict: 'short', length } : { verdict: 'ok' };
      // No length: CHAR means CHAR(1) everywhere; VARCHAR means VARCHAR(1) in a T-SQL declaration.
      const fixed = /^(?:N?CHAR|CHARACTER|NATIONAL CHAR(?:ACTER)?|BPCHAR)$/.test(type.name);
      if (fixed || (dialect === 'mssql' && /^N?VARCHAR$/.test(type.name))) return { verdict: 'short', length: 1 };
      return { verdict: 'ok' };
    }
    default:
      return { verdict: 'ok' };
  }
}

/** `INT`, `VARCHAR(20)`, `NUMBER(10, 0)`: a type as the parser reports it. */
export function typeText(type: DataType): string {
  return type.args.length ? `${type.name}(${type.args.join(', ')})` : type.name;
}

export function isNumericClass(type: DataType | undefined): boolean {
  return type !== undefined && (type.class === 'integer' || type.class === 'numeric');
}
