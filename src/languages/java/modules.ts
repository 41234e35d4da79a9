import { importsOf } from '../tree-sitter/analysis/walk.js';
import type { Program } from '../tree-sitter/ir.js';

/**
 * Java keeps a public type in `<package path>/<Type>.java`, so a file's imports and the types it
 * names map to paths relative to it: from package `com.acme.bomgar`, `com.acme.model.Session` is
 * `../model/Session.java` and an unqualified `SessionMapper` is `./SessionMapper.java`. Paths that
 * name no scanned file are ignored by the engine.
 */
export function javaTypeModules(types: ReadonlySet<string>, program: Program): string[] {
  const depth = program.package ? program.package.split('.').length : 0;
  const toRoot = depth ? '../'.repeat(depth) : './';
  const imports = importsOf(program.body).map((stmt) => stmt.module);
  const wildcards = imports.filter((module) => module.endsWith('.*')).map((module) => module.slice(0, -2));
  const fileOf = (qualified: string): string => `${toRoot}${qualified.replace(/\./g, '/')}.java`;
  const paths = new Set<string>();
  for (const module of imports) if (!module.endsWith('.*') && !/^(?:java|javax|jakarta|org\.w3c|org\.xml)\./.test(module)) paths.add(fileOf(module));
  for (const type of types) {
    if (type.includes('.')) {
      paths.add(fileOf(type));
      continue;
    }
    if (imports.some((module) => module.endsWith(`.${type}`))) continue;
    paths.add(`./${type}.java`);
    for (const pkg of wildcards) paths.add(fileOf(`${pkg}.${type}`));
  }
  return [...paths];
}
