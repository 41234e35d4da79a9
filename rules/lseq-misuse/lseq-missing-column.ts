import { code, defineValueUseRule } from '../../src/rule-kit/index.js';

export default defineValueUseRule({
  meta: {
    id: 'lseq-missing-column',
    category: 'lseq-misuse',
    defaultSeverity: 'note',
    summary: 'Flag a copy of the Integration Client session table that has no lseq column',
  },
  subject: 'lseq',
  kinds: ['missing-column'],
  describe: (use) => ({
    message: `${code(use.construct)} declares the Integration Client's session table without lseq; the 10.6 Integration Client adds an \`lseq int\` column (and makes lsid varchar(32)), so this schema, and the copies, loads and reports built on it, fall out of step with the database it describes.`,
    help: 'Add `lseq int NULL` (rows from before the upgrade have none) and declare lsid as varchar(32). Keep lseq informational: it is not guaranteed to be unique or strictly sequential.',
  }),
});
