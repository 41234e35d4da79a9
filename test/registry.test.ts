import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { validateConfig } from '../src/config/schema.js';
import { lint } from '../src/engine/lint.js';
import { adapterFor } from '../src/languages/index.js';
import type { Rule } from '../src/rule-kit/index.js';
import { CATEGORIES, SEVERITIES } from '../src/types.js';
import { fixtureAnnotations, isFixtureFile } from './harness/annotations.js';

/**
 * Meta-tests: the registry, the rule docs, the fixtures and the layering stay in step as rules are
 * added (model-codebases.md §2.7).
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const RULES_DIR = path.join(ROOT, 'rules');
const SRC_DIR = path.join(ROOT, 'src');
const FIXTURES = path.join(ROOT, 'fixtures/rules');
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const DOC_HEADINGS = (id: string) => [
  `# ${id}`, '## Problem', '## Fix', '## Examples', '### Incorrect', '### Correct', '## Options', '## When not to use it', '## References',
];
/** Fence language → the file name an example is linted as. */
const EXAMPLE_FILES: Readonly<Record<string, string>> = {
  js: 'example.js', ts: 'example.ts', prisma: 'schema.prisma', sql: 'example.sql',
  json: 'example.json', yaml: 'example.yaml', graphql: 'schema.graphql', xml: 'example.xml',
  python: 'example.py', csharp: 'Example.cs', java: 'Example.java', php: 'example.php', powershell: 'example.ps1',
};
/**
 * A schema file is in Bomgar context when it shows API evidence itself or when another file of the
 * project talks to the API (its adapter's contextScope is 'project'), so schema examples are linted
 * beside this client.
 */
const PRISMA_COMPANION = { name: 'bomgar-client.js', text: "export const REPORTING = 'https://support.example.com/api/reporting';\n" };

const posix = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');
const byId = (a: Rule, b: Rule): number => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0);

function walk(dir: string, accept: (file: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, accept);
    return entry.isFile() && accept(full) ? [full] : [];
  }).sort();
}

const isSource = (file: string): boolean => /\.[cm]?tsx?$/.test(file) && !file.endsWith('.d.ts');
const ruleFiles = walk(RULES_DIR, isSource).filter((file) => file !== path.join(RULES_DIR, 'index.ts'));

describe('rule registry', () => {
  it('rules/index.ts lists each rule once', () => {
    expect(new Set(rules).size).toBe(rules.length);
  });

  it('ids are kebab-case, and ids and aliases are unique', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const rule of rules) {
      expect(rule.meta.id, `rule id "${rule.meta.id}"`).toMatch(KEBAB);
      for (const name of [rule.meta.id, ...(rule.meta.aliases ?? [])]) {
        const owner = seen.get(name);
        if (owner !== undefined) clashes.push(`"${name}" (${owner} and ${rule.meta.id})`);
        seen.set(name, rule.meta.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('every rule has a known category and severity and a one-line summary', () => {
    for (const { meta } of rules) {
      expect(CATEGORIES, `${meta.id}: category`).toContain(meta.category);
      expect(SEVERITIES, `${meta.id}: defaultSeverity`).toContain(meta.defaultSeverity);
      expect(meta.summary.trim(), `${meta.id}: summary`).not.toBe('');
      expect(meta.summary, `${meta.id}: summary`).not.toMatch(/\n/);
    }
  });

  it('rule files live at rules/<category>/<id>.ts', () => {
    const misplaced = ruleFiles.map(posix).filter((file) => {
      const parts = file.split('/');
      return parts.length !== 3 || !(CATEGORIES as readonly string[]).includes(parts[1]!) || !parts[2]!.endsWith('.ts');
    });
    expect(misplaced, 'files under rules/ outside rules/<category>/<id>.ts').toEqual([]);
  });

  it('each rule file default-exports the rule whose category and id its path names', async () => {
    const wrong: string[] = [];
    for (const file of ruleFiles) {
      const rule = ((await import(pathToFileURL(file).href)) as { default?: Rule }).default;
      if (!rule?.meta) {
        wrong.push(`${posix(file)}: no default-exported rule`);
        continue;
      }
      const expected = `rules/${rule.meta.category}/${rule.meta.id}.ts`;
      if (posix(file) !== expected) wrong.push(`${posix(file)}: holds ${rule.meta.id} (category ${rule.meta.category}), expected at ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it('rules/index.ts lists exactly the rule files on disk', async () => {
    const onDisk = new Map<Rule, string>();
    for (const file of ruleFiles) {
      const rule = ((await import(pathToFileURL(file).href)) as { default?: Rule }).default;
      if (rule) onDisk.set(rule, posix(file));
    }
    const listed = new Set(rules);
    const missingFromIndex = [...onDisk].filter(([rule]) => !listed.has(rule)).map(([, file]) => file);
    const notOnDisk = rules.filter((rule) => !onDisk.has(rule)).map((rule) => rule.meta.id);
    expect({ missingFromIndex, notOnDisk }).toEqual({ missingFromIndex: [], notOnDisk: [] });
  });
});

/** The Markdown doc of a rule: headings outside code fences, and the fenced code under each heading. */
interface RuleDoc {
  lines: string[];
  headings: string[];
  blocks: { heading: string; lang: string; code: string; line: number }[];
}

function readDoc(file: string): RuleDoc {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const headings: string[] = [];
  const blocks: RuleDoc['blocks'] = [];
  let fence: { marker: string; lang: string; start: number; body: string[] } | undefined;
  lines.forEach((line, index) => {
    if (fence) {
      if (line.trim() === fence.marker) {
        blocks.push({ heading: headings[headings.length - 1] ?? '', lang: fence.lang, code: `${fence.body.join('\n')}\n`, line: fence.start });
        fence = undefined;
      } else {
        fence.body.push(line);
      }
      return;
    }
    const open = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (open) fence = { marker: open[1]!, lang: open[2]!, start: index + 1, body: [] };
    else if (/^#{1,6}\s/.test(line)) headings.push(line.trimEnd());
  });
  if (fence) throw new Error(`${posix(file)}: code fence opened on line ${fence.start} is never closed`);
  return { lines, headings, blocks };
}

const docPath = (rule: Rule): string => path.join(RULES_DIR, rule.meta.category, `${rule.meta.id}.md`);
const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function lintExample(rule: Rule, lang: string, code: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lsid-lint-doc-'));
  tempDirs.push(dir);
  const name = EXAMPLE_FILES[lang]!;
  writeFileSync(path.join(dir, name), code);
  const paths = [name];
  if (adapterFor(name)?.contextScope === 'project') {
    writeFileSync(path.join(dir, PRISMA_COMPANION.name), PRISMA_COMPANION.text);
    paths.push(PRISMA_COMPANION.name);
  }
  return lint({ cwd: dir, paths, config: { ...validateConfig({}, 'test'), baseDir: dir }, rules: [rule] });
}

describe.each([...rules].sort(byId).map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  const file = docPath(rule);
  const doc = (() => {
    try {
      return readDoc(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  })();

  it(`has fixtures in fixtures/rules/${id}/ with at least one \`ruleid: ${id}\` and one \`ok: ${id}\``, () => {
    const dir = path.join(FIXTURES, id);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((name) => isFixtureFile(name) && statSync(path.join(dir, name)).isFile());
    } catch {
      expect.fail(`no fixture folder fixtures/rules/${id}/`);
    }
    expect(names, `no fixture files in fixtures/rules/${id}/`).not.toEqual([]);
    const kinds = new Set(
      names.flatMap((name) => fixtureAnnotations(dir, name))
        .filter((annotation) => annotation.ruleId === id)
        .map((annotation) => annotation.kind),
    );
    expect(kinds.has('ruleid'), `no \`ruleid: ${id}\` annotation in fixtures/rules/${id}/`).toBe(true);
    expect(kinds.has('ok'), `no \`ok: ${id}\` annotation in fixtures/rules/${id}/`).toBe(true);
  });

  it(`has a doc at rules/${rule.meta.category}/${id}.md`, () => {
    expect(doc, `missing ${posix(file)}`).toBeDefined();
  });
  if (!doc) return;

  it('doc: title on line 1, meta.summary on line 3, category and severity on line 5', () => {
    expect(doc.lines[0]).toBe(`# ${id}`);
    expect(doc.lines[1]).toBe('');
    expect(doc.lines[2]).toBe(rule.meta.summary);
    expect(doc.lines[4]).toBe(`- Category: \`${rule.meta.category}\` · Default severity: \`${rule.meta.defaultSeverity}\``);
  });

  it('doc: has exactly the required headings, in order', () => {
    expect(doc.headings).toEqual(DOC_HEADINGS(id));
  });

  it('doc: every section has content', () => {
    const starts = doc.lines.flatMap((line, index) => (DOC_HEADINGS(id).includes(line.trimEnd()) ? [index] : []));
    const empty = starts.filter((start, i) => {
      if (doc.lines[start] === '## Examples') return false; // its content is the two subsections
      const body = doc.lines.slice(start + 1, starts[i + 1] ?? doc.lines.length);
      return body.every((line) => line.trim() === '');
    });
    expect(empty.map((start) => doc.lines[start])).toEqual([]);
  });

  it(`doc: the examples are code blocks in a linted language (${Object.keys(EXAMPLE_FILES).join(', ')}), at least one per section`, () => {
    const examples = doc.blocks.filter((block) => block.heading === '### Incorrect' || block.heading === '### Correct');
    expect(examples.filter((block) => !(block.lang in EXAMPLE_FILES)).map((block) => `line ${block.line}: \`\`\`${block.lang}`)).toEqual([]);
    expect(examples.some((block) => block.heading === '### Incorrect'), 'an Incorrect example').toBe(true);
    expect(examples.some((block) => block.heading === '### Correct'), 'a Correct example').toBe(true);
  });

  const examples = doc.blocks.filter((block) => (block.heading === '### Incorrect' || block.heading === '### Correct') && block.lang in EXAMPLE_FILES);
  it.each(examples.map((block) => [block.heading.slice(4), block.line, block] as const))('doc example: %s (line %i)', async (section, _line, block) => {
    const result = await lintExample(rule, block.lang, block.code);
    expect(result.coverage.parseErrors).toEqual([]);
    const found = result.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
    if (section === 'Incorrect') {
      expect(result.findings.filter((finding) => finding.ruleId === id).length, `no ${id} finding in:\n${block.code}`).toBeGreaterThan(0);
    } else {
      expect(found, 'the Correct example must stay silent').toEqual([]);
    }
  });
});

/** Where a file's relative imports (static, `export … from`, dynamic and require) point, as project paths. */
function importsOf(file: string): { specifier: string; target?: string }[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map(({ fileName: specifier }) => {
    if (!specifier.startsWith('.')) return { specifier };
    const resolved = path.resolve(path.dirname(file), specifier).replace(/\.([cm]?)js$/, '.$1ts');
    return { specifier, target: posix(resolved) };
  });
}

describe('layering', () => {
  it('rules import only from src/rule-kit/, and each other only through rules/index.ts', () => {
    const ruleTargets = new Set(ruleFiles.map(posix));
    const violations: string[] = [];
    for (const file of [path.join(RULES_DIR, 'index.ts'), ...ruleFiles]) {
      const isIndex = posix(file) === 'rules/index.ts';
      for (const { specifier, target } of importsOf(file)) {
        const allowed = target !== undefined && (target.startsWith('src/rule-kit/') || (isIndex && ruleTargets.has(target)));
        if (!allowed) violations.push(`${posix(file)} imports '${specifier}'`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('only src/cli/program.ts and src/index.ts import rules/, and only rules/index.ts', () => {
    const entryPoints = new Set(['src/cli/program.ts', 'src/index.ts']);
    const violations: string[] = [];
    for (const file of walk(SRC_DIR, isSource)) {
      for (const { specifier, target } of importsOf(file)) {
        if (!target?.startsWith('rules/')) continue;
        if (!entryPoints.has(posix(file)) || target !== 'rules/index.ts') violations.push(`${posix(file)} imports '${specifier}'`);
      }
    }
    expect(violations).toEqual([]);
  });
});
