import type { Finding } from '../../types.js';
import type { Assessment } from '../assessment.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';

export interface ReporterOptions {
  color: boolean;
  quiet: boolean;
  /** Whether the text format shows a code frame under each finding (default true; `--no-frame`). */
  frame?: boolean;
  /** Whether a finding counts toward the gate (at or above --fail-on, not suppressed). */
  isGated(finding: Finding): boolean;
  /**
   * A URL prefix for links to files (Markdown and HTML), e.g. `https://github.com/o/r/blob/<sha>/`;
   * Markdown links are relative and HTML shows plain paths when absent.
   */
  linkBase?: string;
}

/** A pure function from an assessment to the text of a report. */
export type Reporter = (assessment: Assessment, options: ReporterOptions) => string;

/** Built-in formats by name. */
export const reporters: Readonly<Record<string, Reporter>> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  markdown: markdownReporter,
  html: htmlReporter,
  junit: junitReporter,
};

/** The usual file extension of each format's output (for `--format name=path` defaults and artefacts). */
export const REPORT_EXTENSIONS: Readonly<Record<string, string>> = {
  text: '.txt',
  json: '.json',
  sarif: '.sarif',
  markdown: '.md',
  html: '.html',
  junit: '.junit.xml',
};
