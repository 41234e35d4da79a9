import { importsOf } from '../tree-sitter/analysis/walk.js';
import type { Program } from '../tree-sitter/ir.js';

/** How far up the tree a referenced type's folder is looked for (`../Models/Session.cs`). */
const LEVELS = 2;

/**
 * C# conventionally keeps a type in `<Type>.cs`, in the folder its namespace names below the
 * project's root namespace, but namespaces do not fix paths. So a referenced type maps to a few
 * candidates: beside the file; relative to the file's own namespace (from `Contoso.Sync`,
 * `using Contoso.Sync.Data;` is `./Data/`, and from `Contoso.Sync.Data` the root is `../`); and in
 * folders named after the last part of the `using`d namespaces, up to two levels up. Candidates
 * that name no scanned file are ignored by the engine.
 */
export function csharpTypeModules(types: ReadonlySet<string>, program: Program): string[] {
  const own = program.package ? program.package.split('.') : [];
  const usings = importsOf(program.body).filter((stmt) => !stmt.names.length && !/^(?:System|Microsoft)\b/.test(stmt.module)).map((stmt) => stmt.module);
  const folders = new Set<string>(['./']);
  for (const namespace of [program.package ?? '', ...usings]) {
    if (!namespace) continue;
    const parts = namespace.split('.');
    let shared = 0;
    while (shared < own.length && shared < parts.length && own[shared] === parts[shared]) shared++;
    if (shared > 0) {
      const down = parts.slice(shared).join('/');
      folders.add(`${'../'.repeat(own.length - shared) || './'}${down ? `${down}/` : ''}`);
    }
    const last = parts[parts.length - 1];
    for (let level = 0; level <= LEVELS && last; level++) folders.add(`${level ? '../'.repeat(level) : './'}${last}/`);
  }
  const paths = new Set<string>();
  for (const type of types) {
    const simple = type.split('.').pop()!;
    for (const folder of folders) paths.add(`${folder}${simple}.cs`);
  }
  return [...paths];
}
