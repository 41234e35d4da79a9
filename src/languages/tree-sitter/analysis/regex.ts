/**
 * Regular expressions written as strings (every language here but JS): PHP's delimiters and flags
 * are removed first, so `'/^\d+$/'` and `'^\d+$'` read alike.
 */
const PHP_DELIMITED = /^([/#~!@%|])(.*)\1[a-zA-Z]*$/s;

function body(pattern: string): string {
  const delimited = PHP_DELIMITED.exec(pattern);
  return delimited ? delimited[2]! : pattern;
}

const DIGIT = String.raw`(?:\\d|\[0-9\]|\\p\{Nd\}|\[\[:digit:\]\])`;
const REPEAT = String.raw`(?:\+|\*|\{\d+(?:,\d*)?\})`;
/** `^\d+$`, `\A[0-9]{1,10}\z`, `^\d+\Z`, `\D`, `[^0-9]`: the whole value must be digits. */
const DIGITS_ONLY = new RegExp(String.raw`^(?:\^|\\A)?${DIGIT}${REPEAT}(?:\$|\\z|\\Z)?$|^\\D$|^\[\^0-9\]$|^\[\^\\d\]$`);
/** A capture group of digits: `(\d+)`, `(?<id>[0-9]+)`, `(?P<id>\d+)`. */
const DIGIT_CAPTURE = new RegExp(String.raw`\((?:\?P?<\w+>)?${DIGIT}(?:\+|\*|\{)`);

export function digitsOnly(pattern: string): boolean {
  return DIGITS_ONLY.test(body(pattern));
}

export function digitCapture(pattern: string): boolean {
  return DIGIT_CAPTURE.test(body(pattern));
}
