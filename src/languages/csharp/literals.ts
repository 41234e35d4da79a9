/**
 * C# string and character literal values: regular (`"a\tb"`), verbatim (`@"C:\x"`, `""` for a
 * quote), raw (`"""…"""`) and the literal pieces of interpolated strings (`$"…{x}…"`, `{{` for a brace).
 */
import type { Node } from '@vscode/tree-sitter-wasm';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "'": "'", '"': '"', '\\': '\\', '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** Resolves `\n`, `\"`, `\u0041`, `\U0001F600`, `\x41`; unknown escapes keep their character. */
export function unescapeRegular(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{1,4}|.)/gs, (_, esc: string) => {
    if (esc.length > 1) {
      const code = Number.parseInt(esc.slice(1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : esc;
    }
    return SIMPLE_ESCAPES[esc] ?? esc;
  });
}

/** The raw text's common indentation (set by the closing delimiter's line) and the first/last line breaks are not content. */
function rawContent(text: string): string {
  const quotes = /^"+/.exec(text)?.[0].length ?? 3;
  const inner = text.slice(quotes, text.length - quotes);
  if (!inner.includes('\n')) return inner;
  const lines = inner.split(/\r?\n/);
  const indent = /^[ \t]*$/.test(lines[lines.length - 1]!) ? lines[lines.length - 1]! : '';
  const body = lines.slice(1, /^[ \t]*$/.test(lines[lines.length - 1]!) ? -1 : undefined);
  return body.map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart())).join('\n');
}

/** The value of a `string_literal`, `verbatim_string_literal`, `raw_string_literal` or `character_literal` node. */
export function literalValue(node: Node): string {
  const text = node.text.replace(/u8$/, '');
  switch (node.type) {
    case 'verbatim_string_literal':
      return text.slice(2, -1).replace(/""/g, '"');
    case 'raw_string_literal':
      return rawContent(text);
    case 'character_literal':
      return unescapeRegular(text.slice(1, -1));
    default:
      return unescapeRegular(text.slice(1, -1));
  }
}

export const STRING_LITERAL_TYPES: ReadonlySet<string> = new Set(['string_literal', 'verbatim_string_literal', 'raw_string_literal']);

/** One literal piece of an interpolated string: consecutive `string_content`/`escape_sequence` nodes. */
export interface TemplatePiece {
  value: string;
  start: number;
  end: number;
  /** The first node of the piece, for memoising its string expression. */
  first: Node;
}

/**
 * The literal pieces and embedded expressions of an `interpolated_string_expression`, in order.
 * `$@"…"` / `@$"…"` are verbatim (`""` is a quote), `$"""…"""` raw; `{{` is a brace except in raw strings.
 */
export function interpolationParts(node: Node): (TemplatePiece | Node)[] {
  const start = node.children.find((child) => child?.type === 'interpolation_start')?.text ?? '$';
  const raw = node.children.some((child) => child?.type === 'interpolation_quote' && child.text.length >= 3);
  const verbatim = start.includes('@');
  const parts: (TemplatePiece | Node)[] = [];
  let piece: TemplatePiece | undefined;
  for (const child of node.children) {
    if (!child) continue;
    if (child.type === 'string_content' || child.type === 'escape_sequence') {
      let value = child.text;
      if (child.type === 'escape_sequence') value = verbatim || raw ? value : unescapeRegular(value);
      else if (!raw) value = (verbatim ? value.replace(/""/g, '"') : value).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      if (piece) {
        piece.value += value;
        piece.end = child.endIndex;
      } else {
        piece = { value, start: child.startIndex, end: child.endIndex, first: child };
        parts.push(piece);
      }
    } else if (child.type === 'interpolation') {
      piece = undefined;
      parts.push(child);
    }
  }
  return parts;
}
