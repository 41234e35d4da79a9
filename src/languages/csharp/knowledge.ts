/**
 * .NET's libraries as data for the shared analyzer (../tree-sitter/knowledge.ts). The XML rows follow
 * ../shared/domain/xml-namespace-behaviour.md §5.5: LINQ to XML looks elements up by expanded name
 * (`Element("x")`, `Descendants("x")`, `Name == "x"` break; `XNamespace + "x"` and `Name.LocalName`
 * work), XmlDocument `SelectNodes`/`SelectSingleNode` evaluate XPath 1.0 (unprefixed names break with
 * or without an XmlNamespaceManager), `GetElementsByTagName("x")`, `XmlNode["x"]` and XmlReader
 * `Name`/`LocalName` compare qualified names and keep working, `(name, "")` overloads ask for no
 * namespace, and `[XmlRoot("x")]` without `Namespace` binds the serializer to a no-namespace root.
 */
import { setOf as set } from '../tree-sitter/syntax.js';
import type { LanguageKnowledge, XmlLibrary } from '../tree-sitter/knowledge.js';


/** `int`, `Int32`, `System.Int32`: the C# keyword, the BCL name and its namespace-qualified form. */
const NUMERIC_TYPES = [
  'int', 'long', 'short', 'uint', 'ulong', 'ushort', 'byte', 'sbyte', 'decimal', 'double', 'float', 'nint', 'nuint',
  'Int16', 'Int32', 'Int64', 'UInt16', 'UInt32', 'UInt64', 'Byte', 'SByte', 'Decimal', 'Double', 'Single', 'BigInteger',
];
const NUMERIC_PARSE_TYPES = [
  'int', 'long', 'short', 'uint', 'ulong', 'ushort', 'decimal', 'double', 'float',
  'Int16', 'Int32', 'Int64', 'UInt16', 'UInt32', 'UInt64', 'Decimal', 'Double', 'Single', 'BigInteger',
];
const CONVERT_METHODS = [
  'ToInt16', 'ToInt32', 'ToInt64', 'ToUInt16', 'ToUInt32', 'ToUInt64', 'ToDecimal', 'ToDouble', 'ToSingle', 'ToByte',
];

const parsers = new Map<string, string>([
  ['XDocument.Parse', 'System.Xml.Linq'],
  ['XDocument.Load', 'System.Xml.Linq'],
  ['XDocument.LoadAsync', 'System.Xml.Linq'],
  ['XElement.Parse', 'System.Xml.Linq'],
  ['XElement.Load', 'System.Xml.Linq'],
  ['XElement.LoadAsync', 'System.Xml.Linq'],
  ['new XmlDocument', 'System.Xml'],
  ['new XPathDocument', 'System.Xml.XPath'],
]);

const libraries = new Map<string, XmlLibrary>([
  ['System.Xml.Linq', { name: 'System.Xml.Linq', style: 'tree' }],
  ['System.Xml', { name: 'System.Xml (XmlDocument)', style: 'tree' }],
  ['System.Xml.XPath', { name: 'System.Xml.XPath', style: 'tree' }],
]);

export const csharpKnowledge: LanguageKnowledge = {
  conversions: set(
    ...NUMERIC_PARSE_TYPES.flatMap((t) => [`${t}.Parse`, `${t}.TryParse`]),
    ...CONVERT_METHODS.map((m) => `Convert.${m}`),
    'BitConverter.ToInt32', 'BitConverter.ToInt64',
  ),
  // `el.Attribute("lsid").ToInt32()`-style extension helpers are project code; the BCL has none.
  conversionMethods: set(),
  // ADO.NET readers by column name (GetInt32(reader.GetOrdinal("lsid")) reads by ordinal, which the analyzer cannot name).
  numericAccessors: set('GetInt16', 'GetInt32', 'GetInt64', 'GetDecimal', 'GetDouble', 'GetFloat'),
  // LINQ to XML `Attribute("lsid")`, `Element("lseq")`; DOM `GetAttribute("lsid")`; `row.Field<T>("lsid")`;
  // `reader["lsid"]` is an index; ASP.NET `Request.Form["lsid"]`, `Query["lsid"]` too.
  accessors: set('Attribute', 'Element', 'GetAttribute', 'Field', 'GetValue', 'GetString', 'TryGetValue', 'GetProperty', 'SelectToken'),
  // String views of a value or node; `Root`/`DocumentElement` are nodes and stay XML.
  transparent: set(
    'Value', 'InnerText', 'InnerXml', 'Text', 'ToString', 'Trim', 'TrimStart', 'TrimEnd', 'ToLower', 'ToLowerInvariant',
    'ToUpper', 'ToUpperInvariant', 'Normalize', 'GetString', 'GetValue', 'NodeValue',
  ),
  transparentFunctions: set('Convert.ToString', 'string.Concat', 'String.Concat', 'WebUtility.UrlEncode', 'Uri.EscapeDataString', 'HttpUtility.UrlEncode'),
  numericTypes: set(...NUMERIC_TYPES, ...NUMERIC_TYPES.map((t) => `System.${t}`)),
  stringTypes: set('string', 'String', 'System.String'),
  guidConversions: set('Guid.Parse', 'Guid.TryParse', 'Guid.ParseExact', 'Guid.TryParseExact', 'new Guid', 'System.Guid.Parse'),
  guidTypes: set('Guid', 'System.Guid'),
  validationFunctions: set('char.IsDigit', 'Char.IsDigit', 'char.IsNumber', 'Char.IsNumber'),
  validationMethods: set(),
  regexCalls: new Map([
    ['Regex.IsMatch', { pattern: 1, subject: 0 }],
    ['Regex.Match', { pattern: 1, subject: 0 }],
    ['Regex.Matches', { pattern: 1, subject: 0 }],
    ['Regex.Replace', { pattern: 1, subject: 0 }],
    ['Regex.Split', { pattern: 1, subject: 0 }],
  ]),
  minMax: set('Math.Max', 'Math.Min', 'Max', 'Min', 'MaxBy', 'MinBy'),
  // ThenBy is a tie-breaker after another key, as the rules allow.
  sorts: set('OrderBy', 'OrderByDescending', 'Sort', 'Array.Sort', 'Order', 'OrderDescending'),
  keyExtractors: set('Comparer.Create'),
  comparisons: set('CompareTo', 'Comparer.Default.Compare'),
  maps: set('Select', 'SelectMany', 'ConvertAll', 'Cast'),
  // `Add` is left out: List<T>.Add collects, only HashSet/Dictionary.Add keys (the receiver's type decides).
  keyedMethods: set('TryAdd', 'ContainsKey', 'Contains', 'TryGetValue', 'GetOrAdd', 'AddOrUpdate'),
  setOnlyMethods: set('Add'),
  keyedTypes: set('HashSet', 'ISet', 'SortedSet', 'ImmutableHashSet', 'Dictionary', 'IDictionary', 'SortedDictionary', 'ConcurrentDictionary', 'SortedList'),
  dedupers: set('Distinct', 'DistinctBy', 'HashSet', 'SortedSet', 'ToHashSet'),
  // EF Core fluent keys take the key as a lambda: `HasKey(s => s.Lseq)`.
  keyedCollectors: set('ToDictionary', 'ToImmutableDictionary', 'ToSortedDictionary', 'HasKey', 'HasAlternateKey'),
  // EF Core / DataAnnotations: `[Key]`, `[Index(nameof(Lseq), IsUnique = true)]`; fluent `HasKey`, `HasIndex(...).IsUnique()`, `HasAlternateKey`.
  keyAnnotations: set('Key', 'PrimaryKey', 'HasKey', 'HasAlternateKey'),
  keyKeywords: set('IsUnique', 'IsPrimaryKey'),
  bindings: new Map<string, readonly string[]>([
    ['XmlAttribute', ['', 'AttributeName']],
    ['XmlElement', ['', 'ElementName']],
    ['XmlText', []],
    ['XmlArrayItem', ['', 'ElementName']],
    ['JsonPropertyName', ['']],
    ['JsonProperty', ['', 'PropertyName']],
    ['DataMember', ['Name']],
    ['Column', ['', 'Name']],
    ['FromForm', ['Name']],
    ['FromQuery', ['Name']],
    ['FromRoute', ['Name']],
    ['BindProperty', ['Name']],
  ]),
  tableAnnotations: new Map<string, readonly string[]>([['Table', ['', 'Name']]]),
  // DataAnnotations on DTOs and MVC models: `[RegularExpression(@"^\d+$")]`, `[Range(1, long.MaxValue)]`.
  patternAnnotations: new Map<string, readonly string[]>([['RegularExpression', ['', 'Pattern']]]),
  numericAnnotations: set('Range'),
  stringSearches: set('Contains', 'IndexOf', 'StartsWith', 'EndsWith', 'LastIndexOf', 'Equals', 'string.Equals', 'String.Equals'),
  replaces: new Map([
    ['Replace', 0],
    ['Regex.Replace', 1],
  ]),
  xml: {
    parsers,
    nodeTypes: new Map([
      ['XDocument', 'System.Xml.Linq'],
      ['XElement', 'System.Xml.Linq'],
      ['XContainer', 'System.Xml.Linq'],
      ['XmlDocument', 'System.Xml'],
      ['XmlNode', 'System.Xml'],
      ['XmlElement', 'System.Xml'],
      ['XmlNodeList', 'System.Xml'],
      ['XPathNavigator', 'System.Xml.XPath'],
      ['XPathDocument', 'System.Xml.XPath'],
    ]),
    libraries,
    xpathMethods: new Map([
      ['SelectNodes', { wildcard: false }],
      ['SelectSingleNode', { wildcard: false }],
      ['XPathSelectElements', { wildcard: false }],
      ['XPathSelectElement', { wildcard: false }],
      ['XPathEvaluate', { wildcard: false }],
      ['Select', { wildcard: false }],
      ['Evaluate', { wildcard: false }],
      ['Compile', { wildcard: false }],
    ]),
    noNamespaceLookups: new Map([
      ['Element', { wildcard: false }],
      ['Elements', { wildcard: false }],
      ['Descendants', { wildcard: false }],
      ['DescendantsAndSelf', { wildcard: false }],
      ['Ancestors', { wildcard: false }],
      ['AncestorsAndSelf', { wildcard: false }],
      ['ElementsAfterSelf', { wildcard: false }],
      ['ElementsBeforeSelf', { wildcard: false }],
    ]),
    // (localName, namespaceURI) overloads: an empty namespace asks for no namespace.
    namespacedLookups: set('GetElementsByTagName', 'ReadToFollowing', 'ReadToDescendant', 'ReadToNextSibling', 'IsStartElement', 'ReadStartElement'),
    // XElement.Name is an XName ({uri}local); XmlNode.Name and XmlReader.Name are the qualified name and keep working.
    qualifiedNameMembers: set('System.Xml.Linq.Name'),
    rootBindings: new Map([
      ['XmlRoot', { nameArgs: ['', 'ElementName'], namespaceArg: 'Namespace', library: 'XmlSerializer' }],
    ]),
  },
  sqlDialect: 'mssql',
};
