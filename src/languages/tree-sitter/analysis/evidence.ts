import type { ContextEvidence } from '../../../types.js';
import type { ContextSettings } from '../../adapter.js';
import { moduleEvidence, nameEvidence, stringEvidence } from '../../../knowledge/evidence.js';
import type { Program, Stmt } from '../ir.js';
import { walkProgram } from './walk.js';

/** Evidence that the file talks to the Bomgar API: its string literals, names and imported modules. */
export function collectEvidence(program: Program, settings: ContextSettings): ContextEvidence[] {
  const evidence: ContextEvidence[] = [];
  for (const literal of program.strings) {
    const kind = stringEvidence(literal.value, settings);
    if (kind) evidence.push({ kind, text: literal.value, span: literal.span });
  }
  for (const name of program.names) {
    const kind = nameEvidence(name.name);
    if (kind) evidence.push({ kind, text: name.name, span: name.span });
  }
  walkProgram(program.body, {
    stmt(stmt) {
      if (stmt.k !== 'import') return;
      const kind = moduleEvidence(stmt.module, settings);
      if (kind) evidence.push({ kind, text: stmt.module, span: stmt.span });
    },
  });
  return evidence;
}

/**
 * Imports that name files of this project, as paths relative to the importing file (the engine
 * spreads Bomgar context along them): Python `from .client import X` → `./client.py`, PHP
 * `require 'client.php'`, PowerShell `. ./Bomgar.ps1`. `moduleFiles` maps a language's module
 * syntax to candidate paths.
 */
export function collectLocalImports(body: readonly Stmt[], moduleFiles: (stmt: Extract<Stmt, { k: 'import' }>) => readonly string[]): string[] {
  const specifiers = new Set<string>();
  walkProgram(body, {
    stmt(stmt) {
      if (stmt.k === 'import') for (const file of moduleFiles(stmt)) specifiers.add(file);
    },
  });
  return [...specifiers];
}
