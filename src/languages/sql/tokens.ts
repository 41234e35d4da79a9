import { dialectSyntax, type DialectSyntax, type SqlDialect } from './dialect.js';

/**
 * A linear SQL tokenizer. It never fails: unterminated strings, quoted identifiers and comments end
 * at the end of the text (or of the enclosing `$$` body), so one stray quote cannot hide more than
 * the rest of its body. Comments and whitespace produce no tokens.
 */

export type TokenType =
  /** an unquoted identifier or keyword; `value` is upper-cased */
  | 'word'
  /** "name", [name] or `name`; `value` is the unescaped name */
  | 'quoted'
  /** a string literal; `value` is its unescaped content */
  | 'string'
  | 'number'
  /** @name, @@name, :name, $1, ? */
  | 'variable'
  /** punctuation and operators: ( ) , . ; + - * / % = <> != <= >= :: || … */
  | 'op'
  /** the statement terminator: `;`, or the client's DELIMITER */
  | 'terminator'
  /** `GO` (T-SQL) or `/` (Oracle) on a line of its own */
  | 'batch'
  /** `$tag$` opening / closing a PostgreSQL body; the tokens in between are the body's */
  | 'body-open'
  | 'body-close';

export interface Token {
  type: TokenType;
  /** UTF-16 offsets into the file text, half-open. */
  start: number;
  end: number;
  value: string;
}

const enum Ch {
  Tab = 9, Newline = 10, CarriageReturn = 13, Space = 32, Bang = 33, DoubleQuote = 34, Hash = 35, Dollar = 36,
  Percent = 37, Ampersand = 38, Quote = 39, OpenParen = 40, Star = 42, Plus = 43, Minus = 45, Dot = 46, Slash = 47,
  Zero = 48, Nine = 57, Colon = 58, Semicolon = 59, Less = 60, Equals = 61, Greater = 62, Question = 63, At = 64,
  UpperA = 65, UpperZ = 90, OpenBracket = 91, Backslash = 92, CloseBracket = 93, Caret = 94, Underscore = 95,
  Backtick = 96, LowerA = 97, LowerZ = 122, Pipe = 124, Tilde = 126,
}

const SECOND_OPERATOR_CHARS = new Set([...'=<>:|*&@~-'].map((c) => c.charCodeAt(0)));
const THREE_CHAR_OPERATORS = new Set(['<=>', '->>', '#>>', '!~*']);
const TWO_CHAR_OPERATORS = new Set(['<=', '>=', '<>', '!=', '!<', '!>', '::', '||', ':=', '=>', '->', '**', '<<', '>>', '&&', '==', '^=', '|=', '&=', '+=', '-=', '*=', '/=', '%=', '@>', '<@', '!~', '~*']);

function isIdentStart(code: number): boolean {
  return (code >= Ch.LowerA && code <= Ch.LowerZ) || (code >= Ch.UpperA && code <= Ch.UpperZ) || code === Ch.Underscore || (code > 127 && isLetter(code));
}

function isIdentPart(code: number): boolean {
  return isIdentStart(code) || (code >= Ch.Zero && code <= Ch.Nine) || code === Ch.Dollar || code === Ch.Hash || code === Ch.At;
}

function isDigit(code: number): boolean {
  return code >= Ch.Zero && code <= Ch.Nine;
}

const LETTER = /\p{L}/u;
function isLetter(code: number): boolean {
  return LETTER.test(String.fromCharCode(code));
}

function isSpace(code: number): boolean {
  return code === Ch.Space || code === Ch.Tab || code === Ch.Newline || code === Ch.CarriageReturn || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0xfeff;
}

export interface TokenizeResult {
  tokens: Token[];
  /** Whether the file writes `/` terminator lines (Oracle), which then end every PL/SQL unit. */
  slashTerminators: boolean;
}

export function tokenize(text: string, dialect: SqlDialect): TokenizeResult {
  const tokenizer = new Tokenizer(text, dialectSyntax(dialect));
  tokenizer.scan(0, text.length, true);
  return { tokens: tokenizer.tokens, slashTerminators: tokenizer.slashTerminators };
}

class Tokenizer {
  readonly tokens: Token[] = [];
  slashTerminators = false;
  private delimiter = ';';

  constructor(private readonly text: string, private readonly syntax: DialectSyntax) {}

  /** Tokenizes text[from, to). `topLevel` enables line directives (GO, /, DELIMITER), which never occur inside bodies. */
  scan(from: number, to: number, topLevel: boolean): void {
    const { text, syntax } = this;
    let i = from;
    let lineStart = true;
    while (i < to) {
      const code = text.charCodeAt(i);
      if (isSpace(code)) {
        if (code === Ch.Newline) lineStart = true;
        i++;
        continue;
      }
      if (topLevel && lineStart) {
        const directiveEnd = this.lineDirective(i, to);
        if (directiveEnd !== undefined) {
          i = directiveEnd;
          continue;
        }
      }
      lineStart = false;
      // Comments.
      if (code === Ch.Minus && text.charCodeAt(i + 1) === Ch.Minus) {
        i = this.lineEnd(i, to);
        continue;
      }
      if (code === Ch.Hash && syntax.hashComments) {
        i = this.lineEnd(i, to);
        continue;
      }
      if (code === Ch.Slash && text.charCodeAt(i + 1) === Ch.Star) {
        i = this.blockCommentEnd(i, to);
        continue;
      }
      // A client DELIMITER other than ';' ends statements wherever it appears outside strings and comments.
      if (this.delimiter !== ';' && text.startsWith(this.delimiter, i) && i + this.delimiter.length <= to) {
        this.push('terminator', i, i + this.delimiter.length, this.delimiter);
        i += this.delimiter.length;
        continue;
      }
      if (code === Ch.Quote) {
        i = this.quoted(i, to, Ch.Quote, 'string', syntax.backslashEscapes);
        continue;
      }
      if (code === Ch.DoubleQuote) {
        i = this.quoted(i, to, Ch.DoubleQuote, syntax.doubleQuotedStrings ? 'string' : 'quoted', syntax.doubleQuotedStrings && syntax.backslashEscapes);
        continue;
      }
      if (code === Ch.Backtick) {
        i = this.quoted(i, to, Ch.Backtick, 'quoted', false);
        continue;
      }
      if (code === Ch.OpenBracket && syntax.brackets) {
        i = this.bracketed(i, to);
        continue;
      }
      if (isIdentStart(code) || (code === Ch.Hash && isIdentPart(text.charCodeAt(i + 1)))) {
        i = this.word(i, to);
        continue;
      }
      if (isDigit(code) || (code === Ch.Dot && isDigit(text.charCodeAt(i + 1)))) {
        i = this.number(i, to);
        continue;
      }
      if (code === Ch.Dollar) {
        const next = this.dollar(i, to);
        if (next !== undefined) {
          i = next;
          continue;
        }
      }
      if (code === Ch.At) {
        let end = i + 1;
        if (text.charCodeAt(end) === Ch.At) end++;
        while (end < to && isIdentPart(text.charCodeAt(end))) end++;
        this.push(end > i + 1 ? 'variable' : 'op', i, end, text.slice(i, end));
        i = end;
        continue;
      }
      if (code === Ch.Colon && isIdentStart(text.charCodeAt(i + 1)) && text.charCodeAt(i - 1) !== Ch.Colon) {
        let end = i + 1;
        while (end < to && isIdentPart(text.charCodeAt(end))) end++;
        this.push('variable', i, end, text.slice(i, end));
        i = end;
        continue;
      }
      if (code === Ch.Question) {
        this.push('variable', i, i + 1, '?');
        i++;
        continue;
      }
      if (code === Ch.Semicolon) {
        this.push(this.delimiter === ';' ? 'terminator' : 'op', i, i + 1, ';');
        i++;
        // pg_dump: COPY … FROM stdin; is followed by rows of data up to a line holding only \.
        if (topLevel && this.tokens.length > 1 && this.tokens[this.tokens.length - 2]!.value === 'STDIN') {
          const end = text.indexOf('\n\\.', i);
          i = end === -1 || end >= to ? to : end + 3;
        }
        continue;
      }
      const next = text.charCodeAt(i + 1);
      if (i + 2 < to && SECOND_OPERATOR_CHARS.has(next) && THREE_CHAR_OPERATORS.has(text.slice(i, i + 3))) {
        this.push('op', i, i + 3, text.slice(i, i + 3));
        i += 3;
        continue;
      }
      if (i + 1 < to && SECOND_OPERATOR_CHARS.has(next)) {
        const two = text.slice(i, i + 2);
        if (TWO_CHAR_OPERATORS.has(two)) {
          this.push('op', i, i + 2, two);
          i += 2;
          continue;
        }
      }
      this.push('op', i, i + 1, text[i]!);
      i++;
    }
  }

  private push(type: TokenType, start: number, end: number, value: string): void {
    this.tokens.push({ type, start, end, value });
  }

  private lineEnd(i: number, to: number): number {
    const end = this.text.indexOf('\n', i);
    return end === -1 || end > to ? to : end;
  }

  private blockCommentEnd(i: number, to: number): number {
    const { text } = this;
    if (!this.syntax.nestedComments) {
      const close = text.indexOf('*/', i + 2);
      return close === -1 || close + 2 > to ? to : close + 2;
    }
    let depth = 0;
    let j = i;
    while (j < to) {
      const open = text.indexOf('/*', j);
      const close = text.indexOf('*/', j);
      if (close === -1 || close + 2 > to) return to;
      if (open !== -1 && open < close) {
        depth++;
        j = open + 2;
      } else {
        depth--;
        j = close + 2;
        if (depth === 0) return j;
      }
    }
    return to;
  }

  /** A '…', "…" or `…` token with doubled-quote escapes (and backslash escapes where the dialect has them). */
  private quoted(i: number, to: number, quote: number, type: 'string' | 'quoted', backslash: boolean, valueStart = i + 1, tokenStart = i): number {
    const { text } = this;
    let j = valueStart;
    let value = '';
    let chunk = j;
    while (j < to) {
      const code = text.charCodeAt(j);
      if (backslash && code === Ch.Backslash) {
        value += text.slice(chunk, j) + (text[j + 1] ?? '');
        j += 2;
        chunk = j;
        continue;
      }
      if (code === quote) {
        if (text.charCodeAt(j + 1) === quote && j + 1 < to) {
          value += text.slice(chunk, j + 1);
          j += 2;
          chunk = j;
          continue;
        }
        value += text.slice(chunk, j);
        this.push(type, tokenStart, j + 1, value);
        return j + 1;
      }
      j++;
    }
    value += text.slice(chunk, Math.min(j, to));
    this.push(type, tokenStart, to, value);
    return to;
  }

  private bracketed(i: number, to: number): number {
    const { text } = this;
    let j = i + 1;
    let value = '';
    let chunk = j;
    while (j < to) {
      if (text.charCodeAt(j) === Ch.CloseBracket) {
        if (text.charCodeAt(j + 1) === Ch.CloseBracket) {
          value += text.slice(chunk, j + 1);
          j += 2;
          chunk = j;
          continue;
        }
        this.push('quoted', i, j + 1, value + text.slice(chunk, j));
        return j + 1;
      }
      // An identifier never spans lines; a lone '[' (e.g. inside LIKE '[0-9]' handled as a string) stays punctuation.
      if (text.charCodeAt(j) === Ch.Newline) break;
      j++;
    }
    this.push('op', i, i + 1, '[');
    return i + 1;
  }

  private word(i: number, to: number): number {
    const { text } = this;
    let end = i + 1;
    while (end < to && isIdentPart(text.charCodeAt(end))) end++;
    const raw = text.slice(i, end);
    const next = text.charCodeAt(end);
    // String prefixes: N'…', E'…' (backslash escapes), X'…', B'…', U&'…'; Oracle q'[…]' and nq'[…]'.
    if (next === Ch.Quote && end - i <= 2) {
      const prefix = raw.toUpperCase();
      if (this.syntax.qQuotes && (prefix === 'Q' || prefix === 'NQ')) return this.qQuote(i, end, to);
      if (prefix === 'N' || prefix === 'X' || prefix === 'B' || prefix === 'E') {
        return this.quoted(end, to, Ch.Quote, 'string', prefix === 'E' || this.syntax.backslashEscapes, end + 1, i);
      }
    }
    this.push('word', i, end, raw.toUpperCase());
    return end;
  }

  private qQuote(i: number, quoteAt: number, to: number): number {
    const { text } = this;
    const open = text[quoteAt + 1] ?? '';
    const close = ({ '[': ']', '{': '}', '(': ')', '<': '>' } as Record<string, string>)[open] ?? open;
    const end = text.indexOf(`${close}'`, quoteAt + 2);
    const stop = end === -1 || end + 2 > to ? to : end + 2;
    this.push('string', i, stop, text.slice(quoteAt + 2, end === -1 ? to : end));
    return stop;
  }

  private number(i: number, to: number): number {
    const { text } = this;
    let end = i;
    if (text.charCodeAt(i) === Ch.Zero && (text[i + 1] === 'x' || text[i + 1] === 'X')) {
      end = i + 2;
      while (end < to && /[0-9a-fA-F]/.test(text[end]!)) end++;
    } else {
      while (end < to && isDigit(text.charCodeAt(end))) end++;
      if (text.charCodeAt(end) === Ch.Dot && text.charCodeAt(end + 1) !== Ch.Dot) {
        end++;
        while (end < to && isDigit(text.charCodeAt(end))) end++;
      }
      if ((text[end] === 'e' || text[end] === 'E') && (isDigit(text.charCodeAt(end + 1)) || ((text[end + 1] === '+' || text[end + 1] === '-') && isDigit(text.charCodeAt(end + 2))))) {
        end += 2;
        while (end < to && isDigit(text.charCodeAt(end))) end++;
      }
    }
    this.push('number', i, end, text.slice(i, end));
    return end;
  }

  /** `$1` parameters everywhere; `$tag$ … $tag$` bodies in PostgreSQL, whose content is tokenized as code. */
  private dollar(i: number, to: number): number | undefined {
    const { text } = this;
    if (isDigit(text.charCodeAt(i + 1))) {
      let end = i + 1;
      while (end < to && isDigit(text.charCodeAt(end))) end++;
      this.push('variable', i, end, text.slice(i, end));
      return end;
    }
    if (!this.syntax.dollarQuotes) return undefined;
    let end = i + 1;
    while (end < to && (isIdentStart(text.charCodeAt(end)) || isDigit(text.charCodeAt(end)))) end++;
    if (text.charCodeAt(end) !== Ch.Dollar) return undefined;
    const tag = text.slice(i, end + 1);
    const bodyStart = end + 1;
    const close = text.indexOf(tag, bodyStart);
    const bodyEnd = close === -1 || close + tag.length > to ? to : close;
    this.push('body-open', i, bodyStart, tag);
    this.scan(bodyStart, bodyEnd, false);
    if (bodyEnd === to) return to;
    this.push('body-close', bodyEnd, bodyEnd + tag.length, tag);
    return bodyEnd + tag.length;
  }

  /** GO / `/` batch lines and DELIMITER directives; returns where scanning resumes, or undefined. */
  private lineDirective(i: number, to: number): number | undefined {
    const { text, syntax } = this;
    const code = text.charCodeAt(i);
    if (syntax.goBatches && (code === 71 || code === 103)) {
      const match = /^GO(?:[ \t]+\d+)?[ \t]*(?:--[^\n]*)?(?=\r?\n|$)/iy;
      match.lastIndex = 0;
      const rest = text.slice(i, Math.min(to, i + 200));
      const found = match.exec(rest);
      if (found) {
        this.push('batch', i, i + 2, 'GO');
        return i + found[0].length;
      }
    }
    if (syntax.slashTerminator && code === Ch.Slash) {
      let j = i + 1;
      while (j < to && (text.charCodeAt(j) === Ch.Space || text.charCodeAt(j) === Ch.Tab || text.charCodeAt(j) === Ch.CarriageReturn)) j++;
      if (j >= to || text.charCodeAt(j) === Ch.Newline) {
        this.slashTerminators = true;
        this.push('batch', i, i + 1, '/');
        return j;
      }
    }
    if (syntax.delimiterDirective && (code === 68 || code === 100)) {
      const lineEnd = this.lineEnd(i, to);
      const match = /^DELIMITER[ \t]+(\S+)/i.exec(text.slice(i, lineEnd));
      if (match) {
        this.delimiter = match[1]!;
        return lineEnd;
      }
    }
    return undefined;
  }
}

/** Whether a token is one of the given keywords (upper case). Fixed arity: these run for every token. */
export function isWord(token: Token | undefined, a: string, b?: string, c?: string, d?: string, e?: string, f?: string, g?: string): boolean {
  if (token === undefined || token.type !== 'word') return false;
  const v = token.value;
  return v === a || v === b || v === c || v === d || v === e || v === f || v === g;
}

/** Whether a token is a word in the set. */
export function isWordIn(token: Token | undefined, words: ReadonlySet<string>): boolean {
  return token !== undefined && token.type === 'word' && words.has(token.value);
}

export function isOp(token: Token | undefined, a: string, b?: string): boolean {
  return token !== undefined && token.type === 'op' && (token.value === a || token.value === b);
}

/** An identifier's comparable name: unquoted, lower-cased. */
export function identName(token: Token): string {
  return token.value.toLowerCase();
}
