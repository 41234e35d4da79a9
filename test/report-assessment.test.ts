import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { assess, findingsByImportance, topLevelFolder } from '../src/report/assessment.js';
import { isDataLayerFile, type ChecklistItem } from '../src/report/checklist.js';
import { DEFAULT_EFFORT_MINUTES, EFFORT_MINUTES, estimateEffort, formatMinutes } from '../src/report/effort.js';
import { jsonReporter } from '../src/report/reporters/json.js';
import { DOCS_BASE_URL, loadRuleDocs, parseRuleDoc, ruleDocUrl } from '../src/report/rule-docs.js';
import { cutLine, frameFor, lineSource, MAX_LINE_LENGTH, snippetFor, withSourceContext } from '../src/engine/source-context.js';
import type { LintResult } from '../src/types.js';
import { finding, hostileResult, projectAssessment, reporterOptions, ROOT, ruleInfo } from './report-fixtures.js';

function item(items: ChecklistItem[], id: ChecklistItem['id']): ChecklistItem {
  const found = items.find((entry) => entry.id === id);
  if (!found) throw new Error(`no checklist item ${id}`);
  return found;
}

function result(overrides: Partial<LintResult>): LintResult {
  return { filesScanned: 0, findings: [], coverage: { skipped: [], parseErrors: [], degraded: [], notes: [] }, rules: [], ...overrides };
}

describe('the assessment keeps its contract', () => {
  it('keeps verdict and summary as before, and the JSON report shape (schemaVersion 1) byte for byte', async () => {
    const assessment = await projectAssessment('reporting-sync');
    expect(assessment.verdict).toBe('blocked');
    expect(Object.keys(assessment.summary)).toEqual(['filesScanned', 'errors', 'warnings', 'notes', 'suppressed', 'byCategory']);
    const json = JSON.parse(jsonReporter(assessment, reporterOptions(assessment))) as Record<string, unknown> & { findings: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['schemaVersion', 'tool', 'target', 'verdict', 'summary', 'findings', 'coverage']);
    // The engine's new optional fields (snippet, frame) stay out of the JSON contract.
    for (const entry of json.findings) expect(Object.keys(entry)).not.toContain('snippet');
    expect(Object.keys(json.coverage as object)).toEqual(['skipped', 'parseErrors', 'degraded', 'notes']);
  });

  it('computes the verdict exactly as before', () => {
    expect(assess(result({}), '1').verdict).toBe('ready');
    expect(assess(result({ findings: [finding({ ruleId: 'x', file: 'a.js', line: 1, severity: 'warning' })] }), '1').verdict).toBe('ready-with-warnings');
    expect(assess(result({ coverage: { skipped: [], parseErrors: [{ file: 'a.js', line: 1, message: 'x' }], degraded: [], notes: [] } }), '1').verdict).toBe('ready-with-warnings');
    expect(assess(result({ findings: [finding({ ruleId: 'x', file: 'a.js', line: 1 })] }), '1').verdict).toBe('blocked');
    expect(assess(result({ findings: [finding({ ruleId: 'x', file: 'a.js', line: 1, suppressed: true })] }), '1').verdict).toBe('ready');
  });

  it('orders blocking findings first, suppressed last', () => {
    const findings = [
      finding({ ruleId: 'a', file: 'a.js', line: 1, severity: 'note' }),
      finding({ ruleId: 'b', file: 'a.js', line: 2, suppressed: true }),
      finding({ ruleId: 'c', file: 'b.js', line: 1, severity: 'warning' }),
      finding({ ruleId: 'd', file: 'c.js', line: 1 }),
    ];
    expect(findingsByImportance(findings).map((f) => f.ruleId)).toEqual(['d', 'c', 'a', 'b']);
  });
});

describe('the checklist', () => {
  it('answers the guide from the example project, with evidence', async () => {
    const { checklist } = await projectAssessment('reporting-sync');
    expect(checklist.map((entry) => entry.id)).toEqual([
      'uses-api', 'lsid-in-code', 'lseq-assumptions', 'lsid-in-data', 'integration-client-first', 'xml-namespace-aware', 'back-up', 'test-on-spare-appliance',
    ]);
    expect(item(checklist, 'uses-api').status).toBe('info');
    const code = item(checklist, 'lsid-in-code');
    expect(code.status).toBe('action');
    expect(code.evidence.map((e) => `${e.file}:${e.line}`)).toContain('src/client.ts:34');
    expect(code.evidence.every((e) => !e.file.startsWith('migrations/'))).toBe(true);
    expect(code.answer).toMatch(/1 finding suppressed/);
    const data = item(checklist, 'lsid-in-data');
    expect(data.status).toBe('action');
    expect(data.evidence.map((e) => `${e.file}:${e.line}`)).toEqual(['migrations/001_create_support_sessions.ts:5', 'migrations/001_create_support_sessions.ts:24']);
    expect(item(checklist, 'xml-namespace-aware')).toMatchObject({ status: 'action' });
    expect(item(checklist, 'xml-namespace-aware').answer).toMatch(/^No: 2 findings in 2 files/);
    expect(item(checklist, 'lseq-assumptions').status).toBe('ok');
    for (const id of ['integration-client-first', 'back-up', 'test-on-spare-appliance'] as const) expect(item(checklist, id).status).toBe('advice');
    expect(item(checklist, 'back-up').answer).toMatch(/Back up/);
    expect(item(checklist, 'integration-client-first').answer).toMatch(/Integration Client first, then the appliance/);
    expect(item(checklist, 'test-on-spare-appliance').answer).toMatch(/spare appliance/);
  });

  it('uses the engine’s context files when given, and says when it cannot tell', () => {
    const withContext = assess(result({ contextFiles: ['src/b.js', 'src/a.js'] }), '1').checklist;
    expect(item(withContext, 'uses-api')).toMatchObject({ status: 'info', evidence: [{ file: 'src/a.js' }, { file: 'src/b.js' }] });
    expect(item(withContext, 'uses-api').answer).toMatch(/^Yes: 2 files talk/);
    const none = assess(result({ contextFiles: [] }), '1').checklist;
    expect(item(none, 'uses-api').status).toBe('ok');
    expect(item(none, 'lsid-in-code')).toMatchObject({ status: 'ok' });
    expect(item(none, 'lsid-in-code').answer).toMatch(/no scanned file talks to the Bomgar API/);
    expect(item(none, 'xml-namespace-aware').answer).toMatch(/^Not applicable/);
    const unknown = assess(result({}), '1').checklist;
    expect(item(unknown, 'uses-api').status).toBe('unknown');
  });

  it('does not answer "no" when files failed to parse, or when no SQL or schema file was scanned', () => {
    const unparsed = assess(result({ coverage: { skipped: [], parseErrors: [{ file: 'a.js', line: 1, message: 'x' }], degraded: [], notes: [] } }), '1').checklist;
    expect(item(unparsed, 'lsid-in-code').status).toBe('unknown');
    expect(item(unparsed, 'xml-namespace-aware').answer).toMatch(/failed to parse/);
    const noSql = assess(result({ scannedFiles: ['src/a.js'], contextFiles: ['src/a.js'] }), '1').checklist;
    expect(item(noSql, 'lsid-in-data').status).toBe('unknown');
    expect(item(noSql, 'lsid-in-data').answer).toMatch(/no SQL, schema or migration file was scanned/);
    const withSql = assess(result({ scannedFiles: ['db/x.sql'], contextFiles: ['db/x.sql'] }), '1').checklist;
    expect(item(withSql, 'lsid-in-data').status).toBe('ok');
  });

  it('does not count an unused suppression directive as evidence about the code', () => {
    const { checklist } = assess({ ...hostileResult(), contextFiles: undefined }, '1');
    expect(item(checklist, 'lsid-in-code').evidence.map((e) => e.file)).toEqual(['src/a <b>&amp; "c".ts', 'top.js']);
  });

  it('treats notes-only as information, not action', () => {
    const notes = assess(result({ findings: [finding({ ruleId: 'xml-pinned-namespace-uri', category: 'xml-namespace', severity: 'note', file: 'a.js', line: 1 })] }), '1');
    expect(item(notes.checklist, 'xml-namespace-aware').status).toBe('info');
    expect(item(notes.checklist, 'xml-namespace-aware').answer).toBe('Only notes: 1 note in 1 file, where code reads responses in a way the new default namespace breaks or makes brittle.');
  });

  it('files SQL, schema and migration findings under databases, the rest under code', () => {
    expect(isDataLayerFile('db/schema.sql')).toBe(true);
    expect(isDataLayerFile('prisma/schema.prisma')).toBe(true);
    expect(isDataLayerFile('api/openapi.yaml')).toBe(true);
    expect(isDataLayerFile('db/migrations/001_init.ts')).toBe(true);
    expect(isDataLayerFile('src/migrate.ts')).toBe(false);
    expect(isDataLayerFile('src/sync.ts')).toBe(false);
  });
});

describe('counts, effort and coverage', () => {
  it('counts unsuppressed findings by severity, category, rule, language and folder', () => {
    const { counts } = assess(hostileResult(), '1');
    expect(counts.bySeverity).toEqual({ error: 3, warning: 1, note: 2 });
    expect(counts.byCategory).toEqual({ 'lsid-integer': 4, 'lseq-misuse': 1, 'xml-namespace': 1 });
    expect(counts.byRule.find((r) => r.ruleId === 'lsid-numeric-validation')).toEqual({ ruleId: 'lsid-numeric-validation', count: 0, suppressed: 1 });
    expect(counts.byLanguage).toEqual([
      { key: 'JavaScript', count: 4 },
      { key: 'SQL', count: 1 },
      { key: 'TypeScript', count: 1 },
    ]);
    expect(counts.byFolder).toEqual([
      { key: 'src', count: 3 },
      { key: '(root)', count: 1 },
      { key: 'db', count: 1 },
      { key: 'legacy', count: 1 },
    ]);
    expect(topLevelFolder('a.js')).toBe('(root)');
  });

  it('estimates effort from the documented table, with overrides', () => {
    for (const rule of rules) expect(EFFORT_MINUTES[rule.meta.id], `effort table entry for ${rule.meta.id}`).toBeTypeOf('number');
    const findings = [
      finding({ ruleId: 'lsid-numeric-ordering', file: 'a.js', line: 1 }),
      finding({ ruleId: 'lsid-numeric-ordering', file: 'a.js', line: 2 }),
      finding({ ruleId: 'lsid-numeric-ordering', file: 'a.js', line: 3, suppressed: true }),
      finding({ ruleId: 'custom-rule', file: 'a.js', line: 4 }),
    ];
    expect(estimateEffort(findings)).toEqual({
      byRule: [
        { ruleId: 'lsid-numeric-ordering', findings: 2, minutesEach: 60, minutes: 120 },
        { ruleId: 'custom-rule', findings: 1, minutesEach: DEFAULT_EFFORT_MINUTES, minutes: DEFAULT_EFFORT_MINUTES },
      ],
      totalMinutes: 120 + DEFAULT_EFFORT_MINUTES,
    });
    expect(assess(result({ findings }), '1', { effortMinutes: { 'lsid-numeric-ordering': 5 } }).effort.totalMinutes).toBe(10 + DEFAULT_EFFORT_MINUTES);
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(95)).toBe('1 h 35 min');
    expect(formatMinutes(480)).toBe('8 h');
  });

  it('states coverage: scanned per language, context files, languages seen but not analyzed', () => {
    const { coverage } = assess(hostileResult(), '1');
    expect(coverage).toEqual({
      filesScanned: 6,
      complete: true,
      scannedByLanguage: [
        { key: 'JavaScript', count: 4 },
        { key: 'SQL', count: 1 },
        { key: 'TypeScript', count: 1 },
      ],
      contextFiles: 6,
      notAnalyzed: [
        { language: 'Ruby', extensions: ['.rb'], files: 3 },
        { language: 'Go', extensions: ['.go'], files: 2 },
      ],
      otherFiles: 5,
    });
    expect(assess(result({ filesScanned: 3 }), '1').coverage).toEqual({ filesScanned: 3, complete: false });
  });

  it('describes every enabled rule and every other id that produced a finding', () => {
    const assessment = assess(hostileResult(), '1');
    const unused = assessment.rules.find((rule) => rule.id === 'unused-suppression');
    expect(unused).toMatchObject({ level: 'note', summary: 'Report suppression directives that suppress nothing' });
    expect(unused?.category).toBeUndefined();
    expect(assessment.rules.find((rule) => rule.id === 'lsid-arithmetic')?.helpUri).toBe(`${DOCS_BASE_URL}/lsid-integer/lsid-arithmetic.md`);
  });
});

describe('rule docs', () => {
  it('loads a page with a Problem and a Fix for every rule', async () => {
    const docs = await loadRuleDocs(rules.map((rule) => rule.meta));
    for (const rule of rules) {
      const doc = docs[rule.meta.id];
      expect(doc, rule.meta.id).toBeDefined();
      expect(doc!.problem, rule.meta.id).toBeTruthy();
      expect(doc!.fixMarkdown, rule.meta.id).toBeTruthy();
      expect(doc!.markdown, rule.meta.id).not.toMatch(/\]\(\.\.?\//);
    }
  });

  it('makes relative links absolute and leaves absolute ones alone', () => {
    const doc = parseRuleDoc('# r\n\nSummary\n\n## Problem\n\nSee [`x`](./x.md), [y](../lseq-misuse/y.md), [z](https://example.com/z) and [top](#fix).\n\n```md\n## Not a heading\n```\n\n## Fix\n\nDo it.\n', { id: 'r', category: 'lsid-integer' });
    expect(doc.markdown).toContain(`[\`x\`](${DOCS_BASE_URL}/lsid-integer/x.md)`);
    expect(doc.markdown).toContain(`[y](${DOCS_BASE_URL}/lseq-misuse/y.md)`);
    expect(doc.markdown).toContain('[z](https://example.com/z)');
    expect(doc.markdown).toContain('[top](#fix)');
    expect(doc.problemMarkdown).toContain('## Not a heading');
    const code = parseRuleDoc('# r\n\n```js\nrows[i](next)\n```\n\nKeep `a[b](c)` as code.\n', { id: 'r', category: 'lsid-integer' });
    expect(code.markdown).toContain('rows[i](next)');
    expect(code.markdown).toContain('`a[b](c)`');
    expect(doc.fixMarkdown).toBe('Do it.');
    expect(ruleDocUrl({ id: 'r', category: 'lsid-integer' })).toBe(`${DOCS_BASE_URL}/lsid-integer/r.md`);
  });

  it('skips rules without a page', async () => {
    expect(await loadRuleDocs([ruleInfo('no-such-rule', 'lsid-integer')])).toEqual({});
  });
});

describe('source context (snippet and frame)', () => {
  const text = 'one\r\ntwo\nthree\rfour\nfive\nsix\nseven\n';

  it('splits lines like the engine and frames two lines either side', () => {
    const source = lineSource(text);
    expect(snippetFor(source, { line: 3, column: 1 })).toBe('three');
    expect(frameFor(source, { line: 1, column: 1, endLine: 1 })).toEqual({ startLine: 1, lines: ['one', 'two', 'three'] });
    expect(frameFor(source, { line: 4, column: 1, endLine: 5 })).toEqual({ startLine: 2, lines: ['two', 'three', 'four', 'five', 'six', 'seven'] });
  });

  it('cuts long lines around the finding', () => {
    const long = `${'a'.repeat(1000)}TARGET${'b'.repeat(1000)}`;
    const cut = cutLine(long, 1001);
    expect(cut.startsWith('…') && cut.endsWith('…')).toBe(true);
    expect(cut).toContain('TARGET');
    expect(cut.length).toBe(MAX_LINE_LENGTH + 2);
  });

  it('fills only what is missing and leaves unreadable files alone', async () => {
    const source = await readFile(path.join(ROOT, 'fixtures/projects/reporting-sync/src/sync.ts'), 'utf8');
    const given = finding({ ruleId: 'x', file: 'src/sync.ts', line: 2, snippet: 'kept' });
    const [filled, missing] = withSourceContext([given, finding({ ruleId: 'x', file: 'nope.ts', line: 1 })], (file) => (file === 'src/sync.ts' ? source : undefined));
    expect(filled!.snippet).toBe('kept');
    expect(filled!.frame!.startLine).toBe(1);
    expect(missing!.snippet).toBeUndefined();
  });
});
