import type { Finding } from '../types.js';

/**
 * Estimated minutes to fix ONE finding of each rule, for the readiness report's effort estimate
 * (after OpenRewrite's per-recipe "estimated effort per occurrence" and .NET Upgrade Assistant's
 * story points). The figure covers changing the code, adjusting its callers and tests, and a review;
 * it does not cover a data migration's run time or the appliance upgrade itself.
 *
 * | rule | min | why |
 * | --- | ---: | --- |
 * | lsid-arithmetic | 30 | the arithmetic usually encodes an assumption (next id, range) that needs a new design |
 * | lsid-digit-pattern | 10 | widen one pattern (`[0-9a-f]{32}` or "up to the delimiter") |
 * | lsid-lossy-storage | 60 | a column type change with a data migration and every reader checked |
 * | lsid-numeric-conversion | 15 | drop the conversion, follow the value to where it is stored or compared |
 * | lsid-numeric-ordering | 60 | replace an LSID watermark or maximum by a time-based cursor |
 * | lsid-numeric-type | 20 | retype one declaration (type, schema or column) and its direct uses |
 * | lsid-numeric-validation | 10 | replace one check by a GUID-format or non-empty check |
 * | lsid-recency-order | 30 | order by start time instead, check the query's index |
 * | lseq-missing-column | 15 | add the column to a copy of the Integration Client's table |
 * | lseq-sequence-cursor | 45 | replace a strictly sequential cursor or gap detector |
 * | lseq-unique-key | 45 | re-key on the LSID, check the data for duplicates |
 * | xml-leaf-value-equality | 20 | change parser options or read the text node, retest both result shapes |
 * | xml-literal-tag-match | 15 | parse the response or stop the match before the attributes |
 * | xml-namespace-strip-literal | 15 | accept every namespace URI, or parse namespace-aware |
 * | xml-null-namespace-lookup | 15 | look up by local name or in the API namespace |
 * | xml-pinned-namespace-uri | 10 | accept the URIs later versions use |
 * | xml-schema-without-namespace | 45 | give the schema a targetNamespace (one per API namespace) |
 * | xml-unprefixed-xpath | 20 | bind a prefix or use `local-name()` in one expression |
 * | unused-suppression | 2 | delete the directive |
 * | any other rule | 15 | `DEFAULT_EFFORT_MINUTES` |
 *
 * The table will be configurable (`assess(result, version, { effortMinutes })` already merges overrides).
 */
export const EFFORT_MINUTES: Readonly<Record<string, number>> = {
  'lsid-arithmetic': 30,
  'lsid-digit-pattern': 10,
  'lsid-lossy-storage': 60,
  'lsid-numeric-conversion': 15,
  'lsid-numeric-ordering': 60,
  'lsid-numeric-type': 20,
  'lsid-numeric-validation': 10,
  'lsid-recency-order': 30,
  'lseq-missing-column': 15,
  'lseq-sequence-cursor': 45,
  'lseq-unique-key': 45,
  'xml-leaf-value-equality': 20,
  'xml-literal-tag-match': 15,
  'xml-namespace-strip-literal': 15,
  'xml-null-namespace-lookup': 15,
  'xml-pinned-namespace-uri': 10,
  'xml-schema-without-namespace': 45,
  'xml-unprefixed-xpath': 20,
  'unused-suppression': 2,
};

/** Minutes per finding of a rule the table does not name. */
export const DEFAULT_EFFORT_MINUTES = 15;

export interface EffortLine {
  ruleId: string;
  /** Unsuppressed findings of the rule. */
  findings: number;
  minutesEach: number;
  minutes: number;
}

export interface EffortEstimate {
  /** One line per rule with unsuppressed findings, largest effort first. */
  byRule: EffortLine[];
  totalMinutes: number;
}

/** Effort for the unsuppressed findings; `overrides` replace table entries (minutes per finding, ≥ 0). */
export function estimateEffort(findings: readonly Finding[], overrides: Readonly<Record<string, number>> = {}): EffortEstimate {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    if (!finding.suppressed) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  }
  const byRule = [...counts].map(([ruleId, count]): EffortLine => {
    const minutesEach = minutesFor(ruleId, overrides);
    return { ruleId, findings: count, minutesEach, minutes: minutesEach * count };
  });
  byRule.sort((a, b) => b.minutes - a.minutes || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { byRule, totalMinutes: byRule.reduce((sum, line) => sum + line.minutes, 0) };
}

function minutesFor(ruleId: string, overrides: Readonly<Record<string, number>>): number {
  const value = Object.hasOwn(overrides, ruleId) ? overrides[ruleId] : EFFORT_MINUTES[ruleId];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_EFFORT_MINUTES;
}

/** `95` → `1 h 35 min`, `480` → `8 h`, `0` → `0 min`. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  if (!hours) return `${rest} min`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
