import path from 'node:path';
import type { ResolvedConfig } from '../config/schema.js';
import { PREFILTER_NEEDLES, PREFILTER_PATTERN } from '../knowledge/bomgar.js';
import type { AnalysisOutput, LanguageAdapter } from '../languages/adapter.js';
import { adapterFor, adapters as defaultAdapters } from '../languages/index.js';
import type { Rule } from '../rule-kit/index.js';
import type { Finding, LintResult, ParseErrorEntry, RuleInfo, SeverityOrOff, SkippedFile } from '../types.js';
import { resolveBomgarContext, resolveImport } from './context.js';
import { discoverFiles, type DiscoveredFile, type DiscoveryResult } from './discovery.js';
import { judge } from './judge.js';
import { readSourceFile, type ReadOutcome } from './read-file.js';
import { RuleRegistry, UNUSED_DIRECTIVE_ID } from './registry.js';
import { SourceText } from './source-text.js';

export interface LintOptions {
  cwd: string;
  paths: readonly string[];
  config: ResolvedConfig;
  rules: readonly Rule[];
  /** Levels from the command line, applied over the config's. */
  ruleLevels?: Readonly<Record<string, SeverityOrOff>>;
  adapters?: readonly LanguageAdapter[];
  /** Build whole-program models (types, path aliases) for the files in Bomgar context: slower, sharper. */
  typeAware?: boolean;
  /** Called after each file is read (the CLI throttles it into a progress line). */
  onProgress?(scanned: number, total: number): void;
}

/** A file that was read and, if it passed the prefilter, analyzed. */
export interface ScannedFile {
  file: DiscoveredFile;
  adapter: LanguageAdapter;
  source?: SourceText;
  analysis?: AnalysisOutput;
  /** Import specifier → scanned file, when a program model resolved them (path aliases included). */
  resolvedImports?: ReadonlyMap<string, string>;
}

/** Thrown when a path given on the command line does not exist. */
export class MissingPathError extends Error {
  override name = 'MissingPathError';
}


/** The whole pipeline from paths to findings. Pure with respect to the process: no console, no exit. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const adapters = options.adapters ?? defaultAdapters;
  const registry = new RuleRegistry(options.rules);
  const layers = [
    { origin: options.config.source ? path.relative(options.cwd, options.config.source) || options.config.source : 'config', levels: options.config.rules },
    { origin: '--rule', levels: options.ruleLevels ?? {} },
  ];
  const levels = registry.levels(layers);
  const unusedDirectiveLevel = registry.engineCheckLevel(UNUSED_DIRECTIVE_ID, 'note', layers);

  const unsupported = new Map<string, number>();
  // Config patterns are relative to the config's directory, which may lie above the working directory.
  const discovery = relativeTo(options.cwd, options.config.baseDir, await discoverFiles({
    cwd: options.config.baseDir,
    paths: (options.paths.length ? options.paths : ['.']).map((p) => path.resolve(options.cwd, p)),
    include: options.config.include,
    exclude: options.config.exclude,
    maxFileSize: options.config.maxFileSize,
    isSupported: (file) => {
      if (adapterFor(file, adapters)) return true;
      // Seen but not analyzed: the readiness report states which languages it did not check.
      const extension = path.posix.extname(file).toLowerCase();
      unsupported.set(extension, (unsupported.get(extension) ?? 0) + 1);
      return false;
    },
  }));
  if (discovery.missing.length) {
    const given = new Map((options.paths.length ? options.paths : ['.']).map((p) => [path.resolve(options.cwd, p), p]));
    const named = discovery.missing.map((p) => given.get(path.resolve(options.config.baseDir, p)) ?? given.get(path.resolve(options.cwd, p)) ?? p);
    throw new MissingPathError(`no such file or directory: ${named.join(', ')}`);
  }

  const skipped: SkippedFile[] = [...discovery.skipped];
  const degraded: SkippedFile[] = [];
  const notes: ParseErrorEntry[] = [];
  const parseErrors: ParseErrorEntry[] = [];
  const scanned = new Map<string, ScannedFile>();
  const extraContext = [...options.config.context.hosts, ...options.config.context.modules];
  const mightMatter = (text: string): boolean => PREFILTER_PATTERN.test(text) || extraContext.some((needle) => text.includes(needle));
  const needles = [...PREFILTER_NEEDLES, ...extraContext].map((needle) => Buffer.from(needle));
  const mayMatter = (bytes: Uint8Array): boolean => needles.some((needle) => Buffer.prototype.indexOf.call(bytes, needle) !== -1);

  const analyze = (entry: ScannedFile, text: string): void => {
    entry.source = new SourceText(text);
    entry.analysis = entry.adapter.analyze({ file: entry.file.relPath, text, context: options.config.context, sqlDialect: options.config.sql.dialect });
    const problem = entry.analysis.parseError;
    if (problem) parseErrors.push({ file: entry.file.relPath, line: entry.source.position(problem.span.start).line, message: problem.message });
    for (const note of entry.analysis.notes ?? []) {
      notes.push({ file: entry.file.relPath, line: entry.source.position(note.span.start).line, message: note.message });
    }
  };

  /**
   * Files are read first and analyzed after: an adapter's asynchronous set-up (a WASM grammar) is
   * paid only when a file of its language passed the prefilter, not for every file discovered.
   */
  const preparing = new Map<LanguageAdapter, Promise<void>>();
  // Started as soon as a file needs it, so WebAssembly compiles on V8's background threads while reading goes on.
  const startPreparing = (adapter: LanguageAdapter): void => {
    if (adapter.prepare && !preparing.has(adapter)) preparing.set(adapter, adapter.prepare());
  };
  const analyzeAll = async (batch: readonly (readonly [ScannedFile, string])[]): Promise<void> => {
    batch.forEach(([entry]) => startPreparing(entry.adapter));
    await Promise.all(preparing.values());
    for (const [entry, text] of batch) analyze(entry, text);
  };

  const relevant: (readonly [ScannedFile, string])[] = [];
  let done = 0;
  forEachRead(discovery.files, options.config.maxFileSize, mayMatter, (file, outcome) => {
    options.onProgress?.(++done, discovery.files.length);
    if (outcome.kind === 'skipped') {
      skipped.push({ file: file.relPath, reason: outcome.reason });
      return;
    }
    const adapter = adapterFor(file.relPath, adapters)!;
    // Extensions shared with data and configuration (.json, .yaml, .xml) count only when the text is
    // the adapter's language; a file the prefilter found irrelevant cannot be told, and cannot matter.
    if (adapter.recognizes && (outcome.kind === 'irrelevant' || !adapter.recognizes(file.relPath, outcome.text))) return;
    const entry: ScannedFile = { file, adapter };
    scanned.set(file.relPath, entry);
    if (outcome.kind === 'irrelevant') return;
    if (outcome.warning) degraded.push({ file: file.relPath, reason: outcome.warning });
    if (mightMatter(outcome.text)) {
      relevant.push([entry, outcome.text]);
      startPreparing(adapter);
    }
  });
  await analyzeAll(relevant);
  relevant.length = 0;

  const context = resolveBomgarContext(scanned);
  // Modules imported by Bomgar code are in context even if the prefilter saw nothing in them (an XML helper, say).
  const late = context.pendingImports.map((relPath) => scanned.get(relPath)!).filter((entry) => !entry.analysis);
  const lateTexts: (readonly [ScannedFile, string])[] = [];
  forEachRead(late.map((entry) => entry.file), options.config.maxFileSize, undefined, (file, outcome) => {
    if (outcome.kind === 'text') lateTexts.push([scanned.get(file.relPath)!, outcome.text]);
  });
  await analyzeAll(lateTexts);

  if (options.typeAware) applyPrograms(scanned, context.inContext, adapters, options);
  followImports(scanned, context.inContext);

  const findings: Finding[] = [];
  for (const entry of scanned.values()) {
    if (!entry.analysis || !entry.source) continue;
    findings.push(...judge(entry, context.inContext.has(entry.file.relPath), levels, registry, unusedDirectiveLevel));
  }
  findings.sort(compareFindings);

  return {
    filesScanned: scanned.size,
    scannedFiles: [...scanned.keys()],
    contextFiles: [...context.inContext].filter((file) => scanned.get(file)?.analysis).sort(compareText),
    unsupportedFiles: [...unsupported].map(([extension, count]) => ({ extension, count })).sort((a, b) => compareText(a.extension, b.extension)),
    findings,
    coverage: {
      skipped: skipped.sort((a, b) => compareText(a.file, b.file)),
      parseErrors: parseErrors.sort((a, b) => compareText(a.file, b.file) || a.line - b.line),
      degraded: degraded.sort((a, b) => compareText(a.file, b.file)),
      notes: notes.sort((a, b) => compareText(a.file, b.file) || a.line - b.line),
    },
    rules: [...levels].filter(([, level]) => level !== 'off').map(([rule, level]): RuleInfo => ({
      id: rule.meta.id,
      aliases: rule.meta.aliases ?? [],
      category: rule.meta.category,
      defaultSeverity: level === 'off' ? rule.meta.defaultSeverity : level,
      summary: rule.meta.summary,
    })),
  };
}

/**
 * `--type-aware`: each adapter that can builds one program over its files in context; their facts are
 * recomputed with type information, and scanned files they import (through path aliases too) join the context.
 */
function applyPrograms(scanned: Map<string, ScannedFile>, inContext: Set<string>, adapters: readonly LanguageAdapter[], options: LintOptions): void {
  const byAbsPath = new Map([...scanned.values()].map((entry) => [path.resolve(entry.file.absPath), entry.file.relPath]));
  for (const adapter of adapters) {
    if (!adapter.createProgram) continue;
    const members = [...inContext].map((relPath) => scanned.get(relPath)!).filter((entry) => entry.adapter === adapter && entry.source && !entry.analysis?.parseError);
    if (!members.length) continue;
    const program = adapter.createProgram(
      members.map((entry) => ({ relPath: entry.file.relPath, absPath: entry.file.absPath, text: entry.source!.text })),
      {
        cwd: options.cwd,
        context: options.config.context,
        toRelPath: (absPath) => byAbsPath.get(path.resolve(absPath)),
        readFile: (relPath) => scanned.get(relPath)?.source?.text ?? readSmallFile(scanned.get(relPath), options.config.maxFileSize),
      },
    );
    const imported = members.flatMap((entry) => [...program.resolvedImports(entry.file.relPath).values()]);
    for (const relPath of new Set([...members.map((entry) => entry.file.relPath), ...imported])) {
      const entry = scanned.get(relPath)!;
      const facts = program.analyze(relPath);
      if (!facts) continue;
      entry.source ??= new SourceText(readSmallFile(entry, options.config.maxFileSize) ?? '');
      entry.analysis = { facts, refine: (lookup) => program.analyze(relPath, lookup)! };
      entry.resolvedImports = program.resolvedImports(relPath);
      inContext.add(relPath);
    }
  }
}

function readSmallFile(entry: ScannedFile | undefined, maxFileSize: number): string | undefined {
  if (!entry) return undefined;
  const outcome = readSourceFile(entry.file.absPath, entry.file.size, maxFileSize);
  return outcome.kind === 'text' ? outcome.text : undefined;
}

const IMPORT_ROUNDS = 3;

/**
 * Values cross files through exports: Bomgar code that imports a module exporting an LSID (or a
 * function returning one) is analyzed again with those exports known. A few rounds follow chains.
 */
function followImports(scanned: ReadonlyMap<string, ScannedFile>, inContext: ReadonlySet<string>): void {
  let changed = new Set(scanned.keys());
  for (let round = 0; round < IMPORT_ROUNDS && changed.size; round++) {
    const next = new Set<string>();
    for (const relPath of inContext) {
      const entry = scanned.get(relPath);
      const facts = entry?.analysis?.facts;
      if (!entry?.source || !facts || entry.analysis?.parseError) continue;
      const targets = entry.resolvedImports
        ? [...entry.resolvedImports]
        : facts.localImports.map((specifier) => [specifier, resolveImport(relPath, specifier, scanned)] as const);
      if (!targets.some(([, target]) => target && changed.has(target) && Object.keys(scanned.get(target)!.analysis?.facts.exports ?? {}).length)) continue;
      const refine = entry.analysis?.refine;
      if (!refine) continue;
      const bySpecifier = new Map(targets);
      const before = JSON.stringify(facts.exports ?? {});
      entry.analysis = {
        ...entry.analysis,
        facts: refine((specifier, name) => {
          const target = bySpecifier.get(specifier);
          return target ? scanned.get(target)?.analysis?.facts.exports?.[name] : undefined;
        }),
      };
      if (JSON.stringify(entry.analysis.facts.exports ?? {}) !== before) next.add(relPath);
    }
    changed = next;
  }
}

/** Reads each file and hands the outcome over, in discovery order. */
function forEachRead(
  files: readonly DiscoveredFile[],
  maxFileSize: number,
  mayMatter: ((bytes: Uint8Array) => boolean) | undefined,
  consume: (file: DiscoveredFile, outcome: ReadOutcome) => void,
): void {
  for (const file of files) consume(file, readSourceFile(file.absPath, file.size, maxFileSize, mayMatter));
}

/** Re-expresses discovered paths relative to the working directory, as reports show them. */
function relativeTo(cwd: string, base: string, result: DiscoveryResult): DiscoveryResult {
  if (path.resolve(cwd) === path.resolve(base)) return result;
  const rebase = (relPath: string): string => path.relative(cwd, path.resolve(base, relPath)).split(path.sep).join('/');
  return {
    files: result.files.map((file) => ({ ...file, relPath: rebase(file.relPath) })).sort((a, b) => compareText(a.relPath, b.relPath)),
    skipped: result.skipped.map((entry) => ({ ...entry, file: rebase(entry.file) })),
    missing: result.missing.map((p) => path.relative(cwd, p) || '.'),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId);
}
