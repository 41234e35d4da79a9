import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { validateConfig } from '../src/config/schema.js';
import { lint } from '../src/engine/lint.js';
import { loadGrammar, loadedGrammars } from '../src/languages/tree-sitter/grammars.js';

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lsid-lint-grammars-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

const lintDir = (dir: string) => lint({ cwd: dir, paths: ['.'], config: { ...validateConfig({}, 'test'), baseDir: dir }, rules });

// Module state is per test file (vitest isolates files), so the order of these tests matters.
describe('tree-sitter grammars', () => {
  it('are not loaded by a scan that has no file of their language', async () => {
    await lintDir(await project({ 'a.js': "fetch('/api/reporting?generate_report=SupportSession').then((r) => parseInt(r.lsid));\n" }));
    expect(loadedGrammars()).toEqual([]);
  });

  it('are not loaded for files of their language that the prefilter finds irrelevant', async () => {
    await lintDir(await project({ 'Util.cs': 'static class Util { static int Twice(int x) => x * 2; }\n', 'b.js': "parseInt('1');\n" }));
    expect(loadedGrammars()).toEqual([]);
  });

  it('are loaded once per process, when a relevant file of their language is scanned', async () => {
    const dir = await project({ 'a.py': "import requests\nrequests.get('https://h/api/reporting')\n", 'b.py': 'x = 1\n' });
    await lintDir(dir);
    expect(loadedGrammars()).toEqual(['python']);
    const first = await loadGrammar('python');
    await lintDir(dir);
    expect(await loadGrammar('python')).toBe(first);
    expect(loadedGrammars()).toEqual(['python']);
  });
});
