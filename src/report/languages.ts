/** File extension → the language name reports show. */

/** Languages lsid-lint analyzes, by extension (what the adapters in src/languages/ accept). */
const ANALYZED: Readonly<Record<string, string>> = {
  '.ts': 'TypeScript', '.tsx': 'TypeScript', '.mts': 'TypeScript', '.cts': 'TypeScript',
  '.js': 'JavaScript', '.jsx': 'JavaScript', '.mjs': 'JavaScript', '.cjs': 'JavaScript',
  '.sql': 'SQL',
  '.prisma': 'Prisma',
  '.json': 'JSON schema', '.yaml': 'YAML schema', '.yml': 'YAML schema',
  '.graphql': 'GraphQL', '.gql': 'GraphQL', '.graphqls': 'GraphQL',
  '.xsd': 'XML Schema', '.xml': 'XML mapping',
  '.avsc': 'Avro',
  '.py': 'Python', '.cs': 'C#', '.java': 'Java', '.php': 'PHP', '.phtml': 'PHP', '.inc': 'PHP',
  '.ps1': 'PowerShell', '.psm1': 'PowerShell',
};

/**
 * Programming languages an integration may be written in that lsid-lint does not analyze (yet):
 * reported as "seen but not analyzed" so a clean report is not mistaken for a checked one.
 */
const NOT_ANALYZED: Readonly<Record<string, string>> = {
  '.pyw': 'Python',
  '.vb': 'Visual Basic .NET', '.vbs': 'VBScript',
  '.kt': 'Kotlin', '.kts': 'Kotlin', '.scala': 'Scala', '.groovy': 'Groovy',
  '.psd1': 'PowerShell data',
  '.rb': 'Ruby', '.go': 'Go', '.pl': 'Perl', '.pm': 'Perl', '.rs': 'Rust', '.swift': 'Swift',
  '.c': 'C', '.h': 'C/C++ header', '.cpp': 'C++', '.cc': 'C++', '.hpp': 'C++',
  '.sh': 'Shell', '.bash': 'Shell', '.bat': 'Batch', '.cmd': 'Batch',
  '.asp': 'Classic ASP', '.aspx': 'ASP.NET', '.cshtml': 'Razor', '.cfm': 'ColdFusion', '.cfc': 'ColdFusion',
  '.lua': 'Lua', '.r': 'R', '.dart': 'Dart', '.ex': 'Elixir', '.exs': 'Elixir', '.erl': 'Erlang',
  '.vue': 'Vue', '.svelte': 'Svelte', '.coffee': 'CoffeeScript',
  '.xsl': 'XSLT', '.xslt': 'XSLT', '.rdl': 'SSRS report', '.dtsx': 'SSIS package',
};

/** Lower-case extension with its dot (`.ts`), `''` for none; `.d.ts` counts as `.ts`. */
export function extensionOf(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The analyzed language of a scanned file, or its extension when unknown (`.foo`, `(no extension)`). */
export function languageOf(file: string): string {
  const extension = extensionOf(file);
  return ANALYZED[extension] ?? NOT_ANALYZED[extension] ?? (extension || '(no extension)');
}

/** The language of an unsupported extension, when it is a programming language worth naming. */
export function unanalyzedLanguage(extension: string): string | undefined {
  return NOT_ANALYZED[extension.toLowerCase()];
}
