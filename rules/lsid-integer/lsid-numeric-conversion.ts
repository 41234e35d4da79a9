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
    message: `${code(use.construct)} converts the LSID ${code(use.origin)} to a number; ${LSID_CHANGE}, so the conversion fails (NaN, ValueError, FormatException, NumberFormatException) or silently keeps only the leading digits (parseInt, PHP (int), PowerShell -as). Keep the LSID as a string.`,
    help: 'Pass the LSID through unchanged as a string (compare it as a string, store it as varchar(32)). If you need a number for ordering, use the session start time; lseq exists but is neither unique nor strictly sequential.',
  }),
});
