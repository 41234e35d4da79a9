import type { ParseProblem } from '../adapter.js';
import type { MapEntry, MapNode, ScalarNode, SeqNode, TreeNode } from './tree.js';

export type JsonParse = { ok: true; root: TreeNode } | { ok: false; problem: ParseProblem };

const MAX_DEPTH = 1000;

/**
 * A position-aware JSON reader: JSON.parse gives values but no offsets. It also takes what editors
 * write into `.json` files in practice (JSONC): `//` and `/* *\/` comments and trailing commas.
 */
export function parseJson(text: string): JsonParse {
  try {
    const reader = new JsonReader(text);
    reader.skipTrivia();
    if (reader.pos === text.length) throw new JsonError(reader.pos, 'empty document');
    const root = reader.value(0);
    reader.skipTrivia();
    if (reader.pos < text.length) throw new JsonError(reader.pos, `unexpected ${describe(text[reader.pos]!)} after the document`);
    return { ok: true, root };
  } catch (error) {
    if (!(error instanceof JsonError)) throw error;
    return { ok: false, problem: { span: { start: error.offset, end: Math.min(error.offset + 1, text.length) }, message: `invalid JSON: ${error.message}` } };
  }
}

class JsonError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

function describe(ch: string): string {
  return ch === '\n' ? 'line break' : `"${ch}"`;
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonReader {
  pos = 0;

  constructor(private readonly text: string) {}

  skipTrivia(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const ch = text.charCodeAt(this.pos);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 0xfeff) {
        this.pos++;
      } else if (ch === 47 && text[this.pos + 1] === '/') {
        const end = text.indexOf('\n', this.pos);
        this.pos = end < 0 ? text.length : end;
      } else if (ch === 47 && text[this.pos + 1] === '*') {
        const end = text.indexOf('*/', this.pos + 2);
        if (end < 0) throw new JsonError(this.pos, 'unterminated comment');
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }

  value(depth: number): TreeNode {
    if (depth > MAX_DEPTH) throw new JsonError(this.pos, `nesting deeper than ${MAX_DEPTH}`);
    const { text } = this;
    const ch = text[this.pos];
    if (ch === '{') return this.object(depth);
    if (ch === '[') return this.array(depth);
    if (ch === '"') return this.string();
    const start = this.pos;
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, start)) {
        this.pos += word.length;
        return { kind: 'scalar', span: { start, end: this.pos }, value };
      }
    }
    NUMBER.lastIndex = start;
    const number = NUMBER.exec(text);
    if (number) {
      this.pos += number[0].length;
      return { kind: 'scalar', span: { start, end: this.pos }, value: Number(number[0]) };
    }
    throw new JsonError(start, ch === undefined ? 'unexpected end of input' : `unexpected ${describe(ch)}`);
  }

  private object(depth: number): MapNode {
    const start = this.pos++;
    const entries: MapEntry[] = [];
    for (;;) {
      this.skipTrivia();
      if (this.text[this.pos] === '}') break;
      if (this.text[this.pos] !== '"') throw new JsonError(this.pos, this.pos >= this.text.length ? 'unexpected end of input' : `expected a property name, found ${describe(this.text[this.pos]!)}`);
      const key = this.string();
      this.skipTrivia();
      if (this.text[this.pos] !== ':') throw new JsonError(this.pos, `expected ":" after property name "${key.value as string}"`);
      this.pos++;
      this.skipTrivia();
      const value = this.value(depth + 1);
      entries.push({ key: key.value as string, keySpan: key.span, value, span: { start: key.span.start, end: value.span.end } });
      this.skipTrivia();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.text[this.pos] === '}') break;
      throw new JsonError(this.pos, this.pos >= this.text.length ? 'unexpected end of input, "}" expected' : `expected "," or "}", found ${describe(this.text[this.pos]!)}`);
    }
    this.pos++;
    return { kind: 'map', span: { start, end: this.pos }, entries };
  }

  private array(depth: number): SeqNode {
    const start = this.pos++;
    const items: TreeNode[] = [];
    for (;;) {
      this.skipTrivia();
      if (this.text[this.pos] === ']') break;
      items.push(this.value(depth + 1));
      this.skipTrivia();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.text[this.pos] === ']') break;
      throw new JsonError(this.pos, this.pos >= this.text.length ? 'unexpected end of input, "]" expected' : `expected "," or "]", found ${describe(this.text[this.pos]!)}`);
    }
    this.pos++;
    return { kind: 'seq', span: { start, end: this.pos }, items };
  }

  private string(): ScalarNode {
    const { text } = this;
    const start = this.pos++;
    let value = '';
    let chunk = this.pos;
    for (;;) {
      const ch = text[this.pos];
      if (ch === undefined || ch === '\n') throw new JsonError(start, 'unterminated string');
      if (ch === '"') break;
      if (ch === '\\') {
        value += text.slice(chunk, this.pos);
        const escape = text[this.pos + 1];
        if (escape === 'u') {
          const hex = text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonError(this.pos, 'invalid \\u escape');
          value += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
        } else if (escape !== undefined && escape in ESCAPES) {
          value += ESCAPES[escape];
          this.pos += 2;
        } else {
          throw new JsonError(this.pos, 'invalid escape');
        }
        chunk = this.pos;
        continue;
      }
      this.pos++;
    }
    value += text.slice(chunk, this.pos);
    this.pos++;
    return { kind: 'scalar', span: { start, end: this.pos }, value };
  }
}
