import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { ConfigError, DEFAULT_MAX_FILE_SIZE, validateConfig } from '../src/config/schema.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'lsid-lint-config-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(relative: string, content: unknown): Promise<string> {
  const file = path.join(root, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('validateConfig', () => {
  it('fills in defaults', () => {
    expect(validateConfig({}, 'x.json')).toEqual({
      include: [],
      exclude: [],
      rules: {},
      maxFileSize: DEFAULT_MAX_FILE_SIZE,
      context: { hosts: [], modules: [], urlPatterns: [] },
      sql: {},
    });
    expect(DEFAULT_MAX_FILE_SIZE).toBe(2 * 1024 * 1024);
  });

  it('keeps every setting as written, rule ids unresolved', () => {
    const raw = {
      include: ['src/**'],
      exclude: ['legacy/**'],
      rules: { 'lsid-numeric-conversion': 'warning', 'some-old-alias': 'off' },
      maxFileSize: 1000,
      context: { hosts: ['support.example.com'], modules: ['@acme/bomgar-client'], urlPatterns: ['*/remote/api/*'] },
      sql: { dialect: 'postgres' },
    };
    expect(validateConfig(raw, 'x.json')).toEqual(raw);
  });

  it('accepts only known SQL dialects and keys', () => {
    expect(() => validateConfig({ sql: { dialect: 'db2' } }, 'x.json')).toThrow('x.json: "sql.dialect" must be one of mssql, mysql, postgres, sqlite, oracle (got "db2")');
    expect(() => validateConfig({ sql: { dialects: 'mssql' } }, 'x.json')).toThrow('unknown key "sql.dialects"');
  });

  it('accepts sizes with SI and IEC units', () => {
    expect(validateConfig({ maxFileSize: '500KB' }, 'x').maxFileSize).toBe(500_000);
    expect(validateConfig({ maxFileSize: '2MiB' }, 'x').maxFileSize).toBe(2 * 1024 * 1024);
    expect(validateConfig({ maxFileSize: '1.5 kib' }, 'x').maxFileSize).toBe(1536);
  });

  it.each([
    [[], 'x.json: config must be a JSON object (got an array)'],
    [{ rules: { foo: 'warn' } }, 'x.json: "rules.foo" must be one of error, warning, note, off (got "warn")'],
    [{ rules: ['foo'] }, 'x.json: "rules" must be an object (got an array)'],
    [{ include: 'src/**' }, 'x.json: "include" must be an array of strings (got "src/**")'],
    [{ exclude: ['a', 3] }, 'x.json: "exclude[1]" must be a string (got 3)'],
    [{ context: { hosts: [null] } }, 'x.json: "context.hosts[0]" must be a string (got null)'],
    [{ context: 7 }, 'x.json: "context" must be an object (got 7)'],
    [{ maxFileSize: 0 }, 'x.json: "maxFileSize" must be a positive integer number of bytes or a size such as "500KB" or "2MiB" (got 0)'],
    [{ maxFileSize: 1.5 }, /"maxFileSize" must be .* \(got 1\.5\)$/],
    [{ maxFileSize: '2 parsecs' }, /"maxFileSize" must be .* \(got "2 parsecs"\)$/],
    [{ rule: {} }, 'x.json: unknown key "rule" (allowed: include, exclude, rules, maxFileSize, context, sql)'],
    [{ context: { host: [] } }, 'x.json: unknown key "context.host" (allowed: hosts, modules, urlPatterns)'],
  ])('rejects %j', (raw, message) => {
    const actual = errorOf(() => validateConfig(raw, 'x.json'));
    if (typeof message === 'string') expect(actual).toBe(message);
    else expect(actual).toMatch(message);
  });

  it('does not let a "__proto__" rule touch the prototype', () => {
    const rules = validateConfig(JSON.parse('{"rules":{"__proto__":"off"}}'), 'x').rules;
    expect(Object.getPrototypeOf(rules)).toBe(Object.prototype);
    expect(Object.keys(rules)).toEqual(['__proto__']);
  });
});

describe('loadConfig discovery', () => {
  it('returns defaults based at cwd when no config exists', async () => {
    const config = await loadConfig({ cwd: root });
    expect(config.source).toBeUndefined();
    expect(config.baseDir).toBe(root);
    expect(config.maxFileSize).toBe(DEFAULT_MAX_FILE_SIZE);
  });

  it('prefers lsid-lint.config.json over .lsidlintrc.json over package.json in one directory', async () => {
    await write('package.json', { name: 'p', lsidLint: { include: ['pkg'] } });
    expect((await loadConfig({ cwd: root })).include).toEqual(['pkg']);
    await write('.lsidlintrc.json', { include: ['rc'] });
    expect((await loadConfig({ cwd: root })).include).toEqual(['rc']);
    const main = await write('lsid-lint.config.json', { include: ['main'] });
    const config = await loadConfig({ cwd: root });
    expect(config.include).toEqual(['main']);
    expect(config.source).toBe(main);
  });

  it('walks upward and bases patterns at the config directory', async () => {
    const rc = await write('.lsidlintrc.json', { exclude: ['legacy/**'] });
    const cwd = path.join(root, 'packages', 'app', 'src');
    await mkdir(cwd, { recursive: true });
    const config = await loadConfig({ cwd });
    expect(config.source).toBe(rc);
    expect(config.baseDir).toBe(root);
    expect(config.exclude).toEqual(['legacy/**']);
  });

  it('lets the nearest directory win, even through a package.json key', async () => {
    await write('lsid-lint.config.json', { include: ['outer'] });
    await write('app/package.json', { name: 'app', lsidLint: { include: ['inner'] } });
    const config = await loadConfig({ cwd: path.join(root, 'app') });
    expect(config.include).toEqual(['inner']);
    expect(config.baseDir).toBe(path.join(root, 'app'));
  });

  it('skips a package.json without the key, and a broken one that does not mention it', async () => {
    await write('lsid-lint.config.json', { include: ['outer'] });
    await write('a/package.json', { name: 'a' });
    await write('a/b/package.json', '{ not json');
    expect((await loadConfig({ cwd: path.join(root, 'a', 'b') })).include).toEqual(['outer']);
  });

  it('names the key when a package.json config is invalid', async () => {
    await write('package.json', { lsidLint: { rules: { foo: 'warn' } } });
    await expect(loadConfig({ cwd: root })).rejects.toThrow(
      'package.json#lsidLint: "rules.foo" must be one of error, warning, note, off (got "warn")',
    );
  });

  it('uses an explicit path instead of discovery, relative to cwd', async () => {
    await write('lsid-lint.config.json', { include: ['discovered'] });
    const explicit = await write('configs/ci.json', { include: ['explicit'] });
    const config = await loadConfig({ cwd: root, explicitPath: 'configs/ci.json' });
    expect(config.include).toEqual(['explicit']);
    expect(config.source).toBe(explicit);
    expect(config.baseDir).toBe(path.join(root, 'configs'));
  });

  it('reads the key of an explicit package.json', async () => {
    await write('package.json', { lsidLint: { include: ['pkg'] } });
    expect((await loadConfig({ cwd: root, explicitPath: 'package.json' })).include).toEqual(['pkg']);
    await write('other/package.json', { name: 'x' });
    await expect(loadConfig({ cwd: root, explicitPath: 'other/package.json' })).rejects.toThrow(
      `${path.join('other', 'package.json')}: has no "lsidLint" key`,
    );
  });

  it('fails on a missing explicit file', async () => {
    await expect(loadConfig({ cwd: root, explicitPath: 'nope.json' })).rejects.toThrow(
      new ConfigError('nope.json: config file not found'),
    );
  });
});

describe('loadConfig JSON errors', () => {
  it.each([
    ['{\n  "include": ["a",]\n}', 'lsid-lint.config.json:2:19: invalid JSON, unexpected "]"'],
    ['{\n  "rules": {\n    "x": warning\n  }\n}', 'lsid-lint.config.json:3:10: invalid JSON, unexpected "w"'],
    ['{ "include": [] ', 'lsid-lint.config.json:1:17: invalid JSON, unexpected end of file'],
    ['{ "include": [] } }', 'lsid-lint.config.json:1:19: invalid JSON, unexpected "}"'],
    ['{ "a": "line\nbreak" }', 'lsid-lint.config.json:1:13: invalid JSON, unexpected "\\n"'],
    ['{ include: [] }', 'lsid-lint.config.json:1:3: invalid JSON, unexpected "i"'],
    ['', 'lsid-lint.config.json:1:1: invalid JSON, unexpected end of file'],
  ])('reports the position in %j', async (text, message) => {
    await write('lsid-lint.config.json', text);
    await expect(loadConfig({ cwd: root })).rejects.toThrow(new ConfigError(message));
  });

  it('accepts a byte-order mark', async () => {
    await write('lsid-lint.config.json', '\uFEFF{"include":["a"]}');
    expect((await loadConfig({ cwd: root })).include).toEqual(['a']);
  });
});
