import { existsSync } from 'node:fs';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import type { FileFacts } from '../../types.js';
import type { ContextSettings, ImportedValueLookup, ProgramAnalysis, ProgramFile } from '../adapter.js';
import { factsOf } from './facts.js';
import type { TypeHints } from './values.js';

interface ProgramOptions {
  cwd: string;
  context: ContextSettings;
  toRelPath(absPath: string): string | undefined;
  readFile(relPath: string): string | undefined;
}

/**
 * `--type-aware`: a ts-morph program over the files in Bomgar context and the scanned files they
 * import, resolved with the project's tsconfig (so `@/lib/bomgar` path aliases work). Type
 * information lets a value declared with an LSID-named type (`id: Lsid`) be followed through
 * property accesses and across modules. Library typings are not loaded: only local types matter.
 */
export function createTypedProgram(files: readonly ProgramFile[], options: ProgramOptions): ProgramAnalysis {
  const tsConfigFilePath = findTsConfig(path.dirname(files[0]?.absPath ?? path.join(options.cwd, 'x')));
  const project = new Project({
    tsConfigFilePath,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: true, noEmit: true, skipLibCheck: true, ...(tsConfigFilePath ? {} : { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext }) },
  });
  const compilerOptions = project.getCompilerOptions();
  const members = new Map(files.map((file) => [file.relPath, file]));
  const imports = new Map<string, Map<string, string>>();

  for (const file of files) project.createSourceFile(file.absPath, file.text, { overwrite: true });
  for (const file of files) {
    const resolved = new Map<string, string>();
    for (const specifier of moduleSpecifiers(project.getSourceFileOrThrow(file.absPath).compilerNode)) {
      const target = ts.resolveModuleName(specifier, file.absPath, compilerOptions, ts.sys).resolvedModule?.resolvedFileName;
      const relPath = target && !target.includes(`${path.sep}node_modules${path.sep}`) ? options.toRelPath(target) : undefined;
      if (!relPath) continue;
      resolved.set(specifier, relPath);
      const text = members.has(relPath) ? undefined : options.readFile(relPath);
      if (text !== undefined && target) {
        project.createSourceFile(target, text, { overwrite: true });
        members.set(relPath, { relPath, absPath: target, text });
      }
    }
    imports.set(file.relPath, resolved);
  }

  const hints = typeHints(project.getTypeChecker().compilerObject);
  const analyses = new Map<string, (lookup?: ImportedValueLookup) => FileFacts>();
  return {
    analyze(relPath, importedValue) {
      const member = members.get(relPath);
      if (!member) return undefined;
      let refine = analyses.get(relPath);
      if (!refine) {
        refine = factsOf(project.getSourceFileOrThrow(member.absPath).compilerNode, options.context, hints).refine;
        analyses.set(relPath, refine);
      }
      return refine(importedValue);
    },
    resolvedImports: (relPath) => imports.get(relPath) ?? new Map(),
  };
}

/** The tsconfig.json nearest to the scanned code, which decides module resolution and path aliases. */
function findTsConfig(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function moduleSpecifiers(sourceFile: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.getText() === 'require' && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return specifiers;
}

/** The declared type name of a variable, parameter or property, following imports to their declarations. */
function typeHints(checker: ts.TypeChecker): TypeHints {
  return {
    declaredTypeName(expression) {
      const target = ts.isPropertyAccessExpression(expression) ? expression.name : expression;
      let symbol = checker.getSymbolAtLocation(target);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      const typeNode = declaration && (ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration) ||
        ts.isParameter(declaration) || ts.isVariableDeclaration(declaration)) ? declaration.type : undefined;
      return typeNode && ts.isTypeReferenceNode(typeNode) ? typeNode.typeName.getText() : undefined;
    },
  };
}
