import { NAMESPACE_CHANGE, code, defineXmlRule } from '../../src/rule-kit/index.js';

export default defineXmlRule({
  meta: {
    id: 'xml-leaf-value-equality',
    category: 'xml-namespace',
    defaultSeverity: 'error',
    summary: 'Disallow comparing an object-mapped root element with a string',
  },
  kinds: ['leaf-equality'],
  describe: (operation) => ({
    message: `${code(operation.api)} treats the <${operation.detail}> root as a string, but ${NAMESPACE_CHANGE}; ${operation.library ?? 'the mapper'} then returns an object holding the text and the xmlns attribute, so this comparison is never true. Read the element's text.`,
    help: operation.library === 'fast-xml-parser'
      ? "Add removeNSPrefix: true to the XMLParser options, or read typeof v === 'object' ? v['#text'] : v."
      : "Parse with explicitCharkey: true and read ._ (or ignoreAttrs: true when no attribute is needed), or read typeof v === 'object' ? v._ : v. tagNameProcessors: [stripPrefix] does not help.",
  }),
});
