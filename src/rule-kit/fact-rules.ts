import type { Subject, ValueUse, ValueUseKind, XmlOperation, XmlOperationKind } from '../types.js';
import { defineRule, valueUses, xmlOperations, type Rule, type RuleMeta } from './define-rule.js';

export interface Wording {
  message: string;
  help: string;
}

/** A rule that reports every use of an LSID or lseq of the given kinds. */
export function defineValueUseRule(spec: {
  meta: RuleMeta;
  subject: Subject;
  kinds: readonly ValueUseKind[];
  describe(use: ValueUse): Wording;
}): Rule {
  return defineRule({
    meta: spec.meta,
    check(ctx) {
      for (const use of valueUses(ctx.facts, spec.subject, spec.kinds)) ctx.report({ span: use.span, ...spec.describe(use) });
    },
  });
}

/** A rule that reports every XML access of the given kinds. */
export function defineXmlRule(spec: {
  meta: RuleMeta;
  kinds: readonly XmlOperationKind[];
  describe(operation: XmlOperation): Wording;
}): Rule {
  return defineRule({
    meta: spec.meta,
    check(ctx) {
      for (const operation of xmlOperations(ctx.facts, spec.kinds)) ctx.report({ span: operation.span, ...spec.describe(operation) });
    },
  });
}
