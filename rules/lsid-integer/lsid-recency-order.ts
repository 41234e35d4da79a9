import { LSID_CHANGE, code, defineValueUseRule } from '../../src/rule-kit/index.js';

export default defineValueUseRule({
  meta: {
    id: 'lsid-recency-order',
    category: 'lsid-integer',
    defaultSeverity: 'warning',
    summary: 'Avoid sorting by the LSID to find the newest sessions',
  },
  subject: 'lsid',
  kinds: ['recency-order'],
  describe: (use) => ({
    message: `${code(use.construct)} sorts by the LSID ${code(use.origin)} as if higher meant newer; ${LSID_CHANGE}, and GUIDs carry no order, so after the upgrade this returns arbitrary sessions instead of the latest ones. Sort by the session's time.`,
    help: 'Order by start_time (or end_time) DESC and keep the LSID only as a tie-breaker after it: ORDER BY start_time DESC, lsid.',
  }),
});
