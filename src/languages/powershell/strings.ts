/**
 * PowerShell string literals: verbatim (`'…'`, `@'…'@`) and expandable (`"…"`, `@"…"@`) forms.
 * Expandable strings interpolate `$x`, `${x}` and `$( … )`; their literal pieces are decoded here
 * (backtick escapes, `""`), so a URL or SQL query written across interpolations still reads as text.
 */
import type { Node } from '@vscode/tree-sitter-wasm';

/** `'it''s'` → `it's`; `@'⏎…⏎'@` → the lines between the markers. */
export function verbatimValue(text: string): string {
  if (text.startsWith("@'")) return hereStringBody(text, "'@");
  return text.slice(1, -1).replace(/''/g, "'");
}

const BACKTICK_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** Resolves the backtick escapes and doubled quotes of a literal piece of an expandable string. */
export function decodeExpandable(piece: string, hereString: boolean): string {
  let out = piece.replace(/`(u\{[0-9a-fA-F]+\}|[\s\S])/g, (_, ch: string) => {
    if (ch.startsWith('u{')) return String.fromCodePoint(parseInt(ch.slice(2, -1), 16));
    return BACKTICK_ESCAPES[ch] ?? ch;
  });
  if (!hereString) out = out.replace(/""/g, '"');
  return out;
}

/** The text between a here-string's opening line and its closing marker. */
function hereStringBody(text: string, close: string): string {
  const firstBreak = text.indexOf('\n');
  const body = text.slice(firstBreak + 1, text.length - close.length);
  return body.replace(/\r?\n$/, '');
}

/**
 * Where the literal content of an expandable string starts and ends, as offsets into its text:
 * after `"` (or `@"` and the rest of its line), before `"` (or the line break before `"@`).
 */
export function expandableBounds(node: Node): { start: number; end: number; hereString: boolean } {
  const text = node.text;
  if (node.type === 'expandable_here_string_literal') {
    const start = text.indexOf('\n') + 1;
    const closing = text.lastIndexOf('"@');
    let end = closing;
    if (text[end - 1] === '\n') end -= 1;
    if (text[end - 1] === '\r') end -= 1;
    return { start, end: Math.max(start, end), hereString: true };
  }
  return { start: 1, end: text.length - 1, hereString: false };
}
