import type { Category, FileFacts, Severity, Span, Subject, ValueUse, ValueUseKind, XmlOperation, XmlOperationKind } from '../types.js';

/** Static description of a rule; `id` is stable once released, renamed ids live on in `aliases`. */
export interface RuleMeta {
  id: string;
  aliases?: readonly string[];
  category: Category;
  defaultSeverity: Severity;
  /** One line, imperative, equal to the first line of the rule's doc. */
  summary: string;
}

export interface ReportDescriptor {
  span: Span;
  /** What is wrong and why it breaks on 10.6, naming the concrete code. */
  message: string;
  /** What to do instead. */
  help: string;
}

/** What a rule sees of one file: its facts, never its syntax tree. */
export interface RuleContext {
  readonly file: string;
  readonly facts: FileFacts;
  report(descriptor: ReportDescriptor): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return Object.freeze({ meta: Object.freeze({ ...rule.meta }), check: rule.check });
}

export function valueUses(facts: FileFacts, subject: Subject, kinds: readonly ValueUseKind[]): ValueUse[] {
  return facts.valueUses.filter((use) => use.subject === subject && kinds.includes(use.kind));
}

export function xmlOperations(facts: FileFacts, kinds: readonly XmlOperationKind[]): XmlOperation[] {
  return facts.xmlOps.filter((op) => kinds.includes(op.kind));
}
