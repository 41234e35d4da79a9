import { namedSubject } from '../../knowledge/names.js';
import type { Span } from '../../types.js';
import type { LanguageAdapter, ParseProblem } from '../adapter.js';
import { FactsBuilder, emptyFacts } from './facts.js';
import { GRAPHQL_NUMERIC_TYPES } from './numeric.js';

/**
 * GraphQL SDL and operation documents (`.graphql`, `.gql`, `.graphqls`): fields, arguments, input
 * fields and operation variables named like an LSID and typed `Int`/`Float` (or a numeric custom
 * scalar such as `Long`) are `numeric-type` uses. `ID` serializes as a string and is fine. The
 * finding covers the type reference (`Int!`, `[Int!]!`).
 */
export const graphqlAdapter: LanguageAdapter = {
  id: 'graphql',
  extensions: ['.graphql', '.gql', '.graphqls'],
  comments: { line: ['#'], block: [] },
  contextScope: 'project',
  analyze({ text, context }) {
    const lexed = lex(text);
    if (!lexed.ok) return { facts: emptyFacts(), parseError: lexed.problem };
    const out = new FactsBuilder(context);
    for (const token of lexed.tokens) {
      if (token.type === 'name') out.name(token.value, token);
      else if (token.type === 'string') out.text(token.value, token);
    }
    new Parser(lexed.tokens, text, out).document();
    return { facts: out.facts() };
  },
};

interface Token extends Span {
  type: 'name' | 'punct' | 'string' | 'number';
  value: string;
}

type Lexed = { ok: true; tokens: Token[] } | { ok: false; problem: ParseProblem };

const PUNCTUATORS = new Set(['!', '$', '&', '(', ')', ':', '=', '@', '[', ']', '{', '|', '}']);
const NAME = /[_A-Za-z][_0-9A-Za-z]*/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function lex(text: string): Lexed {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (at: number, message: string): Lexed => ({ ok: false, problem: { span: { start: at, end: at + 1 }, message: `GraphQL syntax error: ${message}` } });
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === ',' || ch === '\ufeff') {
      i++;
    } else if (ch === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (text.startsWith('"""', i)) {
      let end = i + 3;
      for (;;) {
        end = text.indexOf('"""', end);
        if (end < 0) return fail(i, 'unterminated block string');
        if (text[end - 1] === '\\') end += 3;
        else break;
      }
      tokens.push({ type: 'string', value: text.slice(i + 3, end).replace(/\\"""/g, '"""'), start: i, end: end + 3 });
      i = end + 3;
    } else if (ch === '"') {
      let end = i + 1;
      let value = '';
      while (end < text.length && text[end] !== '"' && text[end] !== '\n') {
        if (text[end] === '\\') {
          value += text[end + 1] ?? '';
          end += 2;
        } else {
          value += text[end++];
        }
      }
      if (text[end] !== '"') return fail(i, 'unterminated string');
      tokens.push({ type: 'string', value, start: i, end: end + 1 });
      i = end + 1;
    } else if (text.startsWith('...', i)) {
      tokens.push({ type: 'punct', value: '...', start: i, end: i + 3 });
      i += 3;
    } else if (PUNCTUATORS.has(ch)) {
      tokens.push({ type: 'punct', value: ch, start: i, end: i + 1 });
      i++;
    } else {
      NAME.lastIndex = i;
      NUMBER.lastIndex = i;
      const name = NAME.exec(text);
      const number = name ? null : NUMBER.exec(text);
      const match = name ?? number;
      if (!match) return fail(i, `unexpected character "${ch}"`);
      tokens.push({ type: name ? 'name' : 'number', value: match[0], start: i, end: i + match[0].length });
      i += match[0].length;
    }
  }
  return { ok: true, tokens };
}

interface TypeRef {
  name: string;
  listDepth: number;
  span: Span;
}

/** A forgiving recursive-descent reader: it skips what it does not understand instead of failing. */
class Parser {
  private i = 0;

  constructor(private readonly tokens: readonly Token[], private readonly text: string, private readonly out: FactsBuilder) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private is(value: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token !== undefined && token.type !== 'string' && token.value === value;
  }

  private isName(offset = 0): boolean {
    return this.peek(offset)?.type === 'name';
  }

  document(): void {
    while (this.i < this.tokens.length) {
      const token = this.peek()!;
      if (token.type === 'string' || this.is('extend')) {
        this.i++;
      } else if (token.type === 'name' && (token.value === 'type' || token.value === 'interface' || token.value === 'input')) {
        this.i += 2;
        while (this.i < this.tokens.length && !this.is('{')) {
          if (this.is('@')) this.directive();
          else if ((this.isName() && !isDefinitionKeyword(this.peek()!.value)) || this.is('&')) this.i++;
          else break;
        }
        if (this.is('{')) this.fields();
      } else if (token.type === 'name' && (token.value === 'query' || token.value === 'mutation' || token.value === 'subscription')) {
        this.i++;
        if (this.isName()) this.i++;
        if (this.is('(')) this.variables();
        this.directives();
        if (this.is('{')) this.skipBalanced();
      } else if (token.type === 'name' && token.value === 'directive') {
        this.i += 3; // directive @name
        if (this.is('(')) this.inputValues(')');
      } else if (this.is('{')) {
        this.skipBalanced();
      } else {
        this.i++;
      }
    }
  }

  /** `{ name(args): Type = default @directive … }` of a type, interface or input. */
  private fields(): void {
    this.i++;
    while (this.i < this.tokens.length && !this.is('}')) {
      if (this.peek()!.type === 'string') {
        this.i++;
        continue;
      }
      if (!this.isName()) {
        this.i++;
        continue;
      }
      const name = this.peek()!;
      this.i++;
      if (this.is('(')) this.inputValues(')');
      if (!this.is(':')) continue;
      this.i++;
      const type = this.typeRef();
      if (type) this.check(name.value, type);
      if (this.is('=')) {
        this.i++;
        this.skipValue();
      }
      this.directives();
    }
    this.i++;
  }

  /** Arguments `(name: Type = default @directive, …)`. */
  private inputValues(close: string): void {
    this.i++;
    while (this.i < this.tokens.length && !this.is(close)) {
      if (this.isName() && this.is(':', 1)) {
        const name = this.peek()!;
        this.i += 2;
        this.typedValue(name.value);
      } else {
        this.i++;
      }
    }
    this.i++;
  }

  /** After `name:`: the type (checked), an optional `= default` and directives. */
  private typedValue(name: string): void {
    const type = this.typeRef();
    if (type) this.check(name, type);
    if (this.is('=')) {
      this.i++;
      this.skipValue();
    }
    this.directives();
  }

  /** Operation variables `($lsid: Int!, …)`. */
  private variables(): void {
    this.i++;
    while (this.i < this.tokens.length && !this.is(')')) {
      if (this.is('$') && this.isName(1) && this.is(':', 2)) {
        const name = this.peek(1)!;
        this.i += 3;
        this.typedValue(`$${name.value}`);
      } else {
        this.i++;
      }
    }
    this.i++;
  }

  private typeRef(): TypeRef | undefined {
    const start = this.peek()?.start;
    let listDepth = 0;
    while (this.is('[')) {
      listDepth++;
      this.i++;
    }
    if (!this.isName() || start === undefined) return undefined;
    const name = this.peek()!.value;
    let end = this.peek()!.end;
    this.i++;
    if (this.is('!')) end = this.tokens[this.i++]!.end;
    for (let depth = 0; depth < listDepth && this.is(']'); depth++) {
      end = this.tokens[this.i++]!.end;
      if (this.is('!')) end = this.tokens[this.i++]!.end;
    }
    return { name, listDepth, span: { start, end } };
  }

  private check(name: string, type: TypeRef): void {
    const shape = namedSubject(name, 'lsid');
    if (!shape || (shape === 'collection') !== type.listDepth > 0 || !GRAPHQL_NUMERIC_TYPES.has(type.name)) return;
    this.out.use('lsid', 'numeric-type', type.span, `${name}: ${this.text.slice(type.span.start, type.span.end)}`, name);
  }

  private directives(): void {
    while (this.is('@')) this.directive();
  }

  private directive(): void {
    this.i += 2;
    if (this.is('(')) this.skipBalanced();
  }

  private skipValue(): void {
    if (this.is('$')) this.i += 2;
    else if (this.is('[') || this.is('{')) this.skipBalanced();
    else this.i++;
  }

  /** Skips from an opening bracket to its partner. */
  private skipBalanced(): void {
    let depth = 0;
    do {
      const token = this.peek();
      if (!token) return;
      if (token.type === 'punct' && (token.value === '{' || token.value === '(' || token.value === '[')) depth++;
      else if (token.type === 'punct' && (token.value === '}' || token.value === ')' || token.value === ']')) depth--;
      this.i++;
    } while (depth > 0);
  }
}

function isDefinitionKeyword(name: string): boolean {
  return ['type', 'interface', 'input', 'enum', 'union', 'scalar', 'schema', 'directive', 'extend', 'query', 'mutation', 'subscription', 'fragment'].includes(name);
}
