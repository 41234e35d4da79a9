import { namedSubject } from '../../knowledge/names.js';
import type { FactsBuilder } from './facts.js';
import { HIBERNATE_NUMERIC_TYPES, isSqlNumericType } from './numeric.js';
import { attributeOf, type XmlAttribute, type XmlDocument, type XmlElement } from './xml-scanner.js';

/** Mapping elements that give a property or column a type. */
const TYPED_ELEMENTS = new Set(['id', 'property', 'key-property', 'natural-id', 'version', 'element', 'map-key', 'index', 'collection-id']);
/** Collection elements whose `<element>` children hold the values of the named collection. */
const COLLECTIONS = new Set(['set', 'list', 'bag', 'idbag', 'array', 'primitive-array', 'map']);

/**
 * Hibernate `*.hbm.xml`: a property, id or collection element whose Java property or column is an LSID,
 * mapped with a numeric Hibernate type (`type="long"`, `<type name="integer"/>`) or a numeric
 * `<column sql-type>`. One finding per mapping element, on the attribute that decides.
 */
export function hibernateFacts(document: XmlDocument, out: FactsBuilder): void {
  for (const element of document.elements) {
    if (!TYPED_ELEMENTS.has(element.localName)) continue;
    const origin = lsidName(element);
    if (!origin) continue;
    const decisive = numericType(element);
    if (decisive) out.use('lsid', 'numeric-type', decisive.span, `<${element.name} ${decisive.name}="${decisive.value}">`, origin);
  }
}

function lsidName(element: XmlElement): string | undefined {
  const columns = element.children.filter((child) => child.localName === 'column').map((child) => attributeOf(child, 'name')?.value);
  for (const name of [attributeOf(element, 'name')?.value, attributeOf(element, 'column')?.value, ...columns]) {
    if (name !== undefined && namedSubject(name.replace(/[`"[\]]/g, ''), 'lsid') === 'value') return name;
  }
  // <set name="lsids"><key column="…"/><element type="long"/></set>
  const parent = element.parent;
  const collection = parent && COLLECTIONS.has(parent.localName) && element.localName === 'element' ? attributeOf(parent, 'name')?.value : undefined;
  return collection !== undefined && namedSubject(collection, 'lsid') === 'collection' ? collection : undefined;
}

function numericType(element: XmlElement): XmlAttribute | undefined {
  const type = attributeOf(element, 'type');
  if (type) return HIBERNATE_NUMERIC_TYPES.has(type.value.trim().toLowerCase()) ? type : undefined;
  const typeElement = element.children.find((child) => child.localName === 'type');
  const typeName = typeElement ? attributeOf(typeElement, 'name') : undefined;
  if (typeName) return HIBERNATE_NUMERIC_TYPES.has(typeName.value.trim().toLowerCase()) ? typeName : undefined;
  for (const column of element.children.filter((child) => child.localName === 'column')) {
    const sqlType = attributeOf(column, 'sql-type');
    if (sqlType && isSqlNumericType(sqlType.value)) return sqlType;
  }
  return undefined;
}
