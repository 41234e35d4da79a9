import { CATEGORIES, SEVERITIES, type Category, type Finding, type LintResult, type Severity, type Verdict } from '../types.js';

export interface Summary {
  filesScanned: number;
  errors: number;
  warnings: number;
  notes: number;
  /** Findings silenced by inline directives (not counted above). */
  suppressed: number;
  byCategory: Record<Category, number>;
}

/** What every reporter renders: the lint result plus the verdict and counts derived from it. */
export interface Assessment {
  tool: { name: 'lsid-lint'; version: string };
  target: '10.6';
  verdict: Verdict;
  summary: Summary;
  result: LintResult;
}

export function assess(result: LintResult, version: string): Assessment {
  const active = result.findings.filter((finding) => !finding.suppressed);
  const count = (severity: Severity) => active.filter((finding) => finding.severity === severity).length;
  const byCategory = Object.fromEntries(CATEGORIES.map((category) => [category, active.filter((f) => f.category === category).length])) as Record<Category, number>;
  const summary: Summary = {
    filesScanned: result.filesScanned,
    errors: count('error'),
    warnings: count('warning'),
    notes: count('note'),
    suppressed: result.findings.length - active.length,
    byCategory,
  };
  // A file that mentions the API but could not be parsed was not checked: never call that 'ready'.
  const unchecked = result.coverage.parseErrors.length > 0;
  const verdict: Verdict = summary.errors ? 'blocked' : summary.warnings || unchecked ? 'ready-with-warnings' : 'ready';
  return { tool: { name: 'lsid-lint', version }, target: '10.6', verdict, summary, result };
}

/** Unsuppressed findings at or above the gate threshold. */
export function gatedFindings(findings: readonly Finding[], failOn: Severity | 'none'): Finding[] {
  if (failOn === 'none') return [];
  const threshold = SEVERITIES.indexOf(failOn);
  return findings.filter((finding) => !finding.suppressed && SEVERITIES.indexOf(finding.severity) <= threshold);
}
