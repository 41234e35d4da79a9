import { code, defineValueUseRule } from '../../src/rule-kit/index.js';

export default defineValueUseRule({
  meta: {
    id: 'lseq-unique-key',
    category: 'lseq-misuse',
    defaultSeverity: 'warning',
    summary: 'Disallow using lseq as a unique, primary or de-duplication key',
  },
  subject: 'lseq',
  kinds: ['unique-key'],
  describe: (use) => ({
    message: `lseq ${code(use.origin)} is used as a ${use.construct}, but the 10.6 API documents lseq as "not guaranteed to be unique", so distinct sessions can collide and be dropped or overwritten. Key by the LSID.`,
    help: 'Use the LSID (a 32-character string) as the key, primary key or de-duplication key; keep lseq only as an informational number.',
  }),
});
