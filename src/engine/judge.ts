import { frameFor, snippetFor } from './source-context.js';
import type { Rule } from '../rule-kit/index.js';
import type { Category, Finding, SeverityOrOff } from '../types.js';
import type { ScannedFile } from './lint.js';
import { UNUSED_DIRECTIVE_ID, type RuleRegistry } from './registry.js';
import { applySuppressions, parseDirectives, type Directive } from './suppressions.js';


/** Runs the enabled rules on one analyzed file's facts, then applies its inline directives. */
export function judge(
  entry: ScannedFile,
  inContext: boolean,
  levels: ReadonlyMap<Rule, SeverityOrOff>,
  registry: RuleRegistry,
  unusedDirectiveLevel: SeverityOrOff,
): Finding[] {
  const source = entry.source!;
  const facts = entry.analysis!.facts;
  const file = entry.file.relPath;
  const findings: Finding[] = [];
  if (inContext) {
    for (const [rule, level] of levels) {
      if (level === 'off') continue;
      rule.check({
        file,
        facts,
        report: ({ span, message, help }) => {
          const { start, end } = source.range(span);
          findings.push({
            ruleId: rule.meta.id, category: rule.meta.category, severity: level, file,
            line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
            message, help, suppressed: false,
          });
        },
      });
    }
  }
  const directives = parseDirectives(source.text, entry.adapter.comments);
  const { unused } = directives.length ? applySuppressions(findings, directives, (id) => registry.canonicalId(id)) : { unused: [] };
  if (unusedDirectiveLevel !== 'off') {
    findings.push(...unused.map((directive) => ({ ...unusedDirectiveNote(directive, file, registry), severity: unusedDirectiveLevel })));
  }
  // The line and its neighbours travel with each finding: fingerprints and code frames need them.
  for (const finding of findings) {
    finding.snippet = snippetFor(source, finding);
    finding.frame = frameFor(source, finding);
  }
  return findings;
}

function unusedDirectiveNote(directive: Directive, file: string, registry: RuleRegistry): Finding {
  const named = directive.rules === 'all' ? [] : directive.rules;
  const unknown = named.filter((id) => !registry.get(id));
  // Filed under the category of the rule it names, so the note lands next to the findings it once hid.
  const category: Category = named.map((id) => registry.get(id)?.meta.category).find(Boolean) ?? 'lsid-integer';
  const what = named.length ? named.join(', ') : 'all rules';
  const message = unknown.length
    ? `Suppression directive names unknown rule ${unknown.map((id) => `"${id}"`).join(', ')}; it suppresses nothing.`
    : `Unused suppression directive: no ${what} finding ${directive.kind === 'file' ? 'in this file' : 'on the line it covers'}; the code it once hid may have changed.`;
  return {
    ruleId: UNUSED_DIRECTIVE_ID, category, severity: 'note', file,
    line: directive.line, column: directive.column, endLine: directive.endLine, endColumn: directive.endColumn,
    message, help: 'Remove the directive, or correct the rule id (see lsid-lint --list-rules).', suppressed: false,
  };
}
