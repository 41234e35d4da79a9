import type { Expr } from '../ir.js';

/** A short rendering of an expression for messages: `s.get('lsid')`, `row["lsid"]`, `session.Lsid`. */
export function describe(expr: Expr, depth = 0): string {
  if (depth > 4) return '…';
  switch (expr.k) {
    case 'name': return expr.name;
    case 'type': return expr.name;
    case 'string': return `'${expr.value.length > 40 ? `${expr.value.slice(0, 37)}…` : expr.value}'`;
    case 'number': return expr.text;
    case 'member': return `${describe(expr.object, depth + 1)}.${expr.name}`;
    case 'index': return `${describe(expr.object, depth + 1)}[${describe(expr.index, depth + 1)}]`;
    case 'call': {
      const args = expr.args.filter((a) => a.name !== '|');
      return `${describe(expr.callee, depth + 1)}(${args.length === 1 && args[0]!.value.k === 'string' ? describe(args[0]!.value, depth + 1) : args.length ? '…' : ''})`;
    }
    case 'cast': return `(${expr.type}) ${describe(expr.operand, depth + 1)}`;
    default: return '…';
  }
}
