import type { Span } from '../../types.js';
import { alterTable, create, declare, returns, tableReference } from './declarations.js';
import type { SqlDialect } from './dialect.js';
import { arithmetic, between, call, doubleColonCast, equality, inList, orderBy, patternMatch, relational } from './expressions.js';
import { subjectName, type AddedColumn, type Candidate, type CandidateKind, type Ref, type SubjectName, type TableDecl, type TableScope, type VariableDecl } from './model.js';
import type { Statement } from './splitter.js';
import { RESERVED, StatementView, type SubjectOperand } from './statement-view.js';
import { isOp, isWord, type Token } from './tokens.js';

/**
 * The token-level analysis of one statement: one pass over its tokens, handing operators and
 * keywords to the expression patterns (expressions.ts) and the declaration readers
 * (declarations.ts). It is the analysis for everything node-sql-parser cannot take (procedures,
 * triggers, PL/SQL, Oracle), and the one whose spans are reported for everything it can.
 */

export interface ScanOutput {
  candidates: Candidate[];
  tables: TableDecl[];
  added: AddedColumn[];
  variables: VariableDecl[];
  scope: TableScope;
  /** Every column or variable reference named like an LSID or lseq. */
  subjectRefs: { ref: Ref; name: SubjectName; token: number }[];
  /** Identifiers that name the vendor (bomgar_sessions, BeyondTrustSync). */
  vendorNames: { text: string; span: Span }[];
}

const VENDOR = /bomgar|beyondtrust/i;
const RELATIONAL = new Set(['<', '>', '<=', '>=', '!<', '!>']);
const EQUALITY = new Set(['=', '<>', '!=', '==']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>']);

/** `vendorInFile`: whether the file names the vendor at all (most do not; then no identifier needs the test). */
export function scanStatement(text: string, tokens: readonly Token[], statement: Statement, index: number, dialect: SqlDialect, vendorInFile: boolean): ScanOutput {
  return new Scan(text, tokens, statement, index, dialect, vendorInFile).run();
}

export class Scan extends StatementView {
  readonly out: ScanOutput = {
    candidates: [], tables: [], added: [], variables: [], scope: { aliases: new Map(), tables: new Set() }, subjectRefs: [], vendorNames: [],
  };
  /** Token ranges whose conversions belong to a reported declaration (ALTER COLUMN … TYPE int USING lsid::int). */
  readonly quiet: [number, number][] = [];
  private readonly seen = new Set<string>();

  constructor(
    text: string,
    tokens: readonly Token[],
    statement: Statement,
    readonly index: number,
    dialect: SqlDialect,
    private readonly vendorInFile: boolean,
  ) {
    super(text, tokens, statement, dialect);
  }

  run(): ScanOutput {
    for (let i = this.from; i < this.to; i++) {
      const token = this.tokens[i]!;
      switch (token.type) {
        case 'op':
          this.operator(i, token.value);
          break;
        case 'word':
          this.word(i, token.value);
          if (!RESERVED.has(token.value)) this.identifier(i);
          break;
        case 'quoted':
        case 'variable':
          this.identifier(i);
          break;
        case 'string':
          // dbt's {{ source('bomgar', 'session') }}, WHERE vendor = 'BeyondTrust'.
          if (this.vendorInFile && VENDOR.test(token.value)) this.out.vendorNames.push({ text: token.value, span: { start: token.start, end: token.end } });
          break;
        default:
      }
    }
    return this.out;
  }

  /** Records LSID/lseq-named references and vendor-named identifiers. */
  private identifier(i: number): void {
    const token = this.tokens[i]!;
    if (this.vendorInFile && VENDOR.test(token.value)) this.out.vendorNames.push({ text: this.text.slice(token.start, token.end), span: { start: token.start, end: token.end } });
    // The last part of a qualified name is the column; earlier parts are tables and schemas.
    if (isOp(this.tok(i + 1), '.') && this.isIdent(this.tok(i + 2))) return;
    const name = subjectName(token.value);
    if (!name) return;
    this.out.subjectRefs.push({ ref: this.refEndingAt(i), name, token: i });
  }

  /** Records a hazard once per kind and reference, unless it lies in a quiet range. */
  add(kind: CandidateKind, operand: SubjectOperand, from: number, to: number, extra: Partial<Candidate> = {}): void {
    if (this.quiet.some(([start, end]) => from >= start && from < end)) return;
    const key = `${kind}:${operand.ref.span.start}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.out.candidates.push({
      kind,
      subject: operand.name.subject,
      ref: operand.ref,
      exact: operand.name.exact,
      span: this.span(from, to),
      construct: this.source(from, to),
      declaration: false,
      statement: this.index,
      ...extra,
    });
  }

  private operator(i: number, op: string): void {
    if (RELATIONAL.has(op)) return relational(this, i);
    if (EQUALITY.has(op)) return equality(this, i);
    if (ARITHMETIC.has(op)) return arithmetic(this, i, op);
    if (op === '::') return doubleColonCast(this, i);
    if (op === '~' || op === '~*' || op === '!~') return patternMatch(this, i, i);
  }

  private word(i: number, value: string): void {
    switch (value) {
      case 'BETWEEN':
        return between(this, i);
      case 'IN':
        return inList(this, i);
      case 'DIV':
      case 'MOD':
        if (!isOp(this.tok(i + 1), '(')) arithmetic(this, i, value);
        else call(this, i, value);
        return;
      case 'LIKE':
      case 'ILIKE':
      case 'REGEXP':
      case 'RLIKE':
      case 'GLOB':
        return patternMatch(this, i, i);
      case 'SIMILAR':
        if (isWord(this.tok(i + 1), 'TO')) patternMatch(this, i, i + 1);
        return;
      case 'ORDER':
        if (isWord(this.tok(i + 1), 'BY')) orderBy(this, i);
        return;
      case 'CREATE':
        return create(this, i);
      case 'ALTER':
        if (isWord(this.tok(i + 1), 'TABLE')) alterTable(this, i);
        return;
      case 'DECLARE':
        return declare(this, i);
      case 'RETURNS':
        return returns(this, i);
      case 'FROM':
      case 'JOIN':
      case 'UPDATE':
      case 'INTO':
      case 'USING':
      case 'APPLY':
        return tableReference(this, i, value);
      default:
        if (isOp(this.tok(i + 1), '(')) call(this, i, value);
    }
  }
}
