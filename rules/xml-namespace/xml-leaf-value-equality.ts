import { NAMESPACE_CHANGE, code, defineXmlRule } from '../../src/rule-kit/index.js';

/** How to read a leaf root's text with each object mapper, before and after 10.6. */
const LEAF_FIXES: Readonly<Record<string, string>> = {
  'fast-xml-parser': "Add removeNSPrefix: true to the XMLParser options, or read typeof v === 'object' ? v['#text'] : v.",
  xml2js: "Parse with explicitCharkey: true and read ._ (or ignoreAttrs: true when no attribute is needed), or read typeof v === 'object' ? v._ : v. tagNameProcessors: [stripPrefix] does not help.",
  xmltodict: "Parse with xml_attribs=False, or read v['#text'] if isinstance(v, dict) else v.",
  'PowerShell [xml]': "Read $r.DocumentElement.InnerText (and test $r.DocumentElement.LocalName -eq 'error' for which root came back); both work with and without the namespace.",
};

export default defineXmlRule({
  meta: {
    id: 'xml-leaf-value-equality',
    category: 'xml-namespace',
    defaultSeverity: 'error',
    summary: 'Disallow comparing an object-mapped root element with a string',
  },
  kinds: ['leaf-equality'],
  describe: (operation) => {
    const leaf = operation.detail === 'error' || operation.detail === 'success';
    const mapper = operation.library ?? 'the mapper';
    return {
      message: leaf
        ? `${code(operation.api)} treats the <${operation.detail}> root as a string, but ${NAMESPACE_CHANGE}; ${mapper} then returns an object holding the text and the xmlns attribute, so this comparison is never true. Read the element's text.`
        : `${code(operation.api)} tests the <${operation.detail}> root for an empty value, but ${NAMESPACE_CHANGE}; ${mapper} then returns an object holding the xmlns attribute even for an empty list, so the test never matches. Test for the child elements.`,
      help: !leaf
        ? `Check the children instead, e.g. !r.${operation.detail}?.session?.length (or parse with ignoreAttrs: true / removeNSPrefix: true).`
        : LEAF_FIXES[operation.library ?? ''] ?? LEAF_FIXES.xml2js!,
    };
  },
});
