/**
 * Python's libraries as data for the shared analyzer (../tree-sitter/knowledge.ts). The XML rows
 * follow ../shared/domain/xml-namespace-behaviour.md §5.2: ElementTree/lxml look elements up by
 * expanded name (bare names and `.tag ==` break; `{*}` works in ElementPath on 3.8+ and in lxml's
 * `iter`), lxml `xpath()` is XPath 1.0, minidom/BeautifulSoup/objectify ignore a default namespace,
 * xmltodict maps the root's `xmlns` to a key so a text-only root stops being a string.
 */
import { setOf as set } from '../tree-sitter/syntax.js';
import type { LanguageKnowledge, XmlLibrary } from '../tree-sitter/knowledge.js';


/** Module aliases a callee is commonly written with, so `ET.fromstring` and `ElementTree.fromstring` both match. */
const ELEMENTTREE_MODULES = ['ET', 'ElementTree', 'etree.ElementTree', 'xml.etree.ElementTree', 'cElementTree', 'xml.etree.cElementTree', 'DET', 'defusedxml.ElementTree'];
const LXML_MODULES = ['etree', 'lxml.etree', 'LET', 'lxml_etree'];
const OBJECTIFY_MODULES = ['objectify', 'lxml.objectify'];
const MINIDOM_MODULES = ['minidom', 'xml.dom.minidom', 'defusedxml.minidom'];

const qualified = (modules: readonly string[], functions: readonly string[]): string[] =>
  modules.flatMap((m) => functions.map((f) => `${m}.${f}`));

const parsers = new Map<string, string>([
  ...qualified(ELEMENTTREE_MODULES, ['fromstring', 'XML', 'parse', 'ElementTree', 'fromstringlist']).map((n) => [n, 'ElementTree'] as const),
  ...qualified(LXML_MODULES, ['fromstring', 'XML', 'parse', 'ElementTree', 'fromstringlist']).map((n) => [n, 'lxml'] as const),
  ...qualified(OBJECTIFY_MODULES, ['fromstring', 'XML', 'parse']).map((n) => [n, 'lxml.objectify'] as const),
  ...qualified(MINIDOM_MODULES, ['parseString', 'parse']).map((n) => [n, 'minidom'] as const),
  ['parseString', 'minidom'],
  ['fromstring', 'ElementTree'],
  ['xmltodict.parse', 'xmltodict'],
  ['BeautifulSoup', 'BeautifulSoup'],
  ['bs4.BeautifulSoup', 'BeautifulSoup'],
]);

const libraries = new Map<string, XmlLibrary>([
  ['ElementTree', { name: 'ElementTree', style: 'tree' }],
  ['lxml', { name: 'lxml', style: 'tree' }],
  // objectify's attribute access is tolerant, but its find()/xpath() are lxml's and break.
  ['lxml.objectify', { name: 'lxml.objectify', style: 'tolerant' }],
  ['minidom', { name: 'minidom', style: 'tolerant' }],
  ['xmltodict', { name: 'xmltodict', style: 'mapper' }],
  // BeautifulSoup matches names as written, whatever the default namespace: find()/find_all()/select() keep working.
  ['BeautifulSoup', { name: 'BeautifulSoup', style: 'tolerant', namespaceAware: false }],
]);

/** Django, DRF, peewee, WTForms and marshmallow numeric fields, bare and module-qualified. */
const NUMERIC_FIELDS = [
  'IntegerField', 'BigIntegerField', 'SmallIntegerField', 'PositiveIntegerField', 'PositiveBigIntegerField',
  'PositiveSmallIntegerField', 'AutoField', 'BigAutoField', 'SmallAutoField', 'DecimalField', 'FloatField',
];
const MARSHMALLOW_NUMERIC = ['Int', 'Integer', 'Float', 'Decimal', 'Number'];

export const pythonKnowledge: LanguageKnowledge = {
  conversions: set(
    'int', 'float', 'long', 'Decimal', 'decimal.Decimal', 'complex',
    'numpy.int64', 'np.int64', 'numpy.int32', 'np.int32', 'pd.to_numeric', 'pandas.to_numeric',
  ),
  // `request.args.get('lsid', type=int)` converts through a keyword argument; configparser reads numbers by name.
  numericAccessors: set('getint', 'getfloat'),
  accessors: set('get', 'getAttribute', 'findtext', 'getlist', 'get_attribute', 'attrib.get', 'getvalue'),
  transparent: set(
    'text', 'strip', 'lstrip', 'rstrip', 'lower', 'upper', 'casefold', 'decode', 'encode', 'value', 'nodeValue',
    'data', 'string', 'get_text', 'pyval', 'getroot', 'documentElement',
  ),
  transparentFunctions: set('str', 'unicode', 'html.unescape', 'unquote', 'urllib.parse.unquote', 'quote', 'urllib.parse.quote', 'escape'),
  numericTypes: set(
    'int', 'float', 'long', 'Decimal', 'PositiveInt', 'NonNegativeInt', 'StrictInt', 'conint',
    'Integer', 'BigInteger', 'SmallInteger', 'Numeric', 'Float', 'INTEGER', 'BIGINT', 'SMALLINT', 'NUMERIC', 'DECIMAL',
  ),
  stringTypes: set('str', 'unicode', 'bytes', 'Text', 'String', 'VARCHAR', 'StrictStr', 'constr'),
  guidConversions: set('uuid.UUID', 'UUID', 'uuid.UUID.hex'),
  guidTypes: set('UUID', 'uuid.UUID', 'UUID4', 'UUID1', 'Uuid', 'UNIQUEIDENTIFIER', 'UUIDField'),
  validationFunctions: set('str.isdigit', 'str.isnumeric', 'str.isdecimal'),
  validationMethods: set('isdigit', 'isnumeric', 'isdecimal'),
  // `isinstance(lsid, int)`: an integer check decided by its second argument.
  validationFlags: new Map([['isinstance', 'int']]),
  regexCalls: new Map([
    ['re.match', { pattern: 0, subject: 1 }],
    ['re.search', { pattern: 0, subject: 1 }],
    ['re.fullmatch', { pattern: 0, subject: 1 }],
    ['re.findall', { pattern: 0, subject: 1 }],
    ['re.finditer', { pattern: 0, subject: 1 }],
    ['re.split', { pattern: 0, subject: 1 }],
    ['re.sub', { pattern: 0, subject: 2 }],
    ['re.subn', { pattern: 0, subject: 2 }],
    ['regex.match', { pattern: 0, subject: 1 }],
    ['regex.search', { pattern: 0, subject: 1 }],
    ['regex.fullmatch', { pattern: 0, subject: 1 }],
  ]),
  minMax: set('max', 'min', 'heapq.nlargest', 'heapq.nsmallest', 'nlargest', 'nsmallest'),
  sorts: set('sorted', 'sort', 'sort_values', 'order_by', 'heapq.heapify', 'bisect.insort', 'insort'),
  keyExtractors: set('operator.itemgetter', 'itemgetter', 'operator.attrgetter', 'attrgetter'),
  comparisons: set('cmp'),
  maps: set('map', 'filter', 'itertools.starmap'),
  keyedMethods: set('add', 'setdefault', 'discard', 'sadd', 'sismember', 'hset'),
  dedupers: set('set', 'frozenset', 'dict.fromkeys', 'OrderedDict.fromkeys', 'Counter', 'collections.Counter', 'drop_duplicates', 'np.unique', 'numpy.unique'),
  keyedCollectors: set('dict', 'itertools.groupby', 'groupby'),
  keyAnnotations: set(),
  keyKeywords: set('primary_key', 'unique'),
  // In Python a wire name is bound by the field's own constructor rather than by an annotation:
  // pydantic `Field(alias='lsid')`, marshmallow `fields.Int(data_key='lsid')`, Django `db_column`, SQLAlchemy `Column('lsid', …)`.
  bindings: new Map<string, readonly string[]>([
    ['Field', ['alias', 'validation_alias', 'serialization_alias']],
    ['pydantic.Field', ['alias', 'validation_alias', 'serialization_alias']],
    ...['fields.Int', 'fields.Integer', 'fields.Str', 'fields.String', 'fields.Float'].map((n) => [n, ['data_key', 'attribute']] as const),
    ['Column', ['', 'name']],
    ['sa.Column', ['', 'name']],
    ['db.Column', ['', 'name']],
    ['mapped_column', ['', 'name']],
    ...NUMERIC_FIELDS.flatMap((f) => [f, `models.${f}`]).map((n) => [n, ['db_column']] as const),
  ]),
  // pydantic validates with a pattern given to the field: `lsid: str = Field(pattern=r'^\d+$')`.
  patternAnnotations: new Map<string, readonly string[]>([['Field', ['pattern', 'regex']], ['pydantic.Field', ['pattern', 'regex']]]),
  numericFieldConstructors: set(
    ...NUMERIC_FIELDS,
    ...NUMERIC_FIELDS.map((f) => `models.${f}`),
    ...NUMERIC_FIELDS.map((f) => `serializers.${f}`),
    ...NUMERIC_FIELDS.map((f) => `forms.${f}`),
    ...NUMERIC_FIELDS.map((f) => `peewee.${f}`),
    ...MARSHMALLOW_NUMERIC.map((f) => `fields.${f}`),
    'conint',
  ),
  columnConstructors: set('Column', 'sa.Column', 'sqlalchemy.Column', 'db.Column', 'mapped_column', 'orm.mapped_column', 'sa.orm.mapped_column'),
  tableNameFields: set('__tablename__', 'db_table', 'table_name'),
  // printf-style formatting: `'lsid=%d' % lsid` (lowered as a call of `%`) and the logging methods,
  // which format lazily and lose the record to a TypeError for a GUID string.
  formatCalls: new Map([
    ['%', 0],
    ...['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical'].map((m) => [m, 0] as const),
    ['log', 1],
  ]),
  stringSearches: set('find', 'rfind', 'index', 'rindex', 'startswith', 'endswith', 'count', '__contains__'),
  replaces: new Map([
    ['replace', 0],
    ['re.sub', 0],
    ['re.subn', 0],
  ]),
  xml: {
    parsers,
    nodeTypes: new Map([
      ['Element', 'ElementTree'],
      ['ET.Element', 'ElementTree'],
      ['ElementTree', 'ElementTree'],
      ['ET.ElementTree', 'ElementTree'],
      ['etree._Element', 'lxml'],
      ['_Element', 'lxml'],
      ['etree._ElementTree', 'lxml'],
      ['ObjectifiedElement', 'lxml.objectify'],
      ['objectify.ObjectifiedElement', 'lxml.objectify'],
      ['Document', 'minidom'],
      ['minidom.Document', 'minidom'],
      ['BeautifulSoup', 'BeautifulSoup'],
      ['Tag', 'BeautifulSoup'],
    ]),
    libraries,
    // ElementPath (ElementTree and lxml) and lxml's XPath 1.0. `{*}` in ElementPath works on Python 3.8+.
    xpathMethods: new Map([
      ['find', { wildcard: true }],
      ['findall', { wildcard: true }],
      ['findtext', { wildcard: true }],
      ['iterfind', { wildcard: true }],
      ['xpath', { wildcard: false }],
    ]),
    // `iter('{*}x')` works in lxml; in ElementTree it finds nothing on any document (not a namespace
    // regression), so a `{*}` argument is not reported here.
    noNamespaceLookups: new Map([
      ['iter', { wildcard: true }],
      ['getiterator', { wildcard: true }],
    ]),
    namespacedLookups: set('getElementsByTagNameNS'),
    qualifiedNameMembers: set('tag'),
  },
};
