import { describe, expect, it } from 'vitest';
import { lower } from '../src/languages/csharp/lower.js';
import type { Expr, Program, Stmt } from '../src/languages/tree-sitter/ir.js';
import { lowering, withoutSpans as plain } from './helpers/lowering.js';

const lowered = lowering('c-sharp', lower);

function classBody(program: Program): Stmt[] {
  const cls = program.body.find((stmt) => stmt.k === 'class');
  if (cls?.k !== 'class') throw new Error('no class');
  return cls.body;
}

function method(program: Program, name: string): Stmt[] {
  const fn = classBody(program).find((stmt) => stmt.k === 'function' && stmt.name === name);
  if (fn?.k !== 'function') throw new Error(`no method ${name}`);
  return fn.body;
}

function valueOf(stmt: Stmt | undefined): Expr | undefined {
  return stmt?.k === 'assign' ? stmt.value : stmt?.k === 'return' ? stmt.value : undefined;
}

describe('C# lowering', () => {
  it('lowers a property to a typed declaration with its attributes, without the Attribute suffix', () => {
    const program = lowered(`namespace N { class Session {
      [Key]
      [XmlAttribute(AttributeName = "lsid")]
      [JsonPropertyNameAttribute("lsid")]
      public int Id { get; set; }
    } }`);
    expect(plain(classBody(program)[0])).toEqual({
      k: 'assign', targets: [{ k: 'name', name: 'Id' }], op: '=', declaredType: 'int',
      annotations: [
        { name: 'Key', args: [] },
        { name: 'XmlAttribute', args: [{ name: 'AttributeName', value: { k: 'string', value: 'lsid' } }] },
        { name: 'JsonPropertyName', args: [{ value: { k: 'string', value: 'lsid' } }] },
      ],
    });
    expect(program.package).toBe('N');
  });

  it('points a declaration at its name, not at the attribute line above it', () => {
    const source = 'class S {\n  [Column("lsid")]\n  public long Ref { get; set; }\n}';
    const target = (classBody(lowered(source))[0] as Extract<Stmt, { k: 'assign' }>).targets[0]!;
    expect(source.slice(target.span.start, target.span.end)).toBe('Ref');
  });

  it('lowers LINQ method syntax to calls with lambdas whose expression body is returned', () => {
    const program = lowered('class C { object M() { return sessions.Where(s => s.Lsid > last).OrderBy(s => s.End); } }');
    expect(plain(valueOf(method(program, 'M')[0]))).toEqual({
      k: 'call',
      callee: {
        k: 'member', name: 'OrderBy',
        object: {
          k: 'call',
          callee: { k: 'member', object: { k: 'name', name: 'sessions' }, name: 'Where' },
          args: [{ value: { k: 'lambda', params: [{ name: 's' }], body: [{ k: 'return', value: {
            k: 'binary', op: '>', left: { k: 'member', object: { k: 'name', name: 's' }, name: 'Lsid' }, right: { k: 'name', name: 'last' },
          } }] } }],
        },
      },
      args: [{ value: { k: 'lambda', params: [{ name: 's' }], body: [{ k: 'return', value: { k: 'member', object: { k: 'name', name: 's' }, name: 'End' } }] } }],
    });
  });

  it('lowers query syntax to a comprehension over the ordered source', () => {
    const program = lowered('class C { object M() { return from s in xs where s.Ok orderby s.Lsid descending select s.Lsid; } }');
    const query = valueOf(method(program, 'M')[0]);
    expect(query?.k).toBe('comprehension');
    if (query?.k !== 'comprehension') return;
    expect(plain(query.target)).toEqual({ k: 'name', name: 's' });
    expect(plain(query.conditions)).toEqual([{ k: 'member', object: { k: 'name', name: 's' }, name: 'Ok' }]);
    expect(plain(query.iterable)).toMatchObject({ k: 'call', callee: { k: 'member', object: { k: 'name', name: 'xs' }, name: 'OrderByDescending' } });
  });

  it('keeps object initializers as named init args and generic arguments of calls', () => {
    const program = lowered('class C { void M() { var s = new Session(id) { Lsid = lsid, ["x"] = 1 }; var n = row.Field<int>("lsid"); } }');
    const [created, field] = method(program, 'M');
    expect(plain(valueOf(created))).toEqual({
      k: 'new', type: 'Session', args: [{ value: { k: 'name', name: 'id' } }],
      init: [{ name: 'Lsid', value: { k: 'name', name: 'lsid' } }, { name: 'x', value: { k: 'number', text: '1' } }],
    });
    expect(plain(valueOf(field))).toMatchObject({ k: 'call', typeArgs: ['int'], callee: { k: 'member', name: 'Field' } });
  });

  it('lowers casts, `as` and verbatim, interpolated and raw strings', () => {
    const program = lowered('class C { void M() { var a = (long)el.Attribute("lsid"); var b = o as string; var c = @"lsid=""(\\d+)"""; var d = $"{u}?lsid={lsid}"; var e = """x"y"""; } }');
    const values = method(program, 'M').map((stmt) => plain(valueOf(stmt)));
    expect(values[0]).toMatchObject({ k: 'cast', type: 'long', operand: { k: 'call', callee: { k: 'member', name: 'Attribute' } } });
    expect(values[1]).toEqual({ k: 'cast', type: 'string', operand: { k: 'name', name: 'o' } });
    expect(values[2]).toEqual({ k: 'string', value: 'lsid="(\\d+)"' });
    expect(values[3]).toEqual({ k: 'template', parts: [{ k: 'name', name: 'u' }, { k: 'string', value: '?lsid=' }, { k: 'name', name: 'lsid' }] });
    expect(values[4]).toEqual({ k: 'string', value: 'x"y' });
    expect(program.strings.map((s) => s.value)).toEqual(['lsid', 'lsid="(\\d+)"', '?lsid=', 'x"y']);
  });

  it('reads a bare field name in a method as a member of this, unless a local shadows it', () => {
    const program = lowered('class C { private string _lsid; void Set(string lsid) { _lsid = lsid; } int Get() { var _x = 1; return int.Parse(_lsid) + _x; } }');
    expect(plain(method(program, 'Set')[0])).toEqual({
      k: 'assign', targets: [{ k: 'member', object: { k: 'name', name: 'this' }, name: '_lsid' }], value: { k: 'name', name: 'lsid' }, op: '=',
    });
    expect(plain(valueOf(method(program, 'Get')[1]))).toMatchObject({
      k: 'binary', op: '+',
      left: { k: 'call', args: [{ value: { k: 'member', object: { k: 'name', name: 'this' }, name: '_lsid' } }] },
      right: { k: 'name', name: '_x' },
    });
  });

  it('declares typed out variables before their statement and keeps the out modifier', () => {
    const program = lowered('class C { void M(string s) { if (long.TryParse(s, out long lsid)) Use(lsid); } }');
    const [declaration, block] = method(program, 'M');
    expect(plain(declaration)).toEqual({ k: 'assign', targets: [{ k: 'name', name: 'lsid' }], op: '=', declaredType: 'long' });
    expect(plain(block)).toMatchObject({ k: 'block', exprs: [{ k: 'call', args: [{ value: { k: 'name', name: 's' } }, { value: { k: 'name', name: 'lsid' }, modifier: 'out' }] }] });
  });
});
