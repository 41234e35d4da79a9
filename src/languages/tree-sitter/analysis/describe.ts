import type { Expr } from '../ir.js';

/** How a language writes variables and member access: `$r->session` in PHP, `$r.session` in PowerShell. */
export interface Notation {
  sigil?: string;
  member?: string;
}

/** A short rendering of an expression for messages: `s.get('lsid')`, `row["lsid"]`, `$r->session->lsid`. */
export function describe(expr: Expr, notation: Notation = {}, depth = 0): string {
  if (depth > 4) return '…';
  const inner = (e: Expr): string => describe(e, notation, depth + 1);
  switch (expr.k) {
    case 'name': return expr.name === 'this' ? `${notation.sigil ?? ''}this` : `${notation.sigil ?? ''}${expr.name}`;
    case 'type': return expr.name;
    case 'string': return `'${expr.value.length > 40 ? `${expr.value.slice(0, 37)}…` : expr.value}'`;
    case 'number': return expr.text;
    case 'member': return `${inner(expr.object)}${expr.object.k === 'type' ? '::' : notation.member ?? '.'}${expr.name}`;
    case 'index': return `${inner(expr.object)}[${inner(expr.index)}]`;
    case 'call': {
      const args = expr.args.filter((a) => a.name !== '|');
      const callee = expr.callee.k === 'name' ? expr.callee.name : inner(expr.callee);
      return `${callee}(${args.length === 1 && args[0]!.value.k === 'string' ? inner(args[0]!.value) : args.length ? '…' : ''})`;
    }
    case 'cast': return `(${expr.type}) ${inner(expr.operand)}`;
    default: return '…';
  }
}
