import { NAMESPACE_CHANGE, code, defineXmlRule } from '../../src/rule-kit/index.js';

/** The lookups that keep working with and without a default namespace, per library. */
const NAMESPACE_TOLERANT_FORMS: Readonly<Record<string, string>> = {
  ElementTree: "Use the '{*}session' wildcard in find/findall/iterfind (Python 3.8+), or compare local names: el.tag.rpartition('}')[2] == 'session'.",
  lxml: "Use '{*}session' (iter and find* accept it) or etree.QName(el).localname == 'session'.",
  'System.Xml.Linq': 'Qualify names with the document\'s own namespace (var ns = doc.Root.Name.Namespace; root.Elements(ns + "session")) or compare e.Name.LocalName.',
};

export default defineXmlRule({
  meta: {
    id: 'xml-null-namespace-lookup',
    category: 'xml-namespace',
    defaultSeverity: 'error',
    summary: 'Disallow element lookups that ask for no namespace',
  },
  kinds: ['null-namespace-lookup'],
  describe: (operation) => ({
    message: `${code(/[=<>]$/.test(operation.api) ? `${operation.api} ${operation.detail}` : `${operation.api}(${operation.detail})`)} looks for elements in no namespace; ${NAMESPACE_CHANGE}, so it finds nothing. Use the qualified-name or wildcard form.`,
    help: NAMESPACE_TOLERANT_FORMS[operation.library ?? ''] ?? "Use getElementsByTagName('session') (a default namespace adds no prefix, so it keeps working) or getElementsByTagNameNS('*', 'session').",
  }),
});
