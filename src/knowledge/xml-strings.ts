import { ROOT_ELEMENTS } from './bomgar.js';

const TAG = /<([A-Za-z_][\w.-]*)\s*\/?>/g;

/**
 * The first `<root>` or `<root/>` of an API response root element in a string or pattern that is
 * matched against a response. Including the closing `>` is what breaks: from 10.6 the root tag
 * reads `<root xmlns="…">`. Inner elements gain no attribute, so `<lseq>` keeps matching.
 */
export function literalRootTag(text: string): string | undefined {
  for (const match of text.matchAll(TAG)) {
    if (ROOT_ELEMENTS.has(match[1]!)) return match[0];
  }
  return undefined;
}

/** Removes `xmlns="<one URI>"` by its text: right for one appliance version, wrong before and after it. */
export function stripsOneNamespace(pattern: string): boolean {
  return /xmlns/.test(pattern) && /networkstreaming|bomgar|beyondtrust/i.test(pattern);
}

/**
 * Removes every `xmlns="…"` whatever its URI (`\sxmlns="[^"]*"`, `xmlns=".*?"`): verified to give the
 * same document before and after 10.6, so what is parsed from the result has no default namespace.
 */
export function stripsEveryNamespace(pattern: string): boolean {
  return /xmlns/.test(pattern) && !stripsOneNamespace(pattern) && /\[\^|\.\*|\\S|\.\+/.test(pattern);
}
