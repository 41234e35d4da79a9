import { fingerprints } from '../report/fingerprint.js';
import type { Finding } from '../types.js';

/**
 * The committed baseline of known findings (`--baseline <file>`, written by `--update-baseline`).
 * Entries are keyed by the fingerprint of src/report/fingerprint.ts, which has no line or column in
 * it, so a baselined finding stays matched when code moves up or down or unrelated lines change.
 * Pure functions; the caller reads and writes the file.
 */
export interface BaselineEntry {
  ruleId: string;
  file: string;
  fingerprint: string;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

/** What applying a baseline found: the findings (matched ones marked `baselined`), and the entries that matched nothing. */
export interface BaselineResult {
  findings: Finding[];
  matched: number;
  stale: BaselineEntry[];
}

/** A baseline file that is missing, unreadable or malformed (a usage error: exit 2). */
export class BaselineError extends Error {
  override name = 'BaselineError';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return compareText(a.file, b.file) || compareText(a.ruleId, b.ruleId) || compareText(a.fingerprint, b.fingerprint);
}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.ruleId === 'string' && typeof entry.file === 'string' && typeof entry.fingerprint === 'string';
}

/** Parses the text of a baseline file; `name` is used in error messages. */
export function parseBaseline(text: string, name: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`baseline ${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const object = data as { version?: unknown; entries?: unknown } | null;
  if (typeof object !== 'object' || object === null || object.version !== 1) {
    throw new BaselineError(`baseline ${name} must be an object with "version": 1`);
  }
  if (!Array.isArray(object.entries) || !object.entries.every(isEntry)) {
    throw new BaselineError(`baseline ${name} must have "entries": an array of { "ruleId", "file", "fingerprint" } strings`);
  }
  return { version: 1, entries: object.entries.map(({ ruleId, file, fingerprint }) => ({ ruleId, file, fingerprint })) };
}

/** Reads and parses a baseline through `read` (which rejects with an ENOENT-coded error for a missing file). */
export async function loadBaseline(file: string, read: (file: string) => Promise<string>, name = file): Promise<Baseline> {
  let text: string;
  try {
    text = await read(file);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT') throw new BaselineError(`baseline ${name} not found (create it with --update-baseline)`);
    throw new BaselineError(`cannot read baseline ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseBaseline(text, name);
}

/**
 * Which baseline entries a run can judge: those for files it scanned (and files that no longer
 * exist). A run restricted to some paths (or `--changed-since`) neither reports the other entries as
 * stale nor drops them when updating. Everything is in scope when not given.
 */
export type BaselineScope = (file: string) => boolean;

/**
 * The baseline of the unsuppressed findings, entries sorted by file, rule id and fingerprint; the
 * `previous` baseline's entries for files out of `inScope` are kept.
 */
export function createBaseline(findings: readonly Finding[], previous?: Baseline, inScope: BaselineScope = () => true): Baseline {
  const prints = fingerprints(findings);
  const entries = findings
    .map((finding, index) => ({ finding, fingerprint: prints[index]! }))
    .filter(({ finding }) => !finding.suppressed)
    .map(({ finding, fingerprint }) => ({ ruleId: finding.ruleId, file: finding.file, fingerprint }));
  const kept = (previous?.entries ?? []).filter((entry) => !inScope(entry.file));
  return { version: 1, entries: [...kept, ...entries].sort(compareEntries) };
}

/** The text of a baseline file (stable: sorted entries, two-space indentation, final newline). */
export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify({ version: 1, entries: [...baseline.entries].sort(compareEntries) }, null, 2)}\n`;
}

/**
 * Marks the unsuppressed findings whose fingerprint is in the baseline as `baselined` (new objects;
 * the input is not changed) and lists the entries no finding matched. Each entry matches at most one
 * finding (the fingerprint already tells identical lines apart by their order). Unmatched entries out
 * of `inScope` are not stale: the run did not look at their files.
 */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline, inScope: BaselineScope = () => true): BaselineResult {
  const prints = fingerprints(findings);
  const remaining = new Map<string, BaselineEntry>();
  for (const entry of baseline.entries) remaining.set(`${entry.ruleId}\0${entry.file}\0${entry.fingerprint}`, entry);
  let matched = 0;
  const marked = findings.map((finding, index) => {
    if (finding.suppressed) return finding;
    const key = `${finding.ruleId}\0${finding.file}\0${prints[index]!}`;
    if (!remaining.has(key)) return finding;
    remaining.delete(key);
    matched++;
    return { ...finding, baselined: true as const };
  });
  return { findings: marked, matched, stale: [...remaining.values()].filter((entry) => inScope(entry.file)).sort(compareEntries) };
}
