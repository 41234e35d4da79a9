import type { Expr, Program } from '../ir.js';
import { walkProgram } from './walk.js';

/**
 * The class-like names a file refers to (declared types, `new T`, casts, base classes, static
 * receivers such as `SessionMapper.parse`): in Java and C# a type usually lives in a file of its own
 * name, so these are the edges along which Bomgar context spreads between files.
 */
export function collectTypeReferences(program: Program): Set<string> {
  const names = new Set<string>();
  const addType = (type: string | undefined): void => {
    if (!type) return;
    for (const match of type.matchAll(/[A-Za-z_][\w.]*/g)) {
      const simple = match[0].split('.').pop()!;
      if (/^[A-Z]/.test(simple)) names.add(match[0]);
    }
  };
  const staticReceiver = (expr: Expr): void => {
    if (expr.k === 'member' && expr.object.k === 'name' && /^[A-Z][A-Za-z0-9_]*$/.test(expr.object.name)) names.add(expr.object.name);
  };
  walkProgram(program.body, {
    stmt(stmt) {
      if (stmt.k === 'assign') addType(stmt.declaredType);
      if (stmt.k === 'function') {
        addType(stmt.returnType);
        stmt.params.forEach((param) => addType(param.type));
      }
      if (stmt.k === 'class') stmt.bases.forEach(addType);
    },
    expr(expr) {
      if (expr.k === 'new' || expr.k === 'cast') addType(expr.type);
      else if (expr.k === 'type') addType(expr.name);
      else if (expr.k === 'lambda') expr.params.forEach((param) => addType(param.type));
      else if (expr.k === 'call') {
        staticReceiver(expr.callee);
        // Generic method arguments: C# `GetRequiredService<SyncDbContext>()`, `JsonSerializer.Deserialize<Session>(…)`.
        expr.typeArgs?.forEach(addType);
      }
    },
  });
  return names;
}
