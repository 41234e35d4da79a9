import type { ExportedValue, FileFacts, Span } from '../types.js';

/** How a language writes comments; suppression directives and fixture annotations use it. */
export interface CommentSyntax {
  line: readonly string[];
  block: readonly (readonly [open: string, close: string])[];
}

export interface ParseProblem {
  span: Span;
  message: string;
}

export interface AnalysisInput {
  /** Forward-slash path relative to the working directory. */
  file: string;
  text: string;
  /** Project settings that sharpen context detection (config `context`). */
  context: ContextSettings;
  /** The SQL dialect to assume (config `sql.dialect`): mssql, mysql, postgres, sqlite or oracle; a file's own `-- lsid-lint-dialect:` comment wins. */
  sqlDialect?: string;
}

/** What another scanned module exports, by import specifier and export name. */
export type ImportedValueLookup = (specifier: string, name: string) => ExportedValue | undefined;

export interface ContextSettings {
  hosts: readonly string[];
  modules: readonly string[];
  urlPatterns: readonly string[];
}

export interface AnalysisOutput {
  facts: FileFacts;
  /**
   * Recomputes the facts once other modules' exports are known, reusing the parsed tree (each file
   * is parsed once). Adapters without cross-file flow leave it out.
   */
  refine?(importedValue: ImportedValueLookup): FileFacts;
  /** Set when the file could not be parsed at all; facts are then empty. */
  parseError?: ParseProblem;
  /**
   * Parts of the file analyzed by a fallback rather than the full parser (e.g. SQL statements that
   * node-sql-parser cannot take, read by the token scanner). Informational: facts are complete.
   */
  notes?: ParseProblem[];
}

export interface ProgramFile {
  relPath: string;
  absPath: string;
  text: string;
}

/** A whole-program model (types, module resolution) over the files in Bomgar context: opt-in, costly. */
export interface ProgramAnalysis {
  /** Facts for a member file, sharpened by type information. */
  analyze(relPath: string, importedValue?: ImportedValueLookup): FileFacts | undefined;
  /** Import specifier → scanned file, as the program resolves it (including path aliases). */
  resolvedImports(relPath: string): ReadonlyMap<string, string>;
}

/** One adapter per parser: it turns a file into language-neutral facts. */
export interface LanguageAdapter {
  readonly id: string;
  readonly extensions: readonly string[];
  readonly comments: CommentSyntax;
  /**
   * 'file' (default): a file is in Bomgar context through its own evidence or its imports.
   * 'project': schema files that nothing imports are in context when the project talks to the API.
   */
  readonly contextScope?: 'file' | 'project';
  /**
   * Narrows `extensions` by path (e.g. `.json` but not `package-lock.json`): a file this returns false
   * for is left to the next adapter, and is not scanned when no adapter claims it.
   */
  accepts?(path: string): boolean;
  /**
   * For extensions shared with data and configuration (`.json`, `.yaml`, `.xml`): whether a file's text
   * can be in this adapter's language at all. A file it rejects is dropped once read, as if its
   * extension were unsupported: not counted as scanned, never analyzed, never a parse error.
   */
  recognizes?(path: string, text: string): boolean;
  /**
   * Asynchronous set-up (loading a WASM grammar) that `analyze` needs. The engine awaits it before
   * analyzing, and only when a file this adapter claims passed the prefilter, so unused grammars cost nothing.
   */
  prepare?(): Promise<void>;
  analyze(input: AnalysisInput): AnalysisOutput;
  /**
   * Builds a program over the given files (and the scanned files they import); `toRelPath` maps an
   * absolute path to a scanned file's relative path, or undefined for files outside the scan.
   */
  createProgram?(files: readonly ProgramFile[], options: { cwd: string; context: ContextSettings; toRelPath(absPath: string): string | undefined; readFile(relPath: string): string | undefined }): ProgramAnalysis;
}
