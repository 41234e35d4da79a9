/**
 * What lowering needs to know about PowerShell commands, independent of any library table:
 * command names are case-insensitive and have aliases (`?`, `%`, `sort`), and a parameter followed
 * by an argument takes it as its value unless it is a switch. Knowing the common switches keeps
 * `Sort-Object -Unique $x`-style lines from swallowing the next positional argument.
 */

/** Canonical spelling of the cmdlets the analysis cares about, by lower-cased name or alias. */
const CANONICAL: ReadonlyMap<string, string> = (() => {
  const names = [
    'Where-Object', 'ForEach-Object', 'Sort-Object', 'Select-Object', 'Group-Object', 'Measure-Object',
    'Compare-Object', 'Tee-Object', 'New-Object', 'Select-Xml', 'Select-String', 'Invoke-RestMethod',
    'Invoke-WebRequest', 'Invoke-Sqlcmd', 'Invoke-Expression', 'Import-Module', 'Get-Content', 'Set-Content',
    'Add-Content', 'Out-File', 'Export-Csv', 'Import-Csv', 'ConvertTo-Json', 'ConvertFrom-Json', 'ConvertTo-Xml',
    'ConvertTo-Csv', 'ConvertFrom-Csv', 'Write-Output', 'Write-Host', 'Write-Verbose', 'Write-Warning',
    'Write-Error', 'Write-Debug', 'Write-Information', 'Get-Date', 'Start-Sleep', 'Test-Path', 'Join-Path',
    'Get-Unique', 'Out-Null', 'Out-String', 'Add-Member', 'New-Item', 'Remove-Item', 'Get-ChildItem',
    'Get-Item', 'Set-Variable', 'Get-Variable', 'Invoke-Command', 'Start-Job', 'Export-ModuleMember',
    'Export-Clixml', 'Import-Clixml',
  ];
  const map = new Map<string, string>(names.map((name) => [name.toLowerCase(), name]));
  const aliases: Record<string, string> = {
    '?': 'Where-Object', where: 'Where-Object', '%': 'ForEach-Object', foreach: 'ForEach-Object',
    sort: 'Sort-Object', select: 'Select-Object', group: 'Group-Object', measure: 'Measure-Object',
    compare: 'Compare-Object', diff: 'Compare-Object', tee: 'Tee-Object', sls: 'Select-String',
    irm: 'Invoke-RestMethod', iwr: 'Invoke-WebRequest', curl: 'Invoke-WebRequest', wget: 'Invoke-WebRequest',
    iex: 'Invoke-Expression', ipmo: 'Import-Module', gc: 'Get-Content', cat: 'Get-Content', type: 'Get-Content',
    sc: 'Set-Content', ac: 'Add-Content', epcsv: 'Export-Csv', ipcsv: 'Import-Csv', echo: 'Write-Output',
    write: 'Write-Output', gu: 'Get-Unique', gci: 'Get-ChildItem', ls: 'Get-ChildItem', dir: 'Get-ChildItem',
    gi: 'Get-Item', icm: 'Invoke-Command', sajb: 'Start-Job', sleep: 'Start-Sleep',
  };
  for (const [alias, name] of Object.entries(aliases)) map.set(alias, name);
  return map;
})();

/** The canonical name of a command, or the name as written when it is not a known cmdlet. */
export function canonicalCommand(name: string): string {
  return CANONICAL.get(name.toLowerCase()) ?? name;
}

/** Switch parameters of common cmdlets: they never take the next argument as their value. */
const SWITCHES: ReadonlySet<string> = new Set([
  'unique', 'descending', 'casesensitive', 'stable', 'force', 'raw', 'maximum', 'minimum', 'sum', 'average',
  'allstats', 'notypeinformation', 'append', 'ashashtable', 'asstring', 'usebasicparsing', 'recurse', 'passthru',
  'verbose', 'debug', 'whatif', 'confirm', 'noelement', 'wait', 'quiet', 'simplematch', 'allmatches', 'notmatch',
  'list', 'noclobber', 'nonewline', 'global', 'disablenamechecking', 'skipheadervalidation', 'asplaintext',
  'compress', 'enumeratecollection', 'skipcertificatecheck', 'trustservercertificate', 'outputsqlerrors',
  'includesqlusererrors', 'abortonerror', 'encryptconnection', 'asjob', 'noprofile', 'ignorecase', 'asarray',
  'leaf', 'container', 'isvalid', 'resolve', 'all', 'notypeinfo',
]);

export function isSwitch(parameter: string): boolean {
  return SWITCHES.has(parameter.toLowerCase());
}

/**
 * `Where-Object lsid -gt $last` (simplified syntax): parameter name → the IR operator of the
 * comparison it stands for. Case-sensitive variants (`-CGT`) compare the same way for our purposes.
 */
export const WHERE_OPERATORS: ReadonlyMap<string, string> = (() => {
  const base: Record<string, string> = {
    eq: '==', ne: '!=', gt: '>', lt: '<', ge: '>=', le: '<=', like: '-like', notlike: '-notlike', match: '-match',
    notmatch: '-notmatch', contains: '-contains', notcontains: '-notcontains', in: '-in', notin: '-notin', is: '-is',
    isnot: '-isnot',
  };
  const map = new Map<string, string>();
  for (const [name, op] of Object.entries(base)) {
    map.set(name, op);
    map.set(`c${name}`, op);
  }
  return map;
})();

/**
 * PowerShell comparison operators (`-eq`, `-CGT`, `-imatch`) → the IR's names: `==` … `>=`, and the
 * word operators lower-cased with their dash and without the case prefix (`-cmatch` → `-match`).
 */
export function comparisonOperator(text: string): string {
  const word = text.toLowerCase().replace(/^-/, '');
  const bare = /^[ci](?:eq|ne|gt|lt|ge|le|like|notlike|match|notmatch|replace|split|contains|notcontains|in|notin)$/.test(word)
    ? word.slice(1)
    : word;
  const symbolic: Record<string, string> = { eq: '==', ne: '!=', gt: '>', lt: '<', ge: '>=', le: '<=', shl: '<<', shr: '>>' };
  return symbolic[bare] ?? `-${bare}`;
}

/** `-and` `-or` `-xor` `-band` `-bor` `-bxor` → IR operators. */
export function wordOperator(text: string): string {
  const word = text.toLowerCase();
  const map: Record<string, string> = { '-and': 'and', '-or': 'or', '-xor': 'xor', '-band': '&', '-bor': '|', '-bxor': '^' };
  return map[word] ?? word;
}

/**
 * PowerShell type accelerators are case-insensitive (`[Int]`, `[XML]`, `[GUID]`): they are written in
 * lower case so the tables need one spelling. Full .NET names (`System.Int32`) are kept as written.
 */
const ACCELERATORS: ReadonlySet<string> = new Set([
  'int', 'int16', 'int32', 'int64', 'long', 'short', 'byte', 'sbyte', 'uint', 'uint16', 'uint32', 'uint64', 'ulong',
  'ushort', 'decimal', 'double', 'single', 'float', 'bigint', 'string', 'char', 'bool', 'xml', 'guid', 'datetime',
  'timespan', 'regex', 'array', 'hashtable', 'ordered', 'pscustomobject', 'psobject', 'object', 'void', 'switch',
  'math', 'convert', 'uri', 'version', 'scriptblock', 'type', 'ipaddress', 'mailaddress', 'securestring',
  'wmi', 'adsi', 'xmldocument', 'xmlelement', 'xmlnode',
]);

const CANONICAL_TYPES: Record<string, string> = {
  math: 'Math', convert: 'Convert', uri: 'Uri', version: 'Version', regex: 'regex', xmldocument: 'XmlDocument',
  xmlelement: 'XmlElement', xmlnode: 'XmlNode',
};

export function canonicalType(name: string): string {
  const lower = name.toLowerCase();
  if (!ACCELERATORS.has(lower)) return name;
  return CANONICAL_TYPES[lower] ?? lower;
}

/**
 * .NET members are case-insensitive from PowerShell (`$doc.selectNodes(…)`, `$x.innertext`): the
 * ones the tables name are written in their .NET spelling. Element names read through dot
 * navigation (`$r.session_list`) are left as written.
 */
const CANONICAL_MEMBERS: ReadonlyMap<string, string> = new Map([
  'SelectNodes', 'SelectSingleNode', 'GetElementsByTagName', 'GetAttribute', 'DocumentElement', 'InnerText', 'InnerXml',
  'LocalName', 'NamespaceURI', 'LoadXml', 'Load', 'Descendants', 'Element', 'Elements', 'Root', 'Contains', 'ContainsKey',
  'IndexOf', 'LastIndexOf', 'StartsWith', 'EndsWith', 'Replace', 'Parse', 'TryParse', 'ParseExact', 'Add', 'TryAdd',
  'Max', 'Min', 'Sort', 'Trim', 'TrimStart', 'TrimEnd', 'ToString', 'ToLower', 'ToUpper', 'ToInt16', 'ToInt32',
  'ToInt64', 'ToDecimal', 'ToDouble', 'IsMatch', 'Match', 'Matches', 'Where', 'ForEach', 'AddNamespace',
].map((name) => [name.toLowerCase(), name]));

export function canonicalMember(name: string): string {
  return CANONICAL_MEMBERS.get(name.toLowerCase()) ?? name;
}
