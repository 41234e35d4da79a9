import { namedSubject, type NameShape } from '../../knowledge/names.js';
import type { FactsBuilder } from './facts.js';
import { AVRO_NUMERIC_TYPES } from './numeric.js';
import { entryOf, renderNode, stringOf, valueOf, walkTree, type TreeNode } from './tree.js';

const NAMED_TYPES = new Set(['record', 'error', 'enum', 'fixed']);

/** An Avro schema (`.avsc`): a named type, a union of them, or a protocol's `types`. */
export function looksLikeAvro(root: TreeNode): boolean {
  if (root.kind === 'seq') return root.items.length > 0 && root.items.every((item) => item.kind === 'scalar' || isNamedType(item));
  if (root.kind !== 'map') return false;
  if (stringOf(root, 'protocol') !== undefined && valueOf(root, 'types')?.kind === 'seq') return true;
  return isNamedType(root);
}

function isNamedType(node: TreeNode): boolean {
  return NAMED_TYPES.has(stringOf(node, 'type') ?? '') && stringOf(node, 'name') !== undefined;
}

/** `{"name": "lsid", "type": "long"}`, `["null", "int"]`, `{"type": "array", "items": "long"}` for `lsids`. */
export function avroFacts(root: TreeNode, out: FactsBuilder): void {
  for (const node of walkTree(root)) {
    const type = stringOf(node, 'type');
    const fields = valueOf(node, 'fields');
    if ((type !== 'record' && type !== 'error') || fields?.kind !== 'seq') continue;
    for (const field of fields.items) {
      const name = stringOf(field, 'name');
      const typeEntry = entryOf(field, 'type');
      const shape = name === undefined ? undefined : namedSubject(name, 'lsid');
      if (!shape || !typeEntry || !numeric(typeEntry.value, shape)) continue;
      out.use('lsid', 'numeric-type', typeEntry.span, `"type": ${renderNode(typeEntry.value, true)}`, name!);
    }
  }
}

function numeric(node: TreeNode | undefined, shape: NameShape): boolean {
  if (!node) return false;
  if (node.kind === 'scalar') return shape === 'value' && typeof node.value === 'string' && AVRO_NUMERIC_TYPES.has(node.value);
  if (node.kind === 'seq') {
    // A union that takes a string takes the GUID.
    const members = node.items.filter((item) => !(item.kind === 'scalar' && item.value === 'null'));
    if (members.some((member) => (member.kind === 'scalar' ? member.value : stringOf(member, 'type')) === 'string')) return false;
    return members.some((member) => numeric(member, shape));
  }
  const type = stringOf(node, 'type');
  if (type === 'array') return shape === 'collection' && numeric(valueOf(node, 'items'), 'value');
  return shape === 'value' && type !== undefined && AVRO_NUMERIC_TYPES.has(type);
}
