import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SourceText } from '../engine/source-text.js';
import { ConfigError, validateConfig, type ResolvedConfig } from './schema.js';

/** Looked for in each directory, in priority order, before a package.json with PACKAGE_KEY. */
const CONFIG_FILE_NAMES = ['lsid-lint.config.json', '.lsidlintrc.json'] as const;
const PACKAGE_KEY = 'lsidLint';

interface FoundConfig {
  file: string;
  /** How messages name the source: the path relative to cwd, plus `#lsidLint` inside a package.json. */
  label: string;
  raw: unknown;
}

/**
 * Reads the explicit config file, or the first one found walking up from cwd; defaults when there is none.
 * Throws ConfigError for a missing explicit file, unreadable files, invalid JSON and invalid settings.
 */
export async function loadConfig(options: { cwd: string; explicitPath?: string }): Promise<ResolvedConfig> {
  const cwd = path.resolve(options.cwd);
  const found =
    options.explicitPath === undefined ? await discover(cwd) : await readExplicit(path.resolve(cwd, options.explicitPath), cwd);
  if (found === undefined) return { ...validateConfig({}, 'defaults'), baseDir: cwd };
  return { ...validateConfig(found.raw, found.label), source: found.file, baseDir: path.dirname(found.file) };
}

async function discover(cwd: string): Promise<FoundConfig | undefined> {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const found = await configIn(dir, cwd);
    if (found !== undefined || path.dirname(dir) === dir) return found;
  }
}

async function configIn(dir: string, cwd: string): Promise<FoundConfig | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(dir, name);
    const label = path.relative(cwd, file);
    const text = await readIfPresent(file, label);
    if (text !== undefined) return { file, label, raw: parseJson(text, label) };
  }
  const file = path.join(dir, 'package.json');
  const label = path.relative(cwd, file);
  const text = await readIfPresent(file, label);
  // Only a package.json that mentions the key can hold a config: a broken unrelated one must not stop the run.
  if (text === undefined || !text.includes(`"${PACKAGE_KEY}"`)) return undefined;
  return fromPackageJson(file, label, text);
}

async function readExplicit(file: string, cwd: string): Promise<FoundConfig> {
  const label = path.relative(cwd, file) || file;
  const text = await readIfPresent(file, label);
  if (text === undefined) throw new ConfigError(`${label}: config file not found`);
  if (path.basename(file) !== 'package.json') return { file, label, raw: parseJson(text, label) };
  const found = fromPackageJson(file, label, text);
  if (found === undefined) throw new ConfigError(`${label}: has no "${PACKAGE_KEY}" key`);
  return found;
}

function fromPackageJson(file: string, label: string, text: string): FoundConfig | undefined {
  const pkg = parseJson(text, label);
  if (typeof pkg !== 'object' || pkg === null || !Object.hasOwn(pkg, PACKAGE_KEY)) return undefined;
  return { file, label: `${label}#${PACKAGE_KEY}`, raw: (pkg as Record<string, unknown>)[PACKAGE_KEY] };
}

async function readIfPresent(file: string, label: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(`${label}: cannot read file (${code ?? (error as Error).message})`);
  }
}

function parseJson(text: string, label: string): unknown {
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  const json = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(json);
  } catch (error) {
    const offset = jsonErrorOffset(json);
    if (offset === undefined) throw new ConfigError(`${label}: invalid JSON (${(error as Error).message})`);
    const { line, column } = new SourceText(json).position(offset);
    const found = offset < json.length ? JSON.stringify(json[offset]) : 'end of file';
    throw new ConfigError(`${label}:${line}:${column}: invalid JSON, unexpected ${found}`);
  }
}

class JsonSyntaxAt {
  constructor(readonly offset: number) {}
}

/** The longest valid prefix of a string literal, so the scan stops on the offending character. */
const STRING_PREFIX = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * Offset of the first syntax error in text JSON.parse rejected. Node 20's messages give a position for
 * only some errors ("Unexpected token '}', ... is not valid JSON" has none), so we find it ourselves.
 */
function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new JsonSyntaxAt(i);
  };
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const sticky = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  const string = (): void => {
    if (!sticky(STRING_PREFIX) || text[i] !== '"') fail();
    i++;
  };
  const container = (close: string, item: () => void): void => {
    i++;
    skipSpace();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      skipSpace();
      if (text[i] === close) return void i++;
      if (text[i] !== ',') fail();
      i++;
    }
  };
  const member = (): void => {
    skipSpace();
    string();
    skipSpace();
    if (text[i] !== ':') fail();
    i++;
    value();
  };
  const value = (): void => {
    skipSpace();
    if (text[i] === '{') container('}', member);
    else if (text[i] === '[') container(']', value);
    else if (text[i] === '"') string();
    else if (!sticky(SCALAR)) fail();
  };

  try {
    value();
    skipSpace();
    if (i < text.length) fail();
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxAt) return error.offset;
    throw error;
  }
}
