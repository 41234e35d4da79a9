import type { CommentSyntax } from '../languages/adapter.js';
import { SourceText } from './source-text.js';

/**
 * An inline `lsid-lint-disable-*` comment. Positions are those of the whole comment (1-based, end exclusive).
 * `next-line` covers the line after the comment ends, `line` the line it starts on, `file` everything.
 */
export interface Directive {
  kind: 'next-line' | 'line' | 'file';
  rules: string[] | 'all';
  reason?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  used: boolean;
}

export interface SuppressionOutcome<F> {
  findings: F[];
  unused: Directive[];
}

interface Comment {
  start: number;
  end: number;
  body: string;
}

const DIRECTIVE = /^lsid-lint-disable-(next-line|line|file)(?=\s|$)/;
/**
 * `--` separates the rule list from the reason, as in ESLint; a single `-` works too, because XML comments
 * may not contain `--`. Rule ids never hold a hyphen between spaces, so this is unambiguous.
 */
const REASON_SEPARATOR = /\s-+(?:\s|$)/;

/** Finds the directives in the file's real comments; text inside string literals is never a directive. */
export function parseDirectives(text: string, comments: CommentSyntax): Directive[] {
  // Most files have no directive; skip tokenizing them.
  if (!text.includes('lsid-lint-disable-')) return [];
  const source = new SourceText(text);
  const directives: Directive[] = [];
  for (const comment of findComments(text, comments)) {
    const parsed = parseBody(comment.body.trim());
    if (parsed === undefined) continue;
    const start = source.position(comment.start);
    const end = source.position(comment.end);
    directives.push({ ...parsed, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, used: false });
  }
  return directives;
}

function parseBody(body: string): Pick<Directive, 'kind' | 'rules' | 'reason'> | undefined {
  const match = DIRECTIVE.exec(body);
  if (!match) return undefined;
  const rest = body.slice(match[0].length);
  const separator = REASON_SEPARATOR.exec(rest);
  const ruleList = separator ? rest.slice(0, separator.index) : rest;
  // Block comments may span lines, so a reason is folded onto one line.
  const reason = separator ? rest.slice(separator.index + separator[0].length).replace(/\s+/g, ' ').trim() : '';
  const rules = ruleList.split(/[\s,]+/).filter(Boolean);
  return {
    kind: match[1] as Directive['kind'],
    rules: rules.length > 0 ? rules : 'all',
    ...(reason ? { reason } : {}),
  };
}

/**
 * A small tokenizer: CommentSyntax says nothing about strings, so they are inferred. Markup (block comments
 * only, e.g. XML) has no strings that can hide a comment; `'` and `"` strings end at a line break, which bounds
 * the damage of a stray apostrophe or of a non-backslash escape (SQL `''`, PowerShell backtick); languages
 * with `//` comments also get backtick strings, which span lines (JS templates, Go raw strings).
 * Known blind spots: comments inside `${…}` of a template, and JS regex literals containing quotes or `/*`.
 */
function findComments(text: string, syntax: CommentSyntax): Comment[] {
  const quotes = syntax.line.length === 0 ? [] : syntax.line.includes('//') ? ["'", '"', '`'] : ["'", '"'];
  const openers = [...syntax.line, ...syntax.block.map(([open]) => open), ...quotes].sort((a, b) => b.length - a.length);
  if (openers.length === 0) return [];
  const scanner = new RegExp(openers.map(escapeRegExp).join('|'), 'g');
  const comments: Comment[] = [];
  for (let match = scanner.exec(text); match !== null; match = scanner.exec(text)) {
    const opener = match[0];
    const start = match.index;
    const bodyStart = start + opener.length;
    let end: number;
    if (quotes.includes(opener)) {
      end = stringEnd(text, bodyStart, opener);
    } else if (syntax.line.includes(opener)) {
      end = lineEnd(text, bodyStart);
      comments.push({ start, end, body: text.slice(bodyStart, end) });
    } else {
      const close = syntax.block.find(([open]) => open === opener)![1];
      const closeAt = text.indexOf(close, bodyStart);
      end = closeAt === -1 ? text.length : closeAt + close.length;
      comments.push({ start, end, body: text.slice(bodyStart, closeAt === -1 ? end : closeAt) });
    }
    scanner.lastIndex = end;
  }
  return comments;
}

/** Offset just past the closing quote; backslash escapes; `'`/`"` strings stop at a line break. */
function stringEnd(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === quote) return i + 1;
    else if ((ch === '\n' || ch === '\r') && quote !== '`') return i;
  }
  return text.length;
}

function lineEnd(text: string, from: number): number {
  const lineBreak = /[\r\n]/g;
  lineBreak.lastIndex = from;
  return lineBreak.exec(text)?.index ?? text.length;
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Marks the findings a directive covers as suppressed, in place (suppressed = true, plus the reason), and
 * returns them with the directives that suppressed nothing. A finding is covered by the line it starts on.
 * A directive listing several rules counts as used when any one of them suppressed something; every
 * directive covering a finding counts as used, so a redundant one is not reported as unused.
 * resolveId maps an alias to its canonical id (identity for unknown ids).
 */
export function applySuppressions<F extends { ruleId: string; line: number; suppressed: boolean; suppressionReason?: string }>(
  findings: F[],
  directives: Directive[],
  resolveId: (id: string) => string,
): SuppressionOutcome<F> {
  const ruleSets = new Map(directives.map((d) => [d, d.rules === 'all' ? 'all' : new Set(d.rules.map(resolveId))] as const));
  for (const finding of findings) {
    const ruleId = resolveId(finding.ruleId);
    const covering = directives.filter((d) => {
      const rules = ruleSets.get(d)!;
      return coversLine(d, finding.line) && (rules === 'all' || rules.has(ruleId));
    });
    if (covering.length === 0) continue;
    for (const directive of covering) directive.used = true;
    finding.suppressed = true;
    // A line-scoped directive's reason is more specific than a file-wide one.
    const reason = covering.find((d) => d.kind !== 'file' && d.reason)?.reason ?? covering.find((d) => d.reason)?.reason;
    if (reason !== undefined) finding.suppressionReason = reason;
  }
  return { findings, unused: directives.filter((d) => !d.used) };
}

function coversLine(directive: Directive, line: number): boolean {
  switch (directive.kind) {
    case 'file':
      return true;
    case 'line':
      return line === directive.line;
    case 'next-line':
      return line === directive.endLine + 1;
  }
}
