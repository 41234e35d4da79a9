import type { Category, Finding, LintResult, Severity } from '../types.js';
import { UNUSED_DIRECTIVE_ID } from '../engine/registry.js';
import { extensionOf } from './languages.js';

/**
 * The vendor upgrade guide's pre-upgrade checklists (../shared/vendor-guide/summary.en.md), each
 * question answered from the scan, plus the fixed advice the guide gives.
 */
export type ChecklistSection = 'api' | 'integration-client' | 'xml' | 'general';

export const CHECKLIST_SECTIONS: Readonly<Record<ChecklistSection, string>> = {
  api: 'LSID and LSEQ, for API users',
  'integration-client': 'LSID and LSEQ, for Integration Client users',
  xml: 'Namespaces and parsing XML responses',
  general: 'Before any upgrade',
};

export type ChecklistItemId =
  | 'uses-api'
  | 'lsid-in-code'
  | 'lseq-assumptions'
  | 'lsid-in-data'
  | 'integration-client-first'
  | 'xml-namespace-aware'
  | 'back-up'
  | 'test-on-spare-appliance';

/**
 * - `action`: the scan found what the question asks about; work is needed before upgrading.
 * - `ok`: checked, nothing found.
 * - `info`: a fact (the code uses the API), or only notes were found.
 * - `unknown`: the scan cannot answer (files failed to parse, nothing of that kind was scanned).
 * - `advice`: a step the guide prescribes that no scan can check.
 */
export type ChecklistStatus = 'action' | 'ok' | 'info' | 'unknown' | 'advice';

export interface ChecklistEvidence {
  file: string;
  line?: number;
  column?: number;
  ruleId?: string;
  severity?: Severity;
  message?: string;
}

export interface ChecklistItem {
  id: ChecklistItemId;
  section: ChecklistSection;
  question: string;
  /** Where the vendor guide asks it. */
  source: string;
  status: ChecklistStatus;
  /** One or two sentences, starting with the answer. */
  answer: string;
  /** Unsuppressed findings (or, for `uses-api`, the files) behind the answer. */
  evidence: ChecklistEvidence[];
}

/** SQL and schema files, and anything under a migrations folder: where databases, reports and queries live. */
const DATA_LAYER_EXTENSIONS: ReadonlySet<string> = new Set(['.sql', '.prisma', '.graphql', '.gql', '.graphqls', '.xsd', '.avsc', '.json', '.yaml', '.yml', '.xml']);
const MIGRATION_FOLDERS: ReadonlySet<string> = new Set(['migrations', 'migration', 'migrate']);

export function isDataLayerFile(file: string): boolean {
  if (DATA_LAYER_EXTENSIONS.has(extensionOf(file))) return true;
  return file.split('/').slice(0, -1).some((segment) => MIGRATION_FOLDERS.has(segment.toLowerCase()));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function evidenceOf(finding: Finding): ChecklistEvidence {
  return { file: finding.file, line: finding.line, column: finding.column, ruleId: finding.ruleId, severity: finding.severity, message: finding.message };
}

interface FindingQuestion {
  id: ChecklistItemId;
  section: ChecklistSection;
  question: string;
  source: string;
  matches(finding: Finding): boolean;
  /** After "Yes: 3 findings in 2 files, " (or "No: …" when `problemAnswer` is 'No'). */
  found: string;
  /** What to do, after `found` (left out when only notes were found). */
  action: string;
  /** When nothing was found. */
  clean: string;
  /** Whether finding the problem answers the question "yes" (LSID as integer?) or "no" (namespace-aware?). */
  problemAnswer: 'Yes' | 'No';
  /** A reason the scan cannot answer even without findings (e.g. no SQL scanned), when one applies. */
  blindSpot?: string;
}

/** Checks the engine makes about the scan itself (an unused directive), not evidence about the code. */
const NOT_EVIDENCE: ReadonlySet<string> = new Set([UNUSED_DIRECTIVE_ID]);

function answerFindingQuestion(q: FindingQuestion, result: LintResult, apiUsed: boolean | undefined): ChecklistItem {
  const matching = result.findings.filter((f) => !NOT_EVIDENCE.has(f.ruleId) && q.matches(f));
  const active = matching.filter((f) => !f.suppressed);
  const suppressed = matching.length - active.length;
  const suppressedNote = suppressed ? ` ${plural(suppressed, 'finding')} suppressed in the code.` : '';
  const files = new Set(active.map((f) => f.file)).size;
  const base = { id: q.id, section: q.section, question: q.question, source: q.source, evidence: active.map(evidenceOf) };
  const serious = active.filter((f) => f.severity !== 'note');
  if (serious.length) {
    return { ...base, status: 'action', answer: `${q.problemAnswer}: ${plural(active.length, 'finding')} in ${plural(files, 'file')}, ${q.found} ${q.action}${suppressedNote}` };
  }
  if (active.length) {
    return { ...base, status: 'info', answer: `Only notes: ${plural(active.length, 'note')} in ${plural(files, 'file')}, ${q.found}${suppressedNote}` };
  }
  const unparsed = new Set(result.coverage.parseErrors.map((entry) => entry.file)).size;
  if (unparsed) {
    return { ...base, status: 'unknown', answer: `Not fully answered: no findings, but ${plural(unparsed, 'file')} that mention the API failed to parse and were not checked.${suppressedNote}` };
  }
  if (apiUsed === false) {
    return { ...base, status: 'ok', answer: `${q.problemAnswer === 'Yes' ? 'No' : 'Not applicable'}: no scanned file talks to the Bomgar API.${suppressedNote}` };
  }
  if (q.blindSpot) return { ...base, status: 'unknown', answer: `${q.blindSpot}${suppressedNote}` };
  return { ...base, status: 'ok', answer: `${q.clean}${suppressedNote}` };
}

const inCategory = (category: Category) => (f: Finding) => f.category === category;

/** Answers the guide's checklists from a lint result. */
export function buildChecklist(result: LintResult): ChecklistItem[] {
  const usesApi = answerUsesApi(result);
  const apiUsed = usesApi.status === 'info' ? true : usesApi.status === 'ok' ? false : undefined;
  const dataScanned = result.scannedFiles ? result.scannedFiles.some(isDataLayerFile) : undefined;
  return [
    usesApi,
    answerFindingQuestion({
      id: 'lsid-in-code',
      section: 'api',
      question: 'Is the LSID stored or handled as an integer in custom code?',
      source: 'LSID and LSEQ, for API users, step 2',
      matches: (f) => f.category === 'lsid-integer' && !isDataLayerFile(f.file),
      problemAnswer: 'Yes',
      found: 'where code converts, types, compares or validates the LSID as a number.',
      action: 'Change it to a string type (step 3).',
      clean: 'No: no code converts, types, compares or validates the LSID as a number.',
    }, result, apiUsed),
    answerFindingQuestion({
      id: 'lseq-assumptions',
      section: 'api',
      question: 'Does code rely on the new lseq being unique or strictly sequential?',
      source: 'LSID and LSEQ: lseq "is not guaranteed to be unique or strictly sequential"',
      matches: inCategory('lseq-misuse'),
      problemAnswer: 'Yes',
      found: 'where code uses lseq as a key, a cursor or a gap detector, or copies the session table without it.',
      action: 'Key and order sessions by the LSID string and start time instead.',
      clean: 'No: lseq is not used as a unique key or a strictly sequential cursor.',
    }, result, apiUsed),
    answerFindingQuestion({
      id: 'lsid-in-data',
      section: 'integration-client',
      question: 'Do databases, reports and queries store or read the LSID as an integer?',
      source: 'LSID and LSEQ, for Integration Client users, steps 1–2 (session.lsid becomes varchar(32))',
      matches: (f) => f.category === 'lsid-integer' && isDataLayerFile(f.file),
      problemAnswer: 'Yes',
      found: 'where a schema, migration or query holds the LSID as a number.',
      action: 'Change those columns and queries to varchar(32).',
      clean: 'No: no SQL, schema or migration file in the scan declares or reads the LSID as a number. Reports and queries kept outside this code (BI tools, the Integration Client database itself) need a manual check.',
      ...(dataScanned === false
        ? { blindSpot: 'Not answered: no SQL, schema or migration file was scanned. Reports and queries kept elsewhere (BI tools, the Integration Client database itself) need a manual check.' }
        : {}),
    }, result, apiUsed),
    {
      id: 'integration-client-first',
      section: 'integration-client',
      question: 'Is the Integration Client upgraded before the appliance?',
      source: 'LSID and LSEQ, for Integration Client users, steps 3–4',
      status: 'advice',
      answer: 'Upgrade the Integration Client first, then the appliance: it is backward compatible with older appliances, and its upgrade changes session.lsid to varchar(32) and adds lseq.',
      evidence: [],
    },
    answerFindingQuestion({
      id: 'xml-namespace-aware',
      section: 'xml',
      question: 'Is the XML parsing namespace-aware?',
      source: 'Namespaces and parsing XML responses, step 2',
      matches: inCategory('xml-namespace'),
      problemAnswer: 'No',
      found: 'where code reads responses in a way the new default namespace breaks or makes brittle.',
      action: 'Make it namespace-aware (step 3).',
      clean: 'Yes, as far as the scan sees: no namespace-sensitive XML access was found.',
    }, result, apiUsed),
    {
      id: 'back-up',
      section: 'general',
      question: 'Are settings and configuration backed up?',
      source: 'Before any upgrade',
      status: 'advice',
      answer: 'Back up the settings and configuration first (/login > Management > Software Management).',
      evidence: [],
    },
    {
      id: 'test-on-spare-appliance',
      section: 'general',
      question: 'Is the new version tested on a spare appliance?',
      source: 'Failover upgrade, process notes, step 3',
      status: 'advice',
      answer: 'Test the new version on a spare appliance before deploying it to production.',
      evidence: [],
    },
  ];
}

function answerUsesApi(result: LintResult): ChecklistItem {
  const base = {
    id: 'uses-api' as const,
    section: 'api' as const,
    question: 'Does this code use the Bomgar API?',
    source: 'LSID and LSEQ, for API users, step 1; Namespaces, step 1',
  };
  if (result.contextFiles) {
    const files = [...result.contextFiles].sort();
    if (!files.length) return { ...base, status: 'ok', answer: 'No: no scanned file talks to the Bomgar API, so its changes do not reach this code.', evidence: [] };
    return { ...base, status: 'info', answer: `Yes: ${plural(files.length, 'file')} ${files.length === 1 ? 'talks' : 'talk'} to the Bomgar API or ${files.length === 1 ? 'handles' : 'handle'} its data.`, evidence: files.map((file) => ({ file })) };
  }
  const files = [...new Set(result.findings.filter((f) => !NOT_EVIDENCE.has(f.ruleId)).map((f) => f.file))].sort();
  if (files.length) {
    return {
      ...base,
      status: 'info',
      answer: `Yes: ${files.length === 1 ? 'the file' : `the ${files.length} files`} with findings ${files.length === 1 ? 'handles' : 'handle'} Bomgar API data (findings are only reported there; this run did not list other such files).`,
      evidence: files.map((file) => ({ file })),
    };
  }
  return { ...base, status: 'unknown', answer: 'Not determined: nothing was found, and this run did not list the files that talk to the API.', evidence: [] };
}
