import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, Severity } from '../../types.js';
import type { Assessment } from '../assessment.js';
import type { Reporter, ReporterOptions } from './index.js';

const SEVERITY_STYLE: Record<Severity, (c: ChalkInstance) => ChalkInstance> = {
  error: (c) => c.red,
  warning: (c) => c.yellow,
  note: (c) => c.blue,
};

/**
 * Findings grouped by file as `line:col  severity  message  rule-id`, each followed by a code frame
 * (unless `frame` is false), then the verdict and coverage.
 */
export const textReporter: Reporter = (assessment, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const shown = assessment.result.findings.filter((f) => !f.suppressed && (!options.quiet || options.isGated(f)));
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const finding of shown) {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(c.underline(finding.file));
      currentFile = finding.file;
    }
    lines.push(formatFinding(finding, c));
    if (options.frame !== false && finding.frame) lines.push(...formatFrame(finding, c));
  }
  if (shown.length) lines.push('');
  lines.push(...summaryLines(assessment, c, options));
  return `${lines.join('\n')}\n`;
};

function formatFinding(finding: Finding, c: ChalkInstance): string {
  const position = `${finding.line}:${finding.column}`.padEnd(8);
  const severity = SEVERITY_STYLE[finding.severity](c)(finding.severity.padEnd(7));
  const baselined = finding.baselined ? c.dim('  (baselined)') : '';
  return `  ${c.dim(position)}  ${severity}  ${finding.message}  ${c.dim(finding.ruleId)}${baselined}`;
}

/**
 * The source lines around a finding, indented under it: `    > 12 | code` for the finding's lines,
 * `      11 | code` for context (line numbers right-aligned).
 */
function formatFrame(finding: Finding, c: ChalkInstance): string[] {
  const { startLine, lines } = finding.frame!;
  const width = String(startLine + lines.length - 1).length;
  return lines.map((text, index) => {
    const number = startLine + index;
    const marked = number >= finding.line && number <= finding.endLine;
    const gutter = `${marked ? '>' : ' '} ${String(number).padStart(width)} |`;
    const code = text.replace(/\s+$/, '');
    return `    ${marked ? SEVERITY_STYLE[finding.severity](c)(gutter) : c.dim(gutter)}${code ? ` ${marked ? code : c.dim(code)}` : ''}`;
  });
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function summaryLines(assessment: Assessment, c: ChalkInstance, options: ReporterOptions): string[] {
  const { summary, verdict, result } = assessment;
  const badge = verdict === 'blocked' ? c.red.bold('blocked') : verdict === 'ready-with-warnings' ? c.yellow.bold('ready-with-warnings') : c.green.bold('ready');
  const counts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), plural(summary.notes, 'note')].join(', ');
  const suppressed = summary.suppressed ? `, ${summary.suppressed} suppressed` : '';
  const baselined = assessment.baseline?.matched ? `, ${assessment.baseline.matched} baselined` : '';
  const lines = [`Bomgar 10.6 readiness: ${badge} — ${counts}${suppressed}${baselined} in ${plural(summary.filesScanned, 'file')} scanned`];
  const stale = assessment.baseline?.stale.length ?? 0;
  if (stale) lines.push(c.yellow(`${stale} baseline ${stale === 1 ? 'entry' : 'entries'} no longer ${stale === 1 ? 'matches' : 'match'}; run --update-baseline to prune`));
  const { skipped, parseErrors, degraded } = result.coverage;
  if (skipped.length || parseErrors.length || degraded.length) {
    const parts = [`${plural(skipped.length, 'file')} skipped`, `${plural(parseErrors.length, 'file')} failed to parse`];
    if (degraded.length) parts.push(`${plural(degraded.length, 'file')} read with replacement characters`);
    lines.push(c.dim(`Not fully checked: ${parts.join(', ')}${options.quiet ? '' : ':'}`));
    if (!options.quiet) {
      for (const entry of skipped) lines.push(c.dim(`  ${entry.file}: ${entry.reason}`));
      for (const entry of parseErrors) lines.push(c.dim(`  ${entry.file}:${entry.line}: parse error: ${entry.message}`));
      for (const entry of degraded) lines.push(c.dim(`  ${entry.file}: ${entry.reason}`));
    }
  }
  return lines;
}
