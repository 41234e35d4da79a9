import { ConfigError } from '../config/schema.js';
import type { Rule } from '../rule-kit/index.js';
import type { SeverityOrOff } from '../types.js';

/** Reported by the engine for a suppression directive that hid nothing; configurable like a rule. */
export const UNUSED_DIRECTIVE_ID = 'unused-suppression';
/** Checks the engine performs itself, configurable like rules. */
export const ENGINE_CHECKS: ReadonlySet<string> = new Set([UNUSED_DIRECTIVE_ID]);

/** Rules by id and alias; resolves configured levels and rejects ids it does not know. */
export class RuleRegistry {
  private readonly byId = new Map<string, Rule>();

  constructor(readonly rules: readonly Rule[]) {
    for (const rule of rules) {
      for (const id of [rule.meta.id, ...(rule.meta.aliases ?? [])]) {
        if (this.byId.has(id)) throw new Error(`duplicate rule id or alias "${id}"`);
        this.byId.set(id, rule);
      }
    }
  }

  get(idOrAlias: string): Rule | undefined {
    return this.byId.get(idOrAlias);
  }

  /** The canonical id for an id or alias; unknown ids are returned unchanged. */
  canonicalId(idOrAlias: string): string {
    return this.byId.get(idOrAlias)?.meta.id ?? idOrAlias;
  }

  /**
   * Effective level per rule: defaults, then each layer of overrides in order (config, then CLI).
   * `origin` names the layer in the error for an unknown id.
   */
  levels(layers: readonly { origin: string; levels: Readonly<Record<string, SeverityOrOff>> }[]): Map<Rule, SeverityOrOff> {
    const levels = new Map<Rule, SeverityOrOff>(this.rules.map((rule) => [rule, rule.meta.defaultSeverity]));
    for (const layer of layers) {
      for (const [id, level] of Object.entries(layer.levels)) {
        if (ENGINE_CHECKS.has(id)) continue;
        const rule = this.byId.get(id);
        if (!rule) throw new ConfigError(`${layer.origin}: unknown rule "${id}"${this.suggestion(id)}`);
        levels.set(rule, level);
      }
    }
    return levels;
  }

  /** The level of a check the engine itself performs (not a rule), after all layers. */
  engineCheckLevel(id: string, fallback: SeverityOrOff, layers: readonly { levels: Readonly<Record<string, SeverityOrOff>> }[]): SeverityOrOff {
    return layers.reduce<SeverityOrOff>((level, layer) => layer.levels[id] ?? level, fallback);
  }

  private suggestion(id: string): string {
    const close = [...this.byId.keys()].find((known) => known.includes(id) || id.includes(known));
    return close ? ` (did you mean "${close}"?)` : ' (run lsid-lint --list-rules)';
  }
}
