import { treeSitterAdapter } from '../tree-sitter/adapter.js';
import { javaKnowledge } from './knowledge.js';
import { lower } from './lower.js';
import { javaTypeModules } from './modules.js';

/** Java (`.java`) through tree-sitter-java, lowered to the shared IR and analyzed with the JDK's and common libraries' tables. */
export const javaAdapter = treeSitterAdapter({
  id: 'java',
  grammar: 'java',
  extensions: ['.java'],
  comments: { line: ['//'], block: [['/*', '*/']] },
  lower,
  knowledge: javaKnowledge,
  typeModules: javaTypeModules,
});
