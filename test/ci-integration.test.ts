import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './helpers/run-cli.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The lsid-lint invocations of the action's script, with the inputs filled in as a user would. */
function actionInvocations(): string[][] {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: { steps: { run?: string }[] } };
  const script = action.runs.steps.map((step) => step.run ?? '').join('\n').replace(/\\\n\s*/g, ' ');
  return [...script.matchAll(/node "\$GITHUB_ACTION_PATH\/dist\/src\/cli\/bin\.js" (.+)/g)].map((match) =>
    match[1]!
      .replace(/>>.*$/, '')
      .replace('${LSID_LINT_PATHS}', 'fixtures/projects/outbound-webhook')
      .replace('"${LSID_LINT_FAIL_ON}"', 'error')
      .trim()
      .split(/\s+/)
      .map((arg) => arg.replace(/^"|"$/g, '')),
  );
}

describe('GitHub Action', () => {
  it('runs lsid-lint with options the CLI accepts, and gates on its exit code', async () => {
    const invocations = actionInvocations();
    expect(invocations.length).toBeGreaterThanOrEqual(2);
    for (const argv of invocations) {
      const outputIndex = argv.indexOf('-o');
      if (outputIndex >= 0) argv.splice(outputIndex, 2);
      const result = await runCli(argv, ROOT);
      expect(result.stderr).toBe('');
      expect([0, 1]).toContain(result.code);
    }
  });
});

describe('pre-commit hook', () => {
  it('passes staged file names to lsid-lint, which fails the commit on a hazard', async () => {
    const [hook] = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { entry: string; pass_filenames: boolean }[];
    expect(hook!.entry).toBe('lsid-lint');
    expect(hook!.pass_filenames).toBe(true);
    const staged = ['fixtures/projects/outbound-webhook/src/routes/events.js', 'fixtures/projects/outbound-webhook/src/server.js'];
    const result = await runCli(staged, ROOT);
    expect(result.code).toBe(1);
  });
});
