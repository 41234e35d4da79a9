/** The only module rules import: rule definition, fact queries and shared wording. */
export { defineRule, valueUses, xmlOperations } from './define-rule.js';
export type { Rule, RuleContext, RuleMeta, ReportDescriptor } from './define-rule.js';
export { defineValueUseRule, defineXmlRule, type Wording } from './fact-rules.js';
export { GUID_EXAMPLE, LSID_CHANGE, NAMESPACE_CHANGE, code } from './wording.js';
