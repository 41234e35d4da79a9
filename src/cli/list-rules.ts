import type { Rule } from '../rule-kit/index.js';

/** `--list-rules`: a table for people, or JSON for tools. */
export function formatRuleList(rules: readonly Rule[], format: string): string {
  const rows = rules.map(({ meta }) => ({
    id: meta.id,
    category: meta.category,
    defaultSeverity: meta.defaultSeverity,
    summary: meta.summary,
    aliases: meta.aliases ?? [],
  }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const width = (key: 'id' | 'category' | 'defaultSeverity') => Math.max(key.length, ...rows.map((row) => row[key].length));
  const [idWidth, categoryWidth, severityWidth] = [width('id'), width('category'), width('defaultSeverity')];
  const line = (id: string, category: string, severity: string, summary: string) =>
    `${id.padEnd(idWidth)}  ${category.padEnd(categoryWidth)}  ${severity.padEnd(severityWidth)}  ${summary}`;
  return `${[line('id', 'category', 'severity', 'summary'), ...rows.map((r) => line(r.id, r.category, r.defaultSeverity, r.summary))].join('\n')}\n`;
}
