import { treeSitterAdapter } from '../tree-sitter/adapter.js';
import type { ImportStmt } from '../tree-sitter/analysis/index.js';
import { phpKnowledge } from './knowledge.js';
import { lower } from './lower.js';

const PHP_FILE = /\.(?:php|phtml|inc)$/i;

/**
 * Files an include names, relative to the including file: `require __DIR__ . '/client.php'` →
 * `./client.php`, `require_once 'lib/bomgar.php'` → `./lib/bomgar.php` (include_path usually starts
 * with `.`). Namespace `use` statements name classes, whose files only the Composer autoloader
 * knows, so they are left out.
 */
export function phpLocalModules(stmt: ImportStmt): string[] {
  const module = stmt.module.trim().replace(/\\/g, '/');
  if (stmt.names.length || !PHP_FILE.test(module) || /^[a-z]+:\/\//i.test(module) || module.startsWith('/')) return [];
  return [module.startsWith('.') ? module : `./${module}`];
}

/** PHP (`.php`, `.phtml`, `.inc`) through tree-sitter-php, lowered to the shared IR. */
export const phpAdapter = treeSitterAdapter({
  id: 'php',
  grammar: 'php',
  extensions: ['.php', '.phtml', '.inc'],
  // HTML comments too: .phtml templates hold markup around the PHP.
  comments: { line: ['//', '#'], block: [['/*', '*/'], ['<!--', '-->']] },
  lower,
  knowledge: phpKnowledge,
  localModules: phpLocalModules,
});
