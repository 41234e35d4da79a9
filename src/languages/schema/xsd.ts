import { DISTINCTIVE_ELEMENTS, ROOT_ELEMENTS } from '../../knowledge/bomgar.js';
import { namedSubject } from '../../knowledge/names.js';
import type { Span, ValueUseKind } from '../../types.js';
import type { FactsBuilder } from './facts.js';
import { XSD_NUMERIC_TYPES, acceptsOnlyDigits } from './numeric.js';
import { attributeOf, namespaceOf, type XmlAttribute, type XmlDocument, type XmlElement } from './xml-scanner.js';

export const XSD_NAMESPACE = 'http://www.w3.org/2001/XMLSchema';

const STRING_TYPES = new Set(['string', 'normalizedString', 'token', 'NMTOKEN', 'Name', 'NCName', 'ID', 'anySimpleType']);
const MAX_DERIVATION_DEPTH = 8;

interface Judgement {
  kind: ValueUseKind;
  span: Span;
  construct: string;
}

/** Whether an element belongs to the XML Schema vocabulary (`xs:element`, `xsd:element`, or unprefixed under a default XMLSchema namespace). */
export function isXsd(element: XmlElement, localName?: string): boolean {
  return (localName === undefined || element.localName === localName) && namespaceOf(element, element.prefix) === XSD_NAMESPACE;
}

/**
 * XSD: an `lsid` element or attribute typed `xs:int`, `xs:long` … (directly, through a local named
 * simple type, or by an inline restriction) is a `numeric-type` use; a string restricted to digits by
 * its patterns is a `numeric-validation` use. A schema with no `targetNamespace` that declares an API
 * response root is a `schema-without-namespace` XML operation: 10.6 responses do not validate against it.
 */
export function xsdFacts(document: XmlDocument, out: FactsBuilder): void {
  const root = document.root!;
  const simpleTypes = new Map<string, XmlElement>();
  for (const child of root.children) {
    const name = attributeOf(child, 'name')?.value;
    if (name && isXsd(child, 'simpleType')) simpleTypes.set(name, child);
  }
  const judgeTypeName = (qname: string, at: XmlElement, depth: number): Judgement['kind'] | 'string' | undefined => {
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const local = qname.slice(colon + 1);
    if (namespaceOf(at, prefix) === XSD_NAMESPACE) return XSD_NUMERIC_TYPES.has(local) ? 'numeric-type' : STRING_TYPES.has(local) ? 'string' : undefined;
    const named = simpleTypes.get(local);
    return named && depth < MAX_DERIVATION_DEPTH ? judgeSimpleType(named, depth + 1)?.kind : undefined;
  };
  const judgeSimpleType = (simpleType: XmlElement, depth: number): Judgement | undefined => {
    for (const child of simpleType.children) {
      if (isXsd(child, 'restriction')) {
        const base = attributeOf(child, 'base');
        const baseKind = base ? judgeTypeName(base.value, child, depth) : undefined;
        if (baseKind === 'numeric-type') return { kind: 'numeric-type', span: base!.span, construct: `restriction base="${base!.value}"` };
        // Pattern facets of one restriction are alternatives: all must be digits-only to reject a GUID.
        const patterns = child.children.filter((facet) => isXsd(facet, 'pattern')).map((facet) => attributeOf(facet, 'value')).filter((value): value is XmlAttribute => value !== undefined);
        if (patterns.length && patterns.every((pattern) => acceptsOnlyDigits(pattern.value, 'implicit'))) {
          return { kind: 'numeric-validation', span: patterns[0]!.span, construct: `pattern value="${patterns[0]!.value}"` };
        }
        if (baseKind === 'numeric-validation') return { kind: 'numeric-validation', span: base!.span, construct: `restriction base="${base!.value}"` };
        const inline = child.children.find((nested) => isXsd(nested, 'simpleType'));
        return inline && depth < MAX_DERIVATION_DEPTH ? judgeSimpleType(inline, depth + 1) : undefined;
      }
      if (isXsd(child, 'list')) {
        const itemType = attributeOf(child, 'itemType');
        if (itemType && judgeTypeName(itemType.value, child, depth) === 'numeric-type') return { kind: 'numeric-type', span: itemType.span, construct: `list itemType="${itemType.value}"` };
      }
    }
    return undefined;
  };
  const report = (name: string, judgement: Judgement | undefined): void => {
    if (judgement) out.use('lsid', judgement.kind, judgement.span, judgement.construct, name);
  };

  for (const element of document.elements) {
    const name = attributeOf(element, 'name')?.value;
    if (!name || !namedSubject(name, 'lsid') || !isXsd(element)) continue;
    if (element.localName === 'simpleType' && element.parent === root) {
      report(name, judgeSimpleType(element, 0));
      continue;
    }
    if (element.localName !== 'element' && element.localName !== 'attribute') continue;
    const type = attributeOf(element, 'type');
    if (type) {
      const kind = judgeTypeName(type.value, element, 0);
      const colon = type.value.indexOf(':');
      const builtIn = namespaceOf(element, colon < 0 ? '' : type.value.slice(0, colon)) === XSD_NAMESPACE;
      // A local type named like an LSID (`type="tns:Lsid"`) is reported once, where it is defined.
      const reportedAtDefinition = !builtIn && namedSubject(type.value.slice(colon + 1), 'lsid') !== undefined;
      if ((kind === 'numeric-type' || kind === 'numeric-validation') && !reportedAtDefinition) report(name, { kind, span: type.span, construct: `type="${type.value}"` });
      continue;
    }
    const inline = element.children.find((child) => isXsd(child, 'simpleType'));
    if (inline) {
      report(name, judgeSimpleType(inline, 0));
      continue;
    }
    // <xs:element name="lsid"><xs:complexType><xs:simpleContent><xs:extension base="xs:int">…
    const content = element.children.find((child) => isXsd(child, 'complexType'))?.children.find((child) => isXsd(child, 'simpleContent'));
    const derivation = content?.children.find((child) => isXsd(child, 'extension') || isXsd(child, 'restriction'));
    const base = derivation ? attributeOf(derivation, 'base') : undefined;
    if (base && judgeTypeName(base.value, derivation!, 0) === 'numeric-type') report(name, { kind: 'numeric-type', span: base.span, construct: `${derivation!.localName} base="${base.value}"` });
  }

  schemaWithoutNamespace(document, out);
}

/**
 * A schema without `targetNamespace` puts its elements in no namespace. From 10.6 the response root
 * declares a default namespace, so `<session_list xmlns="…">` matches no global declaration and
 * validation fails. Only schemas that declare a response root and an API-specific name are meant.
 */
function schemaWithoutNamespace(document: XmlDocument, out: FactsBuilder): void {
  const root = document.root!;
  if (attributeOf(root, 'targetNamespace')) return;
  const globals = root.children.filter((child) => isXsd(child, 'element')).map((child) => attributeOf(child, 'name')?.value).filter((name): name is string => name !== undefined);
  const roots = globals.filter((name) => ROOT_ELEMENTS.has(name));
  if (!roots.length) return;
  const declared = document.elements
    .filter((element) => (element.localName === 'element' || element.localName === 'attribute') && isXsd(element))
    .map((element) => attributeOf(element, 'name')?.value);
  if (!declared.some((name) => name !== undefined && (DISTINCTIVE_ELEMENTS.has(name) || name === 'lsid'))) return;
  out.xml({ kind: 'schema-without-namespace', span: root.openSpan, api: `<${root.name}>`, detail: roots.join(', '), library: 'XML Schema' });
}
