/**
 * Just enough XPath 1.0 lexing to find element name tests without a prefix: the steps that match
 * only no-namespace elements, and so find nothing once the response has a default namespace
 * (XPath 1.0 §2.3; ../shared/domain/xml-namespace-behaviour.md §2 rule 1).
 */

type Token =
  | { type: 'name'; value: string }
  | { type: 'literal' | 'number' | 'variable' | 'op'; value: string };

const TOKEN = /\s*(?:('[^']*'|"[^"]*")|(\d+(?:\.\d*)?|\.\d+)|\$([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)|([A-Za-z_][\w.-]*(?::(?!:)(?:[A-Za-z_][\w.-]*|\*))?)|(::|\/\/|\.\.|!=|<=|>=|[/()[\]@,|.*=<>+-]))/y;

function tokenize(expr: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expr.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(expr);
    if (!m) return expr.slice(start).trim() === '' ? tokens : undefined;
    if (m[1] !== undefined) tokens.push({ type: 'literal', value: m[1] });
    else if (m[2] !== undefined) tokens.push({ type: 'number', value: m[2] });
    else if (m[3] !== undefined) tokens.push({ type: 'variable', value: m[3] });
    else if (m[4] !== undefined) tokens.push({ type: 'name', value: m[4] });
    else tokens.push({ type: 'op', value: m[5]! });
  }
  return tokens;
}

const OPERATOR_NAMES = new Set(['and', 'or', 'div', 'mod']);

/** Whether a token ends an operand, after which `and`/`or`/`div`/`mod` are operators (XPath 1.0 §3.7). */
function endsOperand(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.type === 'op') return [')', ']', '*', '.', '..'].includes(token.value);
  return true;
}

/**
 * The unprefixed element names an XPath expression tests for, in order.
 * Returns undefined when the string does not lex as XPath (then it is probably not one).
 */
export function unprefixedElementNames(expr: string): string[] | undefined {
  const tokens = tokenize(expr);
  if (!tokens || tokens.length === 0) return undefined;
  const names: string[] = [];
  let attributeAxis = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'name') {
      if (token.type === 'op' && token.value !== '::') attributeAxis = false;
      continue;
    }
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    if (next?.type === 'op' && next.value === '::') {
      attributeAxis = token.value === 'attribute' || token.value === 'namespace';
      continue;
    }
    if (next?.type === 'op' && next.value === '(') continue; // function call or node-type test
    if (previous?.type === 'op' && previous.value === '@') continue;
    if (attributeAxis) {
      attributeAxis = false;
      continue;
    }
    if (OPERATOR_NAMES.has(token.value) && endsOperand(previous)) continue;
    if (token.value.includes(':')) continue;
    names.push(token.value);
  }
  return names;
}

/** Whether a string is plausibly an XPath location path rather than prose or a URL. */
export function looksLikeXPath(text: string): boolean {
  return /^\s*(?:\(|\/|\.|[A-Za-z_*@]|(?:count|string|number|boolean|sum|normalize-space)\s*\()/.test(text) && !/\s{2,}|^\w+:\/\//.test(text);
}
