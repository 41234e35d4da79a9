import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Fixture annotations (Semgrep style): a comment `ruleid: <id>[, <id>…]` or `ok: <id>` on the line
 * above the code it describes, in the file's own comment syntax. `todoruleid` marks a known miss and
 * `todook` a known false positive, so both stay visible until fixed.
 */
export type MarkerKind = 'ruleid' | 'ok' | 'todoruleid' | 'todook';

export interface Annotation {
  kind: MarkerKind;
  ruleId: string;
  /** 1-based line of the code the marker describes. */
  line: number;
  markerLine: number;
}

const MARKER = /^\s*(?:\/\/|#|--|\/\*|<!--|<#|\*)\s*(todoruleid|todook|ruleid|ok):\s*([\w\-/]+(?:\s*,\s*[\w\-/]+)*)/;

export function parseAnnotations(text: string): Annotation[] {
  const lines = text.split(/\r?\n/);
  const annotations: Annotation[] = [];
  let pending: { kind: MarkerKind; ruleIds: string[]; markerLine: number }[] = [];
  lines.forEach((line, index) => {
    const match = MARKER.exec(line);
    if (match) {
      pending.push({ kind: match[1] as MarkerKind, ruleIds: match[2]!.split(',').map((id) => id.trim()), markerLine: index + 1 });
      return;
    }
    if (line.trim() === '' || !pending.length) return;
    for (const marker of pending) {
      for (const ruleId of marker.ruleIds) annotations.push({ kind: marker.kind, ruleId, line: index + 1, markerLine: marker.markerLine });
    }
    pending = [];
  });
  if (pending.length) throw new Error(`marker on line ${pending[0]!.markerLine} describes no code`);
  return annotations;
}

/** The (rule, line) pairs a fixture expects findings for: true positives and known false positives. */
export function expectedFindings(annotations: readonly Annotation[]): string[] {
  return annotations
    .filter((a) => a.kind === 'ruleid' || a.kind === 'todook')
    .map((a) => `${a.line} ${a.ruleId}`)
    .sort();
}

/**
 * JSON has no comments, so a fixture may keep its markers in a sidecar file `<fixture>.annotations`,
 * one per line: `<line>: <marker>: <rule-id>[, <rule-id>…] | <text that line contains>`. The text is
 * required and checked, so a marker cannot silently drift to another line when the fixture is edited.
 * Blank lines and `#` comments are ignored.
 */
export const SIDECAR_SUFFIX = '.annotations';

const SIDECAR_LINE = /^(\d+):\s*(todoruleid|todook|ruleid|ok):\s*([\w\-/]+(?:\s*,\s*[\w\-/]+)*)\s*\|\s?(.*)$/;

export function parseSidecarAnnotations(sidecar: string, fixture: string, sidecarName = 'sidecar'): Annotation[] {
  const fixtureLines = fixture.split(/\r?\n/);
  const annotations: Annotation[] = [];
  sidecar.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = SIDECAR_LINE.exec(line);
    if (!match) throw new Error(`${sidecarName}:${index + 1}: expected "<line>: <ruleid|ok|todoruleid|todook>: <rule-id> | <text>", got "${line}"`);
    const target = Number(match[1]);
    const text = match[4]!.trim();
    const code = fixtureLines[target - 1];
    if (code === undefined || code.trim() === '') throw new Error(`${sidecarName}:${index + 1}: line ${target} of the fixture is ${code === undefined ? 'past its end' : 'blank'}`);
    if (text === '' || !code.includes(text)) throw new Error(`${sidecarName}:${index + 1}: line ${target} of the fixture does not contain "${text}" (it reads "${code.trim()}")`);
    for (const ruleId of match[3]!.split(',').map((id) => id.trim())) {
      annotations.push({ kind: match[2] as MarkerKind, ruleId, line: target, markerLine: index + 1 });
    }
  });
  return annotations;
}

/** Whether a file in a fixture folder is a fixture (not a note or a sidecar). */
export function isFixtureFile(name: string): boolean {
  return !name.endsWith('.md') && !name.endsWith(SIDECAR_SUFFIX);
}

/** A fixture's annotations: its inline markers plus those of its sidecar, if it has one. */
export function fixtureAnnotations(dir: string, name: string): Annotation[] {
  const text = readFileSync(path.join(dir, name), 'utf8');
  const sidecarPath = path.join(dir, name + SIDECAR_SUFFIX);
  const inline = parseAnnotations(text);
  if (!existsSync(sidecarPath)) return inline;
  return [...inline, ...parseSidecarAnnotations(readFileSync(sidecarPath, 'utf8'), text, name + SIDECAR_SUFFIX)];
}
