import { namedSubject } from '../../knowledge/names.js';
import type { Span, ValueUseKind } from '../../types.js';
import type { FactsBuilder } from './facts.js';
import { JSON_SCHEMA_NUMERIC_TYPES, NUMERIC_FORMATS, acceptsOnlyDigits } from './numeric.js';
import { entryOf, renderNode, stringOf, valueOf, walkTree, type MapNode, type TreeNode } from './tree.js';

/**
 * JSON Schema, OpenAPI (2 and 3) and AsyncAPI documents, in JSON or YAML. A property, definition or
 * parameter named like an LSID whose schema is numeric is a `numeric-type` use; a string schema with
 * a digits-only `pattern` is a `numeric-validation` use. Findings point at the `type` entry (or the
 * `format`, `pattern` or `$ref` entry that decides), not at the property name.
 */

/** Keys whose value maps names to schemas. */
const NAMED_SCHEMA_MAPS = new Set(['properties', 'definitions', '$defs', 'schemas']);
/** Keys whose values are data, not schemas: an `example` holding `properties` is not a schema. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const', 'x-example', 'x-examples']);
const PARAMETER_LOCATIONS = new Set(['query', 'path', 'header', 'cookie', 'formData', 'body']);
const SCHEMA_KEYWORDS = new Set(['type', '$ref', 'properties', 'items', 'oneOf', 'anyOf', 'allOf', 'enum', 'format', 'const', 'pattern', 'additionalProperties']);
const META_SCHEMA = /json-schema\.org|spec\.openapis\.org\/oas/;
const MAX_REF_DEPTH = 8;

/** Whether a parsed JSON/YAML document is a schema rather than data or configuration. */
export function looksLikeJsonSchema(root: TreeNode): boolean {
  if (root.kind !== 'map') return false;
  if (['openapi', 'swagger', 'asyncapi'].some((key) => valueOf(root, key)?.kind === 'scalar')) return true;
  if (META_SCHEMA.test(stringOf(root, '$schema') ?? '')) return true;
  if (valueOf(valueOf(root, 'components'), 'schemas')?.kind === 'map') return true;
  if (stringOf(root, 'kind') === 'CustomResourceDefinition') return true;
  for (const key of ['definitions', '$defs']) {
    const definitions = valueOf(root, key);
    if (definitions?.kind === 'map' && definitions.entries.some((entry) => schemaLike(entry.value))) return true;
  }
  const properties = valueOf(root, 'properties');
  if (properties?.kind === 'map' && properties.entries.some((entry) => schemaLike(entry.value))) {
    return stringOf(root, 'type') === 'object' || ['$id', 'id', 'title', 'required', 'additionalProperties'].some((key) => entryOf(root, key) !== undefined);
  }
  return false;
}

/** Text that says "I am a schema" even when it does not parse: then its parse error is worth reporting. */
export const JSON_CLAIMS_SCHEMA = /"(?:openapi|swagger|asyncapi)"\s*:|"\$schema"\s*:\s*"[^"]*(?:json-schema\.org|spec\.openapis\.org)/;
export const YAML_CLAIMS_SCHEMA = /^(?:openapi|swagger|asyncapi|["']?\$schema["']?)[ \t]*:/m;

function schemaLike(node: TreeNode): boolean {
  return node.kind === 'map' && node.entries.some((entry) => SCHEMA_KEYWORDS.has(entry.key));
}

export function jsonSchemaFacts(root: TreeNode, out: FactsBuilder): void {
  const visit = (node: TreeNode): void => {
    if (node.kind === 'seq') {
      node.items.forEach(visit);
      return;
    }
    if (node.kind !== 'map') return;
    const name = stringOf(node, 'name');
    const location = stringOf(node, 'in');
    if (name !== undefined && location !== undefined && PARAMETER_LOCATIONS.has(location)) {
      // OpenAPI 3 puts the type under `schema`; Swagger 2 on the parameter itself.
      const schema = valueOf(node, 'schema');
      checkNamed(name, schema?.kind === 'map' ? schema : node, root, out);
    }
    for (const entry of node.entries) {
      if (DATA_KEYS.has(entry.key)) continue;
      if (NAMED_SCHEMA_MAPS.has(entry.key) && entry.value.kind === 'map') {
        for (const named of entry.value.entries) {
          checkNamed(named.key, named.value, root, out);
          visit(named.value);
        }
        continue;
      }
      visit(entry.value);
    }
  };
  visit(root);
}

/** Keys and strings that tie the document to the API: `lseq`, `/api/reporting`, "Bomgar session". */
export function treeEvidence(root: TreeNode, out: FactsBuilder): void {
  for (const node of walkTree(root)) {
    if (node.kind === 'map') for (const entry of node.entries) out.text(entry.key, entry.keySpan);
    else if (node.kind === 'scalar' && typeof node.value === 'string') out.text(node.value, node.span);
  }
}

interface Judgement {
  kind: ValueUseKind;
  span: Span;
  construct: string;
}

function checkNamed(name: string, schema: TreeNode, root: TreeNode, out: FactsBuilder): void {
  const shape = namedSubject(name, 'lsid');
  if (!shape || schema.kind !== 'map') return;
  let target: MapNode = schema;
  if (shape === 'collection') {
    const items = valueOf(schema, 'items');
    if (items?.kind !== 'map') return;
    target = items;
  }
  for (const judgement of judge(target, root, 0)) out.use('lsid', judgement.kind, judgement.span, judgement.construct, name);
}

function typeList(node: TreeNode | undefined): string[] | undefined {
  if (node?.kind === 'scalar' && typeof node.value === 'string') return [node.value];
  if (node?.kind === 'seq') return node.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [item.value] : []));
  return undefined;
}

/** Why a schema for an LSID cannot hold a GUID, if it cannot. */
function judge(schema: MapNode, root: TreeNode, depth: number): Judgement[] {
  const types = typeList(valueOf(schema, 'type'));
  const typeEntry = entryOf(schema, 'type');
  const formatEntry = entryOf(schema, 'format');
  const format = stringOf(schema, 'format');
  const numericFormat = format !== undefined && NUMERIC_FORMATS.has(format);
  const patternEntry = entryOf(schema, 'pattern');
  const pattern = stringOf(schema, 'pattern');
  if (types?.includes('string') || (types === undefined && pattern !== undefined)) {
    if (numericFormat) return [{ kind: 'numeric-type', span: formatEntry!.span, construct: `${types ? 'type: string, ' : ''}format: ${format}` }];
    if (pattern !== undefined && acceptsOnlyDigits(pattern, 'explicit')) return [{ kind: 'numeric-validation', span: patternEntry!.span, construct: `pattern: ${pattern}` }];
    return [];
  }
  if (types?.some((type) => JSON_SCHEMA_NUMERIC_TYPES.has(type))) {
    return [{ kind: 'numeric-type', span: typeEntry!.span, construct: `type: ${renderNode(typeEntry!.value)}${format ? `, format: ${format}` : ''}` }];
  }
  if (types) return [];
  if (numericFormat) return [{ kind: 'numeric-type', span: formatEntry!.span, construct: `format: ${format}` }];
  if (depth >= MAX_REF_DEPTH) return [];
  for (const key of ['oneOf', 'anyOf']) {
    const branches = mapItems(valueOf(schema, key));
    // A branch that takes a string takes the GUID: the schema is already ready for 10.6.
    if (branches.some((branch) => allowsString(branch, root, depth + 1))) return [];
    const found = branches.flatMap((branch) => judge(branch, root, depth + 1));
    if (found.length) return found;
  }
  const all = mapItems(valueOf(schema, 'allOf')).flatMap((branch) => judge(branch, root, depth + 1));
  if (all.length) return all;
  const refEntry = entryOf(schema, '$ref');
  const ref = stringOf(schema, '$ref');
  if (refEntry && ref?.startsWith('#/')) {
    const segments = pointerSegments(ref);
    const target = resolvePointer(root, segments);
    // A definition named like an LSID is reported where it is defined, not at every reference.
    if (target?.kind !== 'map' || namedSubject(segments[segments.length - 1] ?? '', 'lsid')) return [];
    return judge(target, root, depth + 1).map((found) => ({ kind: found.kind, span: refEntry.span, construct: `$ref: ${ref} (${found.construct})` }));
  }
  return [];
}

function allowsString(schema: MapNode, root: TreeNode, depth: number): boolean {
  if (typeList(valueOf(schema, 'type'))?.includes('string')) return true;
  const ref = stringOf(schema, '$ref');
  if (!ref?.startsWith('#/') || depth >= MAX_REF_DEPTH) return false;
  const target = resolvePointer(root, pointerSegments(ref));
  return target?.kind === 'map' && allowsString(target, root, depth + 1);
}

function mapItems(node: TreeNode | undefined): MapNode[] {
  return node?.kind === 'seq' ? node.items.filter((item): item is MapNode => item.kind === 'map') : [];
}

function pointerSegments(ref: string): string[] {
  return ref.slice(2).split('/').map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // keep the raw segment
    }
    return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
  });
}

function resolvePointer(root: TreeNode, segments: readonly string[]): TreeNode | undefined {
  let node: TreeNode | undefined = root;
  for (const segment of segments) {
    if (node?.kind === 'map') node = valueOf(node, segment);
    else if (node?.kind === 'seq') node = node.items[Number(segment)];
    else return undefined;
  }
  return node;
}
