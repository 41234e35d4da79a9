import { describe, expect, it } from 'vitest';
import type { Expr, Program, Stmt } from '../src/languages/tree-sitter/ir.js';
import { lower } from '../src/languages/java/lower.js';
import { parserFor } from '../src/languages/tree-sitter/grammars.js';
import { lowering } from './helpers/lowering.js';

const lowerJava = lowering('java', lower);

/** Every statement, depth first (class bodies, functions, blocks, loops). */
function allStmts(body: Stmt[]): Stmt[] {
  return body.flatMap((s) => {
    const nested = s.k === 'class' || s.k === 'function' || s.k === 'block' || s.k === 'for' ? allStmts(s.body) : [];
    return [s, ...nested];
  });
}

function find<K extends Stmt['k']>(program: Program, k: K, pred: (s: Extract<Stmt, { k: K }>) => boolean = () => true) {
  return allStmts(program.body).find((s): s is Extract<Stmt, { k: K }> => s.k === k && pred(s as Extract<Stmt, { k: K }>));
}

const valueOf = (program: Program, name: string): Expr | undefined =>
  find(program, 'assign', (s) => s.targets.some((t) => t.k === 'name' && t.name === name))?.value;

describe('Java lowering', () => {
  it('lowers annotated fields with their declared type, spanned from the type', () => {
    const src = 'class S {\n  @Id\n  @Column(name = "lsid", unique = true)\n  private long lsid;\n}\n';
    const program = lowerJava(src);
    const field = find(program, 'assign')!;
    expect(field.declaredType).toBe('long');
    expect(field.annotations?.map((a) => a.name)).toEqual(['Id', 'Column']);
    expect(field.annotations?.[1]?.args.map((a) => a.name)).toEqual(['name', 'unique']);
    expect(src.slice(field.span.start, field.span.end)).toBe('long lsid');
    expect(program.strings.map((s) => s.value)).toEqual(['lsid']);
  });

  it('lowers classes, records and their bases', () => {
    const program = lowerJava('@XmlRootElement(name = "session_list")\npublic class SessionList extends Base implements A, B {}\nrecord Row(@JsonProperty("lsid") long id, String host) {}\n');
    const cls = find(program, 'class', (c) => c.name === 'SessionList')!;
    expect(cls.bases).toEqual(['Base', 'A', 'B']);
    expect(cls.annotations?.[0]).toMatchObject({ name: 'XmlRootElement', args: [{ name: 'name', value: { k: 'string', value: 'session_list' } }] });
    const record = find(program, 'class', (c) => c.name === 'Row')!;
    const fields = record.body.filter((s) => s.k === 'assign');
    expect(fields).toMatchObject([{ declaredType: 'long', annotations: [{ name: 'JsonProperty' }] }, { declaredType: 'String' }]);
    expect(record.body.some((s) => s.k === 'function' && s.name === 'Row' && s.params.length === 2)).toBe(true);
  });

  it('lowers calls, static calls, casts and equals', () => {
    const program = lowerJava('class A { void f(String s, Object o) { long a = Long.parseLong(s.trim()); int b = (Integer) o; boolean c = "x".equals(s); } }');
    expect(valueOf(program, 'a')).toMatchObject({
      k: 'call',
      callee: { k: 'member', object: { k: 'name', name: 'Long' }, name: 'parseLong' },
      args: [{ value: { k: 'call', callee: { k: 'member', name: 'trim' } } }],
    });
    expect(valueOf(program, 'b')).toMatchObject({ k: 'cast', type: 'Integer', operand: { k: 'name', name: 'o' } });
    expect(valueOf(program, 'c')).toMatchObject({ k: 'binary', op: '==', left: { k: 'string', value: 'x' }, right: { k: 'name', name: 's' } });
    const fn = find(program, 'function')!;
    expect(fn.params).toMatchObject([{ name: 's', type: 'String' }, { name: 'o', type: 'Object' }]);
  });

  it('lowers element access and collection factories', () => {
    const program = lowerJava('class A { void f(List<Integer> lseqs, JsonNode node) { int p = lseqs.get(0); long l = node.get("lsid").asLong(); Path x = Paths.get("a"); var u = List.of("a", "b"); var s = Set.of(1); var m = Map.of("k", 1); } }');
    expect(valueOf(program, 'p')).toMatchObject({ k: 'index', object: { k: 'name', name: 'lseqs' }, index: { k: 'number' } });
    expect(valueOf(program, 'l')).toMatchObject({ k: 'call', callee: { k: 'member', name: 'asLong', object: { k: 'index', index: { k: 'string', value: 'lsid' } } } });
    expect(valueOf(program, 'x')).toMatchObject({ k: 'call' });
    expect(valueOf(program, 'u')).toMatchObject({ k: 'list', items: [{ value: 'a' }, { value: 'b' }] });
    expect(valueOf(program, 's')).toMatchObject({ k: 'list', kind: 'set' });
    expect(valueOf(program, 'm')).toMatchObject({ k: 'dict', entries: [{ key: { value: 'k' }, value: { k: 'number' } }] });
  });

  it('lowers string concatenation to templates and folds literal pieces', () => {
    const program = lowerJava('class A { void f(String lsid, int n) {\n String q = "SELECT lsid FROM session "\n + "ORDER BY lsid DESC";\n String u = "/api/reporting?lsid=" + lsid + "&x=" + 1;\n int m = n + 1;\n } }');
    expect(valueOf(program, 'q')).toMatchObject({ k: 'string', value: 'SELECT lsid FROM session ORDER BY lsid DESC' });
    expect(valueOf(program, 'u')).toMatchObject({ k: 'template', parts: [{ k: 'string' }, { k: 'name', name: 'lsid' }, { k: 'string', value: '&x=' }, { k: 'number' }] });
    expect(valueOf(program, 'm')).toMatchObject({ k: 'binary', op: '+' });
    expect(program.strings.map((s) => s.value)).toEqual(['SELECT lsid FROM session ORDER BY lsid DESC', '/api/reporting?lsid=', '&x=']);
  });

  it('resolves escapes and text blocks', () => {
    const program = lowerJava('class A { String r = "lsid=\\"(\\\\d+)\\""; String t = """\n    SELECT lsid\n      FROM session\n    """; }');
    expect(program.strings.map((s) => s.value)).toEqual(['lsid="(\\d+)"', 'SELECT lsid\n  FROM session\n']);
  });

  it('lowers method references to lambdas', () => {
    const program = lowerJava('class A { void f(List<Session> xs) { var a = xs.stream().map(Session::getLsid); var b = xs.stream().map(Long::parseLong); var c = xs.sort(Long::compare); var d = xs.forEach(seen::add); } }');
    const lambdaOf = (name: string) => {
      const call = valueOf(program, name) as Extract<Expr, { k: 'call' }>;
      return call.args[0]!.value as Extract<Expr, { k: 'lambda' }>;
    };
    expect(lambdaOf('a')).toMatchObject({ params: [{ name: 'it' }], body: [{ k: 'return', value: { k: 'call', callee: { k: 'member', object: { k: 'name', name: 'it' }, name: 'getLsid' }, args: [] } }] });
    expect(lambdaOf('b').body[0]).toMatchObject({ value: { k: 'call', callee: { object: { name: 'Long' }, name: 'parseLong' }, args: [{ value: { name: 'it' } }] } });
    expect(lambdaOf('c').params.map((p) => p.name)).toEqual(['a', 'b']);
    expect(lambdaOf('d').body[0]).toMatchObject({ value: { k: 'call', callee: { object: { name: 'seen' }, name: 'add' }, args: [{ value: { name: 'it' } }] } });
  });

  it('lowers enhanced for with a typed loop variable, try-with-resources and lambdas', () => {
    const program = lowerJava('class A { void f(List<String> lsids) {\n for (long lsid : lsids) { use(lsid); }\n try (InputStream in = open()) { read(in); } catch (IOException e) { log(e); }\n xs.sort((a, b) -> a.lsid - b.lsid);\n } }');
    const loop = find(program, 'for')!;
    expect(loop.target).toMatchObject({ k: 'name', name: 'lsid' });
    expect(loop.iterable).toMatchObject({ k: 'name', name: 'lsids' });
    expect(loop.body[0]).toMatchObject({ k: 'assign', declaredType: 'long' });
    expect((loop.body[0] as Extract<Stmt, { k: 'assign' }>).value).toBeUndefined();
    expect(find(program, 'assign', (s) => s.declaredType === 'InputStream')?.value).toMatchObject({ k: 'call' });
    const sort = find(program, 'expr', (s) => s.expr.k === 'call' && s.expr.callee.k === 'member' && s.expr.callee.name === 'sort')!;
    expect(sort.expr).toMatchObject({ args: [{ value: { k: 'lambda', params: [{ name: 'a' }, { name: 'b' }], body: [{ k: 'return', value: { k: 'binary', op: '-' } }] } }] });
  });

  it('lowers imports, new with anonymous classes, class literals and names', () => {
    const program = lowerJava('import java.util.UUID;\nimport static java.lang.Math.max;\nimport javax.xml.bind.*;\nclass BomgarJob { Object c = JAXBContext.newInstance(SessionList.class); Object cmp = new Comparator<Session>() { public int compare(Session a, Session b) { return Long.compare(a.lsid, b.lsid); } }; }');
    expect(program.body.filter((s) => s.k === 'import')).toMatchObject([
      { module: 'java.util', names: [{ name: 'UUID' }] },
      { module: 'java.lang.Math', names: [{ name: 'max' }] },
      { module: 'javax.xml.bind', names: [{ name: '*' }] },
    ]);
    expect(valueOf(program, 'c')).toMatchObject({ k: 'call', args: [{ value: { k: 'type', name: 'SessionList' } }] });
    expect(valueOf(program, 'cmp')).toMatchObject({ k: 'lambda', params: [{ name: 'a', type: 'Session' }, { name: 'b' }], body: [{ k: 'return' }] });
    expect(program.names.map((n) => n.name)).toContain('BomgarJob');
  });
});

describe('Java fixtures', () => {
  it('lower without errors and keep every string literal', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const files = (readdirSync(path.resolve('fixtures'), { recursive: true }) as string[]).filter((f) => f.endsWith('.java'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(path.resolve('fixtures', file), 'utf8');
      const program = lowerJava(text);
      // Each literal lies inside some lowered string (folded concatenations cover several).
      const tree = parserFor('java').parse(text)!;
      const literals: { start: number; end: number; text: string }[] = [];
      (function walk(n: { type: string; startIndex: number; endIndex: number; text: string; namedChildren: unknown[] }) {
        if (n.type === 'string_literal') literals.push({ start: n.startIndex, end: n.endIndex, text: n.text });
        for (const c of n.namedChildren) if (c) walk(c as typeof n);
      })(tree.rootNode);
      for (const literal of literals) {
        expect(program.strings.some((s) => s.span.start <= literal.start && s.span.end >= literal.end), `${file}: ${literal.text}`).toBe(true);
      }
    }
  });
});
