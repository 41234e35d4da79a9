import { namedSubject } from '../../knowledge/names.js';
import type { FactsBuilder } from './facts.js';
import { JDBC_NUMERIC_TYPES, MYBATIS_NUMERIC_JAVA_TYPES } from './numeric.js';
import { attributeOf, type XmlDocument, type XmlElement } from './xml-scanner.js';

/** Result and parameter mappings: `<result property="lsid" column="lsid" javaType="long" jdbcType="BIGINT"/>`. */
const MAPPINGS = new Set(['id', 'result', 'idArg', 'arg', 'parameter']);
const STATEMENTS = new Set(['select', 'insert', 'update', 'delete', 'sql', 'selectKey', 'statement', 'procedure']);
/** `#{lsid,jdbcType=INTEGER}` (MyBatis 3) and `#lsid:INTEGER#` (iBATIS 2). */
const PLACEHOLDER = /#\{([^}]*)\}|#([\w.]+):(\w+)#/g;
const COMPARED_TO_LSID = /\blsid\s*(?:=|<>|!=|&lt;|&gt;|<=?|>=?)\s*#\{/i;
const SELECTS_LSID_ONLY = /^\s*select\s+(?:distinct\s+)?(?:\w+\.)?(\w+)\s+from\b/i;

const numericJava = (type: string): boolean => MYBATIS_NUMERIC_JAVA_TYPES.has(type.trim().toLowerCase());
const numericJdbc = (type: string): boolean => JDBC_NUMERIC_TYPES.has(type.trim().toUpperCase());
const lsidValue = (name: string | undefined): boolean => name !== undefined && namedSubject(name.split('.').pop()!, 'lsid') === 'value';

/**
 * MyBatis mappers (and iBATIS 2 sqlMaps): an LSID property or column mapped with a numeric `javaType`
 * or `jdbcType`, an inline `#{lsid,jdbcType=INTEGER}`, a statement whose numeric `parameterType` is
 * bound to an LSID placeholder, or a `SELECT lsid FROM …` with a numeric `resultType`.
 */
export function mybatisFacts(document: XmlDocument, text: string, out: FactsBuilder): void {
  for (const element of document.elements) {
    if (MAPPINGS.has(element.localName)) mapping(element, out);
    else if (STATEMENTS.has(element.localName)) statement(element, text, out);
  }
}

function mapping(element: XmlElement, out: FactsBuilder): void {
  const origin = ['property', 'column', 'name'].map((key) => attributeOf(element, key)?.value).find(lsidValue);
  if (!origin) return;
  const decisive = element.attributes.find((attribute) => (attribute.name === 'javaType' && numericJava(attribute.value)) || (attribute.name === 'jdbcType' && numericJdbc(attribute.value)));
  if (decisive) out.use('lsid', 'numeric-type', decisive.span, `<${element.name} ${decisive.name}="${decisive.value}">`, origin);
}

function statement(element: XmlElement, text: string, out: FactsBuilder): void {
  const bodies = descendantTexts(element);
  let lsidPlaceholder: { text: string; property: string } | undefined;
  for (const body of bodies) {
    const raw = text.slice(body.start, body.end);
    for (const match of raw.matchAll(PLACEHOLDER)) {
      const start = body.start + match.index;
      const span = { start, end: start + match[0].length };
      if (match[1] !== undefined) {
        const [property, ...options] = match[1].split(',').map((part) => part.trim());
        if (!lsidValue(property)) continue;
        lsidPlaceholder ??= { text: match[0], property: property! };
        const typed = options.map((option) => option.split('=').map((part) => part.trim())).find(([key, value]) => value !== undefined && ((key === 'jdbcType' && numericJdbc(value)) || (key === 'javaType' && numericJava(value))));
        if (typed) out.use('lsid', 'numeric-type', span, match[0], property!);
      } else if (lsidValue(match[2])) {
        lsidPlaceholder ??= { text: match[0], property: match[2]! };
        if (numericJdbc(match[3]!)) out.use('lsid', 'numeric-type', span, match[0], match[2]!);
      }
    }
    if (!lsidPlaceholder && COMPARED_TO_LSID.test(raw)) lsidPlaceholder = { text: 'lsid = #{…}', property: 'lsid' };
  }
  const parameterType = attributeOf(element, 'parameterType') ?? attributeOf(element, 'parameterClass');
  if (parameterType && lsidPlaceholder && numericJava(parameterType.value)) {
    out.use('lsid', 'numeric-type', parameterType.span, `${parameterType.name}="${parameterType.value}" (${lsidPlaceholder.text})`, lsidPlaceholder.property);
  }
  const resultType = attributeOf(element, 'resultType') ?? attributeOf(element, 'resultClass');
  const selected = SELECTS_LSID_ONLY.exec(bodies.map((body) => text.slice(body.start, body.end)).join(' '))?.[1];
  if (element.localName === 'select' && resultType && numericJava(resultType.value) && lsidValue(selected)) {
    out.use('lsid', 'numeric-type', resultType.span, `${resultType.name}="${resultType.value}" (SELECT ${selected} …)`, selected!);
  }
}

function descendantTexts(element: XmlElement): { start: number; end: number }[] {
  const spans = element.texts.map((text) => text.span);
  for (const child of element.children) spans.push(...descendantTexts(child));
  return spans.sort((a, b) => a.start - b.start);
}
