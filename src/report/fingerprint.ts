import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';

/** The SARIF `partialFingerprints` key (versioned: a change of the recipe below gets a new key). */
export const FINGERPRINT_KEY = 'lsidLint/v1';

/**
 * The code a finding is about, normalised so that re-indenting, reflowing whitespace or adding an
 * lsid-lint directive on the line does not change it. Falls back to the message (which names the
 * construct but never a line number) when the engine gave no snippet.
 */
export function normalizedLineText(finding: Pick<Finding, 'snippet' | 'message'>): string {
  const text = finding.snippet ?? finding.message;
  return text
    .replace(/(?:\/\/|\/\*|#|--|<!--)\s*lsid-lint-(?:disable|enable)[\s\S]*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One fingerprint per finding (same order): a hash of the rule id, the file, the normalised line
 * text and the occurrence index among earlier findings with the same three values. No line or
 * column goes in, so the fingerprint survives code moving up or down and unrelated edits; two
 * identical lines in one file are told apart by their order.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = `${finding.ruleId}\0${finding.file}\0${normalizedLineText(finding)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
  });
}
