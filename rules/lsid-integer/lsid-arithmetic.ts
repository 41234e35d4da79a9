import { LSID_CHANGE, code, defineValueUseRule } from '../../src/rule-kit/index.js';

export default defineValueUseRule({
  meta: {
    id: 'lsid-arithmetic',
    category: 'lsid-integer',
    defaultSeverity: 'error',
    summary: 'Disallow arithmetic on an LSID',
  },
  subject: 'lsid',
  kinds: ['arithmetic'],
  describe: (use) => ({
    message: `Arithmetic ${code(use.construct)} on the LSID ${code(use.origin)}; ${LSID_CHANGE}, so the result is NaN, a string concatenation or a type error. Treat the LSID as an opaque identifier.`,
    help: 'Never compute LSIDs (next = lsid + 1 does not exist any more). To page or sync incrementally, use start_time/end_time windows of the reporting API and remember the LSIDs already processed.',
  }),
});
