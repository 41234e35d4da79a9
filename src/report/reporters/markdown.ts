import type { Finding, Severity, Verdict } from '../../types.js';
import { findingsByImportance, type Assessment } from '../assessment.js';
import { CHECKLIST_SECTIONS, type ChecklistEvidence, type ChecklistSection, type ChecklistStatus } from '../checklist.js';
import { formatMinutes } from '../effort.js';
import { INFORMATION_URI } from '../rule-docs.js';
import { closingRun, countsLine, fileLink, plural, rulesById, VERDICT_LABEL } from './common.js';
import type { Reporter, ReporterOptions } from './index.js';

const VERDICT_EMOJI: Readonly<Record<Verdict, string>> = { ready: '✅', 'ready-with-warnings': '⚠️', blocked: '🛑' };
const STATUS_EMOJI: Readonly<Record<ChecklistStatus, string>> = { action: '❌', ok: '✅', info: 'ℹ️', unknown: '❔', advice: '📋' };
const SEVERITY_EMOJI: Readonly<Record<Severity, string>> = { error: '🔴', warning: '🟡', note: '🔵' };

/** Rows of the findings table; the rest are counted ("… and 12 more"). */
export const MAX_TABLE_ROWS = 50;
/** Evidence links per checklist item. */
const MAX_EVIDENCE = 5;
/** GitHub rejects comments over 65,536 characters; past this, rule details shrink to links. */
const MAX_LENGTH = 60_000;

/**
 * A compact report for a pull-request comment or `$GITHUB_STEP_SUMMARY`: verdict, checklist,
 * findings table with links (relative, or under `options.linkBase`), effort, coverage, and a
 * collapsed explanation per rule. GitHub-flavoured Markdown; every piece of scanned text is escaped.
 */
export const markdownReporter: Reporter = (assessment, options) => {
  const full = render(assessment, options, true);
  return full.length <= MAX_LENGTH ? full : render(assessment, options, false);
};

function render(assessment: Assessment, options: ReporterOptions, ruleDetails: boolean): string {
  const out: string[] = [];
  const { summary, verdict } = assessment;
  out.push(`## ${VERDICT_EMOJI[verdict]} Bomgar ${assessment.target} readiness: ${VERDICT_LABEL[verdict]}`, '');
  const effort = assessment.effort.totalMinutes ? ` · estimated effort **${formatMinutes(assessment.effort.totalMinutes)}**` : '';
  out.push(`**${countsLine(assessment)}** in ${plural(summary.filesScanned, 'file')} scanned${effort}`, '');

  out.push('### Pre-upgrade checklist', '');
  let section: ChecklistSection | undefined;
  for (const item of assessment.checklist) {
    if (item.section !== section) {
      if (section !== undefined) out.push('');
      section = item.section;
      out.push(`**${inline(CHECKLIST_SECTIONS[section])}**`, '');
    }
    const evidence = item.status === 'advice' ? '' : evidenceLinks(item.evidence, options.linkBase);
    out.push(`- ${STATUS_EMOJI[item.status]} **${inline(item.question)}** ${inline(item.answer)}${evidence ? `<br>${evidence}` : ''}`);
  }
  out.push('');

  const active = findingsByImportance(assessment.result.findings).filter((f) => !f.suppressed && (!options.quiet || options.isGated(f)));
  const suppressed = assessment.result.findings.filter((f) => f.suppressed);
  if (active.length) {
    out.push(`### Findings (${active.length})`, '');
    out.push(...findingsTable(active.slice(0, MAX_TABLE_ROWS), options));
    if (active.length > MAX_TABLE_ROWS) out.push('', `… and ${active.length - MAX_TABLE_ROWS} more (see the SARIF or HTML report).`);
    out.push('');
  }
  if (suppressed.length && !options.quiet) {
    out.push('<details>', `<summary>${plural(suppressed.length, 'suppressed finding')}</summary>`, '');
    out.push(...findingsTable(suppressed.slice(0, MAX_TABLE_ROWS), options, true));
    if (suppressed.length > MAX_TABLE_ROWS) out.push('', `… and ${suppressed.length - MAX_TABLE_ROWS} more.`);
    out.push('', '</details>', '');
  }

  if (assessment.effort.byRule.length) {
    out.push('<details>', `<summary>Estimated effort: ${formatMinutes(assessment.effort.totalMinutes)}</summary>`, '');
    out.push('| Rule | Findings | Minutes each | Total |', '| --- | ---: | ---: | ---: |');
    for (const line of assessment.effort.byRule) {
      out.push(`| ${code(line.ruleId, true)} | ${line.findings} | ${line.minutesEach} | ${formatMinutes(line.minutes)} |`);
    }
    out.push('', '</details>', '');
  }

  out.push(...coverageLines(assessment, options));

  const rules = rulesById(assessment);
  const withFindings = assessment.counts.byRule.map((entry) => rules.get(entry.ruleId)).filter((rule) => rule !== undefined);
  if (withFindings.length) {
    out.push('### Rules', '');
    for (const rule of withFindings) {
      const counted = assessment.counts.byRule.find((entry) => entry.ruleId === rule.id)!;
      const count = `${plural(counted.count, 'finding')}${counted.suppressed ? `, ${counted.suppressed} suppressed` : ''}`;
      out.push('<details>', `<summary><code>${html(rule.id)}</code> · ${rule.level} · ${count} — ${html(rule.summary)}</summary>`, '');
      if (ruleDetails && rule.doc?.problem) out.push(rule.doc.problem, '');
      if (ruleDetails && rule.doc?.fixMarkdown) out.push('**Fix**', '', rule.doc.fixMarkdown, '');
      out.push(`[Full documentation](${rule.helpUri})`, '', '</details>', '');
    }
  }

  out.push(`<sub>[lsid-lint](${INFORMATION_URI}) ${inline(assessment.tool.version)} · target Bomgar ${assessment.target}</sub>`);
  return `${out.join('\n')}\n`;
}

function findingsTable(findings: readonly Finding[], options: ReporterOptions, suppressed = false): string[] {
  const rows = [
    suppressed ? '| Severity | Rule | Location | Message | Reason |' : '| Severity | Rule | Location | Message |',
    suppressed ? '| --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- |',
  ];
  for (const f of findings) {
    const location = `[${tableCell(`${f.file}:${f.line}`)}](${fileLink(f.file, f.line, options.linkBase)})`;
    const cells = [`${SEVERITY_EMOJI[f.severity]} ${f.severity}`, code(f.ruleId, true), location, tableCell(f.message)];
    if (suppressed) cells.push(tableCell(f.suppressionReason ?? '—'));
    rows.push(`| ${cells.join(' | ')} |`);
  }
  return rows;
}

function evidenceLinks(evidence: readonly ChecklistEvidence[], linkBase: string | undefined): string {
  if (!evidence.length) return '';
  const links = evidence.slice(0, MAX_EVIDENCE).map((entry) => {
    const label = entry.line ? `${entry.file}:${entry.line}` : entry.file;
    return `[${inline(label)}](${fileLink(entry.file, entry.line, linkBase)})`;
  });
  const more = evidence.length > MAX_EVIDENCE ? ` and ${evidence.length - MAX_EVIDENCE} more` : '';
  return `${links.join(', ')}${more}`;
}

function coverageLines(assessment: Assessment, options: ReporterOptions): string[] {
  const { coverage } = assessment;
  const { skipped, parseErrors, degraded } = assessment.result.coverage;
  const languages = coverage.scannedByLanguage?.length ? ` (${coverage.scannedByLanguage.map((t) => `${inline(t.key)} ${t.count}`).join(', ')})` : '';
  const parts = [`${plural(coverage.filesScanned, 'file')} scanned${languages}`];
  if (coverage.contextFiles !== undefined) parts.push(`${coverage.contextFiles} in Bomgar API context`);
  parts.push(`${skipped.length} skipped`, `${parseErrors.length} failed to parse`);
  if (degraded.length) parts.push(`${degraded.length} read with replacement characters`);
  if (coverage.notAnalyzed?.length) {
    parts.push(`not analyzed: ${coverage.notAnalyzed.map((l) => `${inline(l.language)} (${plural(l.files, 'file')})`).join(', ')}`);
  }
  const lines = ['### Coverage', '', `${parts.join(' · ')}.`];
  if (!coverage.complete) lines.push('', '_This run did not list the scanned files per language or the unsupported files it saw._');
  const problems = [
    ...parseErrors.map((e) => `- [${inline(`${e.file}:${e.line}`)}](${fileLink(e.file, e.line, options.linkBase)}): failed to parse: ${inline(e.message)}`),
    ...skipped.map((e) => `- ${inline(e.file)}: skipped: ${inline(e.reason)}`),
    ...degraded.map((e) => `- ${inline(e.file)}: ${inline(e.reason)}`),
  ];
  if (problems.length) {
    lines.push('', '<details>', `<summary>${plural(problems.length, 'file')} not fully checked</summary>`, '', ...problems, '', '</details>');
  }
  lines.push('');
  return lines;
}

/** Escapes HTML-significant characters (for text inside raw HTML such as `<summary>`). */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Scanned text as inline Markdown: code spans (`…`) are kept as code, everything else is escaped
 * so that nothing in a message or a path can open a link, a tag, emphasis or a new block.
 */
export function inline(text: string, inTable = false): string {
  let out = '';
  let i = 0;
  const flat = text.replace(/\r\n?|\n/g, ' ').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD');
  while (i < flat.length) {
    if (flat[i] === '`') {
      const run = /^`+/.exec(flat.slice(i))![0];
      const close = closingRun(flat, i + run.length, run.length);
      if (close !== -1) {
        const body = flat.slice(i + run.length, close);
        out += run + (inTable ? body.replace(/\|/g, '\\|') : body) + run;
        i = close + run.length;
        continue;
      }
      out += '\\`'.repeat(run.length);
      i += run.length;
      continue;
    }
    const ch = flat[i]!;
    if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '&') out += '&amp;';
    else if (ch === '|') out += inTable ? '\\|' : '|';
    else if ('\\*_[]#~!'.includes(ch)) out += `\\${ch}`;
    else out += ch;
    i++;
  }
  return out;
}


/** Text as one code span, fenced with more backticks than it contains. */
function code(text: string, inTable = false): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  const body = text.replace(/\r\n?|\n/g, ' ');
  return `${fence}${pad}${inTable ? body.replace(/\|/g, '\\|') : body}${pad}${fence}`;
}

function tableCell(text: string): string {
  return inline(text, true);
}
