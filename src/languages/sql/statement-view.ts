import type { Span } from '../../types.js';
import type { SqlDialect } from './dialect.js';
import { subjectName, type Ref, type SubjectName } from './model.js';
import type { Statement } from './splitter.js';
import { isOp, isWord, type Token } from './tokens.js';

/**
 * One statement's tokens with the reading primitives the scanner is built from: matched
 * parentheses, qualified names (`dbo.session.lsid`), and the operand on either side of an operator
 * (a reference, a call, a literal, a parenthesized expression). Every read is bounded by the
 * statement.
 */

/** Words that are never a column or table name in the positions this scanner reads. */
export const RESERVED = new Set([
  'SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'ON', 'AS', 'IN', 'IS', 'NULL', 'BETWEEN', 'LIKE', 'ILIKE', 'CASE', 'WHEN',
  'THEN', 'ELSE', 'END', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'OUTER', 'CROSS', 'GROUP', 'ORDER', 'BY', 'HAVING', 'UNION',
  'ALL', 'DISTINCT', 'TOP', 'LIMIT', 'OFFSET', 'FETCH', 'INTO', 'VALUES', 'SET', 'UPDATE', 'DELETE', 'INSERT', 'EXISTS', 'ANY',
  'SOME', 'RETURN', 'RETURNS', 'BEGIN', 'DECLARE', 'IF', 'WHILE', 'EXEC', 'EXECUTE', 'WITH', 'ASC', 'DESC', 'OVER',
  'PARTITION', 'PRIMARY', 'KEY', 'UNIQUE', 'REFERENCES', 'FOREIGN', 'CONSTRAINT', 'DEFAULT', 'CHECK', 'TABLE', 'CREATE',
  'ALTER', 'DROP', 'INDEX', 'PROCEDURE', 'PROC', 'FUNCTION', 'TRIGGER', 'VIEW', 'ELSIF', 'ELSEIF', 'LOOP', 'DO', 'USING',
  'MERGE', 'MATCHED', 'OUTPUT', 'PRINT', 'RAISERROR', 'THROW', 'GOTO', 'BREAK', 'CONTINUE', 'CURSOR', 'OPEN', 'CLOSE',
  'DEALLOCATE', 'ESCAPE', 'COLLATE', 'ROWS', 'ONLY', 'NEXT', 'FIRST', 'PERCENT', 'TIES', 'UNTIL', 'REPEAT', 'ITERATE',
  'LEAVE', 'SIGNAL', 'EXCEPT', 'INTERSECT', 'MINUS', 'NATURAL', 'APPLY', 'PIVOT', 'UNPIVOT', 'FOR', 'TO', 'REGEXP', 'RLIKE',
  'SIMILAR', 'GLOB', 'DIV', 'MOD', 'NULLS', 'LAST', 'OPTION', 'WINDOW', 'QUALIFY', 'RETURNING', 'LATERAL', 'STRAIGHT_JOIN',
  'TRUE', 'FALSE', 'UNKNOWN', 'CURRENT', 'ROW', 'LANGUAGE', 'IMMUTABLE', 'STABLE', 'VOLATILE', 'ENGINE', 'CHARSET', 'GO',
]);

export type Operand =
  | { kind: 'ref'; ref: Ref; from: number; to: number }
  | { kind: 'call'; name: string; from: number; to: number; open: number; close: number }
  | { kind: 'number' | 'string' | 'paren' | 'other'; from: number; to: number };

/** A reference whose name makes it an LSID or lseq. */
export interface SubjectOperand {
  ref: Ref;
  name: SubjectName;
}

export class StatementView {
  readonly from: number;
  readonly to: number;
  /** Partner of each parenthesis (absolute token index), -1 when unmatched. */
  private readonly match: Int32Array;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    statement: Statement,
    readonly dialect: SqlDialect,
  ) {
    this.from = statement.from;
    this.to = statement.to;
    this.match = new Int32Array(this.to - this.from).fill(-1);
    const stack: number[] = [];
    for (let i = this.from; i < this.to; i++) {
      const token = tokens[i]!;
      if (token.type !== 'op') continue;
      if (token.value === '(') stack.push(i);
      else if (token.value === ')' && stack.length) {
        const open = stack.pop()!;
        this.match[open - this.from] = i;
        this.match[i - this.from] = open;
      }
    }
  }

  /** tokens[i], or undefined outside the statement. */
  tok(i: number): Token | undefined {
    return i >= this.from && i < this.to ? this.tokens[i] : undefined;
  }

  /** The matching parenthesis of tokens[i], or -1. */
  partner(i: number): number {
    return i >= this.from && i < this.to ? this.match[i - this.from]! : -1;
  }

  /** A quoted name, or a word that is not a keyword in the positions the scanner reads. */
  isIdent(token: Token | undefined): boolean {
    return token !== undefined && (token.type === 'quoted' || (token.type === 'word' && !RESERVED.has(token.value)));
  }

  span(from: number, to: number): Span {
    return { start: this.tokens[from]!.start, end: this.tokens[Math.max(from, to - 1)]!.end };
  }

  source(from: number, to: number): string {
    const span = this.span(from, to);
    return this.text.slice(span.start, span.end);
  }

  /** The qualified reference whose last part is tokens[i]. */
  refEndingAt(i: number): Ref {
    const token = this.tokens[i]!;
    const qualifierToken = isOp(this.tok(i - 1), '.') && this.isIdent(this.tok(i - 2)) ? this.tokens[i - 2] : undefined;
    let start = token.start;
    let k = i;
    while (isOp(this.tok(k - 1), '.') && this.isIdent(this.tok(k - 2))) {
      k -= 2;
      start = this.tokens[k]!.start;
    }
    return {
      name: token.value.toLowerCase(),
      ...(qualifierToken ? { qualifier: qualifierToken.value.toLowerCase() } : {}),
      variable: token.type === 'variable',
      span: { start, end: token.end },
    };
  }

  /** The index just past a qualified name starting at i (a.b.c), or i when tokens[i] is not a name. */
  qualifiedEnd(i: number): number {
    const first = this.tok(i);
    if (!first || !(this.isIdent(first) || first.type === 'variable')) return i;
    let k = i + 1;
    while (isOp(this.tok(k), '.') && this.isIdent(this.tok(k + 1))) k += 2;
    return k;
  }

  /** The operand that ends just before tokens[i]. */
  operandBefore(i: number): Operand | undefined {
    const k = i - 1;
    const token = this.tok(k);
    if (!token) return undefined;
    if (token.type === 'number') {
      const sign = this.tok(k - 1);
      const signed = (isOp(sign, '-') || isOp(sign, '+')) && !this.endsOperand(k - 2);
      return { kind: 'number', from: signed ? k - 1 : k, to: k + 1 };
    }
    if (token.type === 'string') return { kind: 'string', from: k, to: k + 1 };
    if (token.type === 'variable' || this.isIdent(token)) {
      const ref = this.refEndingAt(k);
      let from = k;
      while (isOp(this.tok(from - 1), '.') && this.isIdent(this.tok(from - 2))) from -= 2;
      // `x::int`: the word is the cast's type; the operand is the cast.
      if (isOp(this.tok(from - 1), '::')) return { kind: 'other', from: from - 1, to: k + 1 };
      return { kind: 'ref', ref, from, to: k + 1 };
    }
    if (isOp(token, ')')) {
      const open = this.partner(k);
      if (open < 0) return { kind: 'other', from: k, to: k + 1 };
      const before = this.tok(open - 1);
      if (isWord(before, 'OVER') && isOp(this.tok(open - 2), ')')) {
        const call = this.operandBefore(open - 1);
        return call ? { ...call, to: k + 1 } : { kind: 'other', from: open, to: k + 1 };
      }
      if (before && (before.type === 'quoted' || (before.type === 'word' && !RESERVED.has(before.value)) || isWord(before, 'LEFT', 'RIGHT'))) {
        let from = open - 1;
        while (isOp(this.tok(from - 1), '.') && this.isIdent(this.tok(from - 2))) from -= 2;
        return { kind: 'call', name: before.value, from, to: k + 1, open, close: k };
      }
      const inner = this.singleRef(open + 1, k);
      return inner ? { kind: 'ref', ref: inner, from: open, to: k + 1 } : { kind: 'paren', from: open, to: k + 1 };
    }
    if (isWord(token, 'END', 'NULL', 'TRUE', 'FALSE')) return { kind: 'other', from: k, to: k + 1 };
    return undefined;
  }

  /** Whether tokens[i] ends an operand (so a following + or - is binary). */
  endsOperand(i: number): boolean {
    const token = this.tok(i);
    if (!token) return false;
    return token.type === 'number' || token.type === 'string' || token.type === 'variable' || token.type === 'quoted'
      || (token.type === 'word' && (!RESERVED.has(token.value) || token.value === 'END' || token.value === 'NULL'))
      || isOp(token, ')');
  }

  /** The operand that starts just after tokens[i]. */
  operandAfter(i: number): Operand | undefined {
    const k = i + 1;
    const token = this.tok(k);
    if (!token) return undefined;
    if ((isOp(token, '-') || isOp(token, '+')) && this.tok(k + 1)?.type === 'number') return { kind: 'number', from: k, to: k + 2 };
    if (token.type === 'number') return { kind: 'number', from: k, to: k + 1 };
    if (token.type === 'string') return { kind: 'string', from: k, to: k + 1 };
    if (token.type === 'variable' || this.isIdent(token)) {
      const end = this.qualifiedEnd(k);
      if (isOp(this.tok(end), '(') && token.type !== 'variable') {
        const close = this.partner(end);
        if (close < 0) return { kind: 'other', from: k, to: end + 1 };
        let to = close + 1;
        if (isWord(this.tok(to), 'OVER') && isOp(this.tok(to + 1), '(') && this.partner(to + 1) > 0) to = this.partner(to + 1) + 1;
        return { kind: 'call', name: this.tokens[end - 1]!.value, from: k, to, open: end, close };
      }
      if (isOp(this.tok(end), '::')) return { kind: 'other', from: k, to: Math.min(this.to, end + 2) };
      return { kind: 'ref', ref: this.refEndingAt(end - 1), from: k, to: end };
    }
    if (isWord(token, 'LEFT', 'RIGHT') && isOp(this.tok(k + 1), '(') && this.partner(k + 1) > 0) {
      const close = this.partner(k + 1);
      return { kind: 'call', name: token.value, from: k, to: close + 1, open: k + 1, close };
    }
    if (isOp(token, '(')) {
      const close = this.partner(k);
      if (close < 0) return { kind: 'other', from: k, to: k + 1 };
      const inner = this.singleRef(k + 1, close);
      return inner ? { kind: 'ref', ref: inner, from: k, to: close + 1 } : { kind: 'paren', from: k, to: close + 1 };
    }
    if (isWord(token, 'NULL', 'TRUE', 'FALSE', 'CASE')) return { kind: 'other', from: k, to: k + 1 };
    return undefined;
  }

  /** A reference that is the whole of tokens [from, to), parentheses allowed: `s.lsid`, `(lsid)`, `@lsid`. */
  singleRef(from: number, to: number): Ref | undefined {
    while (isOp(this.tok(from), '(') && this.partner(from) === to - 1) {
      from++;
      to--;
    }
    if (from >= to) return undefined;
    const end = this.qualifiedEnd(from);
    return end === to ? this.refEndingAt(to - 1) : undefined;
  }

  subjectOf(ref: Ref | undefined): SubjectOperand | undefined {
    if (!ref) return undefined;
    const name = subjectName(ref.name);
    return name ? { ref, name } : undefined;
  }

  /** An operand that holds an LSID or lseq: a reference, or MAX()/MIN() of one, or a scalar subquery selecting either. */
  subjectOperand(operand: Operand | undefined, allowAggregate: boolean): SubjectOperand | undefined {
    if (!operand) return undefined;
    if (operand.kind === 'ref') return this.subjectOf(operand.ref);
    if (allowAggregate && operand.kind === 'call' && (operand.name === 'MAX' || operand.name === 'MIN')) {
      return this.subjectOf(this.singleRef(this.skipSetQuantifier(operand.open + 1), operand.close));
    }
    if (allowAggregate && operand.kind === 'paren' && isWord(this.tok(operand.from + 1), 'SELECT')) {
      const close = operand.to - 1;
      let from = this.skipSetQuantifier(operand.from + 2);
      if (isWord(this.tok(from), 'TOP') && this.tok(from + 1)?.type === 'number') from += 2;
      let to = from;
      while (to < close && !isWord(this.tokens[to], 'FROM')) {
        const partner = isOp(this.tokens[to], '(') ? this.partner(to) : -1;
        to = partner > to ? partner + 1 : to + 1;
      }
      const item = this.operandAfter(from - 1);
      return item && item.to === to ? this.subjectOperand(item, true) : undefined;
    }
    return undefined;
  }

  skipSetQuantifier(i: number): number {
    return isWord(this.tok(i), 'DISTINCT', 'ALL') ? i + 1 : i;
  }

  /** Top-level comma-separated arguments of the call whose parentheses are tokens[open] and tokens[close]. */
  args(open: number, close: number): [number, number][] {
    const result: [number, number][] = [];
    let start = open + 1;
    for (let i = open + 1; i < close; i++) {
      const token = this.tokens[i]!;
      if (isOp(token, '(')) {
        const partner = this.partner(i);
        if (partner > i) i = partner;
      } else if (isOp(token, ',')) {
        result.push([start, i]);
        start = i + 1;
      }
    }
    if (start < close) result.push([start, close]);
    return result;
  }

  findOpen(from: number, to: number): number {
    for (let k = from; k < to; k++) if (isOp(this.tokens[k], '(')) return this.partner(k) > 0 ? k : -1;
    return -1;
  }

}
