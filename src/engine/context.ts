import path from 'node:path';
import type { ScannedFile } from './lint.js';

export interface BomgarContext {
  /** Files whose findings are reported: they talk to the Bomgar API or are one import away from code that does. */
  inContext: Set<string>;
  /** Files imported by Bomgar code that the prefilter did not analyze yet. */
  pendingImports: string[];
}

const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js', '/index.mjs'];

/**
 * Nothing is reported outside code that talks to the API. A file is in context through its own
 * evidence, by importing such a file, or by being imported by one (one hop each way, so that a
 * shared utility does not pull a whole monorepo in). Project-scoped schema files join when any
 * file has direct evidence.
 */
export function resolveBomgarContext(scanned: ReadonlyMap<string, ScannedFile>): BomgarContext {
  const direct = new Set<string>();
  for (const [relPath, entry] of scanned) if (entry.analysis?.facts.evidence.length) direct.add(relPath);

  const inContext = new Set(direct);
  const pending = new Set<string>();
  for (const [relPath, entry] of scanned) {
    for (const specifier of entry.analysis?.facts.localImports ?? []) {
      const target = resolveImport(relPath, specifier, scanned);
      if (!target) continue;
      if (direct.has(target)) inContext.add(relPath);
      if (direct.has(relPath)) {
        inContext.add(target);
        if (!scanned.get(target)!.analysis) pending.add(target);
      }
    }
  }
  if (direct.size) {
    for (const [relPath, entry] of scanned) if (entry.adapter.contextScope === 'project') inContext.add(relPath);
  }
  return { inContext, pendingImports: [...pending].sort() };
}

export function resolveImport(from: string, specifier: string, scanned: ReadonlyMap<string, ScannedFile>): string | undefined {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  // TypeScript ESM imports name the emitted `.js`; the scanned file is the `.ts` beside it.
  const stem = base.replace(/\.(?:js|jsx|mjs|cjs)$/, '');
  for (const candidate of [base, ...RESOLVE_SUFFIXES.map((suffix) => stem + suffix)]) {
    if (scanned.has(candidate)) return candidate;
  }
  return undefined;
}
