/**
 * A pattern that captures an LSID as digits: `lsid="(\d+)"`, `lsid=([0-9]+)`, `:lsid(\d+)` route
 * constraints, `(?<lsid>\d+)`. From 10.6 the value is 32 hex characters, so such a pattern stops
 * matching or captures a fragment.
 */
// Between the name and the group only what separates a name from its value: = : quotes, \s*, %3D.
const LSID_THEN_DIGIT_GROUP = /lsid(?:\\s[*+?]?|\s|=|"|'|\\"|\\'|:|%3D){0,6}\((?:\?<\w+>|\?:)?(?:\\d|\[0-9\]|\\\\d)(?:\+|\*|\{)/i;
const NAMED_DIGIT_GROUP = /\(\?P?<\w*lsid\w*>(?:\\d|\[0-9\])/i;
/**
 * Route parameters typed as integers: Flask/Django `<int:lsid>`, ASP.NET `{lsid:int}`/`{lsid:long}`,
 * Spring and JAX-RS `{lsid:\d+}` / `{lsid: [0-9]+}`, Symfony `{lsid<\d+>}`.
 */
const INTEGER_ROUTE_PARAMETER = /<int:\w*lsid>|\{\s*\w*lsid\s*:\s*(?:int|long|\\{1,2}d|\[0-9\])|\{\w*lsid<(?:\\{1,2}d|\[0-9\])/i;

export function capturesLsidAsDigits(pattern: string): boolean {
  return LSID_THEN_DIGIT_GROUP.test(pattern) || NAMED_DIGIT_GROUP.test(pattern) || INTEGER_ROUTE_PARAMETER.test(pattern);
}
