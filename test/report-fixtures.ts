/** Deterministic assessments of the example projects, shared by the report tests (not a test file itself). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../rules/index.js';
import { validateConfig } from '../src/config/schema.js';
import { lint } from '../src/engine/lint.js';
import { assess, gatedFindings, type Assessment } from '../src/report/assessment.js';
import type { ReporterOptions } from '../src/report/reporters/index.js';
import { loadRuleDocs } from '../src/report/rule-docs.js';
import { withSourceContext } from '../src/engine/source-context.js';
import type { Category, Finding, LintResult, RuleInfo, Severity } from '../src/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PROJECTS = ['reporting-sync', 'outbound-webhook'] as const;
export type Project = (typeof PROJECTS)[number];
/** The tool version every golden file shows, so a release does not rewrite them. */
export const GOLDEN_VERSION = '0.0.0-golden';

/** A project under fixtures/projects/, or an absolute directory. */
export function projectDir(project: string): string {
  return path.isAbsolute(project) ? project : path.join(ROOT, 'fixtures', 'projects', project);
}

/** `lint()` over a project with the default config (its own config file is not read), with source context filled in. */
export async function lintProject(project: string): Promise<LintResult> {
  const baseDir = projectDir(project);
  const result = await lint({ cwd: baseDir, paths: [], config: { ...validateConfig({}, 'test'), baseDir }, rules });
  // Findings from lint() already carry snippet/frame; derive any missing ones the same way (src/engine/source-context.ts).
  const findings = withSourceContext(result.findings, (file) => {
    try {
      return readFileSync(path.join(baseDir, file), 'utf8');
    } catch {
      return undefined;
    }
  });
  return { ...result, findings };
}

export async function projectAssessment(project: string): Promise<Assessment> {
  const result = await lintProject(project);
  return assess(result, GOLDEN_VERSION, { ruleDocs: await loadRuleDocs(result.rules) });
}

/** Reporter options of a default CLI run (`--fail-on error`, no colour). */
export function reporterOptions(assessment: Assessment, overrides: Partial<ReporterOptions> = {}): ReporterOptions {
  const gated = new Set(gatedFindings(assessment.result.findings, 'error'));
  return { color: false, quiet: false, isGated: (finding) => gated.has(finding), ...overrides };
}

/** A finding with defaults, for hand-built results. */
export function finding(overrides: Partial<Finding> & Pick<Finding, 'ruleId' | 'file' | 'line'>): Finding {
  return {
    category: 'lsid-integer',
    severity: 'error',
    column: 1,
    endLine: overrides.line,
    endColumn: 10,
    message: `Message for ${overrides.ruleId}.`,
    help: 'Do the right thing.',
    suppressed: false,
    ...overrides,
  };
}

export function ruleInfo(id: string, category: Category, severity: Severity = 'error'): RuleInfo {
  return { id, aliases: [], category, defaultSeverity: severity, summary: `Summary of ${id}` };
}

/**
 * A result with everything the engine may report, and hostile text in every field a reporter
 * prints: markup, Markdown, table pipes, control characters, non-BMP characters, quotes.
 */
export function hostileResult(): LintResult {
  const evil = `<script>alert(1)</script> & "quotes" 'single' | pipe [link](javascript:alert(1)) **bold** _it_ \`code | pipe\` \u0007bell 😀`;
  return {
    filesScanned: 6,
    findings: [
      finding({ ruleId: 'lsid-numeric-conversion', file: 'src/a <b>&amp; "c".ts', line: 3, column: 5, endColumn: 12, message: evil, help: evil, snippet: `  const x = Number(s.lsid); // ${evil}`, frame: { startLine: 1, lines: ['// head', `// ${evil}`, '  const x = Number(s.lsid);', '  return x;'] } }),
      finding({ ruleId: 'lsid-numeric-type', file: 'db/schema.sql', line: 2, column: 3, endColumn: 14, message: 'lsid INT', snippet: '  lsid INT NOT NULL,' }),
      finding({ ruleId: 'xml-pinned-namespace-uri', category: 'xml-namespace', severity: 'note', file: 'src/xml.js', line: 7, message: 'pinned' }),
      finding({ ruleId: 'lseq-unique-key', category: 'lseq-misuse', severity: 'warning', file: 'src/store.js', line: 9, message: 'lseq key' }),
      finding({ ruleId: 'lsid-numeric-validation', file: 'legacy/old.js', line: 4, suppressed: true, suppressionReason: `retired ${evil}` }),
      finding({ ruleId: 'unused-suppression', severity: 'note', file: 'legacy/old.js', line: 10, message: 'unused directive' }),
      finding({ ruleId: 'lsid-arithmetic', file: 'top.js', line: 1, column: 1, endLine: 3, endColumn: 2, message: 'multi-line' }),
    ],
    coverage: {
      skipped: [{ file: 'big <1>.js', reason: `too big ${evil}` }],
      parseErrors: [{ file: 'broken.js', line: 3, message: `')' expected ${evil}` }],
      degraded: [{ file: 'latin1.js', reason: 'invalid UTF-8' }],
      notes: [{ file: 'db/schema.sql', line: 1, message: 'read by the scanner' }],
    },
    rules: [
      ruleInfo('lsid-arithmetic', 'lsid-integer'),
      ruleInfo('lsid-numeric-conversion', 'lsid-integer'),
      ruleInfo('lsid-numeric-type', 'lsid-integer'),
      ruleInfo('lsid-numeric-validation', 'lsid-integer'),
      ruleInfo('lseq-unique-key', 'lseq-misuse', 'warning'),
      ruleInfo('xml-pinned-namespace-uri', 'xml-namespace', 'note'),
      ruleInfo('xml-unprefixed-xpath', 'xml-namespace'),
    ],
    scannedFiles: ['src/a <b>&amp; "c".ts', 'db/schema.sql', 'src/xml.js', 'src/store.js', 'legacy/old.js', 'top.js'],
    contextFiles: ['src/a <b>&amp; "c".ts', 'db/schema.sql', 'src/xml.js', 'src/store.js', 'legacy/old.js', 'top.js'],
    unsupportedFiles: [{ extension: '.rb', count: 3 }, { extension: '.go', count: 2 }, { extension: '.md', count: 4 }, { extension: '', count: 1 }],
  };
}
