/**
 * printf-style format strings: which argument each placeholder takes and whether it prints a number.
 * `%d`, `%05d`, `%u`, `%x`, `%.2f` and positional `%2$d` convert; `%s` keeps the text; `%%` is a literal.
 */
const PLACEHOLDER = /%(?:(\d+)\$)?(?:[-+ 0#]|'.)*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?([a-zA-Z%])/g;
const NUMERIC = new Set(['d', 'i', 'u', 'x', 'X', 'o', 'b', 'e', 'E', 'f', 'F', 'g', 'G', 'c']);

/** The 0-based indexes (after the format) of the arguments that numeric placeholders take. */
export function numericFormatArguments(format: string): number[] {
  const indexes: number[] = [];
  let next = 0;
  for (const match of format.matchAll(PLACEHOLDER)) {
    const conversion = match[2]!;
    if (conversion === '%') continue;
    const index = match[1] !== undefined ? Number(match[1]) - 1 : next++;
    if (NUMERIC.has(conversion)) indexes.push(index);
  }
  return indexes;
}
