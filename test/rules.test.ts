import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { validateConfig } from '../src/config/schema.js';
import { lint } from '../src/engine/lint.js';
import { expectedFindings, fixtureAnnotations, isFixtureFile } from './harness/annotations.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/rules');
const defaults = (cwd: string) => ({ ...validateConfig({}, 'test'), baseDir: cwd });

function fixturesOf(ruleId: string): string[] {
  try {
    return readdirSync(path.join(FIXTURES, ruleId)).filter(isFixtureFile).sort();
  } catch {
    return [];
  }
}

/**
 * One harness for every rule: each fixture is linted with its own rule plus any rule its annotations
 * name, and the (line, rule) findings must equal the `ruleid`/`todook` annotations exactly.
 */
describe.each(rules.map((rule) => [rule.meta.id] as const))('%s', (ruleId) => {
  const names = fixturesOf(ruleId);
  if (!names.length) it('has fixtures', () => expect.fail(`no fixtures in fixtures/rules/${ruleId}/`));
  it.each(names)('%s', async (name) => {
    const dir = path.join(FIXTURES, ruleId);
    const text = readFileSync(path.join(dir, name), 'utf8');
    const annotations = fixtureAnnotations(dir, name);
    const ruleIds = new Set([ruleId, ...annotations.map((a) => a.ruleId)]);
    const selected = rules.filter((rule) => ruleIds.has(rule.meta.id));
    const result = await lint({ cwd: dir, paths: [name], config: defaults(dir), rules: selected });
    expect(result.coverage.parseErrors).toEqual([]);
    const actual = result.findings.map((f) => `${f.line} ${f.ruleId}`).sort();
    const expected = expectedFindings(annotations);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      const lines = text.split(/\r?\n/);
      const describeAll = (entries: string[]) => entries.map((e) => `${e}  | ${lines[Number(e.split(' ')[0]) - 1]?.trim()}`);
      const missing = expected.filter((e) => !actual.includes(e));
      const unexpected = actual.filter((e) => !expected.includes(e));
      expect({ missing: describeAll(missing), unexpected: describeAll(unexpected) }).toEqual({ missing: [], unexpected: [] });
    }
    const todos = annotations.filter((a) => a.kind === 'todoruleid').map((a) => `${a.line} ${a.ruleId}`);
    expect(actual.filter((entry) => todos.includes(entry)), 'a todoruleid now matches: promote it to ruleid').toEqual([]);
  });
});
