import { CATEGORIES, SEVERITIES, type Category, type Finding, type LintResult, type Severity, type Verdict } from '../types.js';
import { UNUSED_DIRECTIVE_ID } from '../engine/registry.js';
import { buildChecklist, type ChecklistItem } from './checklist.js';
import { estimateEffort, type EffortEstimate } from './effort.js';
import { languageOf, unanalyzedLanguage } from './languages.js';
import { INFORMATION_URI, ruleDocUrl, type RuleDoc } from './rule-docs.js';

export interface Summary {
  filesScanned: number;
  errors: number;
  warnings: number;
  notes: number;
  /** Findings silenced by inline directives (not counted above). */
  suppressed: number;
  byCategory: Record<Category, number>;
}

/** A key and how often it occurs; lists of tallies are sorted by count (descending), then key. */
export interface Tally {
  key: string;
  count: number;
}

/** Unsuppressed findings counted several ways (suppressed ones only in `byRule[].suppressed`). */
export interface Counts {
  bySeverity: Record<Severity, number>;
  byCategory: Record<Category, number>;
  /** Every rule with findings, suppressed or not. */
  byRule: { ruleId: string; count: number; suppressed: number }[];
  /** By the language of the file's extension (src/report/languages.ts). */
  byLanguage: Tally[];
  /** By the first segment of the file's path; files at the top level count as `(root)`. */
  byFolder: Tally[];
}

/** What was and was not checked; the lists of skipped and unparsable files stay in `result.coverage`. */
export interface CoverageSummary {
  filesScanned: number;
  /** Scanned files per language; absent when the engine did not list them (`LintResult.scannedFiles`). */
  scannedByLanguage?: Tally[];
  /** How many scanned files talk to the Bomgar API; absent when the engine did not list them. */
  contextFiles?: number;
  /** Programming languages seen but not analyzed; absent when the engine did not count unsupported files. */
  notAnalyzed?: { language: string; extensions: string[]; files: number }[];
  /** Other unsupported files (documentation, data, images …); absent like `notAnalyzed`. */
  otherFiles?: number;
  /** Whether the engine stated everything above (per-language counts and unsupported files). */
  complete: boolean;
}

/** A rule as reports describe it: the enabled rules, plus any other id that produced a finding. */
export interface RuleDescriptor {
  id: string;
  /** Absent for checks the engine makes itself (unused-suppression). */
  category?: Category;
  /** The effective level for this run. */
  level: Severity;
  summary: string;
  helpUri: string;
  /** The rule's documentation page, when the caller loaded it (src/report/rule-docs.ts). */
  doc?: RuleDoc;
}

/** What every reporter renders: the lint result plus the verdict and everything derived from it. */
export interface Assessment {
  tool: { name: 'lsid-lint'; version: string };
  target: '10.6';
  verdict: Verdict;
  summary: Summary;
  result: LintResult;
  /** The vendor guide's pre-upgrade checklist, answered from the scan. */
  checklist: ChecklistItem[];
  counts: Counts;
  effort: EffortEstimate;
  coverage: CoverageSummary;
  rules: RuleDescriptor[];
  /** Absolute directory the findings' paths are relative to (SARIF %SRCROOT%), when the caller gave it. */
  root?: string;
  /** The `--baseline` applied to this run, when one was. */
  baseline?: BaselineSummary;
}

/** A baseline applied to a run: its file (as given), how many findings it matched, and the entries that matched none. */
export interface BaselineSummary {
  file: string;
  matched: number;
  stale: { ruleId: string; file: string; fingerprint: string }[];
}

export interface AssessOptions {
  /** Rule pages by rule id, from `loadRuleDocs()` (reporters are pure, so the caller reads the files). */
  ruleDocs?: Readonly<Record<string, RuleDoc>>;
  /** Minutes per finding by rule id, over the table in src/report/effort.ts. */
  effortMinutes?: Readonly<Record<string, number>>;
  /** Absolute directory the findings' paths are relative to (the working directory). */
  root?: string;
  /** The baseline applied to the findings (src/engine/baseline.ts). */
  baseline?: BaselineSummary;
}

/** Checks the engine performs itself, described for reports (they have no page under rules/). */
const ENGINE_CHECKS: Readonly<Record<string, { summary: string; helpUri: string }>> = {
  [UNUSED_DIRECTIVE_ID]: { summary: 'Report suppression directives that suppress nothing', helpUri: `${INFORMATION_URI}#inline-suppressions` },
};

export function assess(result: LintResult, version: string, options: AssessOptions = {}): Assessment {
  // Baselined findings are known and accepted: they count neither toward the verdict nor the totals.
  const active = result.findings.filter((finding) => !finding.suppressed && !finding.baselined);
  const count = (severity: Severity) => active.filter((finding) => finding.severity === severity).length;
  const byCategory = Object.fromEntries(CATEGORIES.map((category) => [category, active.filter((f) => f.category === category).length])) as Record<Category, number>;
  const summary: Summary = {
    filesScanned: result.filesScanned,
    errors: count('error'),
    warnings: count('warning'),
    notes: count('note'),
    suppressed: result.findings.filter((finding) => finding.suppressed).length,
    byCategory,
  };
  // A file that mentions the API but could not be parsed was not checked: never call that 'ready'.
  const unchecked = result.coverage.parseErrors.length > 0;
  const verdict: Verdict = summary.errors ? 'blocked' : summary.warnings || unchecked ? 'ready-with-warnings' : 'ready';
  return {
    tool: { name: 'lsid-lint', version },
    target: '10.6',
    verdict,
    summary,
    result,
    checklist: buildChecklist(result),
    counts: countFindings(result.findings, byCategory),
    effort: estimateEffort(result.findings, options.effortMinutes),
    coverage: summarizeCoverage(result),
    rules: describeRules(result, options.ruleDocs ?? {}),
    ...(options.root !== undefined ? { root: options.root } : {}),
    ...(options.baseline !== undefined ? { baseline: options.baseline } : {}),
  };
}

/** Unsuppressed, unbaselined findings at or above the gate threshold. */
export function gatedFindings(findings: readonly Finding[], failOn: Severity | 'none'): Finding[] {
  if (failOn === 'none') return [];
  const threshold = SEVERITIES.indexOf(failOn);
  return findings.filter((finding) => !finding.suppressed && !finding.baselined && SEVERITIES.indexOf(finding.severity) <= threshold);
}

/** Blocking first: unsuppressed errors, then warnings, then notes, then suppressed findings; stable within each. */
export function findingsByImportance(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => (f.suppressed ? SEVERITIES.length : SEVERITIES.indexOf(f.severity));
  return findings.map((finding, index) => ({ finding, index })).sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index).map((entry) => entry.finding);
}

function tally(keys: Iterable<string>): Tally[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || compareText(a.key, b.key));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first segment of a path, `(root)` for a file at the top level. */
export function topLevelFolder(file: string): string {
  const slash = file.indexOf('/');
  return slash === -1 ? '(root)' : file.slice(0, slash);
}

function countFindings(findings: readonly Finding[], byCategory: Record<Category, number>): Counts {
  // Like the summary: baselined findings are not counted here (they still are in byRule and the effort estimate).
  const active = findings.filter((f) => !f.suppressed && !f.baselined);
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, active.filter((f) => f.severity === severity).length])) as Record<Severity, number>;
  const rules = new Map<string, { ruleId: string; count: number; suppressed: number }>();
  for (const finding of findings) {
    const entry = rules.get(finding.ruleId) ?? { ruleId: finding.ruleId, count: 0, suppressed: 0 };
    if (finding.suppressed) entry.suppressed++;
    else entry.count++;
    rules.set(finding.ruleId, entry);
  }
  return {
    bySeverity,
    byCategory: { ...byCategory },
    byRule: [...rules.values()].sort((a, b) => b.count - a.count || b.suppressed - a.suppressed || compareText(a.ruleId, b.ruleId)),
    byLanguage: tally(active.map((f) => languageOf(f.file))),
    byFolder: tally(active.map((f) => topLevelFolder(f.file))),
  };
}

function summarizeCoverage(result: LintResult): CoverageSummary {
  const coverage: CoverageSummary = { filesScanned: result.filesScanned, complete: Boolean(result.scannedFiles && result.unsupportedFiles) };
  if (result.scannedFiles) coverage.scannedByLanguage = tally(result.scannedFiles.map(languageOf));
  if (result.contextFiles) coverage.contextFiles = result.contextFiles.length;
  if (result.unsupportedFiles) {
    const languages = new Map<string, { language: string; extensions: string[]; files: number }>();
    let other = 0;
    for (const { extension, count } of result.unsupportedFiles) {
      const language = unanalyzedLanguage(extension);
      if (!language) {
        other += count;
        continue;
      }
      const entry = languages.get(language) ?? { language, extensions: [], files: 0 };
      entry.extensions.push(extension.toLowerCase());
      entry.files += count;
      languages.set(language, entry);
    }
    coverage.notAnalyzed = [...languages.values()]
      .map((entry) => ({ ...entry, extensions: [...new Set(entry.extensions)].sort() }))
      .sort((a, b) => b.files - a.files || compareText(a.language, b.language));
    coverage.otherFiles = other;
  }
  return coverage;
}

function describeRules(result: LintResult, docs: Readonly<Record<string, RuleDoc>>): RuleDescriptor[] {
  const described: RuleDescriptor[] = result.rules.map((rule) => ({
    id: rule.id,
    category: rule.category,
    level: rule.defaultSeverity,
    summary: rule.summary,
    helpUri: ruleDocUrl(rule),
    ...(docs[rule.id] ? { doc: docs[rule.id] } : {}),
  }));
  const known = new Set(described.map((rule) => rule.id));
  for (const finding of result.findings) {
    if (known.has(finding.ruleId)) continue;
    known.add(finding.ruleId);
    const engine = ENGINE_CHECKS[finding.ruleId];
    described.push({
      id: finding.ruleId,
      ...(engine ? {} : { category: finding.category }),
      level: finding.severity,
      summary: engine?.summary ?? finding.ruleId,
      helpUri: engine?.helpUri ?? ruleDocUrl({ id: finding.ruleId, category: finding.category }),
      ...(docs[finding.ruleId] ? { doc: docs[finding.ruleId] } : {}),
    });
  }
  return described;
}
