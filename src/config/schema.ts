import type { ContextSettings } from '../languages/adapter.js';
import { SEVERITIES, type SeverityOrOff } from '../types.js';

export interface ResolvedConfig {
  include: string[];
  exclude: string[];
  /** Rule id (or alias) → level, as written: the engine resolves and validates ids against its registry. */
  rules: Record<string, SeverityOrOff>;
  maxFileSize: number;
  context: ContextSettings;
  /** SQL settings: the dialect to assume for `.sql` files whose own syntax or comment does not decide it. */
  sql: { dialect?: SqlDialectName };
  /** Absolute path of the file the config came from, or undefined for defaults. */
  source?: string;
  /** Directory patterns are relative to (the config file's directory; cwd when none). */
  baseDir: string;
}

/** A problem with the user's config; the message is one line naming the file and the problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

const LEVELS: readonly SeverityOrOff[] = [...SEVERITIES, 'off'];
const TOP_LEVEL_KEYS = ['include', 'exclude', 'rules', 'maxFileSize', 'context', 'sql'] as const;
const CONTEXT_KEYS = ['hosts', 'modules', 'urlPatterns'] as const;
const SQL_KEYS = ['dialect'] as const;
export const SQL_DIALECT_NAMES = ['mssql', 'mysql', 'postgres', 'sqlite', 'oracle'] as const;
export type SqlDialectName = (typeof SQL_DIALECT_NAMES)[number];

/** SI units are powers of 1000 and IEC units powers of 1024, so "500KB" and "2MiB" mean what they say. */
const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};
const SIZE = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?\s*$/i;

type ConfigValues = Omit<ResolvedConfig, 'source' | 'baseDir'>;

/** Checks a parsed config object and fills in defaults; throws ConfigError on the first problem. */
export function validateConfig(raw: unknown, sourceLabel: string): ConfigValues {
  const check = new Checker(sourceLabel);
  if (!isPlainObject(raw)) throw new ConfigError(`${sourceLabel}: config must be a JSON object (got ${describe(raw)})`);
  check.knownKeys(raw, '', TOP_LEVEL_KEYS);
  const context = raw.context === undefined ? {} : check.object(raw.context, 'context');
  check.knownKeys(context, 'context.', CONTEXT_KEYS);
  const sql = raw.sql === undefined ? {} : check.object(raw.sql, 'sql');
  check.knownKeys(sql, 'sql.', SQL_KEYS);
  return {
    include: check.stringArray(raw.include, 'include'),
    exclude: check.stringArray(raw.exclude, 'exclude'),
    rules: check.rules(raw.rules),
    maxFileSize: check.size(raw.maxFileSize, 'maxFileSize'),
    context: {
      hosts: check.stringArray(context.hosts, 'context.hosts'),
      modules: check.stringArray(context.modules, 'context.modules'),
      urlPatterns: check.stringArray(context.urlPatterns, 'context.urlPatterns'),
    },
    sql: sql.dialect === undefined ? {} : { dialect: check.oneOf(sql.dialect, 'sql.dialect', SQL_DIALECT_NAMES) },
  };
}

/** Type checks whose failures name the source and the dotted path of the offending value. */
class Checker {
  constructor(private readonly label: string) {}

  private fail(path: string, expectation: string, value: unknown): never {
    throw new ConfigError(`${this.label}: "${path}" must be ${expectation} (got ${describe(value)})`);
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !allowed.includes(value as T)) this.fail(path, `one of ${allowed.join(', ')}`, value);
    return value as T;
  }

  knownKeys(value: Record<string, unknown>, prefix: string, allowed: readonly string[]): void {
    const unknown = Object.keys(value).find((key) => !allowed.includes(key));
    if (unknown !== undefined) {
      throw new ConfigError(`${this.label}: unknown key "${prefix}${unknown}" (allowed: ${allowed.join(', ')})`);
    }
  }

  object(value: unknown, path: string): Record<string, unknown> {
    return isPlainObject(value) ? value : this.fail(path, 'an object', value);
  }

  stringArray(value: unknown, path: string): string[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) return this.fail(path, 'an array of strings', value);
    return value.map((item, i) => (typeof item === 'string' ? item : this.fail(`${path}[${i}]`, 'a string', item)));
  }

  rules(value: unknown): Record<string, SeverityOrOff> {
    if (value === undefined) return {};
    // Object.fromEntries defines own properties, so a rule named "__proto__" cannot touch the prototype.
    return Object.fromEntries(
      Object.entries(this.object(value, 'rules')).map(([id, level]) => [id, this.level(level, `rules.${id}`)]),
    );
  }

  private level(value: unknown, path: string): SeverityOrOff {
    return LEVELS.includes(value as SeverityOrOff) ? (value as SeverityOrOff) : this.fail(path, `one of ${LEVELS.join(', ')}`, value);
  }

  size(value: unknown, path: string): number {
    if (value === undefined) return DEFAULT_MAX_FILE_SIZE;
    const bytes = typeof value === 'string' ? parseSize(value) : value;
    if (typeof bytes === 'number' && Number.isSafeInteger(bytes) && bytes > 0) return bytes;
    return this.fail(path, 'a positive integer number of bytes or a size such as "500KB" or "2MiB"', value);
  }
}

function parseSize(text: string): number | undefined {
  const match = SIZE.exec(text);
  if (!match) return undefined;
  return Math.floor(Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()]!);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a bad value reads in a message: literals as written, containers by kind. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (isPlainObject(value)) return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
