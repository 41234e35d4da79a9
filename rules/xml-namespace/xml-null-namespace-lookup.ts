import { NAMESPACE_CHANGE, code, defineXmlRule } from '../../src/rule-kit/index.js';

export default defineXmlRule({
  meta: {
    id: 'xml-null-namespace-lookup',
    category: 'xml-namespace',
    defaultSeverity: 'error',
    summary: 'Disallow element lookups that ask for no namespace',
  },
  kinds: ['null-namespace-lookup'],
  describe: (operation) => ({
    message: `${code(`${operation.api}(${operation.detail})`)} looks for elements in no namespace; ${NAMESPACE_CHANGE}, so it finds nothing. Use the qualified-name or wildcard form.`,
    help: "Use getElementsByTagName('session') (a default namespace adds no prefix, so it keeps working) or getElementsByTagNameNS('*', 'session').",
  }),
});
