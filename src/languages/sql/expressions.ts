import type { Candidate } from './model.js';
import { isNumericClass, readType, type ReadType } from './data-types.js';
import type { SqlDialect } from './dialect.js';
import type { Scan } from './scanner.js';
import type { SubjectOperand } from './statement-view.js';
import { isOp, isWord, isWordIn } from './tokens.js';

/**
 * Hazards in expressions, found as local patterns around an operator or a call: comparisons,
 * arithmetic, conversions, MAX/MIN, digit-only patterns and ORDER BY. Local patterns are what make
 * them work inside procedure bodies no parser here accepts.
 */

const PLSQL_ATTRIBUTES = new Set(['TYPE', 'ROWTYPE', 'FOUND', 'NOTFOUND', 'ISOPEN', 'ROWCOUNT', 'BULK_ROWCOUNT', 'BULK_EXCEPTIONS']);
/** Keywords after which `a = b` is a comparison rather than an assignment (SET a = b, SELECT @v = a). */
const COMPARISON_LEAD = new Set(['WHERE', 'AND', 'OR', 'ON', 'WHEN', 'NOT', 'HAVING', 'IF', 'WHILE', 'ELSIF', 'ELSEIF', 'UNTIL']);
/** Words that end a clause when scanning forward for LIMIT / FETCH / ROWNUM. */
const CLAUSE_END = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'UNION', 'EXCEPT', 'INTERSECT', 'DECLARE', 'SET', 'IF', 'WHILE', 'RETURN', 'END', 'BEGIN', 'EXEC', 'EXECUTE', 'PRINT', 'MERGE']);
/** `ISNULL(lsid, 0)` turns the LSID into a number where the dialect takes the numeric type for the result. */
const NULL_DEFAULT_CONVERTS: ReadonlySet<SqlDialect> = new Set(['mssql', 'postgres']);

/** `<`, `>`, `<=`, `>=`: any comparison of an LSID orders it; of lseq, uses it as a cursor. */
export function relational(s: Scan, i: number): void {
  const left = s.operandBefore(i);
  const right = s.operandAfter(i);
  const leftSubject = s.subjectOperand(left, false);
  const subject = leftSubject ?? s.subjectOperand(right, false);
  if (!subject) return;
  const other = subject === leftSubject ? right : left;
  if (other?.kind === 'string' && s.tokens[other.from]!.value === '') return; // lsid > '' is a non-empty check
  s.add(subject.name.subject === 'lsid' ? 'relational' : 'sequence-cursor', subject, left?.from ?? i, right?.to ?? i + 1);
}

/** `=` / `<>` in a condition: with a number literal (a numeric comparison), or with a column (a join the judge checks for an integer type). */
export function equality(s: Scan, i: number): void {
  const left = s.operandBefore(i);
  const right = s.operandAfter(i);
  if (!left || !right) return;
  const lead = s.tok(left.from - 1);
  if (!(lead && ((lead.type === 'word' && COMPARISON_LEAD.has(lead.value)) || isOp(lead, '(')))) return;
  const leftSubject = s.subjectOperand(left, false);
  const rightSubject = s.subjectOperand(right, false);
  const subject = leftSubject ?? rightSubject;
  if (!subject || subject.name.subject !== 'lsid' || (leftSubject && rightSubject)) return;
  const other = subject === leftSubject ? right : left;
  if (other.kind === 'number') s.add('relational', subject, left.from, right.to);
  else if (other.kind === 'ref' && !other.ref.variable) s.add('integer-join', subject, left.from, right.to, { other: other.ref });
}

/** `+ - * / % & | ^ << >> DIV MOD` with an LSID (or lseq: a gap detector) on either side; `+` with text is concatenation. */
export function arithmetic(s: Scan, i: number, op: string): void {
  const left = s.operandBefore(i);
  if (!left) return; // unary sign, SELECT *, COUNT(*)
  if (op === '*' && (isOp(s.tok(i - 1), '.') || isOp(s.tok(i + 1), ')') || isOp(s.tok(i + 1), ','))) return;
  // PL/SQL attributes: v bomgar_session.lsid%TYPE, cur%ROWCOUNT.
  if (op === '%' && isWordIn(s.tok(i + 1), PLSQL_ATTRIBUTES)) return;
  const right = s.operandAfter(i);
  const leftSubject = s.subjectOperand(left, true);
  const subject = leftSubject ?? s.subjectOperand(right, true);
  if (!subject) return;
  const other = subject === leftSubject ? right : left;
  // '+' with text is concatenation in T-SQL (and harmless string building elsewhere).
  if (op === '+' && other && (other.kind === 'string' || (other.kind === 'call' && /^(?:CONCAT|CAST|CONVERT|FORMAT|STR|LTRIM|RTRIM|TRIM|UPPER|LOWER|REPLACE|SUBSTRING|LEFT|RIGHT|QUOTENAME)$/.test(other.name)))) return;
  if (subject.name.subject === 'lseq' && op !== '+' && op !== '-') return;
  const otherKind: Candidate['otherKind'] = other?.kind === 'number' || other?.kind === 'string' || other?.kind === 'ref' ? other.kind : 'other';
  const extra = { operator: op, otherKind, ...(other?.kind === 'ref' ? { other: other.ref } : {}) };
  s.add(subject.name.subject === 'lsid' ? 'arithmetic' : 'sequence-cursor', subject, left.from, right?.to ?? i + 1, extra);
}

/** PostgreSQL `lsid::int`. */
export function doubleColonCast(s: Scan, i: number): void {
  const left = s.operandBefore(i);
  const subject = s.subjectOperand(left, false);
  if (!subject || subject.name.subject !== 'lsid') return;
  const type = readType(s.tokens, i + 1, s.to, s.dialect, true);
  if (type && isNumericClass(type.type)) s.add('numeric-conversion', subject, left!.from, type.to);
}

/** LIKE / REGEXP / ~ / SIMILAR TO / GLOB with a pattern that accepts only digits: a numeric check. */
export function patternMatch(s: Scan, i: number, operatorEnd: number): void {
  const negated = isWord(s.tok(i - 1), 'NOT');
  const left = s.operandBefore(negated ? i - 1 : i);
  const subject = s.subjectOperand(left, false);
  if (!subject || subject.name.subject !== 'lsid') return;
  const right = s.operandAfter(operatorEnd);
  if (!right || right.kind !== 'string' || !isDigitPattern(s.tokens[right.from]!.value)) return;
  s.add('numeric-validation', subject, left!.from, right.to);
}

/** `lsid [NOT] BETWEEN a AND b`. */
export function between(s: Scan, i: number): void {
  const negated = isWord(s.tok(i - 1), 'NOT');
  const left = s.operandBefore(negated ? i - 1 : i);
  const subject = s.subjectOperand(left, false);
  if (!subject) return;
  const low = s.operandAfter(i);
  let end = low?.to ?? i + 1;
  if (low && isWord(s.tok(low.to), 'AND')) end = s.operandAfter(low.to)?.to ?? low.to + 1;
  s.add(subject.name.subject === 'lsid' ? 'relational' : 'sequence-cursor', subject, left!.from, end);
}

/** `lsid IN (1, 2, …)`: numbers. */
export function inList(s: Scan, i: number): void {
  const negated = isWord(s.tok(i - 1), 'NOT');
  const left = s.operandBefore(negated ? i - 1 : i);
  const subject = s.subjectOperand(left, false);
  if (!subject || subject.name.subject !== 'lsid' || !isOp(s.tok(i + 1), '(')) return;
  const close = s.partner(i + 1);
  const first = s.operandAfter(i + 1);
  if (close > 0 && first?.kind === 'number') s.add('relational', subject, left!.from, close + 1);
}

/** Built-in calls: CAST / CONVERT / TO_NUMBER / ISNULL…, MAX / MIN / GREATEST / LEAST, MOD, ISNUMERIC, REGEXP_LIKE. */
export function call(s: Scan, i: number, name: string): void {
  const open = i + 1;
  const close = s.partner(open);
  if (close < 0) return;
  // A qualified name (dbo.fn) is a user function, not the built-in.
  if (isOp(s.tok(i - 1), '.')) return;
  const args = s.args(open, close);
  const refArg = (n: number): SubjectOperand | undefined => {
    const arg = args[n];
    return arg ? s.subjectOf(s.singleRef(n === 0 ? s.skipSetQuantifier(arg[0]) : arg[0], arg[1])) : undefined;
  };
  const typeArg = (n: number): ReadType | undefined => {
    const arg = args[n];
    if (!arg) return undefined;
    const type = readType(s.tokens, arg[0], arg[1], s.dialect, true);
    return type && type.to === arg[1] ? type : undefined;
  };
  const lsidOnly = (operand: SubjectOperand | undefined): SubjectOperand | undefined => (operand?.name.subject === 'lsid' ? operand : undefined);
  switch (name) {
    case 'CAST':
    case 'TRY_CAST':
    case 'SAFE_CAST': {
      let as = open + 1;
      while (as < close && !isWord(s.tokens[as], 'AS')) {
        const partner = isOp(s.tokens[as], '(') ? s.partner(as) : -1;
        as = partner > as ? partner + 1 : as + 1;
      }
      const subject = lsidOnly(s.subjectOf(s.singleRef(open + 1, as)));
      const type = as < close ? readType(s.tokens, as + 1, close, s.dialect, true) : undefined;
      if (subject && type && isNumericClass(type.type)) s.add('numeric-conversion', subject, i, close + 1);
      return;
    }
    case 'CONVERT':
    case 'TRY_CONVERT': {
      const first = typeArg(0);
      if (first && isNumericClass(first.type)) {
        const subject = lsidOnly(refArg(1));
        if (subject) s.add('numeric-conversion', subject, i, close + 1);
        return;
      }
      const second = typeArg(1);
      const subject = lsidOnly(refArg(0));
      if (subject && second && isNumericClass(second.type)) s.add('numeric-conversion', subject, i, close + 1);
      return;
    }
    case 'TO_NUMBER': {
      const subject = lsidOnly(refArg(0));
      if (subject) s.add('numeric-conversion', subject, i, close + 1);
      return;
    }
    case 'ISNULL':
    case 'COALESCE':
    case 'IFNULL':
    case 'NVL': {
      if (!NULL_DEFAULT_CONVERTS.has(s.dialect)) return;
      const subject = args.map((_, n) => lsidOnly(refArg(n))).find(Boolean);
      const numeric = args.some(([from, to]) => to - from <= 2 && s.operandAfter(from - 1)?.kind === 'number' && s.operandAfter(from - 1)!.to === to);
      if (subject && numeric) s.add('numeric-conversion', subject, i, close + 1);
      return;
    }
    case 'MAX':
    case 'MIN': {
      const subject = args.length === 1 ? refArg(0) : undefined;
      if (subject) s.add(subject.name.subject === 'lsid' ? 'min-max' : 'sequence-cursor', subject, i, close + 1);
      return;
    }
    case 'GREATEST':
    case 'LEAST': {
      const subject = args.map((_, n) => refArg(n)).find(Boolean);
      if (subject) s.add(subject.name.subject === 'lsid' ? 'min-max' : 'sequence-cursor', subject, i, close + 1);
      return;
    }
    case 'MOD': {
      const subject = refArg(0);
      if (subject) s.add(subject.name.subject === 'lsid' ? 'arithmetic' : 'sequence-cursor', subject, i, close + 1);
      return;
    }
    case 'ISNUMERIC': {
      const subject = lsidOnly(refArg(0));
      if (subject) s.add('numeric-validation', subject, i, close + 1);
      return;
    }
    case 'REGEXP_LIKE': {
      const subject = lsidOnly(refArg(0));
      const pattern = args[1];
      if (subject && pattern && pattern[1] - pattern[0] === 1 && s.tokens[pattern[0]]!.type === 'string' && isDigitPattern(s.tokens[pattern[0]]!.value)) {
        s.add('numeric-validation', subject, i, close + 1);
      }
      return;
    }
    default:
  }
}

/**
 * ORDER BY whose first key is the LSID, in a query that keeps the first n rows (TOP, LIMIT,
 * FETCH, ROWNUM) or sorts newest first (DESC): the LSID stands in for recency.
 */
export function orderBy(s: Scan, i: number): void {
  const key = s.operandAfter(i + 1);
  if (!key || key.kind !== 'ref') return;
  const subject = s.subjectOf(key.ref);
  if (!subject || subject.name.subject !== 'lsid') return;
  let end = key.to;
  const next = s.tok(end);
  if (next && next.type === 'op' && next.value !== ',' && next.value !== ')') return; // an expression such as lsid + 0
  if (isWord(next, 'COLLATE')) end += 2;
  const direction = s.tok(end);
  const descending = isWord(direction, 'DESC');
  if (isWord(direction, 'ASC', 'DESC')) end++;
  const owner = orderOwner(s, i);
  if (owner.aggregate) return;
  const limited = owner.window ? false : owner.top || limitAfter(s, end);
  if (!descending && !limited) return;
  s.add('recency-order', subject, i, end);
}

/** The query (or window) that an ORDER BY at tokens[i] belongs to, and whether that query says TOP. */
function orderOwner(s: Scan, i: number): { window: boolean; top: boolean; aggregate: boolean } {
  let depth = 0;
  for (let k = i - 1; k >= s.from; k--) {
    const token = s.tokens[k]!;
    if (isOp(token, ')')) depth++;
    else if (isOp(token, '(')) {
      if (depth === 0) {
        // OVER (… ORDER BY …) is a window; anything else in parentheses (string_agg(x ORDER BY …),
        // WITHIN GROUP (ORDER BY …)) orders an aggregate's output, never rows.
        const window = isWord(s.tok(k - 1), 'OVER');
        return { window, top: false, aggregate: !window };
      }
      depth--;
    } else if (depth === 0 && isWord(token, 'SELECT')) {
      const after = s.skipSetQuantifier(k + 1);
      return { window: false, top: isWord(s.tok(after), 'TOP'), aggregate: false };
    } else if (depth === 0 && token.type === 'terminator') break;
  }
  return { window: false, top: false, aggregate: false };
}

/** LIMIT / FETCH FIRST / ROWNUM after the sort keys, before the query ends. */
function limitAfter(s: Scan, i: number): boolean {
  let depth = 0;
  for (let k = i; k < s.to && k < i + 80; k++) {
    const token = s.tokens[k]!;
    if (token.type === 'terminator') return false;
    if (isOp(token, '(')) depth++;
    else if (isOp(token, ')')) depth--;
    else if (token.type === 'word') {
      if (token.value === 'LIMIT' || token.value === 'ROWNUM' || (token.value === 'FETCH' && depth <= 0 && isWord(s.tok(k + 1), 'FIRST', 'NEXT'))) return true;
      if (depth === 0 && CLAUSE_END.has(token.value)) return false;
    }
  }
  return false;
}

/** A LIKE / regular expression pattern that accepts digits only: `%[^0-9]%`, `^[0-9]+$`, `^\d+$`. */
export function isDigitPattern(pattern: string): boolean {
  const digits = /\[\^?0-9\]|\\d|\[\[:digit:\]\]|\[0123456789\]/.test(pattern);
  const letters = /a-f|A-F|\\w|xdigit|alnum|\[\^?[^\]]*[g-zG-Z]-/.test(pattern);
  return digits && !letters;
}
