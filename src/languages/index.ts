import type { LanguageAdapter } from './adapter.js';
import { javascriptAdapter } from './javascript/index.js';
import { prismaAdapter } from './prisma/index.js';

/** Every language adapter; a file is analyzed by the first adapter claiming its extension. */
export const adapters: readonly LanguageAdapter[] = [javascriptAdapter, prismaAdapter];

export function adapterFor(path: string, candidates: readonly LanguageAdapter[] = adapters): LanguageAdapter | undefined {
  const lower = path.toLowerCase();
  return candidates.find((adapter) => adapter.extensions.some((extension) => lower.endsWith(extension)));
}
