import { LSID_CHANGE, code, defineValueUseRule } from '../../src/rule-kit/index.js';

export default defineValueUseRule({
  meta: {
    id: 'lsid-numeric-validation',
    category: 'lsid-integer',
    defaultSeverity: 'error',
    summary: 'Disallow validating an LSID as a number',
  },
  subject: 'lsid',
  kinds: ['numeric-validation'],
  describe: (use) => ({
    message: `${code(use.construct)} checks that the LSID ${code(use.origin)} is numeric; ${LSID_CHANGE}, so every real LSID fails this check. Validate the GUID format instead.`,
    help: 'Validate with /^[0-9a-f]{32}$/i (the API accepts either case) or just check for a non-empty string.',
  }),
});
