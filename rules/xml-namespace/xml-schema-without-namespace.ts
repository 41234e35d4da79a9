import { NAMESPACE_CHANGE, code, defineXmlRule } from '../../src/rule-kit/index.js';

export default defineXmlRule({
  meta: {
    id: 'xml-schema-without-namespace',
    category: 'xml-namespace',
    defaultSeverity: 'error',
    summary: 'Disallow validating API responses against an XML Schema without a targetNamespace',
  },
  kinds: ['schema-without-namespace'],
  describe: (operation) => ({
    message: `This XML Schema declares the response root ${code(operation.detail)} without a targetNamespace, so its elements are in no namespace; ${NAMESPACE_CHANGE}, so every 10.6 response fails validation against it ("no matching global declaration available for the validation root").`,
    help: 'Declare targetNamespace="<the URI your appliance returns>" with elementFormDefault="qualified" (attributes such as lsid stay unqualified). To accept several URIs, or pre-10.6 responses during the upgrade, include this schema as a chameleon component from one namespaced wrapper per URI, pick the wrapper by the root element\'s namespace, and suppress this finding on the component with that reason.',
  }),
});
