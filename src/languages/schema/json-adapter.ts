import type { LanguageAdapter } from '../adapter.js';
import { avroFacts, looksLikeAvro } from './avro.js';
import { FactsBuilder, emptyFacts } from './facts.js';
import { parseJson } from './json.js';
import { JSON_CLAIMS_SCHEMA, jsonSchemaFacts, looksLikeJsonSchema, treeEvidence } from './json-schema.js';
import { baseName } from './paths.js';

/**
 * JSON files that are never schemas, left out of discovery: package manifests and lock files (which
 * can be megabytes), TypeScript and tool configuration, and lsid-lint's own config.
 */
const NOT_SCHEMAS = /^(?:package(?:-lock)?|npm-shrinkwrap|composer|bower|lerna|nx|turbo|deno|(?:ts|js)config(?:\..*)?|lsid-lint\.config|\.lsidlintrc|\.eslintrc|\.babelrc|\.prettierrc|\.stylelintrc)\.json$/i;

/** A key every schema this adapter reads has somewhere; JSON without one is data or configuration. */
const SCHEMA_KEYS = /"(?:\$schema|openapi|swagger|asyncapi|properties|definitions|\$defs|components|fields|protocol)"\s*:/;

/**
 * `.json` and Avro `.avsc` files. Only documents that are schemas (JSON Schema, OpenAPI, AsyncAPI,
 * Avro) yield facts; other JSON yields none, and a JSON file that fails to parse is a parse error only
 * when its text claims to be a schema (or it is an `.avsc`).
 */
export const jsonSchemaAdapter: LanguageAdapter = {
  id: 'json-schema',
  extensions: ['.json', '.avsc'],
  comments: { line: ['//'], block: [['/*', '*/']] },
  contextScope: 'project',
  accepts: (path) => !NOT_SCHEMAS.test(baseName(path)),
  recognizes: (path, text) => path.toLowerCase().endsWith('.avsc') || SCHEMA_KEYS.test(text),
  analyze({ file, text, context }) {
    const parsed = parseJson(text);
    const avroFile = file.toLowerCase().endsWith('.avsc');
    if (!parsed.ok) return avroFile || JSON_CLAIMS_SCHEMA.test(text) ? { facts: emptyFacts(), parseError: parsed.problem } : { facts: emptyFacts() };
    const out = new FactsBuilder(context);
    if (looksLikeAvro(parsed.root)) avroFacts(parsed.root, out);
    else if (!avroFile && looksLikeJsonSchema(parsed.root)) jsonSchemaFacts(parsed.root, out);
    else return { facts: emptyFacts() };
    treeEvidence(parsed.root, out);
    return { facts: out.facts() };
  },
};
