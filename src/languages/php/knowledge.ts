/**
 * PHP's library knowledge for the shared analyzer: core functions, SimpleXML/DOM/XMLReader, PDO,
 * Laravel (requests, Eloquent, collections), Symfony (requests, Doctrine, serializer) and
 * ramsey/uuid. XML verdicts follow ../shared/domain/xml-namespace-behaviour.md §5.4 (PHP 8.2,
 * libxml2 2.9.14): SimpleXML property access, `getName()`, DOM `getElementsByTagName`, `nodeName`,
 * `localName` and XMLReader `name`/`localName` keep working; SimpleXML `->xpath()` and
 * `DOMXPath->query()/evaluate()` with unprefixed names and `getElementsByTagNameNS(null|'', …)` break.
 * Static calls are listed both ways the callee may be spelled (`Uuid::fromString`, `Uuid.fromString`).
 */
import type { LanguageKnowledge, XmlLibrary } from '../tree-sitter/knowledge.js';

/** Both spellings of a static call: as written in PHP and in the analyzer's dotted form. */
function statics(...names: string[]): string[] {
  return names.flatMap((n) => [n, n.replace('::', '.')]);
}

const SIMPLEXML: XmlLibrary = { name: 'SimpleXML', style: 'tree' };
const DOM: XmlLibrary = { name: 'DOM', style: 'tree' };
const DOMXPATH: XmlLibrary = { name: 'DOMXPath', style: 'tree' };
const XMLREADER: XmlLibrary = { name: 'XMLReader', style: 'tolerant' };
const EXPAT: XmlLibrary = { name: 'xml_parser', style: 'tolerant' };

export const phpKnowledge: LanguageKnowledge = {
  // intval('c69a8e10…') is 0 and intval('7a1c9e0b…') is 7 (PHP 8.2, run here).
  conversions: new Set(['intval', 'floatval', 'doubleval', 'abs', 'settype', 'round', 'floor', 'ceil', 'number_format', 'gmp_init']),
  conversionMethods: new Set([]),
  // Laravel `$request->integer('lsid')`, Symfony `$request->query->getInt('lsid')` / `getDigits`, Joomla `$input->getInt`.
  numericAccessors: new Set(['integer', 'float', 'getInt', 'getDigits', 'getFloat', 'getUint']),
  accessors: new Set([
    'input', 'get', 'query', 'post', 'json', 'route', 'offsetGet', 'getAttribute', 'getParam', 'getQueryParam',
    'getParsedBodyParam', 'getString', 'getAlnum', 'string', 'str', 'request', 'filter_input', 'data_get', 'array_get',
  ]),
  transparent: new Set(['__toString', 'nodeValue', 'textContent', 'value', 'getValue', 'toString', 'trim', 'lower']),
  transparentFunctions: new Set([
    'strval', 'trim', 'rtrim', 'ltrim', 'strtolower', 'strtoupper', 'mb_strtolower', 'htmlspecialchars', 'htmlentities',
    'urlencode', 'rawurlencode', 'urldecode', 'rawurldecode', 'addslashes', 'stripslashes', 'escapeshellarg', 'e',
  ]),
  // Declared property/parameter types, casts (`(int)`, `(integer)`, `(float)`, `(double)`) and Doctrine column types.
  // Laravel schema builder column methods are matched here too: `$table->unsignedBigInteger('lsid')`.
  numericTypes: new Set([
    'int', 'integer', 'float', 'double', 'real', 'bigint', 'smallint', 'INTEGER', 'BIGINT', 'SMALLINT',
    'bigInteger', 'unsignedBigInteger', 'unsignedInteger', 'mediumInteger', 'unsignedMediumInteger', 'smallInteger',
    'unsignedSmallInteger', 'tinyInteger', 'unsignedTinyInteger', 'increments', 'bigIncrements', 'decimal', 'unsignedDecimal',
  ]),
  stringTypes: new Set(['string', 'binary']),
  guidConversions: new Set([
    ...statics('Uuid::fromString', 'Uuid::fromHexadecimal', 'Uuid::fromBytes', 'Uuid::fromRfc4122', 'Uuid::fromBase32', 'Ulid::fromString'),
  ]),
  // Types of typed properties and Doctrine column types; Laravel `$table->uuid('lsid')` / `foreignUuid`.
  guidTypes: new Set(['UuidInterface', 'Uuid', 'Ulid', 'guid', 'GUID', 'uuid', 'foreignUuid']),
  validationFunctions: new Set(['ctype_digit', 'is_numeric', 'is_int', 'is_integer', 'is_long']),
  validationMethods: new Set(['isDigit', 'isInt', 'isNumeric']),
  // filter_var('c69a8e10…', FILTER_VALIDATE_INT) is false.
  validationFlags: new Map([['filter_var', 'FILTER_VALIDATE_INT'], ['filter_input', 'FILTER_VALIDATE_INT']]),
  regexCalls: new Map([
    ['preg_match', { pattern: 0, subject: 1 }],
    ['preg_match_all', { pattern: 0, subject: 1 }],
    ['preg_split', { pattern: 0, subject: 1 }],
    ['preg_grep', { pattern: 0, subject: 1 }],
    ['preg_replace', { pattern: 0, subject: 2 }],
    ['preg_replace_callback', { pattern: 0, subject: 2 }],
    ['mb_ereg', { pattern: 0, subject: 1 }],
    ['mb_eregi', { pattern: 0, subject: 1 }],
  ]),
  // max()/min() and Laravel collections' ->max('lsid').
  minMax: new Set(['max', 'min']),
  sorts: new Set(['sort', 'rsort', 'usort', 'uasort', 'uksort', 'asort', 'arsort', 'array_multisort', 'sortBy', 'sortByDesc']),
  numericSortFlags: new Set(['SORT_NUMERIC']),
  comparisons: new Set(['bccomp', 'gmp_cmp']),
  maps: new Set(['array_map', 'array_filter', 'array_walk', 'array_reduce', 'map', 'filter', 'each', 'reject', 'first', 'mapWithKeys']),
  filters: new Set([
    'array_filter', 'array_values', 'array_slice', 'array_reverse', 'filter', 'reject', 'where', 'whereIn', 'whereNotNull',
    'take', 'slice', 'values', 'reverse',
  ]),
  // Eloquent / Laravel query builder and Doctrine QueryBuilder.
  orderings: new Map<string, 'asc' | 'desc' | 'arg'>([
    ['orderBy', 'arg'], ['addOrderBy', 'arg'], ['reorder', 'arg'], ['orderByDesc', 'desc'], ['latest', 'desc'], ['oldest', 'asc'],
  ]),
  limits: new Set(['limit', 'take', 'first', 'firstOrFail', 'sole', 'setMaxResults', 'paginate', 'simplePaginate', 'cursorPaginate']),
  plucks: new Map<string, { keyArg: string | number }>([['array_column', { keyArg: 1 }], ['pluck', { keyArg: 0 }]]),
  // Membership and keyed writes that assume a unique argument; Redis sets and hashes used for de-duplication.
  keyedMethods: new Set([
    'in_array', 'array_key_exists', 'array_search', 'contains', 'has', 'put', 'offsetSet', 'offsetExists',
    'sAdd', 'sadd', 'sIsMember', 'sismember', 'hSet', 'hset', 'hExists', 'hexists', 'hSetNx', 'hsetnx',
  ]),
  dedupers: new Set(['array_unique', 'array_flip', 'unique']),
  keyedCollectors: new Set(['array_combine', 'array_fill_keys', 'keyBy']),
  // Doctrine `#[ORM\Id]`, `#[ORM\Column(unique: true)]`; Symfony `#[UniqueEntity('lseq')]`.
  // Laravel `$table->unique('lseq')` / `->primary('lseq')` are matched here too.
  keyAnnotations: new Set(['Id', 'UniqueEntity', 'UniqueConstraint', 'unique', 'primary']),
  keyKeywords: new Set(['unique']),
  // Doctrine `#[ORM\Column(name: 'lsid')]`, Symfony/JMS `#[SerializedName('lsid')]`.
  bindings: new Map<string, readonly string[]>([['Column', ['name']], ['SerializedName', ['', 'serializedName', 'name']]]),
  columnConstructors: new Set(['Column']),
  // Eloquent `protected $table = 'session';`; Doctrine `#[ORM\Table(name: 'session')]`.
  tableNameFields: new Set(['table']),
  tableAnnotations: new Map<string, readonly string[]>([['Table', ['name', '']]]),
  stringSearches: new Set([
    'strpos', 'stripos', 'strrpos', 'strripos', 'str_contains', 'str_starts_with', 'str_ends_with', 'strstr', 'stristr',
    'substr_count', 'mb_strpos', 'mb_stripos', 'mb_strstr', 'mb_substr_count', 'startsWith', 'endsWith',
  ]),
  // sprintf('%d', 'c69a8e10…') prints 0, sprintf('%d', '7a1c9e0b…') prints 7.
  formatCalls: new Map([['sprintf', 0], ['printf', 0], ['fprintf', 1]]),
  replaces: new Map([
    ['str_replace', 0], ['str_ireplace', 0], ['preg_replace', 0], ['preg_replace_callback', 0], ['strtr', 1], ['replace', 0],
  ]),
  notation: { sigil: '$', member: '->' },
  xml: {
    parsers: new Map([
      ['simplexml_load_string', 'SimpleXML'], ['simplexml_load_file', 'SimpleXML'], ['simplexml_import_dom', 'SimpleXML'],
      ['new SimpleXMLElement', 'SimpleXML'], ['new SimpleXMLIterator', 'SimpleXML'],
      ['new DOMDocument', 'DOM'], ...statics('XMLDocument::createFromString', 'XMLDocument::createFromFile').map((n) => [n, 'DOM'] as [string, string]),
      ['new DOMXPath', 'DOMXPath'], ['new XPath', 'DOMXPath'],
      ['new XMLReader', 'XMLReader'], ...statics('XMLReader::XML', 'XMLReader::open', 'XMLReader::fromString').map((n) => [n, 'XMLReader'] as [string, string]),
      ['xml_parser_create', 'xml_parser'],
    ]),
    nodeTypes: new Map([
      ['SimpleXMLElement', 'SimpleXML'], ['SimpleXMLIterator', 'SimpleXML'],
      ['DOMDocument', 'DOM'], ['DOMElement', 'DOM'], ['DOMNode', 'DOM'], ['XMLDocument', 'DOM'], ['Element', 'DOM'],
      ['DOMXPath', 'DOMXPath'], ['XPath', 'DOMXPath'], ['XMLReader', 'XMLReader'],
    ]),
    libraries: new Map([['SimpleXML', SIMPLEXML], ['DOM', DOM], ['DOMXPath', DOMXPATH], ['XMLReader', XMLREADER], ['xml_parser', EXPAT]]),
    // SimpleXMLElement::xpath, DOMXPath::query/evaluate: XPath 1.0, no default namespace.
    // `query`/`evaluate` only on a known DOMXPath: PDO::query and friends take SQL.
    xpathMethods: new Map([['xpath', { wildcard: false }], ['DOMXPath.query', { wildcard: false }], ['DOMXPath.evaluate', { wildcard: false }]]),
    // SimpleXML and DOM have no lookup by expanded name with an implicit "no namespace".
    noNamespaceLookups: new Map(),
    namespacedLookups: new Set(['getElementsByTagNameNS']),
    // getName(), nodeName, tagName, localName and XMLReader name all give the unprefixed name: safe to compare.
    qualifiedNameMembers: new Set(),
  },
  sqlDialect: 'mysql',
};
