import type { Span } from '../../types.js';

/**
 * A JSON or YAML document as a tree with source spans (UTF-16 offsets), so that the JSON Schema,
 * OpenAPI and Avro readers work the same on both syntaxes and report where a key was written.
 */
export type TreeNode = MapNode | SeqNode | ScalarNode;

export interface MapEntry {
  key: string;
  keySpan: Span;
  value: TreeNode;
  /** From the key's start to the value's end: what a finding on `"type": "integer"` points at. */
  span: Span;
}

export interface MapNode {
  kind: 'map';
  span: Span;
  entries: MapEntry[];
}

export interface SeqNode {
  kind: 'seq';
  span: Span;
  items: TreeNode[];
}

export interface ScalarNode {
  kind: 'scalar';
  span: Span;
  value: string | number | boolean | null;
}

/** The entry for `key` (the last one, as JSON.parse keeps the last of duplicate keys). */
export function entryOf(node: TreeNode | undefined, key: string): MapEntry | undefined {
  if (node?.kind !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]!.key === key) return node.entries[i];
  return undefined;
}

export function valueOf(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return entryOf(node, key)?.value;
}

/** The string value of a scalar node (or of `node[key]`), if it is one. */
export function stringOf(node: TreeNode | undefined, key?: string): string | undefined {
  const target = key === undefined ? node : valueOf(node, key);
  return target?.kind === 'scalar' && typeof target.value === 'string' ? target.value : undefined;
}

/** Depth-first over every node, parents first. */
export function* walkTree(root: TreeNode): Generator<TreeNode> {
  const stack: TreeNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    if (node.kind === 'map') for (let i = node.entries.length - 1; i >= 0; i--) stack.push(node.entries[i]!.value);
    else if (node.kind === 'seq') for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]!);
  }
}

/** A compact rendering of a small node for messages: `integer`, `[integer, null]`; with `json`, `["null", "int"]`. */
export function renderNode(node: TreeNode, json = false): string {
  if (node.kind === 'scalar') return json && typeof node.value === 'string' ? JSON.stringify(node.value) : String(node.value);
  if (node.kind === 'seq') return `[${node.items.map((item) => renderNode(item, json)).join(', ')}]`;
  return `{${node.entries.map((entry) => `${json ? JSON.stringify(entry.key) : entry.key}: ${renderNode(entry.value, json)}`).join(', ')}}`;
}
