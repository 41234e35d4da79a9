import { code, defineXmlRule } from '../../src/rule-kit/index.js';

export default defineXmlRule({
  meta: {
    id: 'xml-pinned-namespace-uri',
    category: 'xml-namespace',
    defaultSeverity: 'note',
    summary: 'Flag a single hard-coded API namespace URI',
  },
  kinds: ['pinned-namespace-uri'],
  describe: (operation) => ({
    message: `The namespace URI ${code(operation.detail)} is hard-coded; it matches 10.6 responses only from appliances that use exactly this URI and never matches pre-10.6 responses, which have none. Derive it from the document or accept a list.`,
    help: "Read the URI from the root element (doc.documentElement.namespaceURI, with a branch for none), keep a configurable list of accepted URIs, or match by local-name().",
  }),
});
