import { code, defineValueUseRule } from '../../src/rule-kit/index.js';

export default defineValueUseRule({
  meta: {
    id: 'lseq-sequence-cursor',
    category: 'lseq-misuse',
    defaultSeverity: 'warning',
    summary: 'Disallow using lseq as a strictly sequential cursor or gap detector',
  },
  subject: 'lseq',
  kinds: ['sequence-cursor'],
  describe: (use) => ({
    message: `${code(use.construct)} treats lseq ${code(use.origin)} as a strictly increasing sequence, but the 10.6 API documents it as "not guaranteed to be unique or strictly sequential", so a cursor on it skips or repeats sessions and gap checks raise false alarms. Page by time instead.`,
    help: 'Drive incremental sync by session time windows (start_date/start_time with duration) and de-duplicate by LSID; do not infer missing sessions from gaps in lseq.',
  }),
});
