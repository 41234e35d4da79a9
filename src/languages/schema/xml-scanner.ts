import type { Span } from '../../types.js';
import type { ParseProblem } from '../adapter.js';

/**
 * A small, tolerant XML reader with offsets: elements, attributes and text, for XSD, Hibernate and
 * MyBatis mapping files. Comments, processing instructions and the DOCTYPE (with its internal subset)
 * are skipped; CDATA is text. It never resolves entities beyond the predefined and numeric ones, never
 * loads a DTD and never fetches anything. A mismatched end tag closes up to the element it names, or
 * is ignored, as browsers do; only text it cannot tokenize at all is a parse problem.
 */

export interface XmlAttribute {
  name: string;
  /** Value with predefined and numeric character references decoded. */
  value: string;
  /** From the attribute name to the closing quote. */
  span: Span;
  /** Inside the quotes. */
  valueSpan: Span;
}

export interface XmlText {
  value: string;
  /** Raw source range (for CDATA, inside the brackets). */
  span: Span;
}

export interface XmlElement {
  name: string;
  prefix: string;
  localName: string;
  /** `<name`: from the `<` to the end of the name. */
  openSpan: Span;
  attributes: XmlAttribute[];
  children: XmlElement[];
  texts: XmlText[];
  parent: XmlElement | undefined;
}

export interface XmlDocument {
  root: XmlElement | undefined;
  /** Every element in document order. */
  elements: XmlElement[];
}

export type XmlScan = { ok: true; document: XmlDocument } | { ok: false; problem: ParseProblem };

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ATTRIBUTE = /\s*([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

export function scanXml(text: string): XmlScan {
  const elements: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const problem = (at: number, message: string): XmlScan => ({ ok: false, problem: { span: { start: at, end: at + 1 }, message: `XML syntax error: ${message}` } });
  const addText = (start: number, end: number, raw: string): void => {
    const current = stack[stack.length - 1];
    if (current && raw.trim()) current.texts.push({ value: decodeEntities(raw), span: { start, end } });
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      addText(i, text.length, text.slice(i));
      break;
    }
    if (lt > i) addText(i, lt, text.slice(i, lt));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return problem(lt, 'unterminated comment');
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) return problem(lt, 'unterminated CDATA section');
      const current = stack[stack.length - 1];
      if (current) current.texts.push({ value: text.slice(lt + 9, end), span: { start: lt + 9, end } });
      i = end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) return problem(lt, 'unterminated processing instruction');
      i = end + 2;
    } else if (text.startsWith('<!', lt)) {
      const end = declarationEnd(text, lt + 2);
      if (end < 0) return problem(lt, 'unterminated declaration');
      i = end + 1;
    } else if (text[lt + 1] === '/') {
      NAME.lastIndex = lt + 2;
      const name = NAME.exec(text)?.[0];
      const end = text.indexOf('>', lt);
      if (!name || end < 0) return problem(lt, 'malformed end tag');
      const open = stack.map((element) => element.name).lastIndexOf(name);
      if (open >= 0) stack.length = open;
      i = end + 1;
    } else {
      NAME.lastIndex = lt + 1;
      const name = NAME.exec(text)?.[0];
      if (!name) {
        // A stray `<` in text (invalid XML, but common in hand-written SQL bodies): keep it as text.
        addText(lt, lt + 1, '<');
        i = lt + 1;
        continue;
      }
      const colon = name.indexOf(':');
      const element: XmlElement = {
        name, prefix: colon < 0 ? '' : name.slice(0, colon), localName: colon < 0 ? name : name.slice(colon + 1),
        openSpan: { start: lt, end: lt + 1 + name.length }, attributes: [], children: [], texts: [], parent: stack[stack.length - 1],
      };
      let j = lt + 1 + name.length;
      for (;;) {
        ATTRIBUTE.lastIndex = j;
        const attribute = ATTRIBUTE.exec(text);
        if (!attribute) break;
        const raw = attribute[2] ?? attribute[3] ?? '';
        const nameStart = attribute.index + attribute[0].length - attribute[0].trimStart().length;
        const valueEnd = attribute.index + attribute[0].length - 1;
        element.attributes.push({
          name: attribute[1]!, value: decodeEntities(raw),
          span: { start: nameStart, end: valueEnd + 1 }, valueSpan: { start: valueEnd - raw.length, end: valueEnd },
        });
        j = ATTRIBUTE.lastIndex;
      }
      while (j < text.length && /\s/.test(text[j]!)) j++;
      const selfClosing = text.startsWith('/>', j);
      if (!selfClosing && text[j] !== '>') {
        const end = tagEnd(text, j);
        if (end < 0) return problem(lt, `unterminated start tag <${name}>`);
        j = end - (text[end - 1] === '/' ? 1 : 0);
      }
      const closes = text.startsWith('/>', j);
      i = j + (closes ? 2 : 1);
      elements.push(element);
      if (element.parent) element.parent.children.push(element);
      else root ??= element;
      if (!closes) stack.push(element);
    }
  }
  return { ok: true, document: { root, elements } };
}

/** The `>` that ends a `<!DOCTYPE …>` or other declaration, past quoted strings and an internal `[…]` subset. */
export function declarationEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '>' && depth <= 0) return i;
  }
  return -1;
}

/** The `>` that ends a start tag whose attributes did not all parse (unquoted or malformed values). */
function tagEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (ch === '>') return i;
    else if (ch === '<') return -1;
  }
  return -1;
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(\w+));/g, (whole, hex: string | undefined, decimal: string | undefined, named: string | undefined) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (decimal) return String.fromCodePoint(parseInt(decimal, 10));
    return PREDEFINED[named!] ?? whole;
  });
}

export function attributeOf(element: XmlElement, name: string): XmlAttribute | undefined {
  return element.attributes.find((attribute) => attribute.name === name);
}

/** The namespace URI a prefix ('' for the default namespace) is bound to where `element` stands. */
export function namespaceOf(element: XmlElement, prefix: string): string | undefined {
  const declaration = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let at: XmlElement | undefined = element; at; at = at.parent) {
    const bound = attributeOf(at, declaration);
    if (bound) return bound.value;
  }
  return undefined;
}
