/**
 * SQL written in string literals (`cursor.execute("SELECT TOP 10 … ORDER BY lsid DESC")`, a
 * `CREATE TABLE session (…)` in a migration, a query built by concatenation) goes through the
 * project's SQL analyzer, so queries in code are held to the same rules as `.sql` files.
 */
import type { Span, ValueUse } from '../../../types.js';
import { analyzeSql } from '../../sql/analyze.js';
import type { Expr, Stmt } from '../ir.js';
import { walkProgram } from './walk.js';

type StringExpr = Extract<Expr, { k: 'string' }>;

/** A statement keyword first, after any leading line or block comments. */
const SQL_START = new RegExp(String.raw`^\s*(?:(?:--[^\n]*(?:\n|$)|/\*[\s\S]*?\*/)\s*)*(?:` + [
  String.raw`(?:SELECT|WITH|CREATE|ALTER|INSERT|UPDATE|DELETE|MERGE|DECLARE|EXEC|EXECUTE)\b`,
  // Re-runnable setup scripts: `IF OBJECT_ID('dbo.x') IS NULL CREATE TABLE …`, `SET NOCOUNT ON; …`, `USE db; …`.
  String.raw`IF\s+(?:NOT\s+)?(?:EXISTS\s*\(|OBJECT_ID\s*\(|@)`,
  String.raw`SET\s+(?:NOCOUNT|ANSI_\w+|XACT_ABORT|QUOTED_IDENTIFIER|search_path|FOREIGN_KEY_CHECKS|NAMES)\b`,
  String.raw`USE\s+[\[\w"\`]+\]?\s*;`,
  String.raw`DROP\s+(?:TABLE|VIEW|INDEX|PROCEDURE|PROC|FUNCTION|TRIGGER)\b`,
  String.raw`(?:BEGIN\s+TRAN(?:SACTION)?|START\s+TRANSACTION|TRUNCATE\s+TABLE|PRAGMA)\b`,
].join('|') + ')', 'i');
const MENTIONS_SUBJECT = /\bls(?:id|eq)\b/i;
/** Interpolated values stand in as a parameter marker, which every dialect's grammar takes. */
const PLACEHOLDER = '?';

interface Piece {
  at: number;
  length: number;
  literal?: StringExpr;
}

export function collectEmbeddedSql(body: readonly Stmt[], text: string, dialect: string | undefined): ValueUse[] {
  const uses: ValueUse[] = [];
  const consumed = new Set<Expr>();
  const analyze = (parts: readonly Expr[]): void => {
    const pieces: Piece[] = [];
    let sql = '';
    for (const part of parts) {
      if (part.k === 'string') {
        pieces.push({ at: sql.length, length: part.value.length, literal: part });
        sql += part.value;
      } else {
        pieces.push({ at: sql.length, length: PLACEHOLDER.length });
        sql += PLACEHOLDER;
      }
    }
    if (!SQL_START.test(sql) || !MENTIONS_SUBJECT.test(sql)) return;
    const analysis = analyzeSql(sql, { hostContext: true, ...(dialect === undefined ? {} : { dialect }) });
    const toSource = (offset: number): number => {
      const piece = pieces.find((p) => offset >= p.at && offset <= p.at + p.length && p.literal) ?? pieces.find((p) => p.literal)!;
      const literal = piece.literal!;
      const raw = text.slice(literal.span.start, literal.span.end);
      const inner = raw.indexOf(literal.value);
      if (inner === -1) return literal.span.start;
      return literal.span.start + inner + Math.min(Math.max(offset - piece.at, 0), literal.value.length);
    };
    for (const use of analysis.facts.valueUses) {
      const span: Span = { start: toSource(use.span.start), end: Math.max(toSource(use.span.start), toSource(use.span.end)) };
      uses.push({ ...use, span });
    }
  };

  walkProgram(body, {
    expr(expr) {
      if (consumed.has(expr)) return;
      if (expr.k === 'binary' && (expr.op === '+' || expr.op === '.')) {
        const parts = flattenConcatenation(expr, consumed);
        if (parts.some((p) => p.k === 'string')) analyze(parts);
      } else if (expr.k === 'template') {
        expr.parts.forEach((part) => consumed.add(part));
        analyze(expr.parts);
      } else if (expr.k === 'string') {
        analyze([expr]);
      }
    },
  });
  return uses;
}

/** `"SELECT … " + table + " ORDER BY lsid"`: the operands in order; every nested part is consumed. */
function flattenConcatenation(expr: Expr, consumed: Set<Expr>): Expr[] {
  if (expr.k === 'binary' && (expr.op === '+' || expr.op === '.')) {
    consumed.add(expr);
    return [...flattenConcatenation(expr.left, consumed), ...flattenConcatenation(expr.right, consumed)];
  }
  if (expr.k === 'template') {
    consumed.add(expr);
    expr.parts.forEach((part) => consumed.add(part));
    return expr.parts;
  }
  consumed.add(expr);
  return [expr];
}
