import type { Reporter } from './index.js';

/** The machine-readable contract (schemaVersion 1): fields may be added, never change meaning. */
export const jsonReporter: Reporter = (assessment) => {
  const { result, summary } = assessment;
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      tool: assessment.tool,
      target: assessment.target,
      verdict: assessment.verdict,
      summary,
      findings: result.findings.map((f) => ({
        ruleId: f.ruleId, category: f.category, severity: f.severity, file: f.file,
        line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn,
        message: f.message, help: f.help, suppressed: f.suppressed,
        ...(f.suppressionReason ? { suppressionReason: f.suppressionReason } : {}),
        ...(f.baselined ? { baselined: true } : {}),
      })),
      coverage: result.coverage,
      ...(assessment.baseline ? { baseline: assessment.baseline } : {}),
    },
    null,
    2,
  )}\n`;
};
