import { NAMESPACE_CHANGE, code, defineXmlRule } from '../../src/rule-kit/index.js';

export default defineXmlRule({
  meta: {
    id: 'xml-unprefixed-xpath',
    category: 'xml-namespace',
    defaultSeverity: 'error',
    summary: 'Disallow XPath with unprefixed element names on API responses',
  },
  kinds: ['unprefixed-xpath'],
  describe: (operation) => ({
    message: `${code(operation.api)} evaluates ${code(operation.detail)}, whose unprefixed element names match only elements in no namespace; ${NAMESPACE_CHANGE}, so this returns nothing. Match by local name.`,
    help: "Write //*[local-name()='session'] (and string(/*[local-name()='error'])), or with the xpath package use xpath.parse(expr).select({ node, allowAnyNamespaceForNoPrefix: true }); attribute steps such as //@lsid are unaffected.",
  }),
});
