import type { Notation } from './analysis/describe.js';

/**
 * What one language's libraries do, as data: the shared analyzer (./analysis/) reads these tables
 * and knows no library by name. Names are matched against a callee's dotted text as written
 * (`int.Parse`, `Convert.ToInt32`, `ET.fromstring`, `etree.fromstring`) or, for methods, against the
 * method name alone (`isdigit`, `SelectNodes`). Type names are matched without generics or `?`.
 */

/** How a parsed XML document behaves when the 10.6 default namespace appears. */
export interface XmlLibrary {
  /** Shown in messages: `ElementTree`, `lxml`, `System.Xml.Linq`, `SimpleXML`. */
  name: string;
  /**
   * `mapper`: an object mapper (xmltodict, PowerShell `[xml]` adapter) where key/property access is
   * namespace-blind but a leaf root turns into an object (leaf-value equality breaks).
   * `tolerant`: lookups ignore namespaces (minidom getElementsByTagName, BeautifulSoup, objectify).
   * `tree`: element trees with qualified names (ElementTree, lxml, LINQ to XML, DOM, SimpleXML).
   */
  style: 'tree' | 'mapper' | 'tolerant';
  /**
   * False when documents are parsed without namespace processing unless a setter in
   * `namespaceAwareSetters` turns it on (Java's DocumentBuilderFactory): unprefixed XPath keeps
   * working on them. Default true.
   */
  namespaceAware?: boolean;
  /** XPath is evaluated by a separate engine object on a document passed as an argument (Java's XPath, PHP's DOMXPath is bound at construction). */
  xpathTakesDocument?: boolean;
}

export interface XmlKnowledge {
  /** Calls returning a parsed document: `ET.fromstring` → ElementTree. Constructors are listed by type as `new T`. */
  parsers: ReadonlyMap<string, string>;
  /**
   * Parsers that parse only what the server sends as XML: PowerShell `Invoke-RestMethod` returns an
   * XmlDocument for the XML API but a PSCustomObject for JSON endpoints (`/oauth2/token`). Name → the
   * arguments that may hold the URL (`''` = first positional). A known URL that is not an XML API
   * endpoint yields no document; an unknown one is taken to be the API.
   */
  urlDependentParsers?: ReadonlyMap<string, readonly string[]>;
  /** Casts to a document type: PowerShell `[xml]`. */
  castParsers?: ReadonlyMap<string, string>;
  /** Declared types of XML nodes (parameters, fields): `XElement`, `Document`, `SimpleXMLElement`. */
  nodeTypes: ReadonlyMap<string, string>;
  libraries: ReadonlyMap<string, XmlLibrary>;
  /** Methods on a node evaluating an XPath (or ElementPath) given as their first argument. `{*}` wildcard support per method. */
  xpathMethods: ReadonlyMap<string, { wildcard: boolean }>;
  /**
   * Functions/commands evaluating an XPath given as a named or positional argument, with no document
   * receiver: PowerShell `Select-Xml -XPath`. `namespaceArg` names the argument that supplies a namespace table.
   */
  xpathCommands?: ReadonlyMap<string, { xpathArg: string; namespaceArg?: string }>;
  /** Methods on a node looking up elements by an unqualified name, which means "no namespace": `Element`, `Descendants`, `iter`. */
  noNamespaceLookups: ReadonlyMap<string, { wildcard: boolean }>;
  /** Methods taking (namespace, name) where a null or '' namespace means "no namespace": `getElementsByTagNameNS`. */
  namespacedLookups?: ReadonlySet<string>;
  /** Members holding a node's qualified name, compared with `==` at one's peril: ET `tag`, XElement `Name`. */
  qualifiedNameMembers: ReadonlySet<string>;
  /** Serializer annotations binding a class to a root element: `XmlRoot` (name arg, namespace arg). */
  rootBindings?: ReadonlyMap<string, { nameArgs: readonly string[]; namespaceArg: string; library: string }>;
  /**
   * Java: how a DOM is configured. A document from a namespace-aware factory (or XPath over an
   * `InputSource`) breaks `//x`; the default factory does not.
   */
  namespaceAwareSetters?: ReadonlySet<string>;
}

export interface LanguageKnowledge {
  /** Calls converting their first argument to a number: `int`, `int.Parse`, `Integer.parseInt`, `intval`. */
  conversions: ReadonlySet<string>;
  /** Methods called on the value that convert it: `intValue`? rarely; C# `ToInt32` extension styles. */
  conversionMethods?: ReadonlySet<string>;
  /** Accessors that read a field by name and return a number: JDBC `getInt("lsid")`, `GetInt32`, `optLong`. */
  numericAccessors: ReadonlySet<string>;
  /** Accessors that read a field or attribute by name: `get`, `getAttribute`, `Attribute`, `findtext`, `getParameter`. */
  accessors: ReadonlySet<string>;
  /** Members and methods that keep the value (string views): `text`, `Value`, `strip`, `trim`, `ToString`. */
  transparent: ReadonlySet<string>;
  /** Functions that keep the value: `str`, `strval`, `String.valueOf`, `trim`. */
  transparentFunctions: ReadonlySet<string>;
  /** Numeric type names (declarations, casts, generic arguments): matched on the bare type. */
  numericTypes: ReadonlySet<string>;
  /** String type names: a cast to one keeps the value. */
  stringTypes: ReadonlySet<string>;
  /** GUID/UUID parsing calls and types: they re-format the 32-hex text (dashes, case). */
  guidConversions: ReadonlySet<string>;
  guidTypes: ReadonlySet<string>;
  /** Functions and methods testing whether the value is an integer or all digits. */
  validationFunctions: ReadonlySet<string>;
  validationMethods: ReadonlySet<string>;
  /** Validation calls decided by an argument: PHP `filter_var($x, FILTER_VALIDATE_INT)`: name → the argument text that makes it numeric. */
  validationFlags?: ReadonlyMap<string, string>;
  /** Regex calls: name → index of the pattern argument and of the subject argument (methods: receiver is the subject when `subject` is -1). */
  regexCalls: ReadonlyMap<string, { pattern: number; subject: number }>;
  /** Functions/methods returning the largest or smallest of their arguments, a collection, or a key. */
  minMax: ReadonlySet<string>;
  /**
   * Commands that belong to `minMax` or `dedupers` only with one of these switches (lower-case):
   * PowerShell `Measure-Object` → ['maximum', 'minimum'], `Sort-Object` → ['unique'].
   */
  requiredSwitches?: ReadonlyMap<string, readonly string[]>;
  /** Functions/methods/commands sorting a collection (by a key function, comparator or property name). */
  sorts: ReadonlySet<string>;
  /** Arguments that make a plain sort numeric: PHP `SORT_NUMERIC`. Without one, sorting LSID strings is a text order. */
  numericSortFlags?: ReadonlySet<string>;
  /** Sorting helpers taking a key extractor: `Comparator.comparing`, `operator.itemgetter`? (name → returns a key). */
  keyExtractors?: ReadonlySet<string>;
  /** Three-way comparisons: `Integer.compare`, `CompareTo`, `strcmp`? (numeric ones only). */
  comparisons: ReadonlySet<string>;
  /** Mapping calls whose callback result forms a new collection: `map`, `Select`, `array_map`, `ForEach-Object`. */
  maps: ReadonlySet<string>;
  /** Calls returning part of the collection they iterate: `filter`, `Where`, PowerShell `Where-Object`, `Select-Object -First`. */
  filters?: ReadonlySet<string>;
  /** Calls extracting one named field of every element: `array_column($rows, 'lsid')`, `Select-Object -ExpandProperty`. */
  plucks?: ReadonlyMap<string, { keyArg: string | number }>;
  /** Set/dictionary writes and membership tests whose argument must be unique: `add`, `Add`, `ContainsKey`, `in_array`. */
  keyedMethods: ReadonlySet<string>;
  /** Methods that key their argument only on a set or map (`add`, `Add`): reported when the receiver is declared or built as one of `keyedTypes`. */
  setOnlyMethods?: ReadonlySet<string>;
  keyedTypes?: ReadonlySet<string>;
  /** Constructors/functions that de-duplicate a collection: `set`, `HashSet`, `array_unique`, `distinct`. */
  dedupers: ReadonlySet<string>;
  /** Calls mapping elements to keys of a dictionary: `ToDictionary`, `Collectors.toMap`, `array_combine`? */
  keyedCollectors?: ReadonlySet<string>;
  /** Annotations declaring a key: `Key`, `Id`, `PrimaryKey`; ORM keyword args: `primary_key=True`, `unique=True`. */
  keyAnnotations: ReadonlySet<string>;
  keyKeywords?: ReadonlySet<string>;
  /**
   * Annotations validating a member against a regex: annotation → argument names holding the pattern
   * (`''` = first positional). PowerShell `[ValidatePattern('^\d+$')]`, C# `[RegularExpression(…)]`.
   * A digits-only pattern on an LSID member is a numeric validation.
   */
  patternAnnotations?: ReadonlyMap<string, readonly string[]>;
  /**
   * Annotations that make a member numeric whatever its declared type: PowerShell `[ValidateRange(1, 100)]`.
   * On an LSID member without a numeric type they fix the type as a number.
   */
  numericAnnotations?: ReadonlySet<string>;
  /**
   * Annotations binding a field to a wire name: annotation → argument names holding it (`''` = first
   * positional): `XmlAttribute` → ['', 'AttributeName'], `JsonProperty` → ['', 'value'].
   */
  bindings: ReadonlyMap<string, readonly string[]>;
  /** ORM/field constructors declaring a numeric column: `models.IntegerField`, `Column(Integer)` is handled by `numericColumnArgs`. */
  numericFieldConstructors?: ReadonlySet<string>;
  /** Column constructors whose argument names the type: `Column`, `mapped_column` with `Integer`, `BigInteger`. */
  columnConstructors?: ReadonlySet<string>;
  /** ORM table names: class-level `__tablename__`, Django `Meta.db_table`, `[Table("x")]`, `@Table(name = "x")`, Eloquent `$table`. */
  tableNameFields?: ReadonlySet<string>;
  tableAnnotations?: ReadonlyMap<string, readonly string[]>;
  /** String search calls (the literal argument is looked for in a response): `find`, `strpos`, `Contains`. Operator `in`/`-match`/`-like` are built in. */
  stringSearches: ReadonlySet<string>;
  /**
   * printf-style calls: name → index of the format argument. A numeric placeholder (`%d`, `%u`, `%05d`,
   * `%1$d`) converts the argument it takes: PHP `sprintf('session %d', $lsid)`, Java `String.format`.
   */
  formatCalls?: ReadonlyMap<string, number>;
  /**
   * Query-builder ordering methods: method → direction (`'arg'`: a second argument `'desc'` decides; a
   * `-` before the column also means descending). Eloquent `orderByDesc('lsid')`, `latest('lsid')`,
   * Doctrine `orderBy('s.lsid', 'DESC')`, Django `order_by('-lsid')`.
   */
  orderings?: ReadonlyMap<string, 'asc' | 'desc' | 'arg'>;
  /** Query-builder methods keeping the first rows: `limit`, `take`, `first`, `setMaxResults`. */
  limits?: ReadonlySet<string>;
  /** Replace calls: name → index of the pattern argument (methods: 0; `str_replace`: 0; `re.sub`: 0). */
  replaces: ReadonlyMap<string, number>;
  xml: XmlKnowledge;
  /** How variables and members are written, for messages (`$r->lsid`, `$r.lsid`). */
  notation?: Notation;
  /** How a cast is written, for messages: `(int)x` (default) or PowerShell's `[int]$x`. */
  castSyntax?: 'parentheses' | 'brackets';
  /** SQL dialect assumed for SQL in string literals when the project sets none. */
  sqlDialect?: string;
}
