import type { SqlDialect } from '../languages/sql/dialect.js';
import type { Statement } from '../languages/sql/splitter.js';
import { StatementView } from '../languages/sql/statement-view.js';
import { isOp, isWord, type Token } from '../languages/sql/tokens.js';
import type { KeyColumn, Name, Origin } from './model.js';

/**
 * Reading primitives for DDL statements, on top of the SQL analyzer's StatementView (matched
 * parentheses, bounded token access): identifiers as written, qualified names, key column lists
 * and the extent of a DEFAULT expression.
 */
export class DdlStatement extends StatementView {
  constructor(
    text: string,
    tokens: readonly Token[],
    readonly statement: Statement,
    dialect: SqlDialect,
    private readonly file: string,
    private readonly lineOf: (offset: number) => number,
  ) {
    super(text, tokens, statement, dialect);
  }

  origin(i: number = this.from): Origin {
    return { file: this.file, line: this.lineOf(this.tokens[i]?.start ?? this.statement.start) };
  }

  /** Whether tokens[i] can be an identifier here: a quoted name or any word (keywords are checked by the callers). */
  isName(i: number): boolean {
    const token = this.tok(i);
    return token !== undefined && (token.type === 'quoted' || token.type === 'word');
  }

  name(i: number): Name {
    const token = this.tokens[i]!;
    return token.type === 'quoted' ? { text: token.value, quoted: true } : { text: this.text.slice(token.start, token.end), quoted: false };
  }

  /** A dotted name starting at i: its parts and the index just past it (i when there is none). */
  qualified(i: number): { parts: Name[]; end: number } {
    if (!this.isName(i)) return { parts: [], end: i };
    const parts = [this.name(i)];
    let k = i + 1;
    while (isOp(this.tok(k), '.') && this.isName(k + 1)) {
      parts.push(this.name(k + 1));
      k += 2;
    }
    return { parts, end: k };
  }

  /** The words at i..i+n equal these (upper case). */
  words(i: number, ...words: string[]): boolean {
    return words.every((word, offset) => isWord(this.tok(i + offset), word));
  }

  /** Skips `IF NOT EXISTS` / `IF EXISTS` at i. */
  skipIfExists(i: number): number {
    if (this.words(i, 'IF', 'NOT', 'EXISTS')) return i + 3;
    if (this.words(i, 'IF', 'EXISTS')) return i + 2;
    return i;
  }

  /** The end of a DEFAULT-style operand at i: a literal, a signed number, a call, a parenthesized expression, with trailing `::type` casts. */
  operandEnd(i: number, to: number): number {
    let k = i;
    const token = this.tok(k);
    if (!token || k >= to) return k;
    if ((isOp(token, '-') || isOp(token, '+')) && this.tok(k + 1)?.type === 'number') k += 2;
    else if (isOp(token, '(')) k = Math.max(k, this.partner(k)) + 1;
    else if ((token.type === 'word' || token.type === 'quoted') && isOp(this.tok(k + 1), '(')) k = Math.max(k + 1, this.partner(k + 1)) + 1;
    else k++;
    // PostgreSQL casts: 0::integer, 'x'::character varying
    while (k < to && isOp(this.tok(k), '::')) {
      k += 2;
      while (k < to && this.tok(k)?.type === 'word' && !isDefinitionKeyword(this.tokens[k]!.value)) k++;
      if (isOp(this.tok(k), '(')) k = Math.max(k, this.partner(k)) + 1;
    }
    return Math.min(k, to);
  }

  /** `(a, b DESC, c(10))`: the columns of a key. */
  keyColumns(open: number, close: number): KeyColumn[] {
    const columns: KeyColumn[] = [];
    for (const [from, to] of this.args(open, close)) {
      if (!this.isName(from)) continue;
      columns.push({ name: this.name(from), suffix: to > from + 1 ? this.source(from + 1, to) : '' });
    }
    return columns;
  }

  /** `(a, b)`: plain names. */
  nameList(open: number, close: number): Name[] {
    return this.args(open, close).filter(([from]) => this.isName(from)).map(([from]) => this.name(from));
  }

  /** Lower-case names of every identifier in [from, to). */
  mentions(from: number, to: number): Set<string> {
    const names = new Set<string>();
    for (let k = from; k < to; k++) {
      const token = this.tokens[k]!;
      if (token.type === 'quoted' || token.type === 'word') names.add(token.value.toLowerCase());
    }
    return names;
  }

  /** The index of the first word in [from, to) at parenthesis depth 0 that is one of `words`, or `to`. */
  findWord(from: number, to: number, words: ReadonlySet<string>): number {
    for (let k = from; k < to; k++) {
      const token = this.tokens[k]!;
      if (isOp(token, '(')) {
        k = Math.max(k, this.partner(k));
        continue;
      }
      if (token.type === 'word' && words.has(token.value)) return k;
    }
    return to;
  }
}

/** Words that start the next part of a column definition (they end a type or a default). */
const DEFINITION_KEYWORDS = new Set([
  'NOT', 'NULL', 'DEFAULT', 'CONSTRAINT', 'PRIMARY', 'UNIQUE', 'REFERENCES', 'CHECK', 'COLLATE', 'IDENTITY', 'AUTO_INCREMENT',
  'AUTOINCREMENT', 'GENERATED', 'COMMENT', 'ON', 'CHARACTER', 'CHARSET', 'WITH', 'ROWGUIDCOL', 'SPARSE', 'AS', 'KEY', 'ENABLE',
  'DISABLE', 'VISIBLE', 'INVISIBLE',
]);

export function isDefinitionKeyword(word: string): boolean {
  return DEFINITION_KEYWORDS.has(word);
}

/** 1-based line of an offset, by binary search over line starts. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
