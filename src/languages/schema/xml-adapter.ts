import type { LanguageAdapter } from '../adapter.js';
import { FactsBuilder, emptyFacts } from './facts.js';
import { hibernateFacts } from './hibernate.js';
import { mybatisFacts } from './mybatis.js';
import { declarationEnd, scanXml, type XmlDocument } from './xml-scanner.js';
import { isXsd, xsdFacts } from './xsd.js';

/** The root tags of the XML files this adapter reads; any other XML is left alone without scanning. */
const ROOT_TAG = /<(?:[\w.-]+:)?(?:schema|hibernate-mapping|mapper|sqlMap)[\s>/]/y;

/** Whether the first element, after the prolog (declaration, comments, DOCTYPE), is one this adapter reads. */
function rootTagMatches(text: string): boolean {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    let end: number;
    if (text.startsWith('<?', i)) end = skipPast(text.indexOf('?>', i), 2);
    else if (text.startsWith('<!--', i)) end = skipPast(text.indexOf('-->', i), 3);
    else if (text.startsWith('<!', i)) end = skipPast(declarationEnd(text, i + 2), 1);
    else break;
    if (end < 0) return false;
    i = end;
  }
  ROOT_TAG.lastIndex = i;
  return ROOT_TAG.test(text);
}

function recognizes(path: string, text: string): boolean {
  const lower = path.toLowerCase();
  return lower.endsWith('.xsd') || lower.endsWith('.hbm.xml') || rootTagMatches(text);
}

const skipPast = (found: number, length: number): number => (found < 0 ? -1 : found + length);

type Kind = 'xsd' | 'hibernate' | 'mybatis';

function kindOf(document: XmlDocument): Kind | undefined {
  const root = document.root;
  if (!root) return undefined;
  if (isXsd(root, 'schema')) return 'xsd';
  if (root.localName === 'hibernate-mapping') return 'hibernate';
  if (root.localName === 'mapper' || root.localName === 'sqlMap') return 'mybatis';
  return undefined;
}

/**
 * XML Schema (`.xsd`), Hibernate mappings (`*.hbm.xml`) and MyBatis / iBATIS mappers, recognised by
 * their root element; other `.xml` files (Maven POMs, Android resources, API response samples) yield
 * no facts and no parse error. Facts come from a tolerant tag scanner, so nothing is ever loaded or run.
 */
export const xmlSchemaAdapter: LanguageAdapter = {
  id: 'xml-schema',
  extensions: ['.xsd', '.xml'],
  comments: { line: [], block: [['<!--', '-->']] },
  contextScope: 'project',
  recognizes,
  analyze({ file, text, context }) {
    // An .xsd or .hbm.xml is one by name; a mapper by its root tag. Only those can have a parse error.
    if (!recognizes(file, text)) return { facts: emptyFacts() };
    const scanned = scanXml(text);
    if (!scanned.ok) return { facts: emptyFacts(), parseError: scanned.problem };
    const { document } = scanned;
    const kind = kindOf(document);
    if (!kind) return { facts: emptyFacts() };
    const out = new FactsBuilder(context);
    if (kind === 'xsd') xsdFacts(document, out);
    else if (kind === 'hibernate') hibernateFacts(document, out);
    else mybatisFacts(document, text, out);
    for (const element of document.elements) {
      for (const attribute of element.attributes) out.text(attribute.value, attribute.valueSpan);
      for (const node of element.texts) out.text(node.value, node.span);
    }
    return { facts: out.facts() };
  },
};
