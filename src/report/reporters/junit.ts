import type { Finding } from '../../types.js';
import type { Assessment } from '../assessment.js';
import type { Reporter, ReporterOptions } from './index.js';

/**
 * JUnit XML for CI test tabs: a test suite per rule with one test case per file the rule reported
 * in. A case fails when it holds a gated finding (at or above --fail-on, unsuppressed); findings
 * below the gate pass and are listed in `<system-out>`; a case with only suppressed findings is
 * skipped. A rule that found nothing has one passing case, so the tab shows what was checked.
 * Files that failed to parse are skipped cases in a `parse-error` suite (they were not checked).
 */
export const junitReporter: Reporter = (assessment, options) => {
  const suites = [
    ...assessment.rules.map((rule) => ruleSuite(rule.id, rule.summary, assessment.result.findings.filter((f) => f.ruleId === rule.id), options)),
    ...parseErrorSuite(assessment),
  ];
  const total = (key: keyof SuiteTotals) => suites.reduce((sum, suite) => sum + suite.totals[key], 0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="lsid-lint: Bomgar ${attr(assessment.target)} readiness" tests="${total('tests')}" failures="${total('failures')}" errors="0" skipped="${total('skipped')}" time="0">
${suites.map((suite) => suite.xml).join('\n')}
</testsuites>
`;
};

interface SuiteTotals {
  tests: number;
  failures: number;
  skipped: number;
}

interface Suite {
  totals: SuiteTotals;
  xml: string;
}

function ruleSuite(ruleId: string, summary: string, findings: readonly Finding[], options: ReporterOptions): Suite {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const totals: SuiteTotals = { tests: 0, failures: 0, skipped: 0 };
  const cases: string[] = [];
  const classname = `lsid-lint.${ruleId}`;
  if (!byFile.size) {
    totals.tests = 1;
    cases.push(`    <testcase classname="${attr(classname)}" name="${attr(`${ruleId}: no findings`)}" time="0"/>`);
  }
  for (const [file, inFile] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    totals.tests++;
    const open = `    <testcase classname="${attr(classname)}" name="${attr(file)}" file="${attr(file)}" time="0">`;
    const active = inFile.filter((f) => !f.suppressed);
    const gated = active.filter((f) => options.isGated(f));
    if (gated.length) {
      totals.failures++;
      const first = gated[0]!;
      const message = `${plural(gated.length, 'finding')} at ${first.file}:${first.line}: ${first.message}`;
      const other = active.filter((f) => !options.isGated(f));
      cases.push(
        `${open}\n      <failure message="${attr(message)}" type="${attr(first.severity)}">${text(gated.map(describe).join('\n'))}</failure>${
          other.length ? `\n      <system-out>${text(other.map(describe).join('\n'))}</system-out>` : ''
        }\n    </testcase>`,
      );
    } else if (active.length) {
      cases.push(`${open}\n      <system-out>${text(active.map(describe).join('\n'))}</system-out>\n    </testcase>`);
    } else {
      totals.skipped++;
      const reasons = [...new Set(inFile.map((f) => f.suppressionReason).filter((r) => r !== undefined))];
      const message = `${plural(inFile.length, 'finding')} suppressed in the code${reasons.length ? `: ${reasons.join('; ')}` : ''}`;
      cases.push(`${open}\n      <skipped message="${attr(message)}"/>\n    </testcase>`);
    }
  }
  return {
    totals,
    xml: `  <testsuite name="${attr(ruleId)}" tests="${totals.tests}" failures="${totals.failures}" errors="0" skipped="${totals.skipped}" time="0">
    <properties><property name="summary" value="${attr(summary)}"/></properties>
${cases.join('\n')}
  </testsuite>`,
  };
}

function parseErrorSuite(assessment: Assessment): Suite[] {
  const { parseErrors } = assessment.result.coverage;
  if (!parseErrors.length) return [];
  const cases = parseErrors.map(
    (entry) =>
      `    <testcase classname="lsid-lint.parse-error" name="${attr(entry.file)}" file="${attr(entry.file)}" time="0">\n      <skipped message="${attr(`not checked: failed to parse at line ${entry.line}: ${entry.message}`)}"/>\n    </testcase>`,
  );
  return [
    {
      totals: { tests: parseErrors.length, failures: 0, skipped: parseErrors.length },
      xml: `  <testsuite name="parse-error" tests="${parseErrors.length}" failures="0" errors="0" skipped="${parseErrors.length}" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    },
  ];
}

function describe(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.message}${finding.help ? `\n  ${finding.help}` : ''}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Characters XML 1.0 cannot contain at all (even escaped), replaced by U+FFFD. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(value: string): string {
  return value.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
