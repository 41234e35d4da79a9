import path from 'node:path';
import type { ResolvedConfig } from '../config/schema.js';
import { discoverFiles } from '../engine/discovery.js';
import { readSourceFile } from '../engine/read-file.js';
import type { SkippedFile } from '../types.js';
import type { SqlSource } from './extract.js';

/**
 * The `.sql` files under the given paths, found and read the way the linter finds and reads
 * files (ignore files, config include/exclude, size limit, encodings), in path order, so a
 * migration history named V1__…, V2__… replays in order.
 */

export interface LoadedSources {
  sources: SqlSource[];
  skipped: SkippedFile[];
  /** Paths given that do not exist, as given. */
  missing: string[];
}

const SQL_FILE = /\.sql$/i;

export async function loadSqlSources(options: { cwd: string; paths: readonly string[]; config: ResolvedConfig }): Promise<LoadedSources> {
  const given = options.paths.length ? options.paths : ['.'];
  const base = options.config.baseDir;
  const discovery = await discoverFiles({
    cwd: base,
    paths: given.map((p) => path.resolve(options.cwd, p)),
    include: options.config.include,
    exclude: options.config.exclude,
    maxFileSize: options.config.maxFileSize,
    isSupported: (file) => SQL_FILE.test(file),
  });
  const relative = (absolute: string): string => path.relative(options.cwd, absolute).split(path.sep).join('/');
  const sources: SqlSource[] = [];
  const skipped: SkippedFile[] = discovery.skipped.map((entry) => ({ ...entry, file: relative(path.resolve(base, entry.file)) }));
  for (const file of discovery.files) {
    const outcome = readSourceFile(file.absPath, file.size, options.config.maxFileSize);
    const name = relative(file.absPath);
    if (outcome.kind === 'text') sources.push({ file: name, text: outcome.text });
    else if (outcome.kind === 'skipped') skipped.push({ file: name, reason: outcome.reason });
  }
  sources.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const byAbsolute = new Map(given.map((p) => [path.resolve(options.cwd, p), p]));
  const missing = discovery.missing.map((p) => byAbsolute.get(path.resolve(base, p)) ?? p);
  return { sources, skipped, missing };
}
