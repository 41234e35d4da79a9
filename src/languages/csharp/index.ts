import { treeSitterAdapter } from '../tree-sitter/adapter.js';
import { csharpKnowledge } from './knowledge.js';
import { lower } from './lower.js';
import { csharpTypeModules } from './modules.js';

/** C# (`.cs`) through tree-sitter-c-sharp, lowered to the shared IR and analyzed with .NET's library tables. */
export const csharpAdapter = treeSitterAdapter({
  id: 'csharp',
  grammar: 'c-sharp',
  extensions: ['.cs'],
  comments: { line: ['//'], block: [['/*', '*/']] },
  lower,
  knowledge: csharpKnowledge,
  typeModules: csharpTypeModules,
});
