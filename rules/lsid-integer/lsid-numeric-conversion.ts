import { LSID_CHANGE, code, defineValueUseRule } from '../../src/rule-kit/index.js';

export default defineValueUseRule({
  meta: {
    id: 'lsid-numeric-conversion',
    category: 'lsid-integer',
    defaultSeverity: 'error',
    summary: 'Disallow converting an LSID to a number',
  },
  subject: 'lsid',
  kinds: ['numeric-conversion'],
  describe: (use) => ({
    message: `${code(use.construct)} converts the LSID ${code(use.origin)} to a number; ${LSID_CHANGE}, so this yields NaN or the digits before the first letter. Keep the LSID as a string.`,
    help: 'Pass the LSID through unchanged as a string (compare with ===, store as varchar(32)). If you need a number for ordering, use the session start time; lseq exists but is neither unique nor strictly sequential.',
  }),
});
