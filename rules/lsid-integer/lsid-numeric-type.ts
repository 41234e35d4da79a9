import { LSID_CHANGE, code, defineValueUseRule } from '../../src/rule-kit/index.js';

export default defineValueUseRule({
  meta: {
    id: 'lsid-numeric-type',
    category: 'lsid-integer',
    defaultSeverity: 'error',
    summary: 'Disallow declaring an LSID with a numeric type, schema or column',
  },
  subject: 'lsid',
  kinds: ['numeric-type'],
  describe: (use) => ({
    message: `The LSID ${code(use.origin)} is declared as ${code(use.construct)}; ${LSID_CHANGE}, so validation rejects it or storage truncates it. Declare it as a string.`,
    help: 'Use `string` in TypeScript, `z.string().regex(/^[0-9a-f]{32}$/i)` (or the equivalent) in schemas, and a varchar(32) / STRING(32) column in ORMs.',
  }),
});
