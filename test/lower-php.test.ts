import { describe, expect, it } from 'vitest';
import { lower } from '../src/languages/php/lower.js';
import type { Program } from '../src/languages/tree-sitter/ir.js';
import { lowering, withoutSpans as shape } from './helpers/lowering.js';

const lowered = lowering('php', lower);

const name = (n: string) => ({ k: 'name', name: n });
const str = (value: string) => ({ k: 'string', value });
const index = (object: unknown, key: unknown) => ({ k: 'index', object, index: key });

describe('php lowering', () => {
  it('drops sigils, lowers casts and superglobal index access', () => {
    const [stmt] = lowered("<?php $lsid = (int) $_POST['lsid'];").body;
    expect(shape(stmt)).toEqual({ k: 'assign', op: '=', targets: [name('lsid')], value: { k: 'cast', type: 'int', operand: index(name('_POST'), str('lsid')) } });
  });

  it('lowers ->, ?-> and :: calls as member calls, with named arguments and namespaced names cut to their last segment', () => {
    const body = lowered("<?php\n$v = $this->request?->input('lsid');\n$u = \\Ramsey\\Uuid\\Uuid::fromString($v, strict: true);\n").body;
    expect(shape(body[0])).toMatchObject({
      value: { k: 'call', callee: { k: 'member', object: { k: 'member', object: name('this'), name: 'request' }, name: 'input' }, args: [{ value: str('lsid') }] },
    });
    expect(shape(body[1])).toMatchObject({
      value: { k: 'call', callee: { k: 'member', object: name('Uuid'), name: 'fromString' }, args: [{ value: name('v') }, { name: 'strict', value: { k: 'bool' } }] },
    });
  });

  it('normalises operators: === to ==, && to and, <=> and . kept', () => {
    const [stmt] = lowered("<?php $ok = $a['lsid'] <=> $b['lsid'] === 0 && $x . 'y';").body;
    expect(shape(stmt)).toMatchObject({
      value: {
        k: 'binary', op: 'and',
        left: { k: 'binary', op: '==', left: { k: 'binary', op: '<=>' } },
        right: { k: 'binary', op: '.', left: name('x'), right: str('y') },
      },
    });
  });

  it('lowers arrow functions and closures as lambdas, keyed arrays as dicts and plain arrays as lists', () => {
    const body = lowered("<?php\nusort($rows, fn($a, $b) => $a['lsid'] - $b['lsid']);\n$f = function ($s) use ($seen) { return $s; };\n$d = ['lsid' => $l, 'type' => 'x'];\n$l = array(1, 2);\n").body;
    expect(shape(body[0])).toMatchObject({
      k: 'expr',
      expr: { k: 'call', callee: name('usort'), args: [{ value: name('rows') }, { value: { k: 'lambda', params: [{ name: 'a' }, { name: 'b' }], body: [{ k: 'return', value: { k: 'binary', op: '-' } }] } }] },
    });
    expect(shape(body[1])).toMatchObject({ value: { k: 'lambda', params: [{ name: 's' }], body: [{ k: 'return', value: name('s') }] } });
    expect(shape(body[2])).toMatchObject({ value: { k: 'dict', entries: [{ key: str('lsid'), value: name('l') }, { key: str('type'), value: str('x') }] } });
    expect(shape(body[3])).toMatchObject({ value: { k: 'list', items: [{ k: 'number', text: '1' }, { k: 'number', text: '2' }] } });
  });

  it('lowers a class: attributes, typed properties (spanning from the modifiers), promoted constructor parameters', () => {
    const source = "<?php\n#[ORM\\Entity]\n#[ORM\\Table(name: 'session')]\nclass Session extends Model {\n    protected $table = 'session';\n    #[ORM\\Column(type: 'integer')]\n    public int $lsid;\n    public function __construct(private readonly ?int $lseq = null) {}\n}\n";
    const [cls] = lowered(source).body;
    expect(shape(cls)).toMatchObject({
      k: 'class', name: 'Session', bases: ['Model'],
      annotations: [{ name: 'Entity', args: [] }, { name: 'Table', args: [{ name: 'name', value: str('session') }] }],
      body: [
        { k: 'assign', targets: [name('lseq')], value: name('lseq') },
        { k: 'assign', targets: [name('table')], value: str('session') },
        { k: 'assign', targets: [name('lsid')], declaredType: 'int', annotations: [{ name: 'Column', args: [{ name: 'type', value: str('integer') }] }] },
        { k: 'function', name: '__construct', params: [{ name: 'lseq', type: '?int', default: { k: 'null' } }] },
      ],
    });
    const property = cls!.k === 'class' ? cls!.body[2]! : undefined;
    expect(source.slice(property!.span.start, property!.span.end)).toBe('public int $lsid;');
  });

  it('lowers foreach with key, by reference and keyed destructuring', () => {
    const body = lowered("<?php\nforeach ($xml->session as $i => $s) {}\nforeach ($rows as ['lsid' => $lsid, 'lseq' => $lseq]) { echo $lsid; }\n").body;
    expect(shape(body[0])).toMatchObject({ k: 'for', key: name('i'), target: name('s'), iterable: { k: 'member', object: name('xml'), name: 'session' } });
    const second = body[1] as Extract<Program['body'][number], { k: 'for' }>;
    expect(second.target.k).toBe('name');
    const item = (second.target as { name: string }).name;
    expect(shape(second.body.slice(0, 2))).toEqual([
      { k: 'assign', op: '=', targets: [name('lsid')], value: index(name(item), str('lsid')) },
      { k: 'assign', op: '=', targets: [name('lseq')], value: index(name(item), str('lseq')) },
    ]);
  });

  it('hoists assignments nested in conditions so that flow sees them', () => {
    const body = lowered("<?php\nwhile ($row = $stmt->fetch()) { echo $row['lsid']; }\n").body;
    expect(shape(body[0])).toMatchObject({ k: 'assign', targets: [name('row')], value: { k: 'call', callee: { k: 'member', name: 'fetch' } } });
    expect(shape(body[1])).toMatchObject({ k: 'block', exprs: [name('row')] });
  });

  it('resolves escapes, interpolates double quotes and heredocs as templates and collects every string', () => {
    const source = "<?php\n$p = '/lsid=\\'(\\d+)\\'/';\n$q = \"lsid=\\\"(\\d+)\\\"\\n\";\n$u = \"{$base}/api/reporting?generate_report=SupportSession&lsid={$s['lsid']}\";\n$h = <<<XML\n    <session lsid=\"$lsid\">\n    </session>\n    XML;\n$n = <<<'SQL'\n    SELECT lsid FROM session\n    SQL;\n";
    const program = lowered(source);
    expect(shape(program.body[0])).toMatchObject({ value: str("/lsid='(\\d+)'/") });
    expect(shape(program.body[1])).toMatchObject({ value: str('lsid="(\\d+)"\n') });
    expect(shape(program.body[2])).toMatchObject({
      value: { k: 'template', parts: [name('base'), str('/api/reporting?generate_report=SupportSession&lsid='), index(name('s'), str('lsid'))] },
    });
    expect(shape(program.body[3])).toMatchObject({ value: { k: 'template', parts: [str('<session lsid="'), name('lsid'), str('">\n</session>')] } });
    expect(shape(program.body[4])).toMatchObject({ value: str('SELECT lsid FROM session') });
    const values = program.strings.map((s) => s.value);
    expect(values).toEqual(expect.arrayContaining(['/api/reporting?generate_report=SupportSession&lsid=', 'lsid', 'SELECT lsid FROM session']));
  });

  it('lowers match as conditionals, switch cases as equality tests, require and use as imports', () => {
    const body = lowered("<?php\nuse App\\Bomgar\\{Client, Events as Ev};\nrequire_once __DIR__ . '/bomgar.php';\n$v = match ($r->getName()) { 'error' => false, default => true };\nswitch ($event) { case 'support_conference_end': break; }\n").body;
    expect(shape(body.slice(0, 2))).toEqual([
      { k: 'import', module: 'App\\Bomgar\\Client', names: [{ name: 'Client' }] },
      { k: 'import', module: 'App\\Bomgar\\Events', names: [{ name: 'Events', alias: 'Ev' }] },
    ]);
    expect(body[2]!.k).toBe('import');
    expect(shape(body[3])).toMatchObject({
      value: { k: 'conditional', condition: { k: 'binary', op: '==', right: str('error') }, whenTrue: { k: 'bool' }, whenFalse: { k: 'bool' } },
    });
    expect(shape(body[4])).toMatchObject({ k: 'block', exprs: [name('event'), { k: 'binary', op: '==', left: name('event'), right: str('support_conference_end') }] });
  });

  it('lowers isset($seen[$k]) as the membership test $k in $seen, and keeps boolean values', () => {
    const body = lowered("<?php\nif (isset($this->seen[$lseq], $byLsid[$lsid])) { $ok = true; }\n$flag = isset($x);\n").body;
    expect(shape(body[0])).toMatchObject({
      k: 'block',
      exprs: [{
        k: 'binary', op: 'and',
        left: { k: 'binary', op: 'in', left: name('lseq'), right: { k: 'member', object: name('this'), name: 'seen' } },
        right: { k: 'binary', op: 'in', left: name('lsid'), right: name('byLsid') },
      }],
      body: [{ k: 'assign', value: { k: 'bool', value: true } }],
    });
    expect(shape(body[1])).toMatchObject({ value: { k: 'call', callee: name('isset'), args: [{ value: name('x') }] } });
  });

  it('lists identifier names for evidence, without the HTML around the PHP', () => {
    const program = lowered("<p>lsid</p><?php $bomgarClient->getSessionList(); ?>\n");
    expect(program.names.map((n) => n.name)).toEqual(expect.arrayContaining(['bomgarClient', 'getSessionList']));
    expect(program.strings).toEqual([]);
  });
});
