/**
 * Golden files for every report format on the example projects (test/golden/report/). After an
 * intended change, regenerate them with `UPDATE_GOLDEN=1 npx vitest run test/report-golden.test.ts`
 * and review the diff.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../src/report/assessment.js';
import { REPORT_EXTENSIONS, reporters } from '../src/report/reporters/index.js';
import { PROJECTS, projectAssessment, reporterOptions, ROOT } from './report-fixtures.js';

const GOLDEN_DIR = path.join(ROOT, 'test', 'golden', 'report');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe.each(PROJECTS)('report formats on fixtures/projects/%s', (project) => {
  let assessment: Assessment;
  beforeAll(async () => {
    assessment = await projectAssessment(project);
  });

  it('has a golden file for every registered format', () => {
    expect(Object.keys(REPORT_EXTENSIONS).sort()).toEqual(Object.keys(reporters).sort());
  });

  it.each(Object.keys(reporters))('%s matches its golden file', async (format) => {
    const actual = reporters[format]!(assessment, reporterOptions(assessment));
    const file = path.join(GOLDEN_DIR, `${project}${REPORT_EXTENSIONS[format]}`);
    if (UPDATE) {
      await mkdir(GOLDEN_DIR, { recursive: true });
      await writeFile(file, actual);
      return;
    }
    let expected: string;
    try {
      expected = await readFile(file, 'utf8');
    } catch {
      throw new Error(`missing golden file ${path.relative(ROOT, file)}: run UPDATE_GOLDEN=1 npx vitest run test/report-golden.test.ts`);
    }
    expect(actual, `${path.relative(ROOT, file)} is out of date; if the change is intended, run UPDATE_GOLDEN=1 npx vitest run test/report-golden.test.ts and review the diff`).toBe(expected);
  });

  it('renders the same report twice (reporters are pure and deterministic)', async () => {
    const again = await projectAssessment(project);
    for (const [name, reporter] of Object.entries(reporters)) {
      expect(reporter(again, reporterOptions(again)), name).toBe(reporter(assessment, reporterOptions(assessment)));
    }
  });
});
