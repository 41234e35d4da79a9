/**
 * A plain-JS copy of a tree-sitter tree, built in one cursor walk. Every Node access of
 * web-tree-sitter crosses into WASM and allocates; the lowering reads each node's children and
 * fields several times, so copying once is cheaper (about 2× on large files) and keeps the garbage
 * collector quiet. Only what the lowering uses is kept.
 */
import type { Node } from '@vscode/tree-sitter-wasm';

export class SyntaxNode {
  readonly children: SyntaxNode[] = [];
  private namedCache: SyntaxNode[] | undefined;

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    /** The field this node fills in its parent (`left`, `body` …), if any. */
    readonly field: string | null,
    readonly parent: SyntaxNode | null,
    private readonly source: string,
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  /** Named children without comments. */
  get namedChildren(): SyntaxNode[] {
    return (this.namedCache ??= this.children.filter((c) => c.isNamed && c.type !== 'comment'));
  }

  childForFieldName(field: string): SyntaxNode | null {
    return this.children.find((c) => c.field === field) ?? null;
  }

  childrenForFieldName(field: string): SyntaxNode[] {
    return this.children.filter((c) => c.field === field);
  }
}

/** Per language: which type ids are named (the cursor would ask WASM once per node). */
const namedTypes = new WeakMap<object, boolean[]>();

export function copyTree(root: Node, source: string): SyntaxNode {
  const language = root.tree.language;
  let named = namedTypes.get(language);
  if (!named) {
    named = language.types.map((_, id) => language.nodeTypeIsNamed(id));
    namedTypes.set(language, named);
  }
  const types = language.types;
  const fields = language.fields;
  const cursor = root.walk();
  try {
    const top = new SyntaxNode(root.type, root.isNamed, root.startIndex, root.endIndex, null, null, source);
    let current = top;
    if (!cursor.gotoFirstChild()) return top;
    for (;;) {
      const typeId = cursor.nodeTypeId;
      const node = new SyntaxNode(types[typeId] || 'ERROR', typeId === 65535 || !!named[typeId], cursor.startIndex, cursor.endIndex, fields[cursor.currentFieldId] ?? null, current, source);
      current.children.push(node);
      if (cursor.gotoFirstChild()) {
        current = node;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || current === top) return top;
        current = current.parent!;
      }
    }
  } finally {
    cursor.delete();
  }
}
