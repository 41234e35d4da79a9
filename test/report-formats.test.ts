import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assess, gatedFindings } from '../src/report/assessment.js';
import { htmlReporter } from '../src/report/reporters/html.js';
import { junitReporter } from '../src/report/reporters/junit.js';
import { markdownReporter, inline, MAX_TABLE_ROWS } from '../src/report/reporters/markdown.js';
import { markdownToHtml } from '../src/report/reporters/markdown-to-html.js';
import type { LintResult } from '../src/types.js';
import { finding, hostileResult, projectAssessment, reporterOptions } from './report-fixtures.js';

const hostile = () => {
  const assessment = assess(hostileResult(), '1.0.0');
  return { assessment, options: reporterOptions(assessment) };
};

describe('markdown', () => {
  it('escapes scanned text: no HTML, links or emphasis can come from a message or a path', () => {
    const { assessment, options } = hostile();
    const md = markdownReporter(assessment, options);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('[link](javascript:');
    expect(md).not.toContain('\u0007');
    expect(md).toContain('&lt;script&gt;');
    // Table rows keep their column count: every pipe in a cell is escaped.
    for (const row of md.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))) {
      const cells = row.replace(/\\\|/g, '').split('|').length - 2;
      expect([4, 5]).toContain(cells);
    }
    expect(inline('a `x | y` b | c', true)).toBe('a `x \\| y` b \\| c');
    expect(inline('unclosed ` tick and *star* [l](u)')).toBe('unclosed \\` tick and \\*star\\* \\[l\\](u)');
    expect(inline('``a ` b``')).toBe('``a ` b``');
  });

  it('links findings relative by default and under --link-base when given', async () => {
    const assessment = await projectAssessment('reporting-sync');
    expect(markdownReporter(assessment, reporterOptions(assessment))).toContain('[src/client.ts:34](src/client.ts#L34)');
    const linked = markdownReporter(assessment, reporterOptions(assessment, { linkBase: 'https://github.com/o/r/blob/abc' }));
    expect(linked).toContain('[src/client.ts:34](https://github.com/o/r/blob/abc/src/client.ts#L34)');
  });

  it('shows only gated findings with --quiet, caps the table and stays under GitHub’s comment limit', () => {
    const findings = Array.from({ length: 400 }, (_, i) => finding({ ruleId: 'lsid-numeric-type', file: `src/f${i}.ts`, line: i + 1, severity: i % 2 ? 'warning' : 'error', message: 'm'.repeat(300) }));
    const result: LintResult = { filesScanned: 400, findings, coverage: { skipped: [], parseErrors: [], degraded: [], notes: [] }, rules: [] };
    const assessment = assess(result, '1');
    const gated = new Set(gatedFindings(findings, 'error'));
    const md = markdownReporter(assessment, { color: false, quiet: true, isGated: (f) => gated.has(f) });
    expect(md).toContain('### Findings (200)');
    expect(md).toContain(`… and ${200 - MAX_TABLE_ROWS} more`);
    expect(md.length).toBeLessThan(65_536);
  });
});

describe('html', () => {
  it('escapes every piece of scanned text', () => {
    const { assessment, options } = hostile();
    const html = htmlReporter(assessment, options);
    // The only script element is the report's own.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toContain('\u0007');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<b>&amp;/);
  });

  it('is self-contained: a CSP that allows only its own style and script, no external references', async () => {
    const assessment = await projectAssessment('reporting-sync');
    const html = htmlReporter(assessment, reporterOptions(assessment));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    expect(csp).toMatch(/^default-src 'none'; /);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b/);
    expect(html).not.toMatch(/\s(?:src|srcset)=/);
    expect(html).not.toMatch(/url\(/);
    expect(html).not.toMatch(/@import/);
    expect(html).not.toMatch(/ style="/);
  });

  it('has a row per finding with the data the filter reads, and a code frame with the range marked', async () => {
    const assessment = await projectAssessment('reporting-sync');
    const html = htmlReporter(assessment, reporterOptions(assessment));
    expect(html.match(/<tr id="f-\d+"/g)).toHaveLength(assessment.result.findings.length);
    expect(html).toMatch(/<tr id="f-\d+" class="sev-error is-suppressed" data-severity="error" data-category="lsid-integer" data-rule="lsid-numeric-conversion" data-suppressed="true"/);
    expect(html).toContain('<mark>t.bigInteger(&#39;lsid&#39;)</mark>');
  });

  it('renders rule docs safely', () => {
    const out = markdownToHtml('# T\n\nText with <b>tag</b>, `code <x>`, **bold**, [ok](https://e.com/a?b=1&c=2), [bad](javascript:alert(1)).\n\n| a | b |\n|---|---|\n| `x \\| y` | 2 |\n\n- one\n- two\n\n```js\nif (a < b) {}\n```\n', { headingOffset: 2 });
    expect(out).toContain('<h3>T</h3>');
    expect(out).toContain('Text with &lt;b&gt;tag&lt;/b&gt;, <code>code &lt;x&gt;</code>, <strong>bold</strong>, <a href="https://e.com/a?b=1&amp;c=2">ok</a>, bad.');
    expect(out).toContain('<td><code>x | y</code></td><td>2</td>');
    expect(out).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(out).toContain('<pre><code class="language-js">if (a &lt; b) {}</code></pre>');
  });
});

/** A minimal XML well-formedness check for the subset the JUnit reporter writes (no comments, CDATA or DTD). */
function checkWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml [^?]*\?>\n/, '');
  expect(body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  expect(body.replace(/&(?:amp|lt|gt|quot|#\d+);/g, '')).not.toMatch(/&/);
  const stack: string[] = [];
  for (const match of body.matchAll(/<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|<|>/g)) {
    if (match[0] === '<') throw new Error(`stray < at ${match.index}`);
    if (match[0] === '>') throw new Error(`stray > at ${match.index}: ${body.slice(Math.max(0, match.index - 40), match.index + 1)}`);
    const [, closing, name, , selfClosing] = match;
    if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (!selfClosing) stack.push(name!);
  }
  expect(stack).toEqual([]);
}

describe('junit', () => {
  it('has one test case per rule and file, failing for gated findings only', async () => {
    const assessment = await projectAssessment('outbound-webhook');
    const xml = junitReporter(assessment, reporterOptions(assessment));
    checkWellFormed(xml);
    expect(xml).toMatch(/^<testsuites name="lsid-lint: Bomgar 10.6 readiness" tests="18" failures="3" errors="0" skipped="0" time="0">$/m);
    expect(xml.match(/<testsuite /g)).toHaveLength(assessment.result.rules.length);
    expect(xml).toContain('<testcase classname="lsid-lint.xml-literal-tag-match" name="src/bomgar/command-api.js" file="src/bomgar/command-api.js" time="0">');
    expect(xml).toContain('<failure message="2 findings at src/bomgar/command-api.js:19: ');
    // With --fail-on none nothing fails; the findings still show as output.
    const ungated = junitReporter(assessment, reporterOptions(assessment, { isGated: () => false }));
    expect(ungated).not.toContain('<failure');
    expect(ungated).toContain('<system-out>src/bomgar/command-api.js:19:21 error');
  });

  it('skips suppressed-only cases and unparsable files, and escapes everything', () => {
    const { assessment, options } = hostile();
    const xml = junitReporter(assessment, options);
    checkWellFormed(xml);
    expect(xml).toContain('<testcase classname="lsid-lint.lsid-numeric-validation" name="legacy/old.js" file="legacy/old.js" time="0">\n      <skipped message="1 finding suppressed in the code: retired &lt;script&gt;');
    expect(xml).toContain('<testsuite name="parse-error" tests="1" failures="0" errors="0" skipped="1" time="0">');
    expect(xml).toContain('\uFFFDbell');
    expect(xml).toMatch(/<testsuite name="unused-suppression" tests="1" failures="0"/);
  });
});
