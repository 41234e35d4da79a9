import { describe, expect, it } from 'vitest';
import { applySuppressions, parseDirectives, type Directive } from '../src/engine/suppressions.js';
import type { CommentSyntax } from '../src/languages/adapter.js';

const JS: CommentSyntax = { line: ['//'], block: [['/*', '*/']] };
const SQL: CommentSyntax = { line: ['--'], block: [['/*', '*/']] };
const POWERSHELL: CommentSyntax = { line: ['#'], block: [['<#', '#>']] };
const XML: CommentSyntax = { line: [], block: [['<!--', '-->']] };

interface TestFinding {
  ruleId: string;
  line: number;
  suppressed: boolean;
  suppressionReason?: string;
}

const finding = (ruleId: string, line: number): TestFinding => ({ ruleId, line, suppressed: false });
const identity = (id: string): string => id;
const summary = (directives: Directive[]) => directives.map(({ kind, rules, reason, line }) => ({ kind, rules, reason, line }));

describe('parseDirectives', () => {
  it('reads the three forms, rule lists and reasons in // comments', () => {
    const text = [
      '// lsid-lint-disable-file xml-pinned-namespace-uri -- vendor pins it',
      'const a = 1; // lsid-lint-disable-line lsid-numeric-conversion, lsid-arithmetic',
      '// lsid-lint-disable-next-line -- legacy report, removed in Q3',
    ].join('\n');
    expect(summary(parseDirectives(text, JS))).toEqual([
      { kind: 'file', rules: ['xml-pinned-namespace-uri'], reason: 'vendor pins it', line: 1 },
      { kind: 'line', rules: ['lsid-numeric-conversion', 'lsid-arithmetic'], reason: undefined, line: 2 },
      { kind: 'next-line', rules: 'all', reason: 'legacy report, removed in Q3', line: 3 },
    ]);
  });

  it('records the comment span', () => {
    const [directive] = parseDirectives('x;\n  /* lsid-lint-disable-next-line a\n  -- two\n  lines */\ny;', JS);
    expect(directive).toMatchObject({ line: 2, column: 3, endLine: 4, endColumn: 11, reason: 'two lines', used: false });
  });

  it('reads -- and /* */ comments in SQL', () => {
    const text = "SELECT lsid::int -- lsid-lint-disable-line sql-cast -- checked\n/* lsid-lint-disable-file */";
    expect(summary(parseDirectives(text, SQL))).toEqual([
      { kind: 'line', rules: ['sql-cast'], reason: 'checked', line: 1 },
      { kind: 'file', rules: 'all', reason: undefined, line: 2 },
    ]);
  });

  it('reads # and <# #> comments', () => {
    const text = '$x = [int]$lsid # lsid-lint-disable-line a\n<# lsid-lint-disable-next-line b #>\n';
    expect(summary(parseDirectives(text, POWERSHELL))).toEqual([
      { kind: 'line', rules: ['a'], reason: undefined, line: 1 },
      { kind: 'next-line', rules: ['b'], reason: undefined, line: 2 },
    ]);
  });

  it('reads <!-- --> comments, where the reason follows a single hyphen', () => {
    const text = "<p>don't</p> <!-- lsid-lint-disable-line xml-literal-tag-match - fixed upstream -->";
    expect(summary(parseDirectives(text, XML))).toEqual([
      { kind: 'line', rules: ['xml-literal-tag-match'], reason: 'fixed upstream', line: 1 },
    ]);
  });

  it('ignores directives inside string literals', () => {
    const text = [
      'const a = "// lsid-lint-disable-line";',
      "const b = '/* lsid-lint-disable-file */';",
      'const c = `',
      '  // lsid-lint-disable-next-line',
      '`;',
      'const d = "quote \\" // lsid-lint-disable-line";',
    ].join('\n');
    expect(parseDirectives(text, JS)).toEqual([]);
  });

  it('does not let a stray apostrophe hide a later directive', () => {
    const text = "x = it's # lsid-lint-disable-line a\ny # lsid-lint-disable-line b";
    expect(parseDirectives(text, { line: ['#'], block: [] }).map((d) => d.rules)).toEqual([['b']]);
  });

  it('ignores comments that do not start with a directive', () => {
    const text = '// see lsid-lint-disable-line docs\n// lsid-lint-disable-lines a\n/// lsid-lint-disable-line';
    expect(parseDirectives(text, JS)).toEqual([]);
  });
});

describe('applySuppressions', () => {
  it('suppresses by line, next line and file, keeping the reason', () => {
    const text = [
      'a; // lsid-lint-disable-line r1 -- same line',
      '// lsid-lint-disable-next-line r2 -- next line',
      'b;',
      '// lsid-lint-disable-file r3 -- whole file',
    ].join('\n');
    const findings = [finding('r1', 1), finding('r2', 3), finding('r3', 1), finding('r1', 3), finding('r2', 4)];
    const { unused } = applySuppressions(findings, parseDirectives(text, JS), identity);
    expect(findings.map((f) => [f.suppressed, f.suppressionReason])).toEqual([
      [true, 'same line'],
      [true, 'next line'],
      [true, 'whole file'],
      [false, undefined],
      [false, undefined],
    ]);
    expect(unused).toEqual([]);
  });

  it('covers exactly the next line, not the next non-blank one', () => {
    const findings = [finding('r', 3)];
    const { unused } = applySuppressions(findings, parseDirectives('// lsid-lint-disable-next-line r\n\nx;', JS), identity);
    expect(findings[0]!.suppressed).toBe(false);
    expect(unused).toHaveLength(1);
  });

  it('suppresses every rule when none is listed', () => {
    const findings = [finding('r1', 2), finding('r2', 2)];
    applySuppressions(findings, parseDirectives('// lsid-lint-disable-next-line\nx;', JS), identity);
    expect(findings.every((f) => f.suppressed)).toBe(true);
    expect(findings[0]!.suppressionReason).toBeUndefined();
  });

  it('resolves aliases on both sides through resolveId', () => {
    const aliases: Record<string, string> = { 'old-name': 'new-name' };
    const resolve = (id: string): string => aliases[id] ?? id;
    const findings = [finding('new-name', 1)];
    const { unused } = applySuppressions(findings, parseDirectives('x; // lsid-lint-disable-line old-name', JS), resolve);
    expect(findings[0]!.suppressed).toBe(true);
    expect(unused).toEqual([]);
  });

  it('reports directives that suppressed nothing; a multi-rule one is used if any rule matched', () => {
    const text = 'x; // lsid-lint-disable-line r1, never-fires\ny; // lsid-lint-disable-line r2 -- stale';
    const { unused } = applySuppressions([finding('r1', 1)], parseDirectives(text, JS), identity);
    expect(summary(unused)).toEqual([{ kind: 'line', rules: ['r2'], reason: 'stale', line: 2 }]);
  });

  it('counts every covering directive as used and prefers the line-scoped reason', () => {
    const text = '// lsid-lint-disable-file r -- broad\nx; // lsid-lint-disable-line r -- specific';
    const findings = [finding('r', 2)];
    const { unused } = applySuppressions(findings, parseDirectives(text, JS), identity);
    expect(findings[0]!.suppressionReason).toBe('specific');
    expect(unused).toEqual([]);
  });
});
