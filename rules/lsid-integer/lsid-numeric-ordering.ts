import { LSID_CHANGE, code, defineValueUseRule } from '../../src/rule-kit/index.js';

function what(kind: string, construct: string): string {
  if (kind === 'min-max') return `takes the ${/min/i.test(construct) ? 'minimum' : 'maximum'} of LSIDs`;
  return kind === 'numeric-sort' ? 'sorts by LSID' : 'compares the LSID';
}

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
    message: `${code(use.construct)} ${what(use.kind, use.construct)} ${code(use.origin)} as a number; ${LSID_CHANGE}, and GUIDs carry no order, so watermarks such as \`lsid > lastLsid\` skip or repeat sessions. Order by time instead.`,
    help: 'For incremental sync keep a time watermark (end_time of the last processed session, queried with start_date/start_time and duration) and de-duplicate by LSID; sort sessions by start_time, using the LSID only as a tie-breaker.',
  }),
});
