import type { Finding, SourceFrame } from '../types.js';

/**
 * How `Finding.snippet` and `Finding.frame` are computed, in one place, so the engine (which holds
 * each file's text) and any other producer agree byte for byte.
 *
 * - `snippet`: the text of line `finding.line` without its terminator. A line longer than
 *   MAX_LINE_LENGTH UTF-16 units (generated code) is cut to MAX_LINE_LENGTH units starting
 *   CONTEXT_BEFORE_COLUMN units before the finding's column, marked with `…` where cut.
 * - `frame`: lines `line - FRAME_CONTEXT_LINES` … `min(endLine, line + MAX_FRAME_SPAN) + FRAME_CONTEXT_LINES`,
 *   clamped to the file; every line cut like a snippet (lines other than the finding's are cut from
 *   their start).
 */
export const FRAME_CONTEXT_LINES = 2;
export const MAX_FRAME_SPAN = 8;
export const MAX_LINE_LENGTH = 400;
const CONTEXT_BEFORE_COLUMN = 120;

/** What the engine's SourceText offers (src/engine/source-text.ts): a 1-based line accessor. */
export interface LineSource {
  line(lineNumber: number): string;
  readonly lineCount: number;
}

export function cutLine(text: string, column = 1): string {
  if (text.length <= MAX_LINE_LENGTH) return text;
  const start = Math.max(0, Math.min(column - 1 - CONTEXT_BEFORE_COLUMN, text.length - MAX_LINE_LENGTH));
  const end = start + MAX_LINE_LENGTH;
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

export function snippetFor(source: LineSource, finding: Pick<Finding, 'line' | 'column'>): string {
  return cutLine(source.line(finding.line), finding.column);
}

export function frameFor(source: LineSource, finding: Pick<Finding, 'line' | 'column' | 'endLine'>): SourceFrame {
  const startLine = Math.max(1, finding.line - FRAME_CONTEXT_LINES);
  const lastLine = Math.min(source.lineCount, Math.min(Math.max(finding.endLine, finding.line), finding.line + MAX_FRAME_SPAN) + FRAME_CONTEXT_LINES);
  const lines: string[] = [];
  for (let line = startLine; line <= lastLine; line++) lines.push(cutLine(source.line(line), line === finding.line ? finding.column : 1));
  return { startLine, lines };
}

/** Splits a file's text into lines the way the engine's SourceText does (`\n`, `\r\n` and lone `\r`). */
export function lineSource(text: string): LineSource {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: (n) => lines[n - 1] ?? '', lineCount: lines.length };
}

/**
 * Fills `snippet` and `frame` on findings that lack them, from each file's text (`readText` returns
 * undefined for a file it cannot read; those findings are left as they are). Findings are copied.
 */
export function withSourceContext<T extends Finding>(findings: readonly T[], readText: (file: string) => string | undefined): T[] {
  const sources = new Map<string, LineSource | undefined>();
  return findings.map((finding) => {
    if (finding.snippet !== undefined && finding.frame !== undefined) return finding;
    if (!sources.has(finding.file)) {
      const text = readText(finding.file);
      sources.set(finding.file, text === undefined ? undefined : lineSource(text));
    }
    const source = sources.get(finding.file);
    if (!source) return finding;
    return { ...finding, snippet: finding.snippet ?? snippetFor(source, finding), frame: finding.frame ?? frameFor(source, finding) };
  });
}
