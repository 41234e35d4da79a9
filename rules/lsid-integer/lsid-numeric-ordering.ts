import { LSID_CHANGE, code, defineValueUseRule } from '../../src/rule-kit/index.js';

const WHAT: Record<string, string> = {
  relational: 'compares the LSID',
  'min-max': 'takes the maximum or minimum of LSIDs',
  'numeric-sort': 'sorts by LSID numerically',
};

export default defineValueUseRule({
  meta: {
    id: 'lsid-numeric-ordering',
    category: 'lsid-integer',
    defaultSeverity: 'error',
    summary: 'Disallow ordering, comparing or taking the maximum of LSIDs',
  },
  subject: 'lsid',
  kinds: ['relational', 'min-max', 'numeric-sort'],
  describe: (use) => ({
    message: `${code(use.construct)} ${WHAT[use.kind]} ${code(use.origin)} as a number; ${LSID_CHANGE}, and GUIDs carry no order, so watermarks such as \`lsid > lastLsid\` skip or repeat sessions. Order by time instead.`,
    help: 'For incremental sync keep a time watermark (end_time of the last processed session, queried with start_date/start_time and duration) and de-duplicate by LSID; sort sessions by start_time, using the LSID only as a tie-breaker.',
  }),
});
