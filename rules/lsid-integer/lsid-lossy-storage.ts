import { code, defineValueUseRule } from '../../src/rule-kit/index.js';

/** SQL findings carry the type and the dialect-specific reason as `TYPE: reason`. */
function split(construct: string): { type: string; reason: string } {
  const colon = construct.indexOf(': ');
  return colon === -1
    ? { type: construct, reason: 'it does not read back as the 32-character text the API sends' }
    : { type: construct.slice(0, colon), reason: construct.slice(colon + 2) };
}

export default defineValueUseRule({
  meta: {
    id: 'lsid-lossy-storage',
    category: 'lsid-integer',
    defaultSeverity: 'warning',
    summary: 'Avoid storing an LSID in a GUID or binary type that changes its text',
  },
  subject: 'lsid',
  kinds: ['lossy-storage'],
  describe: (use) => {
    const { type, reason } = split(use.construct);
    return {
      message: `The LSID ${code(use.origin)} is stored as ${code(type)}: ${reason}. Lookups, joins and de-duplication against LSIDs from the API then miss. Store the text itself.`,
      help: 'Declare the column as varchar(32) or char(32) (ASCII, case-insensitive collation) and store the LSID exactly as the API returns it.',
    };
  },
});
