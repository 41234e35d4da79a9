import type { Finding } from '../../types.js';
import type { Assessment } from '../assessment.js';
import { jsonReporter } from './json.js';
import { textReporter } from './text.js';

export interface ReporterOptions {
  color: boolean;
  quiet: boolean;
  /** Whether a finding counts toward the gate (at or above --fail-on, not suppressed). */
  isGated(finding: Finding): boolean;
}

/** A pure function from an assessment to the text of a report. */
export type Reporter = (assessment: Assessment, options: ReporterOptions) => string;

/** Built-in formats by name; SARIF, Markdown, HTML and JUnit join here. */
export const reporters: Readonly<Record<string, Reporter>> = {
  text: textReporter,
  json: jsonReporter,
};
