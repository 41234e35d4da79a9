import { treeSitterAdapter } from '../tree-sitter/adapter.js';
import type { ImportStmt } from '../tree-sitter/analysis/index.js';
import { pythonKnowledge } from './knowledge.js';
import { lower } from './lower.js';

/**
 * Files an import may name, relative to the importing file. Relative imports are exact
 * (`from .client import x` → `./client.py`, `from .. import config` → `../config.py`); absolute ones
 * are tried as siblings, which is where a script run directly finds them (`import bomgar_client`).
 */
export function pythonLocalModules(stmt: ImportStmt): string[] {
  const match = /^(\.*)(.*)$/.exec(stmt.module.trim())!;
  const dots = match[1]!.length;
  const base = dots <= 1 ? './' : '../'.repeat(dots - 1);
  const rest = match[2]!.replace(/\./g, '/');
  if (stmt.module === '__future__' || (!rest && dots === 0)) return [];
  const paths: string[] = [];
  const dir = rest ? `${base}${rest}` : base.replace(/\/$/, '');
  if (rest) paths.push(`${dir}.py`, `${dir}/__init__.py`);
  // `from pkg import module` imports a submodule when one of that name exists.
  for (const { name } of stmt.names) {
    if (name === '*' || name.includes('.')) continue;
    paths.push(`${dir}/${name}.py`, `${dir}/${name}/__init__.py`);
  }
  return paths;
}

/** Python (`.py`) through tree-sitter-python, lowered to the shared IR. */
export const pythonAdapter = treeSitterAdapter({
  id: 'python',
  grammar: 'python',
  extensions: ['.py'],
  comments: { line: ['#'], block: [] },
  lower,
  knowledge: pythonKnowledge,
  localModules: pythonLocalModules,
});
