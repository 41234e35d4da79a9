import { code, defineXmlRule } from '../../src/rule-kit/index.js';

export default defineXmlRule({
  meta: {
    id: 'xml-namespace-strip-literal',
    category: 'xml-namespace',
    defaultSeverity: 'warning',
    summary: 'Avoid removing the response namespace by replacing one literal URI',
  },
  kinds: ['namespace-strip-literal'],
  describe: (operation) => ({
    message: `${code(operation.api)} removes the namespace by its literal text ${code(operation.detail)}; the URI has changed across versions (networkstreaming.com, bomgar.com, beyondtrust.com, http and https), so other appliances slip through and parsing breaks again. Strip any default namespace, or parse namespace-aware.`,
    help: 'Replace generically with xml.replace(/\\sxmlns="[^"]*"/g, \'\'), or better match elements by local name.',
  }),
});
