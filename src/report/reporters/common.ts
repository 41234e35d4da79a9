import type { Verdict } from '../../types.js';
import type { Assessment, RuleDescriptor } from '../assessment.js';
import type { ChecklistStatus } from '../checklist.js';

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  ready: 'Ready',
  'ready-with-warnings': 'Ready with warnings',
  blocked: 'Blocked',
};

export const STATUS_LABEL: Readonly<Record<ChecklistStatus, string>> = {
  action: 'Action needed',
  ok: 'OK',
  info: 'Info',
  unknown: 'Not answered',
  advice: 'To do',
};

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "12 errors, 0 warnings, 0 notes, 1 suppressed" */
export function countsLine(assessment: Assessment, separator = ', '): string {
  const { summary } = assessment;
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), plural(summary.notes, 'note')];
  if (summary.suppressed) parts.push(`${summary.suppressed} suppressed`);
  return parts.join(separator);
}

export function rulesById(assessment: Assessment): Map<string, RuleDescriptor> {
  return new Map(assessment.rules.map((rule) => [rule.id, rule]));
}

/** A forward-slash relative path as a URI reference: each segment percent-encoded (parentheses too), `/` kept. */
export function encodePath(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()'*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** A link to a file and line: under `linkBase` when given (e.g. a GitHub blob URL), else relative. */
export function fileLink(file: string, line: number | undefined, linkBase: string | undefined): string {
  const base = linkBase ? (linkBase.endsWith('/') ? linkBase : `${linkBase}/`) : '';
  return `${base}${encodePath(file)}${line ? `#L${line}` : ''}`;
}

/** Where a code span opened by a run of `length` backticks closes (a run of exactly that length), or -1. */
export function closingRun(text: string, from: number, length: number): number {
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let match = runs.exec(text); match; match = runs.exec(text)) {
    if (match[0].length === length) return match.index;
  }
  return -1;
}
