/** The public API: lint programmatically, render reports, and the contracts' types. */
export { rules } from '../rules/index.js';
export { loadConfig } from './config/load.js';
export { ConfigError, DEFAULT_MAX_FILE_SIZE, type ResolvedConfig } from './config/schema.js';
export { lint, MissingPathError, type LintOptions } from './engine/lint.js';
export { PREFILTER_PATTERN } from './knowledge/bomgar.js';
export { parseJavaScript } from './languages/javascript/parse.js';
export { assess, gatedFindings, type Assessment } from './report/assessment.js';
export { reporters, type Reporter } from './report/reporters/index.js';
export type * from './types.js';
