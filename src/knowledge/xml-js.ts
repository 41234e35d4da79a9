/**
 * JavaScript XML libraries and how each behaves once a response has a default namespace
 * (../shared/domain/xml-namespace-behaviour.md §5.1). Data only: the analyzer looks calls up here.
 */

export type JsXmlLibrary = 'xpath' | 'libxmljs' | 'xml2js' | 'fast-xml-parser' | 'xmldom' | 'jsdom' | 'browser';

export const XML_MODULES: Readonly<Record<string, JsXmlLibrary>> = {
  xpath: 'xpath',
  libxmljs: 'libxmljs',
  libxmljs2: 'libxmljs',
  xml2js: 'xml2js',
  'fast-xml-parser': 'fast-xml-parser',
  '@xmldom/xmldom': 'xmldom',
  xmldom: 'xmldom',
  jsdom: 'jsdom',
};

/** xpath (npm): functions that evaluate their first argument as XPath 1.0 against a namespace-aware DOM. */
export const XPATH_EVALUATORS: ReadonlySet<string> = new Set(['select', 'select1', 'evaluate']);
/** Methods of a compiled `xpath.parse(expr)` that evaluate it. */
export const XPATH_COMPILED_EVALUATORS: ReadonlySet<string> = new Set([
  'select', 'select1', 'evaluate', 'evaluateString', 'evaluateNumber', 'evaluateBoolean', 'evaluateNodeSet',
]);

/** libxmljs: parse functions that return a document, and node methods that evaluate XPath. */
export const LIBXMLJS_PARSERS: ReadonlySet<string> = new Set(['parseXml', 'parseXmlString', 'parseXmlAsync']);
export const LIBXMLJS_XPATH_METHODS: ReadonlySet<string> = new Set(['find', 'get']);
/** libxmljs node methods returning nodes of the same document. */
export const LIBXMLJS_NODE_METHODS: ReadonlySet<string> = new Set(['root', 'get', 'child', 'parent', 'doc', 'nextElement', 'prevElement']);

/** xml2js: the callback and promise entry points (module functions and Parser methods). */
export const XML2JS_CALLBACK_PARSERS: ReadonlySet<string> = new Set(['parseString']);
export const XML2JS_PROMISE_PARSERS: ReadonlySet<string> = new Set(['parseStringPromise']);

/**
 * Whether an object mapper's output turns a text-only root (`<error>…</error>`) into an object once
 * the root carries `xmlns`, so that comparing it with a string breaks. `options` holds the literal
 * boolean options the code passes; undefined means they could not be read, and then nothing is claimed.
 */
export function leafRootBecomesObject(library: JsXmlLibrary, options: Record<string, boolean> | undefined): boolean {
  if (!options) return false;
  if (library === 'xml2js') return options.ignoreAttrs !== true && options.explicitCharkey !== true;
  if (library === 'fast-xml-parser') return options.ignoreAttributes === false && options.removeNSPrefix !== true;
  return false;
}

/** String methods whose argument is matched against the text (a literal tag there is a match, not markup being built). */
export const STRING_MATCH_METHODS: ReadonlySet<string> = new Set([
  'includes', 'indexOf', 'lastIndexOf', 'startsWith', 'endsWith', 'match', 'matchAll', 'search', 'split', 'replace', 'replaceAll',
]);
