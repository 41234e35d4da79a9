import { importsOf } from '../tree-sitter/analysis/walk.js';
import type { Program } from '../tree-sitter/ir.js';

/** How far up the tree a referenced type's folder is looked for (`../Models/Session.cs`). */
const LEVELS = 2;

/**
 * C# conventionally keeps a type in `<Type>.cs`, in a folder named like the last part of its
 * namespace (`Acme.Sync.Models` → `Models/`), but namespaces do not fix paths. So a referenced type
 * maps to a few candidates: beside the file, and in folders named after the `using`d namespaces, up
 * to two levels up. Candidates that name no scanned file are ignored by the engine.
 */
export function csharpTypeModules(types: ReadonlySet<string>, program: Program): string[] {
  const folders = new Set<string>(['']);
  for (const { module } of importsOf(program.body)) {
    const last = module.split('.').pop();
    if (last && !/^(?:System|Microsoft)\b/.test(module)) folders.add(`${last}/`);
  }
  const paths = new Set<string>();
  for (const type of types) {
    const simple = type.split('.').pop()!;
    for (let level = 0; level <= LEVELS; level++) {
      const up = level ? '../'.repeat(level) : './';
      for (const folder of folders) paths.add(`${up}${folder}${simple}.cs`);
    }
  }
  return [...paths];
}
