/**
 * The contracts shared by the engine, the language adapters, the rules and the reporters.
 * Types only: nothing here runs.
 */

export type Severity = 'error' | 'warning' | 'note';
export type SeverityOrOff = Severity | 'off';
export type Category = 'lsid-integer' | 'lseq-misuse' | 'xml-namespace';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];
export const CATEGORIES: readonly Category[] = ['lsid-integer', 'lseq-misuse', 'xml-namespace'];

/** Half-open range of UTF-16 offsets into a file's text (the engine's only coordinate system). */
export interface Span {
  start: number;
  end: number;
}

/** 1-based line and column (UTF-16 code units), as reported to users. */
export interface Position {
  line: number;
  column: number;
}

// ---------------------------------------------------------------------------
// Facts: what a language adapter learns about a file, in language-neutral terms.
// ---------------------------------------------------------------------------

/** Evidence that code talks to the Bomgar / BeyondTrust API. */
export interface ContextEvidence {
  kind: 'endpoint' | 'report' | 'command' | 'element' | 'namespace' | 'event' | 'config';
  text: string;
  span: Span;
}

/** The two API values whose semantics changed in 10.6. */
export type Subject = 'lsid' | 'lseq';

/** What code does with an LSID or lseq value. */
export type ValueUseKind =
  /** parseInt, Number(), unary +, int(), int.Parse … */
  | 'numeric-conversion'
  /** a declared numeric type: `lsid: number`, `z.number()`, an INTEGER column … */
  | 'numeric-type'
  /** `lsid + 1`, `lsid - last`, `lsid++` */
  | 'arithmetic'
  /** `lsid > lastLsid`, `a.lsid < b.lsid` */
  | 'relational'
  /** Math.max / Math.min / max() over LSIDs */
  | 'min-max'
  /** a numeric sort comparator or numeric sort key */
  | 'numeric-sort'
  /** /^\d+$/.test(lsid), Number.isInteger(lsid), isNaN(lsid), typeof lsid === 'number' */
  | 'numeric-validation'
  /** a regular expression that captures an LSID as digits: lsid="(\d+)" */
  | 'digit-pattern'
  /** used as a key that must be unique: Map key, Set member, dedup, object index */
  | 'unique-key'
  /** used as a strictly sequential cursor or gap detector */
  | 'sequence-cursor'
  /** sorted on as if it told the newest rows: `TOP 10 … ORDER BY lsid DESC`, `ORDER BY lsid LIMIT 10` */
  | 'recency-order'
  /** stored in a type that changes the GUID's text: PostgreSQL uuid, SQL Server uniqueidentifier, BINARY(16) */
  | 'lossy-storage'
  /** a table that mirrors the API's sessions but has no column for the value (the Integration Client's session without lseq) */
  | 'missing-column';

export interface ValueUse {
  subject: Subject;
  kind: ValueUseKind;
  span: Span;
  /** The construct as a user would name it: `parseInt`, `>`, `Math.max`, `Map key`, `/^\d+$/`. */
  construct: string;
  /** Human description of why the operand is an LSID/lseq, e.g. "s.$.lsid" or "parameter `id` of fetchSession". */
  origin: string;
}

/** A way of reading an API XML response that the 10.6 default namespace changes. */
export type XmlOperationKind =
  /** XPath with unprefixed element names on a namespace-aware engine */
  | 'unprefixed-xpath'
  /** getElementsByTagNameNS(null | '', …) and other explicit "no namespace" lookups */
  | 'null-namespace-lookup'
  /** `r.error === 'Login failed'` on an object mapper that turns a leaf root into an object */
  | 'leaf-equality'
  /** string or regex checks that include a root tag's closing `>` */
  | 'literal-tag-match'
  /** removing `xmlns="<one URI>"` by literal string */
  | 'namespace-strip-literal'
  /** one hard-coded namespace URI */
  | 'pinned-namespace-uri'
  /** an XML Schema without `targetNamespace` that declares an API response root: 10.6 responses fail validation */
  | 'schema-without-namespace';

export interface XmlOperation {
  kind: XmlOperationKind;
  span: Span;
  /** The API as written: `xpath.select`, `document.evaluate`, `String.prototype.includes`. */
  api: string;
  /** The decisive argument: the XPath, the tag literal, the URI. */
  detail: string;
  /** The XML library this API belongs to, when known. */
  library?: string;
}

/** What a module exports that is an LSID or lseq, so importers can follow it across files. */
export interface ExportedValue {
  subject: Subject;
  collection: boolean;
  origin: string;
  /** 'value': the export holds it; 'return': calling the export returns it. */
  via: 'value' | 'return';
}

export interface FileFacts {
  evidence: ContextEvidence[];
  /** Relative import specifiers, as written; the engine resolves them against the scanned files. */
  localImports: string[];
  /** Exported LSID/lseq values by export name ('default' for the default export). */
  exports?: Record<string, ExportedValue>;
  valueUses: ValueUse[];
  xmlOps: XmlOperation[];
}

// ---------------------------------------------------------------------------
// Results.
// ---------------------------------------------------------------------------

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** Forward-slash path relative to the working directory. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  help: string;
  suppressed: boolean;
  /** The directive's reason, when suppressed and one was given. */
  suppressionReason?: string;
  /** Set when `--baseline` lists the finding: reported, but not counted toward the gate or verdict. */
  baselined?: true;
  /**
   * The text of line `line` without its terminator (see src/engine/source-context.ts for long lines).
   * Filled by the engine; reporters fall back to `message` when absent (SARIF fingerprints, HTML).
   */
  snippet?: string;
  /** Source lines around the finding, for code frames; filled by the engine (src/engine/source-context.ts). */
  frame?: SourceFrame;
}

/** Consecutive source lines, the first of which is line `startLine` (1-based). */
export interface SourceFrame {
  startLine: number;
  lines: string[];
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface ParseErrorEntry {
  file: string;
  line: number;
  message: string;
}

export interface Coverage {
  skipped: SkippedFile[];
  parseErrors: ParseErrorEntry[];
  /** Files scanned with reduced fidelity (e.g. invalid UTF-8 decoded with replacement characters). */
  degraded: SkippedFile[];
  /** Parts of files read by a fallback rather than the full parser (facts are still complete). */
  notes: ParseErrorEntry[];
}

export type Verdict = 'ready' | 'ready-with-warnings' | 'blocked';

export interface RuleInfo {
  id: string;
  aliases: readonly string[];
  category: Category;
  defaultSeverity: Severity;
  summary: string;
}

export interface LintResult {
  filesScanned: number;
  findings: Finding[];
  coverage: Coverage;
  /** The rules that were enabled for the run, with their effective severity. */
  rules: RuleInfo[];
  /** Every scanned file (the `filesScanned` files), forward-slash paths like `Finding.file`. Optional: filled by the engine. */
  scannedFiles?: string[];
  /** The scanned files in Bomgar API context (the files whose findings are reported). Optional: filled by the engine. */
  contextFiles?: string[];
  /**
   * Files discovery saw but no adapter supports, counted by lower-case extension with its dot (`.py`;
   * `''` for none). Optional: filled by the engine.
   */
  unsupportedFiles?: { extension: string; count: number }[];
}
