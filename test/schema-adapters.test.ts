import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { validateConfig } from '../src/config/schema.js';
import { lint } from '../src/engine/lint.js';
import { SourceText } from '../src/engine/source-text.js';
import type { LanguageAdapter } from '../src/languages/adapter.js';
import { adapterFor } from '../src/languages/index.js';
import { graphqlAdapter, jsonSchemaAdapter, xmlSchemaAdapter, yamlSchemaAdapter } from '../src/languages/schema/index.js';
import { parseJson } from '../src/languages/schema/json.js';
import { acceptsOnlyDigits } from '../src/languages/schema/numeric.js';
import { scanXml } from '../src/languages/schema/xml-scanner.js';

const CONTEXT = { hosts: [], modules: [], urlPatterns: [] };

function analyze(adapter: LanguageAdapter, file: string, text: string) {
  const output = adapter.analyze({ file, text, context: CONTEXT });
  const source = new SourceText(text);
  return {
    output,
    uses: output.facts.valueUses.map((use) => `${source.position(use.span.start).line} ${use.kind} ${use.construct}`),
    xmlOps: output.facts.xmlOps.map((op) => `${source.position(op.span.start).line} ${op.kind} ${op.detail}`),
    evidence: output.facts.evidence.map((evidence) => `${evidence.kind} ${evidence.text}`),
  };
}

describe('adapter registration', () => {
  it.each([
    ['api/openapi.yaml', 'yaml-schema'], ['schemas/session.schema.json', 'json-schema'], ['avro/session.avsc', 'json-schema'],
    ['schema.graphql', 'graphql'], ['ops.gql', 'graphql'], ['reporting.xsd', 'xml-schema'], ['Session.hbm.xml', 'xml-schema'],
    ['mappers/SessionMapper.xml', 'xml-schema'], ['schema.prisma', 'prisma'], ['src/a.ts', 'javascript'],
  ])('%s → %s', (file, id) => {
    expect(adapterFor(file)?.id).toBe(id);
  });

  it.each(['package.json', 'web/package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'lsid-lint.config.json', '.lsidlintrc.json', 'pnpm-lock.yaml'])(
    'leaves %s to no adapter',
    (file) => {
      expect(adapterFor(file)).toBeUndefined();
    },
  );
});

describe('JSON scanner', () => {
  it('keeps offsets of keys and values, and accepts comments and trailing commas', () => {
    const text = '{\n  // note\n  "a": [1, "x\\"y", true, null,],\n  "b": {"c": -2.5e3},\n}';
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.root.kind !== 'map') return;
    const [a, b] = parsed.root.entries;
    expect(text.slice(a!.keySpan.start, a!.keySpan.end)).toBe('"a"');
    expect(a!.value.kind === 'seq' && a!.value.items.map((item) => item.kind === 'scalar' && item.value)).toEqual([1, 'x"y', true, null]);
    expect(text.slice(b!.span.start, b!.span.end)).toBe('"b": {"c": -2.5e3}');
  });

  it.each([['{"a": }', 6], ['{"a": 1', 7], ['["x', 1], ['{"a" 1}', 5], ['', 0], ['{} x', 3]])('reports %j at offset %i', (text, offset) => {
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.span.start).toBe(offset);
  });
});

describe('JSON Schema and OpenAPI', () => {
  const schema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Bomgar support session",
  "type": "object",
  "properties": {
    "lsid": { "type": "integer" },
    "lseq": { "type": "integer" },
    "gsnumber": { "type": "integer" },
    "sessionLsid": { "type": ["integer", "null"] },
    "lastLsid": { "type": "string", "format": "int64" },
    "parentLsid": { "type": "string", "pattern": "^\\\\d+$" },
    "childLsid": { "type": "string", "pattern": "\\\\d+" },
    "newLsid": { "type": "string", "pattern": "^[0-9a-f]{32}$" },
    "lsids": { "type": "array", "items": { "type": "integer" } },
    "eitherLsid": { "oneOf": [{ "type": "integer" }, { "type": "string" }] },
    "refLsid": { "$ref": "#/$defs/SessionNumber" },
    "lsidCount": { "type": "integer" },
    "example": { "properties": { "lsid": { "type": "integer" } } }
  },
  "$defs": {
    "SessionNumber": { "type": "integer", "minimum": 1 },
    "Lsid": { "type": "number" }
  }
}`;

  it('finds numeric LSID declarations and digit patterns, at the deciding entry', () => {
    const { uses, output } = analyze(jsonSchemaAdapter, 'session.schema.json', schema);
    expect(output.parseError).toBeUndefined();
    expect(uses).toEqual([
      '6 numeric-type type: integer',
      '9 numeric-type type: [integer, null]',
      '10 numeric-type type: string, format: int64',
      '11 numeric-validation pattern: ^\\d+$',
      '14 numeric-type type: integer',
      '16 numeric-type $ref: #/$defs/SessionNumber (type: integer)',
      '18 numeric-type type: integer',
      '22 numeric-type type: number',
    ]);
  });

  it('collects evidence from keys and strings', () => {
    const { evidence } = analyze(jsonSchemaAdapter, 'session.schema.json', schema);
    expect(evidence).toEqual(expect.arrayContaining(['config Bomgar support session', 'element lseq', 'element gsnumber']));
  });

  it('reads OpenAPI 3 and Swagger 2 parameters', () => {
    const openapi = [
      'openapi: 3.0.3',
      'paths:',
      '  /sessions/{lsid}:',
      '    get:',
      '      parameters:',
      '        - name: lsid',
      '          in: path',
      '          schema:',
      '            type: integer',
      '        - name: rep_id',
      '          in: query',
      '          schema: { type: integer }',
      '        - name: lsids',
      '          in: query',
      '          schema: { type: array, items: { type: integer, format: int64 } }',
    ].join('\n');
    expect(analyze(yamlSchemaAdapter, 'openapi.yaml', openapi).uses).toEqual(['9 numeric-type type: integer', '15 numeric-type type: integer, format: int64']);
    const swagger = 'swagger: "2.0"\nparameters:\n  Lsid:\n    name: lsid\n    in: query\n    type: integer\n';
    expect(analyze(yamlSchemaAdapter, 'swagger.yml', swagger).uses).toEqual(['6 numeric-type type: integer']);
  });

  it('follows YAML anchors and reports each written type once', () => {
    const text = 'openapi: 3.1.0\ncomponents:\n  schemas:\n    A:\n      properties:\n        lsid: &num\n          type: integer\n    B:\n      properties:\n        lsid: *num\n';
    expect(analyze(yamlSchemaAdapter, 'openapi.yaml', text).uses).toEqual(['7 numeric-type type: integer']);
  });

  it('reads every document of a YAML stream', () => {
    const text = 'kind: ConfigMap\ndata:\n  lsid: "1"\n---\n$schema: http://json-schema.org/draft-07/schema#\nproperties:\n  lsid:\n    type: integer\n';
    expect(analyze(yamlSchemaAdapter, 'multi.yaml', text).uses).toEqual(['8 numeric-type type: integer']);
  });

  it.each([
    ['package-like JSON', 'deps.json', '{"name": "x", "lsid": 12, "properties": {"lsid": 1}}'],
    ['a config pointing at its schema', 'settings.json', '{"$schema": "https://json.schemastore.org/foo", "properties": {"lsid": {"type": "integer"}}}'],
    ['data with an lsid', 'sessions.json', '[{"lsid": 48213, "type": "integer"}]'],
    ['CI YAML', '.github/workflows/ci.yml', 'on: push\njobs:\n  lint:\n    steps:\n      - run: npx lsid-lint\n'],
  ])('ignores %s without facts or parse errors', (_label, file, text) => {
    const adapter = adapterFor(file)!;
    const { output } = analyze(adapter, file, text);
    expect(output.parseError).toBeUndefined();
    expect(output.facts.valueUses).toEqual([]);
    expect(output.facts.evidence).toEqual([]);
  });

  it('reports a parse error only for files that claim to be schemas', () => {
    expect(analyze(jsonSchemaAdapter, 'broken.json', '{"a": [1, 2').output.parseError).toBeUndefined();
    expect(analyze(jsonSchemaAdapter, 'broken.schema.json', '{"$schema": "http://json-schema.org/draft-07/schema#", "a": ').output.parseError?.message).toMatch(/^invalid JSON/);
    expect(analyze(jsonSchemaAdapter, 'broken.avsc', '{"type": "record"').output.parseError).toBeDefined();
    expect(analyze(yamlSchemaAdapter, 'helm.yaml', 'a: {{ .Values.x }}\n  b: [').output.parseError).toBeUndefined();
    expect(analyze(yamlSchemaAdapter, 'openapi.yaml', 'openapi: 3.0.0\npaths: [\n').output.parseError?.message).toMatch(/^invalid YAML/);
  });
});

describe('Avro', () => {
  it('flags numeric LSID fields, unions without a string, and arrays for LSID lists', () => {
    const text = `{
  "type": "record", "name": "SupportSession", "namespace": "com.example.bomgar",
  "fields": [
    {"name": "lsid", "type": "long"},
    {"name": "lseq", "type": "int"},
    {"name": "parent_lsid", "type": ["null", "int"]},
    {"name": "other_lsid", "type": ["null", "string", "long"]},
    {"name": "lsids", "type": {"type": "array", "items": "long"}},
    {"name": "nested", "type": {"type": "record", "name": "Link", "fields": [{"name": "sessionLsid", "type": {"type": "int"}}]}}
  ]
}`;
    const { uses, evidence } = analyze(jsonSchemaAdapter, 'session.avsc', text);
    expect(uses).toEqual([
      '4 numeric-type "type": "long"',
      '6 numeric-type "type": ["null", "int"]',
      '8 numeric-type "type": {"type": "array", "items": "long"}',
      '9 numeric-type "type": {"type": "int"}',
    ]);
    expect(evidence).toContain('config com.example.bomgar');
  });
});

describe('GraphQL', () => {
  it('flags Int/Float LSID fields, arguments, input fields and variables, not ID or String', () => {
    const text = `"""A Bomgar support session"""
type SupportSession implements Node @key(fields: "lsid") {
  id: ID!
  lsid: Int!
  lseq: Int
  gsnumber: Int
  parentLsid: Float
  lsids: [Int!]!
  guidLsid: String!
  idLsid: ID
  transfers(lsid: Int, first: Int = 10): [Transfer]
}
input SessionFilter { sessionLsid: Long = 5, type: String }
enum Kind { lsid }
query Session($lsid: Int!) { session(lsid: $lsid) { sessionLsid: lsid } }
`;
    const { uses, evidence, output } = analyze(graphqlAdapter, 'schema.graphql', text);
    expect(output.parseError).toBeUndefined();
    expect(uses).toEqual([
      '4 numeric-type lsid: Int!',
      '7 numeric-type parentLsid: Float',
      '8 numeric-type lsids: [Int!]!',
      '11 numeric-type lsid: Int',
      '13 numeric-type sessionLsid: Long',
      '15 numeric-type $lsid: Int!',
    ]);
    expect(evidence).toEqual(expect.arrayContaining(['config A Bomgar support session', 'element lseq']));
  });

  it('reports an unterminated string as a parse error', () => {
    expect(analyze(graphqlAdapter, 'schema.graphql', 'type A {\n  """oops\n}').output.parseError?.message).toMatch(/unterminated block string/);
  });
});

describe('XML scanner', () => {
  it('skips comments, PIs and DOCTYPE, keeps CDATA as text and attribute offsets', () => {
    const text = '<?xml version="1.0"?>\n<!DOCTYPE m [ <!ENTITY x "y"> ]>\n<!-- <fake a="b"/> -->\n<m a="1 &amp; 2" b=\'x\'><![CDATA[a < b]]><c/>t</m>';
    const scanned = scanXml(text);
    expect(scanned.ok).toBe(true);
    if (!scanned.ok) return;
    const root = scanned.document.root!;
    expect(root.name).toBe('m');
    expect(root.attributes.map((a) => [a.name, a.value, text.slice(a.span.start, a.span.end)])).toEqual([['a', '1 & 2', 'a="1 &amp; 2"'], ['b', 'x', "b='x'"]]);
    expect(root.texts.map((t) => t.value)).toEqual(['a < b', 't']);
    expect(root.children.map((c) => c.name)).toEqual(['c']);
  });
});

describe('XSD', () => {
  const xsd = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:element name="session_list">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="session" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="lseq" type="xs:int"/>
              <xs:element name="parent_lsid" type="SessionNumber"/>
              <xs:element name="child_lsid">
                <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[0-9]+"/></xs:restriction></xs:simpleType>
              </xs:element>
              <xs:element name="guid_lsid"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[0-9a-f]{32}"/></xs:restriction></xs:simpleType></xs:element>
            </xs:sequence>
            <xs:attribute name="lsid" type="xs:unsignedInt" use="required"/>
            <xs:attribute name="gsnumber" type="xs:int"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
  <xs:simpleType name="SessionNumber"><xs:restriction base="xs:long"/></xs:simpleType>
  <xs:simpleType name="Lsid"><xs:restriction base="xs:integer"/></xs:simpleType>
</xs:schema>`;

  it('flags numeric LSID elements and attributes, and a schema without targetNamespace', () => {
    const { uses, xmlOps, output } = analyze(xmlSchemaAdapter, 'reporting.xsd', xsd);
    expect(output.parseError).toBeUndefined();
    expect(uses).toEqual([
      '10 numeric-type type="SessionNumber"',
      '12 numeric-validation pattern value="[0-9]+"',
      '16 numeric-type type="xs:unsignedInt"',
      '24 numeric-type restriction base="xs:integer"',
    ]);
    expect(xmlOps).toEqual(['2 schema-without-namespace session_list']);
  });

  it('accepts a namespaced schema, a default XMLSchema namespace, and ignores unrelated schemas', () => {
    const namespaced = xsd.replace('elementFormDefault', 'targetNamespace="http://www.networkstreaming.com/namespaces/API" elementFormDefault');
    expect(analyze(xmlSchemaAdapter, 'reporting.xsd', namespaced).xmlOps).toEqual([]);
    const unprefixed = '<schema xmlns="http://www.w3.org/2001/XMLSchema"><element name="session_list"><complexType><attribute name="lsid" type="int"/></complexType></element></schema>';
    const result = analyze(xmlSchemaAdapter, 'r.xsd', unprefixed);
    expect(result.uses).toEqual(['1 numeric-type type="int"']);
    expect(result.xmlOps).toEqual(['1 schema-without-namespace session_list']);
    const generic = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="error" type="xs:string"/></xs:schema>';
    expect(analyze(xmlSchemaAdapter, 'errors.xsd', generic).xmlOps).toEqual([]);
  });
});

describe('Hibernate and MyBatis', () => {
  it('flags numeric LSID mappings in hbm.xml', () => {
    const text = `<?xml version="1.0"?>
<!DOCTYPE hibernate-mapping PUBLIC "-//Hibernate/Hibernate Mapping DTD 3.0//EN" "http://www.hibernate.org/dtd/hibernate-mapping-3.0.dtd">
<hibernate-mapping package="com.example.bomgar">
  <class name="SupportSession" table="bomgar_session">
    <id name="lsid" type="long" column="lsid"/>
    <property name="lseq" type="integer"/>
    <property name="sessionKey" column="session_lsid" type="java.lang.Integer"/>
    <property name="parentLsid"><column name="parent_lsid" sql-type="NUMBER(10)"/></property>
    <property name="guidLsid" type="string" length="32"/>
    <property name="repId" column="rep_id" type="int"/>
    <set name="lsids" table="linked"><key column="ticket_id"/><element column="linked" type="big_integer"/></set>
  </class>
</hibernate-mapping>`;
    const { uses, evidence } = analyze(xmlSchemaAdapter, 'SupportSession.hbm.xml', text);
    expect(uses).toEqual([
      '5 numeric-type <id type="long">',
      '7 numeric-type <property type="java.lang.Integer">',
      '8 numeric-type <property sql-type="NUMBER(10)">',
      '11 numeric-type <element type="big_integer">',
    ]);
    expect(evidence).toEqual(expect.arrayContaining(['config com.example.bomgar', 'config bomgar_session']));
  });

  it('flags numeric LSID mappings, placeholders and statement types in MyBatis mappers', () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
<mapper namespace="com.example.bomgar.SessionMapper">
  <resultMap id="session" type="Session">
    <id property="lsid" column="lsid" javaType="long" jdbcType="BIGINT"/>
    <result property="lseq" column="lseq" jdbcType="INTEGER"/>
    <result property="guid" column="lsid" jdbcType="VARCHAR"/>
  </resultMap>
  <select id="byLsid" parameterType="long" resultMap="session">
    SELECT * FROM session WHERE lsid = #{lsid}
  </select>
  <insert id="save">
    INSERT INTO session (lsid, lseq) VALUES (#{lsid,jdbcType=INTEGER}, #{lseq,jdbcType=INTEGER})
  </insert>
  <select id="lsids" resultType="java.lang.Long"><![CDATA[ SELECT lsid FROM session WHERE lseq < 10 ]]></select>
  <select id="count" parameterType="string" resultType="int">SELECT count(*) FROM session WHERE lsid = #{lsid}</select>
</mapper>`;
    const { uses, output } = analyze(xmlSchemaAdapter, 'SessionMapper.xml', text);
    expect(output.parseError).toBeUndefined();
    expect(uses).toEqual([
      '5 numeric-type <id javaType="long">',
      '9 numeric-type parameterType="long" (#{lsid})',
      '13 numeric-type #{lsid,jdbcType=INTEGER}',
      '15 numeric-type resultType="java.lang.Long" (SELECT lsid …)',
    ]);
  });

  it('leaves other XML alone', () => {
    for (const [file, text] of [
      ['pom.xml', '<project><properties><lsid>1</lsid></properties></project>'],
      ['samples/session.xml', '<session_list><session lsid="48213"><lseq>1</lseq></session></session_list>'],
      ['broken.xml', '<project><!-- lsid'],
    ] as const) {
      const { output } = analyze(xmlSchemaAdapter, file, text);
      expect(output.parseError).toBeUndefined();
      expect(output.facts.evidence).toEqual([]);
    }
  });
});

describe('acceptsOnlyDigits', () => {
  it.each([
    ['^\\d+$', 'explicit', true], ['^[0-9]{1,10}$', 'explicit', true], ['^[1-9][0-9]*$', 'explicit', true], ['^-?\\d+$', 'explicit', true],
    ['\\d+', 'explicit', false], ['\\d+', 'implicit', true], ['[0-9]+', 'implicit', true], ['^[0-9a-f]{32}$', 'explicit', false],
    ['^\\d+|[0-9a-f]{32}$', 'explicit', false], ['[0-9a-fA-F]{32}', 'implicit', false], ['^(\\d+)$', 'explicit', true],
  ] as const)('%s (%s) → %s', (pattern, anchored, expected) => {
    expect(acceptsOnlyDigits(pattern, anchored)).toBe(expected);
  });
});

describe('recognizes: only schema-shaped text counts as a schema file', () => {
  it.each([
    [jsonSchemaAdapter, 'a.json', '{"$schema": "http://json-schema.org/draft-07/schema#"}', true],
    [jsonSchemaAdapter, 'a.json', '{"openapi": "3.0.0"}', true],
    [jsonSchemaAdapter, 'a.avsc', '{"type": "enum", "name": "Kind", "symbols": []}', true],
    [jsonSchemaAdapter, 'expected.json', '["src/a.ts:3 lsid-numeric-type"]', false],
    [jsonSchemaAdapter, 'report.json', '{"schemaVersion": 1, "findings": [{"ruleId": "lsid-numeric-type"}]}', false],
    [yamlSchemaAdapter, 'openapi.yml', 'openapi: 3.0.0\n', true],
    [yamlSchemaAdapter, 'crd.yaml', 'kind: CustomResourceDefinition\n', true],
    [yamlSchemaAdapter, 'compose.yaml', 'services:\n  lsid:\n    image: x\n', false],
    [xmlSchemaAdapter, 'a.xsd', '', true],
    [xmlSchemaAdapter, 'm.xml', '<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE mapper [ <!ENTITY a "b"> ]>\n<mapper namespace="x"/>', true],
    [xmlSchemaAdapter, 'pom.xml', '<project><schema/></project>', false],
    [xmlSchemaAdapter, 'x.xml', '<?xml version="1.0"', false],
  ] as const)('%#: %s', (adapter, file, text, expected) => {
    expect(adapter.recognizes!(file, text)).toBe(expected);
  });

  it('reads a long prolog in linear time', () => {
    const start = performance.now();
    expect(xmlSchemaAdapter.recognizes!('x.xml', `${'<?a?><!--b-->'.repeat(20000)}<foo/>`)).toBe(false);
    expect(yamlSchemaAdapter.recognizes!('x.yaml', `${'- - - '.repeat(100000)}x`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('linting a project with schema files', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const project = (files: Record<string, string>): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lsid-lint-schema-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  };
  const run = async (dir: string) => {
    const result = await lint({ cwd: dir, paths: [], config: { ...validateConfig({}, 'test'), baseDir: dir }, rules });
    return { ...result, keys: result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}${f.suppressed ? ' (suppressed)' : ''}`) };
  };
  const ANONYMOUS_SCHEMA = 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Session:\n      properties:\n        lsid:\n          type: integer\n';

  it('reports a schema without evidence only when the project talks to the API, and skips data and manifests', async () => {
    const alone = await run(project({ 'api/openapi.yaml': ANONYMOUS_SCHEMA, 'package.json': '{"name": "x", "lsidLint": {}}' }));
    expect(alone.keys).toEqual([]);
    const dir = project({
      'api/openapi.yaml': ANONYMOUS_SCHEMA,
      'src/client.js': "export const REPORTING = 'https://support.example.com/api/reporting';\n",
      'package.json': '{"name": "x", "lsidLint": {}}',
      'package-lock.json': '{"lockfileVersion": 3, "packages": {"node_modules/lsid-lint": {}}}',
      'data/sessions.json': '[{"lsid": 48213, "lseq": 1}]',
      'reports/lsid-lint.json': '{"findings": [{"ruleId": "lsid-numeric-type"}]}',
    });
    const result = await run(dir);
    expect(result.keys).toEqual(['api/openapi.yaml:7 lsid-numeric-type']);
    expect(result.filesScanned).toBe(2);
    expect(result.coverage).toEqual({ skipped: [], parseErrors: [], degraded: [], notes: [] });
  });

  it('puts a schema with its own evidence in context, and honours XML suppressions with a "-" reason', async () => {
    const xsd = `<?xml version="1.0"?>
<!-- lsid-lint-disable-next-line xml-schema-without-namespace - pre-10.6 component, included by reporting-ns.xsd -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="session_list"><xs:complexType><xs:sequence>
    <xs:element name="lseq" type="xs:int"/>
  </xs:sequence><xs:attribute name="lsid" type="xs:int"/></xs:complexType></xs:element>
</xs:schema>
`;
    const result = await run(project({ 'reporting.xsd': xsd }));
    expect(result.keys).toEqual(['reporting.xsd:3 xml-schema-without-namespace (suppressed)', 'reporting.xsd:6 lsid-numeric-type']);
    expect(result.findings[0]?.suppressionReason).toBe('pre-10.6 component, included by reporting-ns.xsd');
  });

  it('reports a broken schema as a parse error and a broken data file not at all', async () => {
    const result = await run(project({ 'openapi.yaml': 'openapi: 3.0.0\nlsid: [\n', 'data.json': '{"properties": {"lsid": ', 'schema.graphql': 'type A { lsid: Int """ }' }));
    expect(result.coverage.parseErrors.map((e) => e.file)).toEqual(['openapi.yaml', 'schema.graphql']);
  });
});
