import { NAMESPACE_CHANGE, code, defineXmlRule } from '../../src/rule-kit/index.js';

export default defineXmlRule({
  meta: {
    id: 'xml-schema-without-namespace',
    category: 'xml-namespace',
    defaultSeverity: 'error',
    summary: 'Disallow validating or deserializing API responses against a schema or root binding without a namespace',
  },
  kinds: ['schema-without-namespace'],
  describe: (operation) => (operation.library === 'XML Schema' ? {
    message: `This XML Schema declares the response root ${code(operation.detail)} without a targetNamespace, so its elements are in no namespace; ${NAMESPACE_CHANGE}, so every 10.6 response fails validation against it ("no matching global declaration available for the validation root").`,
    help: 'Declare targetNamespace="<the URI your appliance returns>" with elementFormDefault="qualified" (attributes such as lsid stay unqualified). To accept several URIs, or pre-10.6 responses during the upgrade, include this schema as a chameleon component from one namespaced wrapper per URI, pick the wrapper by the root element\'s namespace, and suppress this finding on the component with that reason.',
  } : {
    message: `${code(operation.api)} binds the ${operation.library ?? 'serializer'} root to ${code(operation.detail)} in no namespace; ${NAMESPACE_CHANGE}, so deserializing a 10.6 response throws ("<${operation.detail} xmlns='…'> was not expected") or yields an empty object.`,
    help: 'Give the binding the namespace your appliance returns (`Namespace =` / `namespace =`, with the child elements qualified too), or read the response with namespace-tolerant code. To accept several URIs or pre-10.6 responses, choose the serializer by the root element\'s namespace URI.',
  }),
});
