/**
 * PHP string literal values: escapes resolved the way PHP does, so that regex patterns, SQL and
 * XML snippets reach the analysis as the program sees them (`"lsid=\"(\d+)\""` → `lsid="(\d+)"`).
 */

/** Single quotes: only `\'` and `\\` are escapes; every other backslash stays. */
export function singleQuotedValue(raw: string): string {
  return raw.replace(/\\([\\'])/g, '$1');
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', v: '\v', e: '\x1b', f: '\f', '\\': '\\', $: '$', '"': '"',
};

/**
 * Double quotes and heredoc bodies: `\n`, `\x41`, `\101`, `\u{263A}`…; an unknown escape keeps its
 * backslash (`"\d+"` is `\d+`), which is why PHP regexes survive in double quotes.
 * `quote` is false for heredocs, where `\"` is not an escape.
 */
export function doubleQuotedValue(raw: string, quote = true): string {
  return raw.replace(/\\(u\{[0-9A-Fa-f]+\}|x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|[\s\S])/g, (whole, esc: string) => {
    if (esc.startsWith('u{')) return String.fromCodePoint(parseInt(esc.slice(2, -1), 16));
    if (/^x[0-9A-Fa-f]/.test(esc)) return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (/^[0-7]/.test(esc)) return String.fromCharCode(parseInt(esc, 8) & 0xff);
    if (esc === '"' && !quote) return whole;
    return SIMPLE_ESCAPES[esc] ?? whole;
  });
}

/**
 * Flexible heredoc (PHP 7.3+): the closing marker's indentation is removed from every line of the
 * body. `atLineStart` says whether `text` starts at the beginning of a body line.
 */
export function dedent(text: string, indent: number, atLineStart: boolean): string {
  if (indent <= 0) return text;
  const strip = new RegExp(`(\\n|^)[ \\t]{0,${indent}}`, 'g');
  if (atLineStart) return text.replace(strip, '$1');
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0) return text;
  return text.slice(0, firstBreak) + text.slice(firstBreak).replace(strip, '$1');
}
