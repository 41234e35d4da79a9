/** An LSID as the 10.6 API returns it (from the vendor guide). */
export const GUID_EXAMPLE = 'c69a8e10bea9428f816cfababe9815fe';

export const LSID_CHANGE = `from 10.6 the LSID is a 32-character hex GUID string such as "${GUID_EXAMPLE}", not an integer`;

export const NAMESPACE_CHANGE = 'from 10.6 the response root declares a default namespace (xmlns="http://www.networkstreaming.com/namespaces/API", later other URIs)';

/** Inline code for messages, shortened so one finding stays on one line. */
export function code(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `\`${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat}\``;
}
