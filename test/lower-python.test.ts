import { describe, expect, it } from 'vitest';
import { pythonLocalModules } from '../src/languages/python/index.js';
import { lower } from '../src/languages/python/lower.js';
import type { Expr, Program, Stmt } from '../src/languages/tree-sitter/ir.js';
import { lowering, withoutSpans as shape } from './helpers/lowering.js';

const lowered = lowering('python', lower);

const name = (n: string) => ({ k: 'name', name: n });
const str = (value: string) => ({ k: 'string', value });

describe('python lowering', () => {
  it('lowers a call with positional and keyword arguments', () => {
    const [stmt] = lowered("r = requests.get(url, params={'lsid': lsid}, timeout=30)\n").body;
    expect(shape(stmt)).toEqual({
      k: 'assign', op: '=', targets: [name('r')],
      value: {
        k: 'call',
        callee: { k: 'member', object: name('requests'), name: 'get' },
        args: [
          { value: name('url') },
          { name: 'params', value: { k: 'dict', entries: [{ key: str('lsid'), value: name('lsid') }] } },
          { name: 'timeout', value: { k: 'number', text: '30' } },
        ],
      },
    });
  });

  it('lowers a decorated class with annotated fields, dropping self from methods', () => {
    const source = [
      '@dataclass(frozen=True)',
      'class Session(Base):',
      '    lsid: int',
      "    lseq: Optional[int] = None",
      '    def key(self, prefix: str) -> str:',
      '        return self.lsid',
      '    @staticmethod',
      '    def parse(text):',
      '        return text',
      '',
    ].join('\n');
    const [cls] = lowered(source).body as Extract<Stmt, { k: 'class' }>[];
    expect(cls!.k).toBe('class');
    expect(cls!.name).toBe('Session');
    expect(cls!.bases).toEqual(['Base']);
    expect(shape(cls!.annotations)).toEqual([{ name: 'dataclass', args: [{ name: 'frozen', value: { k: 'bool', value: true } }] }]);
    const [lsid, lseq, key, parse] = cls!.body;
    expect(shape(lsid)).toEqual({ k: 'assign', op: '=', targets: [name('lsid')], value: undefined, declaredType: 'int' });
    expect(shape(lseq)).toMatchObject({ k: 'assign', declaredType: 'Optional[int]', value: { k: 'null' } });
    expect(shape(key)).toMatchObject({
      k: 'function', name: 'key', params: [{ name: 'prefix', type: 'str' }], returnType: 'str',
      body: [{ k: 'return', value: { k: 'member', object: name('this'), name: 'lsid' } }],
    });
    expect(shape(parse)).toMatchObject({ k: 'function', name: 'parse', params: [{ name: 'text' }], annotations: [{ name: 'staticmethod' }] });
  });

  it('lowers comprehensions with their target, iterable and conditions', () => {
    const [stmt] = lowered("ids = {s.get('lsid') for s in root.findall('session') if s.get('lsid')}\n").body;
    const value = (stmt as Extract<Stmt, { k: 'assign' }>).value as Extract<Expr, { k: 'comprehension' }>;
    expect(value.k).toBe('comprehension');
    expect(value.kind).toBe('set');
    expect(shape(value.target)).toEqual(name('s'));
    expect(shape(value.iterable)).toEqual({ k: 'call', callee: { k: 'member', object: name('root'), name: 'findall' }, args: [{ value: str('session') }] });
    expect(value.conditions).toHaveLength(1);
    expect(shape(value.element)).toEqual({ k: 'call', callee: { k: 'member', object: name('s'), name: 'get' }, args: [{ value: str('lsid') }] });
  });

  it('lowers a with block: the alias is assigned at the start of the body', () => {
    const source = 'with urlopen(req) as resp, lock:\n    body = resp.read()\n';
    const [stmt] = lowered(source).body;
    expect(shape(stmt)).toEqual({
      k: 'block',
      exprs: [name('lock')],
      body: [
        { k: 'assign', op: '=', targets: [name('resp')], value: { k: 'call', callee: name('urlopen'), args: [{ value: name('req') }] } },
        { k: 'assign', op: '=', targets: [name('body')], value: { k: 'call', callee: { k: 'member', object: name('resp'), name: 'read' }, args: [] } },
      ],
    });
  });

  it('normalises comparisons and keeps printf formatting apart from arithmetic', () => {
    const body = lowered("a = x is not None\nb = 1 < lsid <= 9\nc = 'lsid=%d' % lsid\nd = lsid % 4\n").body as Extract<Stmt, { k: 'assign' }>[];
    expect(shape(body[0]!.value)).toEqual({ k: 'binary', op: '!=', left: name('x'), right: { k: 'null' } });
    expect(shape(body[1]!.value)).toMatchObject({ k: 'binary', op: 'and', left: { op: '<' }, right: { op: '<=', left: name('lsid') } });
    expect(shape(body[2]!.value)).toEqual({ k: 'call', callee: name('%'), args: [{ value: str('lsid=%d') }, { value: name('lsid') }] });
    expect(shape(body[3]!.value)).toMatchObject({ k: 'binary', op: '%' });
  });

  it('lists every string literal, with escapes resolved, raw strings kept, f-string pieces as templates', () => {
    const program = lowered([
      "import xml.etree.ElementTree as ET",
      "p = re.compile(r'lsid=(\\d+)')",
      "u = f'{base}/api/reporting?lsid={lsid}'",
      "e = b'<error>Login failed</error>'",
      "t = 'a\\tb' 'c'",
      '',
    ].join('\n'));
    expect(program.strings.map((s) => s.value)).toEqual(['lsid=(\\d+)', '/api/reporting?lsid=', '<error>Login failed</error>', 'a\tbc']);
    expect(shape(program.body[0])).toEqual({ k: 'import', module: 'xml.etree.ElementTree', names: [{ name: 'xml.etree.ElementTree', alias: 'ET' }] });
    const template = (program.body[2] as Extract<Stmt, { k: 'assign' }>).value!;
    expect(shape(template)).toEqual({ k: 'template', parts: [name('base'), str('/api/reporting?lsid='), name('lsid')] });
    expect(program.names.map((n) => n.name)).toEqual(expect.arrayContaining(['ET', 're', 'compile', 'base', 'lsid']));
  });

  it('keeps spans as UTF-16 offsets', () => {
    const source = "x = 'é😀'\nlsid = int(s)\n";
    const stmt = lowered(source).body[1] as Extract<Stmt, { k: 'assign' }>;
    expect(source.slice(stmt.value!.span.start, stmt.value!.span.end)).toBe('int(s)');
  });

  it('splits parallel tuple assignments, and keeps unpacking of one value', () => {
    const body = lowered("lsid, retries = s.get('lsid'), 0\nkey, value = pair\n").body;
    expect(shape(body)).toEqual([
      { k: 'assign', op: '=', targets: [name('lsid')], value: { k: 'call', callee: { k: 'member', object: name('s'), name: 'get' }, args: [{ value: str('lsid') }] } },
      { k: 'assign', op: '=', targets: [name('retries')], value: { k: 'number', text: '0' } },
      { k: 'assign', op: '=', targets: [name('key'), name('value')], value: name('pair'), unpack: true },
    ]);
  });

  it('maps imports to the project files they may name', () => {
    const imports = lowered('from . import config\nfrom ..lib.client import fetch\nimport bomgar_client\nfrom __future__ import annotations\n').body;
    expect(imports.map((stmt) => pythonLocalModules(stmt as Extract<Stmt, { k: 'import' }>))).toEqual([
      ['./config.py', './config/__init__.py'],
      ['../lib/client.py', '../lib/client/__init__.py', '../lib/client/fetch.py', '../lib/client/fetch/__init__.py'],
      ['./bomgar_client.py', './bomgar_client/__init__.py'],
      [],
    ]);
  });
});
