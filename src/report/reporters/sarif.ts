import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../../types.js';
import type { Assessment, RuleDescriptor } from '../assessment.js';
import { FINGERPRINT_KEY, fingerprints } from '../fingerprint.js';
import { INFORMATION_URI } from '../rule-docs.js';
import { encodePath } from './common.js';
import type { Reporter } from './index.js';

/** The OASIS schema URI the output declares (the schema test/fixtures-sarif/ validates against). */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';
/** GitHub shows at most 1024 characters of a rule's fullDescription. */
const MAX_FULL_DESCRIPTION = 1024;

/** GitHub code scanning's `problem.severity`: error | warning | recommendation. */
const PROBLEM_SEVERITY: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', note: 'recommendation' };

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every enabled rule with
 * its documentation, one result per finding (suppressed ones with `suppressions`), parse failures
 * and skipped files as tool execution notifications.
 */
export const sarifReporter: Reporter = (assessment) => {
  const { result } = assessment;
  const rules = assessment.rules;
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const prints = fingerprints(result.findings);
  const toolNotifications = notifications(assessment);
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: assessment.tool.name,
            semanticVersion: assessment.tool.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(reportingDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(toolNotifications.length ? { toolExecutionNotifications: toolNotifications } : {}),
          },
        ],
        originalUriBaseIds: {
          [SRCROOT]: assessment.root
            ? { uri: directoryUri(assessment.root) }
            : { description: { text: 'The directory lsid-lint ran in; every result path is relative to it.' } },
        },
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((finding, index) => sarifResult(finding, ruleIndex.get(finding.ruleId)!, prints[index]!)),
        properties: { target: assessment.target, verdict: assessment.verdict },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function directoryUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function reportingDescriptor(rule: RuleDescriptor): Record<string, unknown> {
  const summary = rule.summary.endsWith('.') ? rule.summary : `${rule.summary}.`;
  const full = rule.doc?.problem ?? summary;
  const markdown = rule.doc?.markdown ?? `${summary}\n\nSee ${rule.helpUri}\n`;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: summary },
    fullDescription: { text: full.length > MAX_FULL_DESCRIPTION ? `${full.slice(0, MAX_FULL_DESCRIPTION - 1)}…` : full },
    defaultConfiguration: { level: rule.level },
    helpUri: rule.helpUri,
    help: { text: markdown, markdown },
    properties: {
      tags: ['bomgar-10.6', ...(rule.category ? [rule.category] : ['lsid-lint'])],
      ...(rule.category ? { category: rule.category } : {}),
      'problem.severity': PROBLEM_SEVERITY[rule.level],
    },
  };
}

function pascalCase(id: string): string {
  return id.split(/[^a-zA-Z0-9]+/).filter(Boolean).map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');
}

function sarifResult(finding: Finding, ruleIndex: number, fingerprint: string): Record<string, unknown> {
  const region: Record<string, unknown> = {
    startLine: finding.line,
    startColumn: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
  };
  const physicalLocation: Record<string, unknown> = {
    artifactLocation: { uri: encodePath(finding.file), uriBaseId: SRCROOT },
    region,
  };
  // The code around the finding (region.snippet would have to be the region's exact text).
  const frame = finding.frame;
  if (frame && frame.lines.length && frame.startLine <= finding.line && frame.startLine + frame.lines.length - 1 >= finding.endLine) {
    physicalLocation.contextRegion = {
      startLine: frame.startLine,
      endLine: frame.startLine + frame.lines.length - 1,
      snippet: { text: `${frame.lines.join('\n')}\n` },
    };
  } else if (finding.snippet !== undefined && finding.endLine === finding.line) {
    physicalLocation.contextRegion = { startLine: finding.line, endLine: finding.line, snippet: { text: `${finding.snippet}\n` } };
  }
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.severity,
    message: { text: finding.help ? `${finding.message}\n${finding.help}` : finding.message },
    locations: [{ physicalLocation }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(finding.suppressed
      ? { suppressions: [{ kind: 'inSource', ...(finding.suppressionReason ? { justification: finding.suppressionReason } : {}) }] }
      : {}),
    properties: { category: finding.category },
  };
}

function fileLocation(file: string, line?: number): Record<string, unknown> {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodePath(file), uriBaseId: SRCROOT },
      ...(line ? { region: { startLine: line } } : {}),
    },
  };
}

function notifications(assessment: Assessment): Record<string, unknown>[] {
  const { skipped, parseErrors, degraded } = assessment.result.coverage;
  return [
    ...parseErrors.map((entry) => ({
      level: 'warning',
      message: { text: `Not checked: failed to parse: ${entry.message}` },
      locations: [fileLocation(entry.file, entry.line)],
      descriptor: { id: 'parse-error' },
    })),
    ...skipped.map((entry) => ({
      level: 'note',
      message: { text: `Not checked: skipped: ${entry.reason}` },
      locations: [fileLocation(entry.file)],
      descriptor: { id: 'skipped' },
    })),
    ...degraded.map((entry) => ({
      level: 'note',
      message: { text: `Checked with reduced fidelity: ${entry.reason}` },
      locations: [fileLocation(entry.file)],
      descriptor: { id: 'degraded' },
    })),
  ];
}
