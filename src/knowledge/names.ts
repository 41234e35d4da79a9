/** Identifier words, so that `lastLsid`, `session_lsid` and `LSIDs` name an LSID but `isLsidValid` does not. */

const WORD_SPLIT = /[_\-\s$.@]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/;

export function identifierWords(name: string): string[] {
  return name.split(WORD_SPLIT).filter(Boolean).map((w) => w.toLowerCase());
}

export type NameShape = 'value' | 'collection';

/** `countByLsid`, `rowForLsid`, `idFromLsid`: keyed by or derived from an LSID, not one. */
const RELATIONAL_WORDS = new Set(['by', 'for', 'per', 'from', 'of', 'with', 'in', 'without']);
const PREDICATE_WORDS = new Set(['is', 'has', 'valid', 'validate', 'check']);

/**
 * Whether an identifier names an LSID (or lseq) value or a collection of them.
 * The subject word must be the last word, so `lsidCount`, `lsidIndex`, `lsidLength` and
 * `isLsid` (a predicate) are not values of the subject.
 */
export function namedSubject(name: string, subject: 'lsid' | 'lseq'): NameShape | undefined {
  const words = identifierWords(name);
  const last = words[words.length - 1];
  const before = words[words.length - 2];
  if (before !== undefined && RELATIONAL_WORDS.has(before)) return undefined;
  if (last === subject) return PREDICATE_WORDS.has(words[0]!) ? undefined : 'value';
  if (last === `${subject}s` || (last === 'list' && words[words.length - 2] === subject)) return 'collection';
  return undefined;
}
