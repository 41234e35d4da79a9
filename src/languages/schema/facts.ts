import { nameEvidence, stringEvidence } from '../../knowledge/evidence.js';
import type { ContextEvidence, FileFacts, Span, Subject, ValueUse, ValueUseKind, XmlOperation } from '../../types.js';
import type { ContextSettings } from '../adapter.js';

export function emptyFacts(): FileFacts {
  return { evidence: [], localImports: [], valueUses: [], xmlOps: [] };
}

/** Collects one schema file's facts; a node reached twice (a YAML alias, a shared type) is reported once. */
export class FactsBuilder {
  private readonly evidence: ContextEvidence[] = [];
  private readonly valueUses: ValueUse[] = [];
  private readonly xmlOps: XmlOperation[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly context: ContextSettings) {}

  use(subject: Subject, kind: ValueUseKind, span: Span, construct: string, origin: string): void {
    const key = `${subject} ${kind} ${span.start} ${span.end}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.valueUses.push({ subject, kind, span, construct, origin });
  }

  xml(operation: XmlOperation): void {
    this.xmlOps.push(operation);
  }

  /** A string the schema holds (a description, a server URL, an enum value, an attribute value). */
  text(text: string, span: Span): void {
    const kind = stringEvidence(text, this.context);
    if (kind) this.evidence.push({ kind, text, span });
  }

  /** A name the schema declares (a property, field, type or record name). */
  name(name: string, span: Span): void {
    const kind = nameEvidence(name);
    if (kind) this.evidence.push({ kind, text: name, span });
  }

  facts(): FileFacts {
    const bySpan = (a: { span: Span }, b: { span: Span }): number => a.span.start - b.span.start;
    return { evidence: this.evidence, localImports: [], valueUses: this.valueUses.sort(bySpan), xmlOps: this.xmlOps.sort(bySpan) };
  }
}
