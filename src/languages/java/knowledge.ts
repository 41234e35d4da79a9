/**
 * What Java's libraries do, as data for the shared analyzer (../tree-sitter/knowledge.ts).
 * XML behaviour follows ../shared/domain/xml-namespace-behaviour.md §5.3 (JDK 17 JAXP, JAXB RI 2.3):
 * XPath `//x` breaks only on a DOM from a namespace-aware DocumentBuilderFactory or when evaluated on
 * an `InputSource`; the default factory's DOM has no namespace URIs, so `//x` keeps working there.
 * `getElementsByTagName` works in both modes; `getElementsByTagNameNS(null, …)` breaks on a
 * namespace-aware DOM (on the default DOM it finds nothing before and after 10.6); StAX is
 * namespace-aware by default (`getLocalName()` works, `getName()` QName equality breaks); JAXB roots
 * without a namespace break.
 */
import type { LanguageKnowledge, XmlKnowledge } from '../tree-sitter/knowledge.js';

/** Library names (also shown in messages). */
const DOM = 'DOM (DocumentBuilderFactory)';
const DOM_NS = 'DOM (namespace-aware DocumentBuilderFactory)';
const INPUT_SOURCE = 'javax.xml.xpath on InputSource';
const STAX = 'StAX';
const XPATH = 'javax.xml.xpath';
const JAXB = 'JAXB';
const SAX = 'SAX';
const JSOUP = 'jsoup';

const xml: XmlKnowledge = {
  parsers: new Map([
    // Factories are tracked like documents: builders and documents they make inherit their configuration.
    ['DocumentBuilderFactory.newInstance', DOM],
    ['DocumentBuilderFactory.newDefaultInstance', DOM],
    ['DocumentBuilderFactory.newNSInstance', DOM_NS],
    ['DocumentBuilderFactory.newDefaultNSInstance', DOM_NS],
    // The JDK builds a namespace-aware DOM internally for `xpath.evaluate(expr, new InputSource(…))`.
    ['new InputSource', INPUT_SOURCE],
    ['XMLInputFactory.newInstance', STAX],
    ['XMLInputFactory.newFactory', STAX],
    ['XMLInputFactory.newDefaultFactory', STAX],
    ['SAXParserFactory.newInstance', SAX],
    // The XPath engine object: it evaluates expressions on a document passed as an argument.
    ['XPathFactory.newInstance', XPATH],
    ['XPathFactory.newDefaultInstance', XPATH],
    ['Jsoup.parse', JSOUP],
  ]),
  nodeTypes: new Map([
    ['Document', DOM],
    ['Element', DOM],
    ['Node', DOM],
    ['NodeList', DOM],
    ['DocumentBuilder', DOM],
    ['DocumentBuilderFactory', DOM],
    ['InputSource', INPUT_SOURCE],
    ['XMLStreamReader', STAX],
    ['XMLEventReader', STAX],
    ['StartElement', STAX],
    ['XPath', XPATH],
    ['XPathExpression', XPATH],
  ]),
  libraries: new Map([
    // The default factory's DOM has no namespace URIs until `setNamespaceAware(true)`.
    [DOM, { name: 'DOM', style: 'tree', namespaceAware: false }],
    [DOM_NS, { name: 'DOM (namespace-aware)', style: 'tree', namespaceAware: true }],
    [INPUT_SOURCE, { name: INPUT_SOURCE, style: 'tree', namespaceAware: true }],
    [XPATH, { name: XPATH, style: 'tree', xpathTakesDocument: true }],
    [STAX, { name: 'StAX', style: 'tree', namespaceAware: true }],
    [SAX, { name: 'SAX', style: 'tolerant', namespaceAware: false }],
    [JSOUP, { name: 'jsoup', style: 'tolerant' }],
    [JAXB, { name: JAXB, style: 'tree' }],
  ]),
  // javax.xml.xpath: `xpath.evaluate(expr, node[, type])`, `xpath.compile(expr).evaluate(node)`.
  xpathMethods: new Map([
    ['evaluate', { wildcard: false }],
    ['evaluateExpression', { wildcard: false }],
    ['compile', { wildcard: false }],
  ]),
  noNamespaceLookups: new Map(),
  namespacedLookups: new Set(['getElementsByTagNameNS']),
  // StAX `reader.getName()` / `startElement.getName()` is a QName: `.equals(new QName("x"))` means no namespace.
  qualifiedNameMembers: new Set(['getName']),
  rootBindings: new Map([['XmlRootElement', { nameArgs: ['name'], namespaceArg: 'namespace', library: JAXB }]]),
  namespaceAwareSetters: new Set(['setNamespaceAware']),
};

export const javaKnowledge: LanguageKnowledge = {
  conversions: new Set([
    'Integer.parseInt', 'Integer.valueOf', 'Integer.decode', 'Long.parseLong', 'Long.valueOf', 'Long.decode',
    'Short.parseShort', 'Short.valueOf', 'Double.parseDouble', 'Double.valueOf', 'Float.parseFloat',
    'Integer.parseUnsignedInt', 'Long.parseUnsignedLong',
    'new BigInteger', 'new BigDecimal', 'new Long', 'new Integer', 'BigInteger.valueOf',
    'NumberUtils.toInt', 'NumberUtils.toLong', 'NumberUtils.createInteger', 'NumberUtils.createLong',
    'NumberUtils.createNumber', 'NumberUtils.createBigInteger', 'Ints.tryParse', 'Longs.tryParse',
  ]),
  // Jackson JsonNode, Gson JsonElement, Vert.x: `node.get("lsid").asLong()`.
  conversionMethods: new Set([
    'asInt', 'asLong', 'asDouble', 'intValue', 'longValue', 'bigIntegerValue', 'numberValue',
    'getAsInt', 'getAsLong', 'getAsBigInteger', 'getAsNumber',
  ]),
  // JDBC ResultSet, org.json JSONObject, Vert.x JsonObject.
  numericAccessors: new Set([
    'getInt', 'getLong', 'getShort', 'getBigDecimal', 'getInteger', 'optInt', 'optLong', 'getBigInteger', 'optBigInteger',
  ]),
  accessors: new Set([
    'get', 'getAttribute', 'getAttributeValue', 'getParameter', 'getString', 'optString', 'getHeader',
    'getFirst', 'getOrDefault', 'path', 'getText', 'getQueryParameter', 'attr',
  ]),
  transparent: new Set([
    'trim', 'strip', 'toString', 'toLowerCase', 'toUpperCase', 'intern', 'getTextContent', 'getNodeValue', 'getValue',
    'item', 'asText', 'textValue', 'getAsString', 'orElseThrow', 'orElse', 'text',
    // Streams and copies keep the elements: `lsids.stream().map(Long::parseLong)`.
    'stream', 'parallelStream', 'filter', 'limit', 'skip', 'peek', 'boxed', 'toList', 'collect', 'toArray', 'findFirst', 'findAny',
  ]),
  transparentFunctions: new Set([
    'String.valueOf', 'Objects.toString', 'Objects.requireNonNull', 'StringUtils.trim', 'StringUtils.strip',
    'StringUtils.trimToEmpty', 'StringUtils.trimToNull', 'StringUtils.defaultString', 'StringUtils.lowerCase',
    'Optional.of', 'Optional.ofNullable',
  ]),
  numericTypes: new Set([
    'int', 'long', 'short', 'byte', 'double', 'float', 'Integer', 'Long', 'Short', 'Byte', 'Double', 'Float',
    'BigInteger', 'BigDecimal', 'Number', 'AtomicLong', 'AtomicInteger', 'OptionalLong', 'OptionalInt',
    'int[]', 'long[]', 'Integer[]', 'Long[]',
  ]),
  stringTypes: new Set(['String', 'CharSequence']),
  guidConversions: new Set(['UUID.fromString']),
  guidTypes: new Set(['UUID']),
  validationFunctions: new Set([
    'StringUtils.isNumeric', 'StringUtils.isNumericSpace', 'NumberUtils.isDigits', 'NumberUtils.isCreatable',
    'NumberUtils.isNumber', 'NumberUtils.isParsable', 'GenericValidator.isInt', 'GenericValidator.isLong',
  ]),
  validationMethods: new Set(),
  regexCalls: new Map([
    ['matches', { pattern: 0, subject: -1 }],
    ['Pattern.matches', { pattern: 0, subject: 1 }],
    ['Pattern.compile', { pattern: 0, subject: -1 }],
    ['replaceAll', { pattern: 0, subject: -1 }],
    ['replaceFirst', { pattern: 0, subject: -1 }],
    ['split', { pattern: 0, subject: -1 }],
  ]),
  minMax: new Set([
    'Math.max', 'Math.min', 'Long.max', 'Long.min', 'Integer.max', 'Integer.min',
    'Collections.max', 'Collections.min', 'max', 'min', 'NumberUtils.max', 'NumberUtils.min',
    'Collectors.maxBy', 'Collectors.minBy', 'BinaryOperator.maxBy', 'BinaryOperator.minBy',
  ]),
  sorts: new Set(['sort', 'sorted', 'Collections.sort', 'Arrays.sort']),
  // Only the first key: `thenComparing(Session::getLsid)` is a tie-breaker.
  keyExtractors: new Set(['Comparator.comparing', 'Comparator.comparingInt', 'Comparator.comparingLong', 'Comparator.comparingDouble']),
  comparisons: new Set(['Integer.compare', 'Long.compare', 'Short.compare', 'Double.compare', 'Long.compareUnsigned', 'compareTo']),
  maps: new Set(['map', 'mapToLong', 'mapToInt', 'mapToDouble', 'mapToObj', 'flatMap', 'Lists.transform']),
  keyedMethods: new Set(['put', 'putIfAbsent', 'containsKey', 'computeIfAbsent', 'computeIfPresent', 'merge', 'contains']),
  setOnlyMethods: new Set(['add']),
  keyedTypes: new Set(['Set', 'HashSet', 'LinkedHashSet', 'TreeSet', 'SortedSet', 'NavigableSet', 'ConcurrentSkipListSet', 'EnumSet']),
  dedupers: new Set([
    'HashSet', 'LinkedHashSet', 'TreeSet', 'new HashSet', 'new LinkedHashSet', 'new TreeSet', 'distinct',
    'Collectors.toSet', 'Collectors.toUnmodifiableSet', 'Set.copyOf', 'Set.of', 'ImmutableSet.copyOf', 'Sets.newHashSet',
  ]),
  // `Collectors.toMap` throws IllegalStateException on a duplicate key; Guava `uniqueIndex` throws too.
  keyedCollectors: new Set(['Collectors.toMap', 'Collectors.toUnmodifiableMap', 'Maps.uniqueIndex']),
  keyAnnotations: new Set(['Id', 'NaturalId', 'PrimaryKey', 'EmbeddedId']),
  keyKeywords: new Set(['unique']),
  bindings: new Map<string, readonly string[]>([
    ['Column', ['name']],
    ['JsonProperty', ['', 'value']],
    ['JsonAlias', ['', 'value']],
    ['JsonbProperty', ['', 'value']],
    ['SerializedName', ['', 'value']],
    ['XmlAttribute', ['name']],
    ['XmlElement', ['name']],
    ['JacksonXmlProperty', ['localName']],
    ['RequestParam', ['', 'value', 'name']],
    ['PathVariable', ['', 'value', 'name']],
    ['QueryParam', ['']],
    ['PathParam', ['']],
    ['FormParam', ['']],
    ['Param', ['', 'value']],
  ]),
  tableAnnotations: new Map<string, readonly string[]>([['Table', ['name', '', 'value']]]),
  stringSearches: new Set([
    'contains', 'indexOf', 'lastIndexOf', 'startsWith', 'endsWith', 'equalsIgnoreCase',
    'StringUtils.contains', 'StringUtils.indexOf', 'StringUtils.startsWith', 'StringUtils.containsIgnoreCase',
  ]),
  replaces: new Map([
    ['replace', 0],
    ['replaceAll', 0],
    ['replaceFirst', 0],
    ['StringUtils.replace', 1],
    ['StringUtils.remove', 1],
    ['StringUtils.replaceOnce', 1],
  ]),
  xml,
};
