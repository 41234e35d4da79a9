import type { LanguageAdapter } from '../adapter.js';
import { FactsBuilder, emptyFacts } from './facts.js';
import { YAML_CLAIMS_SCHEMA, jsonSchemaFacts, looksLikeJsonSchema, treeEvidence } from './json-schema.js';
import { baseName } from './paths.js';
import { parseYaml } from './yaml.js';

/** Lock files, which can be megabytes and are never schemas. */
const NOT_SCHEMAS = /^(?:pnpm-lock|\.yarnrc)\.ya?ml$/i;

/** A key every schema this adapter reads has somewhere; YAML without one is data or configuration. */
const SCHEMA_KEYS = /^[ \t-]*["']?(?:\$schema|openapi|swagger|asyncapi|properties|definitions|\$defs|components)["']?[ \t]*:|CustomResourceDefinition/m;

/**
 * `.yaml`/`.yml`: OpenAPI, AsyncAPI, JSON Schema written in YAML and Kubernetes CRDs, document by
 * document. Other YAML (CI, compose, Helm templates) yields no facts and no parse error.
 */
export const yamlSchemaAdapter: LanguageAdapter = {
  id: 'yaml-schema',
  extensions: ['.yaml', '.yml'],
  comments: { line: ['#'], block: [] },
  contextScope: 'project',
  accepts: (path) => !NOT_SCHEMAS.test(baseName(path)),
  recognizes: (_path, text) => SCHEMA_KEYS.test(text),
  analyze({ text, context }) {
    const parsed = parseYaml(text);
    if (!parsed.ok) return YAML_CLAIMS_SCHEMA.test(text) ? { facts: emptyFacts(), parseError: parsed.problem } : { facts: emptyFacts() };
    const schemas = parsed.roots.filter(looksLikeJsonSchema);
    if (!schemas.length) return { facts: emptyFacts() };
    const out = new FactsBuilder(context);
    for (const root of schemas) {
      jsonSchemaFacts(root, out);
      treeEvidence(root, out);
    }
    return { facts: out.facts() };
  },
};
