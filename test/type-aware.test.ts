import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { validateConfig } from '../src/config/schema.js';
import { lint } from '../src/engine/lint.js';

/** A TypeScript project whose LSID reaches a comparison only through a path alias and a declared type. */
let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'lsid-lint-typed-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] }, module: 'esnext', moduleResolution: 'bundler', strict: true } }));
  write('src/model/types.ts', 'export type Lsid = string;\nexport interface SessionRow { sessionKey: Lsid; startedAt: number }\n');
  write('src/sync.ts', [
    "import type { SessionRow } from '@/model/types';",
    "const REPORT = '/api/reporting?generate_report=SupportSession';",
    'export function isNewer(row: SessionRow, last: string): boolean {',
    '  return row.sessionKey > last;',
    '}',
    'export function isLate(row: SessionRow): boolean {',
    '  return row.startedAt > 5;',
    '}',
    '',
  ].join('\n'));
});

const run = (typeAware: boolean) =>
  lint({ cwd: root, paths: ['.'], config: { ...validateConfig({}, 'test'), baseDir: root }, rules, typeAware });

describe('--type-aware', () => {
  it('follows a value declared with an LSID-named type through a path-aliased import', async () => {
    const result = await run(true);
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['src/sync.ts:4 lsid-numeric-ordering']);
  });

  it('is opt-in: the syntactic pass cannot see the alias', async () => {
    const result = await run(false);
    expect(result.findings).toEqual([]);
  });
});
