import { NAMESPACE_CHANGE, code, defineXmlRule } from '../../src/rule-kit/index.js';

export default defineXmlRule({
  meta: {
    id: 'xml-literal-tag-match',
    category: 'xml-namespace',
    defaultSeverity: 'error',
    summary: "Disallow matching a response's root tag as literal text including its closing '>'",
  },
  kinds: ['literal-tag-match'],
  describe: (operation) => ({
    message: `${operation.api === 'regular expression' ? 'The regular expression' : code(operation.api)} matches the literal root tag ${code(operation.detail)}; ${NAMESPACE_CHANGE}, so the tag reads <${operation.detail.replace(/[<>/]/g, '')} xmlns="…"> and the match fails. Parse the XML, or stop the match before the attributes.`,
    help: 'Parse the response and test the root element\'s name, or match up to the name only, e.g. /<error\\b[^>]*>(.*?)<\\/error>/ or text.includes(\'<session_list\').',
  }),
});
