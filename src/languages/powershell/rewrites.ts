/**
 * Rewrites that make PowerShell read like the other languages: a script block's or function's
 * trailing output is its return value, and the simplified `Where-Object lsid -gt $x` /
 * `ForEach-Object lsid` forms become the script blocks they stand for.
 */
import type { Span } from '../../types.js';
import type { Arg, Expr, Stmt } from '../tree-sitter/ir.js';
import { WHERE_OPERATORS } from './commands.js';
import { spanFrom } from './syntax.js';

/** Commands whose output is not the value of a script block or function that ends with them. */
const NO_OUTPUT_COMMANDS = new Set([
  'Write-Host', 'Write-Verbose', 'Write-Warning', 'Write-Error', 'Write-Debug', 'Write-Information', 'Out-Null',
  'Set-Content', 'Add-Content', 'Out-File', 'Export-Csv', 'Start-Sleep', 'Remove-Item', 'Export-ModuleMember',
]);

/** The value of a branch that is a single expression (`$x = if ($c) { 1 } else { 2 }`). */
export function lastOutput(body: Stmt[]): Expr | undefined {
  const last = body.at(-1);
  return body.length === 1 && last?.k === 'expr' ? last.expr : undefined;
}

/** The trailing expression statement of a function or script block is its output: return it. */
export function implicitReturn(body: Stmt[]): Stmt[] {
  const last = body.at(-1);
  if (last?.k !== 'expr') return body;
  const expr = last.expr;
  if (expr.k === 'call' && expr.callee.k === 'name' && NO_OUTPUT_COMMANDS.has(expr.callee.name)) return body;
  return [...body.slice(0, -1), { k: 'return', value: expr, span: last.span }];
}

const isScriptBlock = (a: Arg) => a.value.k === 'lambda';

/**
 * `Where-Object lsid -gt $x` / `Where-Object -Property lsid -GT -Value $x` / `Where-Object lsid`
 * → `Where-Object { $_.lsid -gt $x }`.
 */
export function whereArgs(args: Arg[], span: Span): Arg[] {
  if (args.some(isScriptBlock) || args.some((a) => a.name?.toLowerCase() === 'filterscript')) return args;
  const piped = args.filter((a) => a.name === '|');
  const property = args.find((a) => a.name?.toLowerCase() === 'property') ?? args.find((a) => !a.name);
  if (property?.value.k !== 'string') return args;
  const comparison = args.find((a) => a.name !== undefined && WHERE_OPERATORS.has(a.name.toLowerCase()));
  const valueArg = args.find((a) => a.name?.toLowerCase() === 'value') ?? (comparison && comparison.value.k !== 'bool' ? comparison : args.find((a) => !a.name && a !== property));
  const member: Expr = { k: 'member', object: { k: 'name', name: '_', span: property.value.span }, name: property.value.value, span: property.value.span, nameSpan: property.value.span };
  let test: Expr = member;
  if (comparison && valueArg) {
    test = { k: 'binary', op: WHERE_OPERATORS.get(comparison.name!.toLowerCase())!, left: member, right: valueArg.value, span: spanFrom(property.value.span, valueArg.value.span) };
  }
  const lambda: Expr = { k: 'lambda', params: [{ name: '_', span }], body: [{ k: 'return', value: test, span: test.span }], span };
  return [...piped, { value: lambda }];
}

/** `ForEach-Object lsid` / `ForEach-Object -MemberName lsid` → `ForEach-Object { $_.lsid }`. */
export function forEachArgs(args: Arg[], span: Span): Arg[] {
  if (args.some(isScriptBlock)) return args;
  const member = args.find((a) => a.name?.toLowerCase() === 'membername') ?? args.find((a) => !a.name);
  if (member?.value.k !== 'string') return args;
  const access: Expr = { k: 'member', object: { k: 'name', name: '_', span: member.value.span }, name: member.value.value, span: member.value.span, nameSpan: member.value.span };
  const lambda: Expr = { k: 'lambda', params: [{ name: '_', span }], body: [{ k: 'return', value: access, span: access.span }], span };
  return [...args.filter((a) => a.name === '|'), { value: lambda }];
}
