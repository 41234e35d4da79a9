/** Schema files: what declares an LSID's type outside code. Each adapter is `contextScope: 'project'`. */
export { graphqlAdapter } from './graphql.js';
export { jsonSchemaAdapter } from './json-adapter.js';
export { xmlSchemaAdapter } from './xml-adapter.js';
export { yamlSchemaAdapter } from './yaml-adapter.js';
