import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AjvDraft04, { type ValidateFunction } from 'ajv-draft-04';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../src/report/assessment.js';
import { FINGERPRINT_KEY, fingerprints, normalizedLineText } from '../src/report/fingerprint.js';
import { sarifReporter, SARIF_SCHEMA_URI } from '../src/report/reporters/sarif.js';
import { loadRuleDocs } from '../src/report/rule-docs.js';
import { finding, hostileResult, lintProject, PROJECTS, projectAssessment, projectDir, reporterOptions, ROOT } from './report-fixtures.js';

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; semanticVersion: string; informationUri: string; rules: { id: string; helpUri: string; help: { text: string; markdown: string }; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string }; properties: { tags: string[] } }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string } }[] }[];
    originalUriBaseIds: Record<string, { uri?: string }>;
    columnKind: string;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; justification?: string }[];
    }[];
  }[];
}

let validate: ValidateFunction;

beforeAll(async () => {
  const schema = JSON.parse(await readFile(path.join(ROOT, 'test/fixtures-sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
  // A CommonJS module: under NodeNext its default import is `module.exports`, whose `default` is the class.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
  // The schema's formats, checked rather than ignored (ajv knows none of them by itself).
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/') && !/\s/.test(value));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  validate = ajv.compile(schema);
});

function expectValid(log: unknown): void {
  const valid = validate(log);
  expect(valid, JSON.stringify(validate.errors, null, 2)).toBe(true);
}

describe('SARIF 2.1.0', () => {
  it.each(PROJECTS)('is valid against the official schema on %s', async (project) => {
    const assessment = await projectAssessment(project);
    expectValid(JSON.parse(sarifReporter(assessment, reporterOptions(assessment))));
  });

  it('is valid with everything the engine may report, hostile text included', () => {
    const assessment = assess(hostileResult(), '1.2.3', { root: '/work/some project' });
    const log = JSON.parse(sarifReporter(assessment, reporterOptions(assessment))) as SarifLog;
    expectValid(log);
    const run = log.runs[0]!;
    expect(run.originalUriBaseIds['%SRCROOT%']).toEqual({ uri: 'file:///work/some%20project/' });
    expect(run.invocations[0]!.toolExecutionNotifications!.map((n) => n.level)).toEqual(['warning', 'note', 'note']);
    expect(run.results.find((r) => r.ruleId === 'lsid-numeric-conversion')!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('src/a%20%3Cb%3E%26amp%3B%20%22c%22.ts');
    expect(run.tool.driver.rules.map((r) => r.id)).toContain('unused-suppression');
  });

  it('carries what GitHub code scanning needs', async () => {
    const assessment = await projectAssessment('reporting-sync');
    const log = JSON.parse(sarifReporter(assessment, reporterOptions(assessment))) as SarifLog;
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'lsid-lint', semanticVersion: '0.0.0-golden', informationUri: 'https://github.com/lsid-lint/lsid-lint' });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    expect(Object.keys(run.originalUriBaseIds)).toEqual(['%SRCROOT%']);
    const rules = run.tool.driver.rules;
    expect(rules).toHaveLength(assessment.result.rules.length);
    for (const rule of rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help.markdown).toMatch(new RegExp(`^# ${rule.id}\\n`));
      expect(rule.help.text).toBeTruthy();
      expect(rule.helpUri).toMatch(/^https:\/\/github\.com\/lsid-lint\/lsid-lint\/blob\/main\/rules\/[a-z-]+\/[a-z-]+\.md$/);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      expect(rule.properties.tags.length).toBeLessThanOrEqual(20);
    }
    expect(run.results).toHaveLength(assessment.result.findings.length);
    for (const [index, result] of run.results.entries()) {
      const source = assessment.result.findings[index]!;
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result.level).toBe(source.severity);
      expect(result.message.text.startsWith(source.message)).toBe(true);
      const location = result.locations[0]!.physicalLocation;
      expect(location.artifactLocation).toEqual({ uri: source.file, uriBaseId: '%SRCROOT%' });
      expect(location.region).toEqual({ startLine: source.line, startColumn: source.column, endLine: source.endLine, endColumn: source.endColumn });
      expect(result.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    }
    const suppressed = run.results.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.suppressions).toEqual([{ kind: 'inSource', justification: 'frozen pre-10.6 archive: every LSID in it is an integer and no new rows arrive' }]);
  });

  it('falls back to the rule summary when no docs were loaded', async () => {
    const result = await lintProject('outbound-webhook');
    const log = JSON.parse(sarifReporter(assess(result, '1'), reporterOptions(assess(result, '1')))) as SarifLog;
    expectValid(log);
    const rule = log.runs[0]!.tool.driver.rules[0]!;
    expect(rule.help.markdown).toContain(rule.helpUri);
    expect(rule.fullDescription.text).toBe(rule.shortDescription.text);
  });
});

describe('fingerprints', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lsid-lint-fingerprint-'));
    await cp(projectDir('reporting-sync'), dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function printsOf(project: string): Promise<Map<string, string>> {
    const result = await lintProject(project);
    const prints = fingerprints(result.findings);
    return new Map(result.findings.map((f, index) => [`${f.file} ${f.ruleId} ${f.message}`, prints[index]!]));
  }

  it('survive code moving down, re-indentation and unrelated edits', async () => {
    const before = await printsOf(dir);
    expect(before.size).toBeGreaterThanOrEqual(8);
    for (const file of ['src/sync.ts', 'src/types.ts', 'src/client.ts']) {
      const full = path.join(dir, file);
      const text = await readFile(full, 'utf8');
      // Five lines on top, and every line re-indented by two more spaces.
      await writeFile(full, `// a\n// b\n\n// c\n\n${text.replace(/^(?=.)/gm, '  ')}`);
    }
    const after = await printsOf(dir);
    expect(after.size).toBe(before.size);
    for (const [key, print] of before) expect(after.get(key), key).toBe(print);
  });

  it('tell identical lines apart by occurrence, and ignore lsid-lint directives on the line', () => {
    const a = finding({ ruleId: 'r', file: 'a.js', line: 1, snippet: '  x = Number(lsid);' });
    const b = finding({ ruleId: 'r', file: 'a.js', line: 9, snippet: 'x = Number(lsid);' });
    const [first, second] = fingerprints([a, b]);
    expect(first).not.toBe(second);
    expect(fingerprints([b])[0]).toBe(first);
    expect(normalizedLineText({ snippet: 'x = Number(lsid); // lsid-lint-disable-line r -- reason', message: '' })).toBe('x = Number(lsid);');
    expect(normalizedLineText({ message: 'the message' })).toBe('the message');
  });

  it('do not depend on loaded docs or the tool version', async () => {
    const result = await lintProject('reporting-sync');
    const plain = JSON.parse(sarifReporter(assess(result, '1'), reporterOptions(assess(result, '1')))) as SarifLog;
    const documented = assess(result, '2', { ruleDocs: await loadRuleDocs(result.rules) });
    const rich = JSON.parse(sarifReporter(documented, reporterOptions(documented))) as SarifLog;
    expect(rich.runs[0]!.results.map((r) => r.partialFingerprints)).toEqual(plain.runs[0]!.results.map((r) => r.partialFingerprints));
  });
});
