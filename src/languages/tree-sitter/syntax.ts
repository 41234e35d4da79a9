import type { Span } from '../../types.js';

/** A tree-sitter node's span: web-tree-sitter gives UTF-16 offsets for JavaScript strings, the engine's unit. */
export function spanOf(node: { startIndex: number; endIndex: number }): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/** A set from its members, for the knowledge tables. */
export function setOf(...items: string[]): ReadonlySet<string> {
  return new Set(items);
}
