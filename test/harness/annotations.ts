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
