import { analyzeSql } from '../languages/sql/analyze.js';
import { chooseDialect, type SqlDialect } from '../languages/sql/dialect.js';
import { splitStatements } from '../languages/sql/splitter.js';
import { isOp, isWord, tokenize } from '../languages/sql/tokens.js';
import { DdlStatement, lineIndex } from './ddl-reader.js';
import { alterTable } from './extract-alter.js';
import { readTableElements } from './extract-table.js';
import { tableKey, type DdlModel, type IndexDef, type Name } from './model.js';

/**
 * The DDL model extractor: reads the scanned `.sql` files in order with the SQL analyzer's
 * tokenizer and statement splitter, and replays CREATE TABLE, CREATE INDEX, ALTER TABLE,
 * DROP TABLE / INDEX on one model, so a migration history spread over files ends in the schema
 * it builds. Views and triggers are recorded as dependents. Files whose own syntax says they are
 * another dialect than the target are left out (a repository may hold DDL for several databases).
 */

export interface SqlSource {
  /** Path relative to the working directory, as reports name it. */
  file: string;
  text: string;
}

export interface ExtractOptions {
  target: SqlDialect;
  /** Config `sql.dialect`: the dialect of files whose syntax does not decide it. */
  configDialect?: string;
}

export function emptyModel(): DdlModel {
  return { tables: new Map(), dependents: [], files: [], skippedFiles: [], flagged: new Set() };
}

export function extractModel(sources: readonly SqlSource[], options: ExtractOptions): DdlModel {
  const model = emptyModel();
  for (const source of sources) readFile(model, source, options);
  return model;
}

function readFile(model: DdlModel, source: SqlSource, options: ExtractOptions): void {
  const choice = chooseDialect(source.text, options.configDialect);
  const dialect = choice.source === 'default' ? options.target : choice.dialect;
  if (dialect !== options.target) {
    model.skippedFiles.push({ file: source.file, reason: `${dialect} (${choice.reason}), not ${options.target}` });
    return;
  }
  model.files.push(source.file);
  const { tokens, slashTerminators } = tokenize(source.text, dialect);
  const lineOf = lineIndex(source.text);
  for (const statement of splitStatements(tokens, dialect, slashTerminators)) {
    const s = new DdlStatement(source.text, tokens, statement, dialect, source.file, lineOf);
    switch (statement.head) {
      case 'CREATE TABLE':
        createTable(s, model);
        break;
      case 'CREATE INDEX':
        createIndex(s, model);
        break;
      case 'ALTER TABLE':
        alterTable(s, model);
        break;
      case 'DROP TABLE':
        dropTables(s, model);
        break;
      case 'DROP INDEX':
        dropIndex(s, model);
        break;
      case 'CREATE VIEW':
      case 'CREATE TRIGGER':
        dependent(s, model, statement.head === 'CREATE VIEW' ? 'view' : 'trigger');
        break;
      default:
    }
  }
  // `*_lsid` columns qualify through the analyzer's own judgement of Bomgar context.
  const analysis = analyzeSql(source.text, { dialect });
  for (const use of analysis.facts.valueUses) {
    if (use.kind === 'numeric-type' && use.origin?.includes('.')) model.flagged.add(use.origin.toLowerCase());
  }
}

const TEMPORARY = new Set(['TEMP', 'TEMPORARY', 'GLOBAL', 'LOCAL', 'VOLATILE']);

function createTable(s: DdlStatement, model: DdlModel): void {
  let k = s.from + 1;
  let temporary = false;
  while (s.tok(k)?.type === 'word' && !isWord(s.tok(k), 'TABLE')) {
    if (TEMPORARY.has(s.tokens[k]!.value)) temporary = true;
    k++;
  }
  if (!isWord(s.tok(k), 'TABLE') || temporary) return;
  k = s.skipIfExists(k + 1);
  const name = s.qualified(k);
  if (!name.parts.length || name.parts[name.parts.length - 1]!.text.startsWith('#')) return;
  if (!isOp(s.tok(name.end), '(')) return; // CREATE TABLE … AS SELECT: no declared columns
  const close = s.partner(name.end);
  if (close < 0) return;
  const key = tableKey(name.parts);
  const table = { key, name: name.parts, columns: [], uniques: [], foreignKeys: [], checks: [], indexes: [], origin: s.origin(k), dialect: s.dialect };
  readTableElements(s, name.end, close, table);
  const options = close + 1 < s.to ? s.source(close + 1, s.to) : undefined;
  model.tables.set(key, options ? { ...table, options } : table);
}

const INDEX_END = new Set(['INCLUDE', 'WHERE', 'WITH', 'ON', 'TABLESPACE', 'COMPRESS', 'LOCAL', 'PARALLEL', 'LOGGING', 'NOLOGGING', 'ONLINE']);

/** CREATE [UNIQUE] [CLUSTERED|NONCLUSTERED] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] t [USING m] (…) [INCLUDE (…)] [WHERE …]. */
function createIndex(s: DdlStatement, model: DdlModel): void {
  let k = s.from + 1;
  let unique = false;
  let clustering: 'CLUSTERED' | 'NONCLUSTERED' | undefined;
  while (s.tok(k)?.type === 'word' && !isWord(s.tok(k), 'INDEX')) {
    const word = s.tokens[k]!.value;
    if (word === 'UNIQUE') unique = true;
    else if (word === 'CLUSTERED' || word === 'NONCLUSTERED') clustering = word;
    else return; // FULLTEXT, SPATIAL, BITMAP …: not keys the migration must rebuild
    k++;
  }
  k++;
  if (isWord(s.tok(k), 'CONCURRENTLY')) k++;
  k = s.skipIfExists(k);
  let name: Name[] = [];
  if (!isWord(s.tok(k), 'ON')) {
    const qualified = s.qualified(k);
    name = qualified.parts;
    k = qualified.end;
  }
  if (isWord(s.tok(k), 'USING')) k += 2; // MySQL: CREATE INDEX ix USING BTREE ON t (…)
  if (!isWord(s.tok(k), 'ON')) return;
  k++;
  if (isWord(s.tok(k), 'ONLY')) k++;
  const target = s.qualified(k);
  const table = target.parts.length ? model.tables.get(tableKey(target.parts)) : undefined;
  if (!table) return;
  k = target.end;
  let using: string | undefined;
  if (isWord(s.tok(k), 'USING')) {
    using = s.source(k + 1, k + 2);
    k += 2;
  }
  if (!isOp(s.tok(k), '(')) return;
  const close = s.partner(k);
  if (close < 0) return;
  const columns: IndexDef['columns'] = [];
  for (const [from, to] of s.args(k, close)) {
    const prefix = isOp(s.tok(from + 1), '(') && s.partner(from + 1) === from + 3 && s.tok(from + 2)?.type === 'number';
    if (s.isName(from) && (!isOp(s.tok(from + 1), '(') || prefix)) columns.push({ name: s.name(from), suffix: to > from + 1 ? s.source(from + 1, to) : '' });
    else columns.push({ name: { text: s.source(from, to), quoted: false }, suffix: '', expression: true });
  }
  let include: Name[] = [];
  let where: string | undefined;
  for (let j = close + 1; j < s.to; j++) {
    if (isWord(s.tok(j), 'INCLUDE') && isOp(s.tok(j + 1), '(') && s.partner(j + 1) > 0) {
      include = s.nameList(j + 1, s.partner(j + 1));
      j = s.partner(j + 1);
    } else if (isWord(s.tok(j), 'WHERE')) {
      const end = s.findWord(j + 1, s.to, new Set([...INDEX_END].filter((word) => word !== 'ON' || s.dialect === 'mssql')));
      where = s.source(j + 1, end);
      j = end - 1;
    }
  }
  const indexName = name.length ? name[name.length - 1]! : { text: `${table.key}_${columns.map((c) => (c.expression ? 'expr' : c.name.text)).join('_')}_idx`, quoted: false };
  table.indexes = table.indexes.filter((index) => index.name.text.toLowerCase() !== indexName.text.toLowerCase());
  table.indexes.push({
    name: indexName, unique, ...(clustering ? { clustering } : {}), columns, include, ...(where ? { where } : {}), ...(using ? { using } : {}), inline: false, origin: s.origin(),
  });
}

function dropTables(s: DdlStatement, model: DdlModel): void {
  const k = s.skipIfExists(s.from + 2);
  for (const [from] of s.args(k - 1, s.to)) {
    const name = s.qualified(from);
    if (name.parts.length) model.tables.delete(tableKey(name.parts));
  }
}

/** DROP INDEX [IF EXISTS] ix [ON t] | t.ix (T-SQL) | [schema.]ix. */
function dropIndex(s: DdlStatement, model: DdlModel): void {
  let k = s.from + 2;
  if (isWord(s.tok(k), 'CONCURRENTLY')) k++;
  k = s.skipIfExists(k);
  const name = s.qualified(k);
  if (!name.parts.length) return;
  let tableName: string | undefined;
  let indexName = name.parts[name.parts.length - 1]!.text.toLowerCase();
  if (isWord(s.tok(name.end), 'ON')) {
    const target = s.qualified(name.end + 1);
    if (target.parts.length) tableName = tableKey(target.parts);
  } else if (s.dialect === 'mssql' && name.parts.length >= 2) {
    tableName = name.parts[name.parts.length - 2]!.text.toLowerCase();
    indexName = name.parts[name.parts.length - 1]!.text.toLowerCase();
  }
  for (const table of model.tables.values()) {
    if (tableName !== undefined && table.key !== tableName) continue;
    table.indexes = table.indexes.filter((index) => index.name.text.toLowerCase() !== indexName);
    // PostgreSQL / SQLite name unique constraints' indexes too; dropping one by index name is rare and not modelled.
  }
}

function dependent(s: DdlStatement, model: DdlModel, kind: 'view' | 'trigger'): void {
  let k = s.from + 1;
  while (s.tok(k)?.type === 'word' && !isWord(s.tok(k), kind === 'view' ? 'VIEW' : 'TRIGGER')) k++;
  k = s.skipIfExists(k + 1);
  const name = s.qualified(k);
  if (!name.parts.length) return;
  let on: string | undefined;
  if (kind === 'trigger') {
    for (let j = name.end; j < s.to; j++) {
      if (isWord(s.tok(j), 'ON')) {
        const target = s.qualified(j + 1);
        if (target.parts.length) on = tableKey(target.parts);
        break;
      }
    }
  }
  model.dependents.push({
    kind,
    name: name.parts,
    tables: s.mentions(name.end, s.to),
    ...(on ? { on } : {}),
    text: s.source(s.from, s.to),
    origin: s.origin(),
  });
}
