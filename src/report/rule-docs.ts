import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Category } from '../types.js';

/** Where a rule's documentation page lives for readers of a report (SARIF helpUri, Markdown and HTML links). */
export const DOCS_BASE_URL = 'https://github.com/lsid-lint/lsid-lint/blob/main/rules';
/** The project's home page (SARIF tool.driver.informationUri). */
export const INFORMATION_URI = 'https://github.com/lsid-lint/lsid-lint';

export function ruleDocUrl(rule: { id: string; category: string }): string {
  return `${DOCS_BASE_URL}/${rule.category}/${rule.id}.md`;
}

/** A rule's documentation page (`rules/<category>/<id>.md`), split into the parts reports use. */
export interface RuleDoc {
  /** The whole page, with relative links made absolute (it is shown outside the repository). */
  markdown: string;
  /** The first paragraph of `## Problem`, as plain-ish text (SARIF fullDescription). */
  problem?: string;
  /** The `## Problem` section's body, Markdown. */
  problemMarkdown?: string;
  /** The `## Fix` section's body, Markdown. */
  fixMarkdown?: string;
}

/**
 * Splits a rule page into its sections. Pure: the loader below and tests call it. Relative links
 * (`./other-rule.md`, `../lseq-misuse/x.md`) are rewritten against the page's URL.
 */
export function parseRuleDoc(markdown: string, rule: { id: string; category: string }): RuleDoc {
  const absolute = absolutizeLinks(markdown.replace(/\r\n?/g, '\n'), ruleDocUrl(rule));
  const sections = splitSections(absolute);
  const problemMarkdown = sections.get('problem');
  const fixMarkdown = sections.get('fix');
  const firstParagraph = problemMarkdown?.split(/\n\s*\n/).find((block) => block.trim() && !block.trimStart().startsWith('```'));
  return {
    markdown: absolute.endsWith('\n') ? absolute : `${absolute}\n`,
    ...(firstParagraph ? { problem: firstParagraph.replace(/\s*\n\s*/g, ' ').trim() } : {}),
    ...(problemMarkdown ? { problemMarkdown } : {}),
    ...(fixMarkdown ? { fixMarkdown } : {}),
  };
}

/** `## Heading` → body (trimmed), keyed by the lower-cased heading; fenced code is not mistaken for headings. */
function splitSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | undefined;
  let body: string[] = [];
  let fenced = false;
  const flush = () => {
    if (current !== undefined && !sections.has(current)) sections.set(current, body.join('\n').trim());
  };
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^##\s+(.+?)\s*$/.exec(line);
    if (heading) {
      flush();
      current = heading[1]!.toLowerCase();
      body = [];
    } else if (!fenced && /^#\s/.test(line)) {
      flush();
      current = undefined;
    } else {
      body.push(line);
    }
  }
  flush();
  return sections;
}

/** Rewrites relative inline-link targets against the page URL; code blocks and code spans are left alone. */
function absolutizeLinks(markdown: string, pageUrl: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return line;
      }
      if (fenced) return line;
      // Odd parts are code spans.
      return line
        .split(/(`+[^`]*`+)/)
        .map((part, index) => (index % 2 ? part : part.replace(/\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g, (whole, target: string) => {
          if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return whole;
          try {
            return `](${new URL(target, pageUrl).href})`;
          } catch {
            return whole;
          }
        })))
        .join('');
    })
    .join('\n');
}

/** The package's `rules/` directory, found by walking up from this module (src/ in tests, dist/src/ when installed). */
export function defaultRulesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'lsid-lint') return path.join(dir, 'rules');
    } catch {
      // not here; keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules');
    dir = parent;
  }
}

/**
 * Reads the documentation page of each rule (`<rulesDir>/<category>/<id>.md`). Not pure: the CLI
 * calls it and passes the result to `assess()`, so reporters stay pure. A rule without a page is
 * left out (reporters fall back to its summary).
 */
export async function loadRuleDocs(
  rules: readonly { id: string; category: Category | string }[],
  rulesDir: string = defaultRulesDir(),
): Promise<Record<string, RuleDoc>> {
  const entries = await Promise.all(
    rules.map(async (rule) => {
      try {
        const text = await readFile(path.join(rulesDir, rule.category, `${rule.id}.md`), 'utf8');
        return [rule.id, parseRuleDoc(text, rule)] as const;
      } catch {
        return undefined;
      }
    }),
  );
  return Object.fromEntries(entries.filter((entry) => entry !== undefined));
}
