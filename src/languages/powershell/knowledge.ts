/**
 * PowerShell and the .NET types scripts reach for, as data for the shared analyzer
 * (../tree-sitter/knowledge.ts). Type accelerators arrive lower-cased from lowering (`[Int]` →
 * `int`), so static calls read `int.Parse`, `Convert.ToInt32`, `guid.Parse`.
 *
 * XML rows follow ../shared/domain/xml-namespace-behaviour.md §5.5 (PowerShell): `[xml]` casts and
 * Invoke-RestMethod both give a System.Xml.XmlDocument. Dot navigation goes through PowerShell's
 * XmlNodeAdapter, which matches by local name (`$r.session_list.session` keeps working) but hands
 * back an element with attributes as the node, so a leaf root with `xmlns` stops being a string
 * (`$r.error -eq 'Login failed'` breaks): a mapper. `SelectNodes`/`SelectSingleNode`/`Select-Xml`
 * are XPath 1.0 (unprefixed names break); `GetElementsByTagName` matches the qualified name (works).
 */
import { setOf as set } from '../tree-sitter/syntax.js';
import type { LanguageKnowledge, XmlLibrary } from '../tree-sitter/knowledge.js';


/** Numeric .NET types and their PowerShell accelerators, as lowering spells them. */
const NUMERIC_TYPES = [
  'int', 'long', 'short', 'byte', 'sbyte', 'uint', 'ulong', 'ushort', 'int16', 'int32', 'int64', 'uint16', 'uint32',
  'uint64', 'decimal', 'double', 'single', 'float', 'bigint',
  'Int16', 'Int32', 'Int64', 'UInt16', 'UInt32', 'UInt64', 'Decimal', 'Double', 'Single', 'BigInteger', 'Byte',
];

const staticOn = (types: readonly string[], methods: readonly string[]): string[] => types.flatMap((t) => methods.map((m) => `${t}.${m}`));

const XMLDOCUMENT = 'XmlDocument';

/** LINQ to XML, reachable from PowerShell: lookups by expanded name (bare names mean "no namespace"). */
const LINQ = 'System.Xml.Linq';

const libraries = new Map<string, XmlLibrary>([
  [LINQ, { name: 'System.Xml.Linq', style: 'tree' }],
  // Dot navigation over XmlDocument is PowerShell's adapter: namespace-blind keys, leaf roots become nodes.
  [XMLDOCUMENT, { name: 'PowerShell [xml]', style: 'mapper' }],
]);

export const powershellKnowledge: LanguageKnowledge = {
  conversions: set(
    ...staticOn(NUMERIC_TYPES, ['Parse', 'TryParse']),
    'Convert.ToInt16', 'Convert.ToInt32', 'Convert.ToInt64', 'Convert.ToUInt32', 'Convert.ToUInt64', 'Convert.ToDecimal',
    'Convert.ToDouble', 'Convert.ToSingle', 'Math.Floor', 'Math.Round', 'Math.Truncate',
  ),
  numericAccessors: set(),
  accessors: set('GetAttribute', 'Item', 'get_Item'),
  transparent: set(
    'InnerText', 'Value', '#text', 'Trim', 'TrimStart', 'TrimEnd', 'ToLower', 'ToUpper', 'ToLowerInvariant',
    'ToUpperInvariant', 'ToString', 'Text',
  ),
  transparentFunctions: set('Uri.EscapeDataString', 'WebUtility.UrlEncode', 'HttpUtility.UrlEncode', 'Out-String'),
  numericTypes: set(...NUMERIC_TYPES),
  stringTypes: set('string', 'String'),
  guidConversions: set('guid.Parse', 'guid.TryParse', 'guid.ParseExact', 'Guid.Parse', 'Guid.TryParse', 'Guid.ParseExact'),
  guidTypes: set('guid', 'Guid'),
  validationFunctions: set(),
  validationMethods: set(),
  regexCalls: new Map([
    ['regex.IsMatch', { pattern: 1, subject: 0 }],
    ['regex.Match', { pattern: 1, subject: 0 }],
    ['regex.Matches', { pattern: 1, subject: 0 }],
    ['Regex.IsMatch', { pattern: 1, subject: 0 }],
    ['Regex.Match', { pattern: 1, subject: 0 }],
    ['Regex.Matches', { pattern: 1, subject: 0 }],
  ]),
  minMax: set('Max', 'Min', 'Measure-Object'),
  requiredSwitches: new Map([
    ['Measure-Object', ['maximum', 'minimum']],
    ['Sort-Object', ['unique']],
    ['Select-Object', ['unique']],
  ]),
  sorts: set('Sort-Object', 'Sort'),
  comparisons: set(),
  maps: set('ForEach-Object', 'foreach', 'ForEach'),
  filters: set('Where-Object', 'Where', 'Sort-Object', 'Select-Object', 'Get-Unique', 'Tee-Object'),
  plucks: new Map([['Select-Object', { keyArg: 'ExpandProperty' }]]),
  keyedMethods: set('Add', 'ContainsKey', 'TryAdd', 'Contains'),
  dedupers: set('Select-Object', 'Sort-Object', 'Get-Unique', 'HashSet', 'HashSet<int>', 'HashSet<long>', 'HashSet<string>', 'HashSet<object>'),
  keyAnnotations: set(),
  patternAnnotations: new Map([['ValidatePattern', ['']]]),
  numericAnnotations: set('ValidateRange'),
  bindings: new Map(),
  stringSearches: set('Contains', 'IndexOf', 'LastIndexOf', 'StartsWith', 'EndsWith', 'Select-String'),
  replaces: new Map([['Replace', 0], ['regex.Replace', 1], ['Regex.Replace', 1]]),
  castSyntax: 'brackets',
  notation: { sigil: '$' },
  xml: {
    parsers: new Map([
      ['Invoke-RestMethod', XMLDOCUMENT],
      ...['XDocument', 'XElement'].flatMap((t) => [`${t}.Parse`, `${t}.Load`]).map((n) => [n, LINQ] as const),
      ['new XmlDocument', XMLDOCUMENT],
      ['new System.Xml.XmlDocument', XMLDOCUMENT],
    ]),
    // Invoke-RestMethod converts by content type: JSON endpoints (/oauth2/token, /api/config) give a PSCustomObject.
    urlDependentParsers: new Map([['Invoke-RestMethod', ['Uri', '']]]),
    castParsers: new Map([
      ['xml', XMLDOCUMENT],
      ['XmlDocument', XMLDOCUMENT],
    ]),
    nodeTypes: new Map([
      ['xml', XMLDOCUMENT],
      ['XmlDocument', XMLDOCUMENT],
      ['XmlElement', XMLDOCUMENT],
      ['XmlNode', XMLDOCUMENT],
      ['XDocument', LINQ],
      ['XElement', LINQ],
    ]),
    libraries,
    xpathMethods: new Map([
      ['SelectNodes', { wildcard: false }],
      ['SelectSingleNode', { wildcard: false }],
    ]),
    xpathCommands: new Map([['Select-Xml', { xpathArg: 'XPath', namespaceArg: 'Namespace' }]]),
    noNamespaceLookups: new Map(['Element', 'Elements', 'Descendants', 'DescendantsAndSelf', 'Ancestors'].map((m) => [`${LINQ}.${m}`, { wildcard: false }])),
    qualifiedNameMembers: set(`${LINQ}.Name`),
    // `New-Object System.Xml.Serialization.XmlRootAttribute('session_list')` for an XmlSerializer.
    rootBindings: new Map([['XmlRoot', { nameArgs: ['', 'ElementName'], namespaceArg: 'Namespace', library: 'XmlSerializer' }]]),
  },
  // Invoke-Sqlcmd and System.Data.SqlClient: SQL Server.
  sqlDialect: 'mssql',
};
