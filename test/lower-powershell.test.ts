import { describe, expect, it } from 'vitest';
import { powershellLocalModules } from '../src/languages/powershell/index.js';
import { lower } from '../src/languages/powershell/lower.js';
import type { Expr, Stmt } from '../src/languages/tree-sitter/ir.js';
import { lowering, withoutSpans } from './helpers/lowering.js';

const lowered = lowering('powershell', lower);
const first = (text: string): Stmt => withoutSpans(lowered(text).body[0]!);
const exprOf = (text: string): Expr => {
  const stmt = first(text);
  if (stmt.k !== 'expr') throw new Error(`expected an expression statement, got ${stmt.k}`);
  return stmt.expr;
};

describe('PowerShell lowering', () => {
  it('collapses the precedence chain and normalises -eq', () => {
    expect(exprOf("$r.error -eq 'Login failed'")).toEqual({
      k: 'binary', op: '==',
      left: { k: 'member', object: { k: 'name', name: 'r' }, name: 'error' },
      right: { k: 'string', value: 'Login failed' },
    });
    expect(exprOf('$a -cgt $b')).toMatchObject({ k: 'binary', op: '>' });
    expect(exprOf("$x -imatch '^\\d+$'")).toMatchObject({ k: 'binary', op: '-match' });
    expect(exprOf('$a -and $b')).toMatchObject({ k: 'binary', op: 'and' });
  });

  it('lowers a pipeline to nested calls with the previous stage as the | argument', () => {
    expect(exprOf('$r.session_list.session | ? { $_.lsid -gt $last } | Sort-Object -Property start_time -Descending')).toEqual({
      k: 'call',
      callee: { k: 'name', name: 'Sort-Object' },
      args: [
        {
          name: '|',
          value: {
            k: 'call',
            callee: { k: 'name', name: 'Where-Object' },
            args: [
              { name: '|', value: { k: 'member', object: { k: 'member', object: { k: 'name', name: 'r' }, name: 'session_list' }, name: 'session' } },
              {
                value: {
                  k: 'lambda',
                  params: [{ name: '_' }],
                  body: [{ k: 'return', value: { k: 'binary', op: '>', left: { k: 'member', object: { k: 'name', name: '_' }, name: 'lsid' }, right: { k: 'name', name: 'last' } } }],
                },
              },
            ],
          },
        },
        { name: 'Property', value: { k: 'string', value: 'start_time' } },
        { name: 'Descending', value: { k: 'bool', value: true } },
      ],
    });
  });

  it('reads Where-Object simplified syntax as a script block', () => {
    expect(exprOf('$s | Where-Object lsid -gt $last')).toMatchObject({
      k: 'call',
      args: [{ name: '|' }, { value: { k: 'lambda', body: [{ k: 'return', value: { k: 'binary', op: '>', left: { k: 'member', name: 'lsid' } } }] } }],
    });
  });

  it('keeps typed parameters with their attributes', () => {
    const fn = first("function Get-Session {\n  param(\n    [Parameter(Mandatory)]\n    [ValidatePattern('^\\d+$')]\n    [int]$Lsid\n  )\n  $Lsid\n}");
    expect(fn).toEqual({
      k: 'function', name: 'Get-Session',
      params: [{
        name: 'Lsid', type: 'int',
        annotations: [
          { name: 'Parameter', args: [{ name: 'Mandatory', value: { k: 'bool', value: true } }] },
          { name: 'ValidatePattern', args: [{ value: { k: 'string', value: '^\\d+$' } }] },
        ],
      }],
      body: [{ k: 'return', value: { k: 'name', name: 'Lsid' } }],
    });
  });

  it('lowers casts, -as and typed variables', () => {
    expect(exprOf('[Int]$s.lsid')).toEqual({ k: 'cast', type: 'int', operand: { k: 'member', object: { k: 'name', name: 's' }, name: 'lsid' } });
    expect(exprOf('$s.lsid -as [long]')).toMatchObject({ k: 'cast', type: 'long' });
    expect(exprOf('[xml](Invoke-RestMethod -Uri $u)')).toMatchObject({ k: 'cast', type: 'xml', operand: { k: 'call', callee: { name: 'Invoke-RestMethod' }, args: [{ name: 'Uri' }] } });
    expect(first('[int]$lastLsid = 0')).toMatchObject({ k: 'assign', declaredType: 'int', targets: [{ k: 'name', name: 'lastLsid' }], value: { k: 'number', text: '0' } });
    expect(exprOf('[int]::Parse($s.lsid)')).toMatchObject({ k: 'call', callee: { k: 'member', object: { k: 'type', name: 'int' }, name: 'Parse' } });
  });

  it('resolves variable scopes, $PSItem and case', () => {
    expect(exprOf('$script:LastLsid + $PSItem + $lastlsid')).toMatchObject({
      k: 'binary', left: { k: 'binary', left: { name: 'LastLsid' }, right: { name: '_' } }, right: { name: 'LastLsid' },
    });
  });

  it('lowers expandable strings to templates and lists their literal pieces', () => {
    const program = lowered('$u = "$base/api/reporting?generate_report=SupportSession&lsid=$($s.lsid)"');
    expect(withoutSpans(program.body[0])).toMatchObject({
      k: 'assign',
      value: { k: 'template', parts: [{ k: 'name', name: 'base' }, { k: 'string', value: '/api/reporting?generate_report=SupportSession&lsid=' }, { k: 'member', name: 'lsid' }] },
    });
    expect(program.strings.map((s) => s.value)).toEqual(['/api/reporting?generate_report=SupportSession&lsid=']);
  });

  it('turns dot-sourcing and Import-Module into imports', () => {
    expect(first('. .\\BomgarApi.ps1')).toMatchObject({ k: 'import', module: '.\\BomgarApi.ps1' });
    expect(first('Import-Module "$PSScriptRoot\\Bomgar.psm1" -Force')).toMatchObject({ k: 'import', module: '$PSScriptRoot\\Bomgar.psm1' });
  });

  it('maps dot-sourced scripts and imported modules to project files', () => {
    const modules = (text: string) => {
      const stmt = lowered(text).body[0]!;
      return stmt.k === 'import' ? powershellLocalModules(stmt) : [];
    };
    expect(modules('. .\\lib\\BomgarApi.ps1')).toEqual(['./lib/BomgarApi.ps1']);
    expect(modules('Import-Module "$PSScriptRoot\\BomgarReport\\BomgarReport.psm1" -Force')).toEqual(['./BomgarReport/BomgarReport.psm1']);
    expect(modules('Import-Module BomgarReport')).toEqual(['./BomgarReport.psm1', './BomgarReport/BomgarReport.psm1']);
    expect(modules('Import-Module C:\\Modules\\Bomgar.psm1')).toEqual([]);
  });
});
