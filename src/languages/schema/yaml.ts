import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import type { ParseProblem } from '../adapter.js';
import type { MapEntry, TreeNode } from './tree.js';

export type YamlParse = { ok: true; roots: TreeNode[] } | { ok: false; problem: ParseProblem };

/** Aliases are followed this deep (`*a` inside the node `&a` names would recurse forever). */
const MAX_ALIAS_DEPTH = 8;

/**
 * Reads every document of a YAML stream (`---`) with the `yaml` package, which keeps the source
 * range of each node, and converts it to the shared tree. Anchored nodes reached through an alias
 * keep the anchor's span: that is where the type is written.
 */
export function parseYaml(text: string): YamlParse {
  const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, strict: false });
  const roots: TreeNode[] = [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      const [start, end] = error.pos;
      return { ok: false, problem: { span: { start, end: Math.max(end, start) }, message: `invalid YAML: ${error.message.split('\n')[0]}` } };
    }
    if (document.contents) roots.push(convert(document, document.contents, 0));
  }
  return { ok: true, roots };
}

function spanOf(node: Node, fallback: number): { start: number; end: number } {
  const range = node.range;
  return range ? { start: range[0], end: range[1] } : { start: fallback, end: fallback };
}

function convert(document: Document, node: Node, aliasDepth: number): TreeNode {
  if (isAlias(node)) {
    const target = aliasDepth < MAX_ALIAS_DEPTH ? node.resolve(document) : undefined;
    return target ? convert(document, target, aliasDepth + 1) : { kind: 'scalar', span: spanOf(node, 0), value: null };
  }
  const span = spanOf(node, 0);
  if (isMap(node)) {
    const entries: MapEntry[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const keySpan = keyNode ? spanOf(keyNode, span.start) : { start: span.start, end: span.start };
      const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
      const valueNode = pair.value as Node | null;
      const value: TreeNode = valueNode ? convert(document, valueNode, aliasDepth) : { kind: 'scalar', span: { start: keySpan.end, end: keySpan.end }, value: null };
      entries.push({ key, keySpan, value, span: { start: keySpan.start, end: Math.max(value.span.end, keySpan.end) } });
    }
    return { kind: 'map', span, entries };
  }
  if (isSeq(node)) {
    return { kind: 'seq', span, items: node.items.map((item) => (item ? convert(document, item as Node, aliasDepth) : { kind: 'scalar', span, value: null })) };
  }
  if (isScalar(node)) {
    const value = node.value;
    return { kind: 'scalar', span, value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : String(value) };
  }
  return { kind: 'scalar', span, value: null };
}
