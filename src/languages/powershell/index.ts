import { treeSitterAdapter } from '../tree-sitter/adapter.js';
import type { ImportStmt } from '../tree-sitter/analysis/index.js';
import { powershellKnowledge } from './knowledge.js';
import { lower } from './lower.js';

/**
 * Files a dot-source or module import may name, relative to the importing script:
 * `. .\lib.ps1`, `. "$PSScriptRoot\lib.ps1"`, `Import-Module .\Bomgar.psm1`, `Import-Module Bomgar`
 * (a module folder next to the script, or a `.psm1` of that name).
 */
export function powershellLocalModules(stmt: ImportStmt): string[] {
  let path = stmt.module.trim().replace(/^["']|["']$/g, '').replace(/\\/g, '/');
  path = path.replace(/^\$\{?PSScriptRoot\}?\/?/i, './');
  if (/^[A-Za-z]:|^\/|^\$|^~/.test(path)) return [];
  if (/^[\w.-]+$/.test(path) && !/\.ps[md]?1$/i.test(path)) return [`./${path}.psm1`, `./${path}/${path}.psm1`];
  if (!/\.ps[md]?1$/i.test(path)) return [];
  return [path.startsWith('.') ? path : `./${path}`];
}

/** PowerShell (`.ps1`, `.psm1`) through tree-sitter-powershell, lowered to the shared IR. */
export const powershellAdapter = treeSitterAdapter({
  id: 'powershell',
  grammar: 'powershell',
  extensions: ['.ps1', '.psm1'],
  comments: { line: ['#'], block: [['<#', '#>']] },
  lower,
  knowledge: powershellKnowledge,
  localModules: powershellLocalModules,
});
