import { LSID_CHANGE, code, defineValueUseRule } from '../../src/rule-kit/index.js';

export default defineValueUseRule({
  meta: {
    id: 'lsid-digit-pattern',
    category: 'lsid-integer',
    defaultSeverity: 'error',
    summary: 'Disallow patterns that capture an LSID as digits',
  },
  subject: 'lsid',
  kinds: ['digit-pattern'],
  describe: (use) => ({
    message: `The pattern ${code(use.construct)} captures the LSID as digits; ${LSID_CHANGE}, so it stops matching or captures a fragment. Capture any characters up to the delimiter.`,
    help: 'Capture the whole attribute value, e.g. /<session\\b[^>]*\\blsid="([^"]+)"/ or /lsid=([0-9a-f]{32})/i for URLs; better, parse the XML and read the lsid attribute.',
  }),
});
