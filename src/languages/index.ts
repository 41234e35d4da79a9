import type { LanguageAdapter } from './adapter.js';
import { csharpAdapter } from './csharp/index.js';
import { javaAdapter } from './java/index.js';
import { javascriptAdapter } from './javascript/index.js';
import { phpAdapter } from './php/index.js';
import { powershellAdapter } from './powershell/index.js';
import { prismaAdapter } from './prisma/index.js';
import { pythonAdapter } from './python/index.js';
import { graphqlAdapter, jsonSchemaAdapter, xmlSchemaAdapter, yamlSchemaAdapter } from './schema/index.js';
import { sqlAdapter } from './sql/index.js';

/** Every language adapter; a file is analyzed by the first adapter claiming its extension (and accepting its path). */
export const adapters: readonly LanguageAdapter[] = [
  javascriptAdapter, prismaAdapter, sqlAdapter, jsonSchemaAdapter, yamlSchemaAdapter, graphqlAdapter, xmlSchemaAdapter,
  csharpAdapter, javaAdapter, phpAdapter, powershellAdapter, pythonAdapter,
];

export function adapterFor(path: string, candidates: readonly LanguageAdapter[] = adapters): LanguageAdapter | undefined {
  const lower = path.toLowerCase();
  return candidates.find((adapter) => adapter.extensions.some((extension) => lower.endsWith(extension)) && (adapter.accepts?.(path) ?? true));
}
