/**
 * Behaviour oracles (issue #4). The xml-* rules flag or stay silent according to how real XML
 * libraries treat the default namespace that 10.6 adds to API responses (the behaviour matrix in
 * the project's domain notes, restated in rules/xml-namespace/*.md). Here the real libraries run
 * on pre-10.6 and 10.6 sample responses (fixtures/oracles/, copied from the vendor samples) and
 * each `it` asserts the verdict a rule relies on, so a library release that changes a behaviour
 * fails this file instead of silently making a rule wrong.
 *
 * The JS libraries run in-process. Python, Java and PHP each run one probe program
 * (fixtures/oracles/probes/) once over every sample, printing what each access style returned.
 * When a runtime is missing the suite skips locally with the reason in its title, and fails under
 * CI, where .ci/run installs it. C# (.NET, Mono) and PowerShell cannot be installed here, so their
 * rows of the matrix are not checked; nor are Ruby, Go and Perl, which no rule targets yet.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { XMLParser, type X2jOptions } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import xml2js from 'xml2js';
import * as xpath from 'xpath';

const ROOT = path.resolve(import.meta.dirname, '..');
const ORACLES = path.join(ROOT, 'fixtures', 'oracles');
const IN_CI = Boolean(process.env.CI) && !['0', 'false'].includes(process.env.CI!.toLowerCase());

/** The URI the 10.6 upgrade guide names; the samples use it, later appliances use others. */
const NS_10_6 = 'http://www.networkstreaming.com/namespaces/API';

// ---------------------------------------------------------------------------
// Samples
// ---------------------------------------------------------------------------

interface Pair {
  name: string;
  pre: string;
  ns: string;
  root: string;
}
/** A list response: `root` holding `count` `item` elements with an lsid attribute. */
interface ListPair extends Pair {
  item: string;
  count: number;
  /** The same response with a later namespace URI, for the pinned-URI checks. */
  later?: string;
}
/** A text-only root such as <error>Login failed</error>. */
interface LeafPair extends Pair {
  text: string;
}

const SUPPORT_SESSION: ListPair & { later: string } = {
  name: 'SupportSession report',
  pre: 'support-session.pre-10.6.xml',
  ns: 'support-session.10.6.xml',
  later: 'support-session.later-bomgar-reporting.xml',
  root: 'session_list',
  item: 'session',
  count: 1,
};
// The upgrade guide's own example root (<session_summary_list>), two self-closing items.
const SESSION_LISTING: ListPair = {
  name: 'SupportSessionListing',
  pre: 'session-listing.pre-10.6.xml',
  ns: 'session-listing.10.6.xml',
  root: 'session_summary_list',
  item: 'session_summary',
  count: 2,
};
const LISTS = [SUPPORT_SESSION, SESSION_LISTING];
const LEAVES: LeafPair[] = [
  { name: 'command error', pre: 'command-error-login-failed.pre-10.6.xml', ns: 'command-error-login-failed.10.6.xml', root: 'error', text: 'Login failed' },
  { name: 'command success', pre: 'command-transfer-success.pre-10.6.xml', ns: 'command-transfer-success.10.6.xml', root: 'success', text: 'Successfully transferred' },
];
/** Schemas for the SupportSession samples (xml-schema-without-namespace). */
const SCHEMAS = ['support-session.no-namespace.xsd', 'support-session.namespaced.xsd', 'support-session.namespaced-unqualified.xsd'];

const read = (file: string): string => readFileSync(path.join(ORACLES, file), 'utf8');

/**
 * No sample holds an empty report, which the API sends as the same root start tag, self-closed
 * (`<session_list/>`, `<session_list xmlns="…"/>`); derive it from the sample's own root.
 */
function emptied(xml: string, root: string): string {
  return xml.replace(new RegExp(`(<${root}\\b[^>]*)>[\\s\\S]*</${root}>`), '$1/>');
}

// ---------------------------------------------------------------------------
// Verdicts
// ---------------------------------------------------------------------------

type Styles = Record<string, unknown>;
type Results = Record<string, Styles>;

/** What one access style returned before 10.6 and on 10.6 (and on a later URI when asked). */
function verdict(results: Results, pair: Pair & { later?: string }, style: string, withLater = false): Record<string, unknown> {
  const seen: Record<string, unknown> = { 'pre-10.6': results[pair.pre]?.[style], '10.6': results[pair.ns]?.[style] };
  if (withLater) seen.later = results[pair.later ?? '']?.[style];
  return seen;
}
/** The verdict a rule expects: `pre` before 10.6, `ns` on 10.6 (and `later` on a later URI). */
const expected = (pre: unknown, ns: unknown, later?: unknown): Record<string, unknown> =>
  later === undefined ? { 'pre-10.6': pre, '10.6': ns } : { 'pre-10.6': pre, '10.6': ns, later };

/** Runs the same access style in-process on each sample of a pair. */
function inProcess(pair: Pair & { later?: string }, style: (xml: string) => unknown, withLater = false): Record<string, unknown> {
  const seen: Record<string, unknown> = { 'pre-10.6': style(read(pair.pre)), '10.6': style(read(pair.ns)) };
  if (withLater) seen.later = pair.later ? style(read(pair.later)) : undefined;
  return seen;
}

// ---------------------------------------------------------------------------
// Probes (Python, Java, PHP)
// ---------------------------------------------------------------------------

/** True when the command exits 0: the runtime and the modules the probe imports are there. */
function runs(file: string, args: string[]): boolean {
  return spawnSync(file, args, { stdio: 'ignore', timeout: 30_000 }).status === 0;
}

/** One argument per sample: `file#root/item` for lists, `file#root` for text-only roots. */
const PROBE_SAMPLES = [
  ...LISTS.flatMap((list) => [list.pre, list.ns, ...(list.later ? [list.later] : [])].map((file) => `${file}#${list.root}/${list.item}`)),
  ...LEAVES.flatMap((leaf) => [leaf.pre, leaf.ns].map((file) => `${file}#${leaf.root}`)),
];
const PROBE_ARGS = [...SCHEMAS.flatMap((schema) => ['--schema', schema]), ...PROBE_SAMPLES];

type ProbeRun = { results: Results; runtime: Styles } | { error: Error };

/** Runs a probe (no shell) in fixtures/oracles and re-keys its output by sample file. Never rejects. */
function runProbe(file: string, args: string[]): Promise<ProbeRun> {
  return new Promise((resolve) => {
    execFile(file, [...args, ...PROBE_ARGS], { cwd: ORACLES, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        resolve({ error: new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stderr}`) });
        return;
      }
      try {
        const { _runtime: runtime, ...bySpec } = JSON.parse(stdout) as Results;
        const results = Object.fromEntries(Object.entries(bySpec).map(([spec, styles]) => [spec.split('#')[0]!, styles]));
        resolve({ results, runtime: runtime ?? {} });
      } catch (parseError) {
        resolve({ error: new Error(`${file} printed no JSON (${String(parseError)}):\n${stdout}\n${stderr}`) });
      }
    });
  });
}

interface Runtime {
  available: boolean;
  /** Why it is missing, and how to install it. */
  missing: string;
  /** Started at once so the three probes overlap; undefined when the runtime is missing. */
  run?: Promise<ProbeRun>;
}

function runtime(available: boolean, missing: string, start: () => Promise<ProbeRun>): Runtime {
  return { available, missing, run: available ? start() : undefined };
}

// Debian's python3-lxml and python3-xmltodict install into /usr/bin/python3, not into a pyenv
// `python3` that may come first on PATH. -I keeps PYTHONPATH and user site-packages out.
const PYTHON = '/usr/bin/python3';
const python = runtime(
  runs(PYTHON, ['-I', '-c', 'import lxml.etree, xmltodict']),
  `${PYTHON} with lxml and xmltodict is missing (apt-get install python3-lxml python3-xmltodict)`,
  () => runProbe(PYTHON, ['-I', 'probes/python_probe.py']),
);
// The single-file source launcher (JDK 11+) compiles the probe in memory, so a JRE without the
// jdk.compiler module is not enough. One launch (about a second) covers all samples.
const java = runtime(
  runs('java', ['--describe-module', 'jdk.compiler']),
  'a JDK 11+ `java` with jdk.compiler is missing (apt-get install default-jdk-headless)',
  () => runProbe('java', ['probes/JavaProbe.java']),
);
const php = runtime(
  runs('php', ['-r', 'exit(class_exists("DOMDocument") && function_exists("simplexml_load_string") ? 0 : 1);']),
  'php with the DOM and SimpleXML extensions is missing (apt-get install php-cli php-xml)',
  () => runProbe('php', ['probes/php_probe.php']),
);

/** Suite title, with the reason when the runtime is missing (skipped locally, failed under CI). */
function titled(title: string, rt: Runtime): string {
  return rt.available ? title : `${title} (${IN_CI ? 'missing' : 'skipped'}: ${rt.missing})`;
}

/** Awaits the probe; under CI a missing runtime fails the suite here rather than skipping it. */
async function probed(rt: Runtime): Promise<{ results: Results; runtime: Styles }> {
  if (!rt.available) throw new Error(`${rt.missing}; CI must run the behaviour oracles: .ci/run installs it`);
  const run = await rt.run!;
  if ('error' in run) throw run.error;
  return run;
}

// ---------------------------------------------------------------------------
// JavaScript, in-process
// ---------------------------------------------------------------------------

/** @xmldom/xmldom's Document, seen through the DOM lib types that xpath's typings use. */
const parseDom = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;

// xpath's typings omit parse(); its evaluator options are documented in docs/XPathEvaluator.md.
const parseXPath = (xpath as unknown as { parse(expression: string): { select(options: { node: Node; allowAnyNamespaceForNoPrefix?: boolean }): Node[] } }).parse;

const nodes = (value: xpath.SelectReturnType): Node[] => (xpath.isArrayOfNodes(value) ? value : []);
const count = (value: unknown): number => (Array.isArray(value) ? value.length : value === undefined ? 0 : 1);

describe('JS @xmldom/xmldom', () => {
  it('getElementsByTagName finds items before and on 10.6 (a default namespace adds no prefix) → xml-null-namespace-lookup stays silent on it', () => {
    for (const list of LISTS) {
      expect(inProcess(list, (xml) => parseDom(xml).getElementsByTagName(list.item).length), list.name).toEqual(expected(list.count, list.count));
    }
  });

  it("getElementsByTagNameNS(null, item) finds items before 10.6 and none on 10.6 → xml-null-namespace-lookup", () => {
    for (const list of LISTS) {
      expect(inProcess(list, (xml) => parseDom(xml).getElementsByTagNameNS(null, list.item).length), list.name).toEqual(expected(list.count, 0));
    }
  });

  it("getElementsByTagNameNS('', item) finds nothing even before 10.6 (xmldom deviates from the DOM standard; the rule doc says so)", () => {
    expect(inProcess(SUPPORT_SESSION, (xml) => parseDom(xml).getElementsByTagNameNS('', 'session').length)).toEqual(expected(0, 0));
  });

  it("getElementsByTagNameNS('*', item) finds items before and on 10.6 → the fix xml-null-namespace-lookup suggests", () => {
    for (const list of LISTS) {
      expect(inProcess(list, (xml) => parseDom(xml).getElementsByTagNameNS('*', list.item).length), list.name).toEqual(expected(list.count, list.count));
    }
  });

  it('attributes are in no namespace either way: getAttributeNS(null, "lsid") equals getAttribute("lsid") on both', () => {
    expect(
      inProcess(SUPPORT_SESSION, (xml) => {
        const session = parseDom(xml).getElementsByTagName('session')[0]!;
        return session.getAttributeNS(null, 'lsid') === session.getAttribute('lsid') && session.getAttribute('lsid') !== null;
      }),
    ).toEqual(expected(true, true));
  });

  it('getElementsByTagNameNS(<10.6 URI>, item) finds items only on 10.6, not before it nor on a later URI → xml-pinned-namespace-uri', () => {
    expect(inProcess(SUPPORT_SESSION, (xml) => parseDom(xml).getElementsByTagNameNS(NS_10_6, 'session').length, true)).toEqual(expected(0, 1, 0));
  });

  it('documentElement.textContent of a text-only root is the same on both', () => {
    for (const leaf of LEAVES) {
      expect(inProcess(leaf, (xml) => parseDom(xml).documentElement.textContent), leaf.name).toEqual(expected(leaf.text, leaf.text));
    }
  });
});

describe('JS xpath (on @xmldom/xmldom)', () => {
  it("select('//item'), select('count(//item)') and the lsid path find items before 10.6 and none on 10.6 → xml-unprefixed-xpath", () => {
    for (const list of LISTS) {
      expect(inProcess(list, (xml) => nodes(xpath.select(`//${list.item}`, parseDom(xml))).length), `${list.name} //${list.item}`).toEqual(expected(list.count, 0));
      expect(inProcess(list, (xml) => xpath.select(`count(//${list.item})`, parseDom(xml))), `${list.name} count()`).toEqual(expected(list.count, 0));
      expect(inProcess(list, (xml) => nodes(xpath.select(`/${list.root}/${list.item}/@lsid`, parseDom(xml))).length), `${list.name} @lsid path`).toEqual(expected(list.count, 0));
    }
  });

  it("select('string(/error)') reads the text before 10.6 and '' on 10.6 → xml-unprefixed-xpath", () => {
    for (const leaf of LEAVES) {
      expect(inProcess(leaf, (xml) => xpath.select(`string(/${leaf.root})`, parseDom(xml))), leaf.name).toEqual(expected(leaf.text, ''));
    }
  });

  it("the fixes xml-unprefixed-xpath suggests work on both: local-name() steps, allowAnyNamespaceForNoPrefix, attribute-only paths", () => {
    for (const list of LISTS) {
      const both = expected(list.count, list.count);
      expect(inProcess(list, (xml) => nodes(xpath.select(`//*[local-name()='${list.item}']`, parseDom(xml))).length), `${list.name} local-name()`).toEqual(both);
      expect(
        inProcess(list, (xml) => parseXPath(`/${list.root}/${list.item}/@lsid`).select({ node: parseDom(xml), allowAnyNamespaceForNoPrefix: true }).length),
        `${list.name} allowAnyNamespaceForNoPrefix`,
      ).toEqual(both);
      expect(inProcess(list, (xml) => nodes(xpath.select('//@lsid', parseDom(xml))).length), `${list.name} //@lsid`).toEqual(both);
    }
    for (const leaf of LEAVES) {
      expect(inProcess(leaf, (xml) => xpath.select(`string(/*[local-name()='${leaf.root}'])`, parseDom(xml))), leaf.name).toEqual(expected(leaf.text, leaf.text));
    }
  });

  it('useNamespaces({ a: <10.6 URI> }) finds items only on 10.6, not before it nor on a later URI → xml-pinned-namespace-uri', () => {
    expect(inProcess(SUPPORT_SESSION, (xml) => nodes(xpath.useNamespaces({ a: NS_10_6 })('//a:session', parseDom(xml))).length, true)).toEqual(expected(0, 1, 0));
  });

  it("binding the prefix to the document's own namespaceURI throws on a pre-10.6 response (the branch xml-pinned-namespace-uri's fix asks for)", () => {
    const select = (xml: string): number => {
      const doc = parseDom(xml);
      return nodes(xpath.useNamespaces({ a: doc.documentElement.namespaceURI as string })('//a:session', doc)).length;
    };
    expect(() => select(read(SUPPORT_SESSION.pre))).toThrow(/Cannot resolve QName a/);
    expect(select(read(SUPPORT_SESSION.ns))).toBe(1);
  });

  it('stripping one literal URI before parsing works on 10.6 but not on a later URI; a generic xmlns replace works on all → xml-namespace-strip-literal', () => {
    const sessions = (xml: string): number => nodes(xpath.select('//session', parseDom(xml))).length;
    expect(inProcess(SUPPORT_SESSION, (xml) => sessions(xml.replace(` xmlns="${NS_10_6}"`, '')), true), 'literal URI').toEqual(expected(1, 1, 0));
    expect(inProcess(SUPPORT_SESSION, (xml) => sessions(xml.replace(/\sxmlns="[^"]*"/g, '')), true), 'generic replace').toEqual(expected(1, 1, 1));
  });
});

describe('JS fast-xml-parser', () => {
  const parse = (xml: string, options: Partial<X2jOptions> = {}): Record<string, unknown> => new XMLParser(options).parse(xml) as Record<string, unknown>;

  it('default options: a text-only root stays a string on 10.6 (attributes are ignored) → xml-leaf-value-equality stays silent', () => {
    for (const leaf of LEAVES) expect(inProcess(leaf, (xml) => parse(xml)[leaf.root]), leaf.name).toEqual(expected(leaf.text, leaf.text));
  });

  it("ignoreAttributes: false: a text-only root turns from a string into { '#text', '@_xmlns' } on 10.6 → xml-leaf-value-equality", () => {
    for (const leaf of LEAVES) {
      expect(inProcess(leaf, (xml) => parse(xml, { ignoreAttributes: false })[leaf.root]), leaf.name).toEqual(expected(leaf.text, { '#text': leaf.text, '@_xmlns': NS_10_6 }));
    }
  });

  it("ignoreAttributes: false: an empty list root turns from '' into { '@_xmlns' } on 10.6 → xml-leaf-value-equality (empty-root test)", () => {
    expect(inProcess(SUPPORT_SESSION, (xml) => parse(emptied(xml, 'session_list'), { ignoreAttributes: false }).session_list)).toEqual(expected('', { '@_xmlns': NS_10_6 }));
  });

  it('removeNSPrefix: true (the fix the rule suggests) keeps text-only and empty roots identical on both, attributes included', () => {
    const options = { ignoreAttributes: false, removeNSPrefix: true };
    for (const leaf of LEAVES) expect(inProcess(leaf, (xml) => parse(xml, options)[leaf.root]), leaf.name).toEqual(expected(leaf.text, leaf.text));
    expect(inProcess(SUPPORT_SESSION, (xml) => parse(emptied(xml, 'session_list'), options).session_list), 'empty list').toEqual(expected('', ''));
  });

  it('list access (root.item) keeps working on 10.6', () => {
    for (const list of LISTS) {
      expect(inProcess(list, (xml) => count((parse(xml, { ignoreAttributes: false })[list.root] as Record<string, unknown>)[list.item])), list.name).toEqual(expected(list.count, list.count));
    }
  });
});

describe('JS xml2js', () => {
  const parse = async (xml: string, options: xml2js.ParserOptions = {}): Promise<Record<string, unknown>> => (await xml2js.parseStringPromise(xml, options)) as Record<string, unknown>;
  /** inProcess for xml2js's async parser. */
  const parsed = async (pair: Pair, pick: (result: Record<string, unknown>) => unknown, options: xml2js.ParserOptions = {}, transform = (xml: string) => xml) =>
    expected(pick(await parse(transform(read(pair.pre)), options)), pick(await parse(transform(read(pair.ns)), options)));

  it('default options: a text-only root turns from a string into { _, $: { xmlns } } on 10.6 → xml-leaf-value-equality', async () => {
    for (const leaf of LEAVES) {
      expect(await parsed(leaf, (r) => r[leaf.root]), leaf.name).toEqual(expected(leaf.text, { _: leaf.text, $: { xmlns: NS_10_6 } }));
    }
  });

  it("tagNameProcessors/attrNameProcessors: [stripPrefix] does not help: the root still becomes an object (the rule's fix text says so)", async () => {
    const options = { tagNameProcessors: [xml2js.processors.stripPrefix], attrNameProcessors: [xml2js.processors.stripPrefix] };
    for (const leaf of LEAVES) {
      expect(await parsed(leaf, (r) => r[leaf.root], options), leaf.name).toEqual(expected(leaf.text, { _: leaf.text, $: { xmlns: NS_10_6 } }));
    }
  });

  it("default options: an empty list root turns from '' into { $: { xmlns } } on 10.6 → xml-leaf-value-equality (empty-root test)", async () => {
    expect(await parsed(SUPPORT_SESSION, (r) => r.session_list, {}, (xml) => emptied(xml, 'session_list'))).toEqual(expected('', { $: { xmlns: NS_10_6 } }));
  });

  it('the fixes the rule suggests keep the text on both: ignoreAttrs: true, and explicitCharkey: true with ._', async () => {
    for (const leaf of LEAVES) {
      expect(await parsed(leaf, (r) => r[leaf.root], { ignoreAttrs: true }), `${leaf.name} ignoreAttrs`).toEqual(expected(leaf.text, leaf.text));
      expect(await parsed(leaf, (r) => (r[leaf.root] as { _: string })._, { explicitCharkey: true }), `${leaf.name} explicitCharkey`).toEqual(expected(leaf.text, leaf.text));
    }
    expect(await parsed(SUPPORT_SESSION, (r) => r.session_list, { ignoreAttrs: true }, (xml) => emptied(xml, 'session_list')), 'empty list, ignoreAttrs').toEqual(expected('', ''));
  });

  it('list access (root.item) keeps working on 10.6', async () => {
    for (const list of LISTS) {
      expect(await parsed(list, (r) => count((r[list.root] as Record<string, unknown>)[list.item])), list.name).toEqual(expected(list.count, list.count));
    }
  });
});

describe('JS raw text (String.prototype, RegExp)', () => {
  it("a root tag literal with its closing '>' matches before 10.6 and not on 10.6 → xml-literal-tag-match", () => {
    for (const list of LISTS) expect(inProcess(list, (xml) => xml.includes(`<${list.root}>`)), list.name).toEqual(expected(true, false));
    for (const leaf of LEAVES) {
      expect(inProcess(leaf, (xml) => xml.includes(`<${leaf.root}>${leaf.text}</${leaf.root}>`)), `${leaf.name} includes`).toEqual(expected(true, false));
      expect(inProcess(leaf, (xml) => new RegExp(`<${leaf.root}>(.*?)</${leaf.root}>`).exec(xml)?.[1]), `${leaf.name} regex`).toEqual(expected(leaf.text, undefined));
    }
    expect(inProcess(SUPPORT_SESSION, (xml) => emptied(xml, 'session_list').includes('<session_list/>')), 'empty list').toEqual(expected(true, false));
  });

  it("matches that stop before the attributes, and inner elements, keep matching (the rule reports roots only)", () => {
    for (const list of LISTS) expect(inProcess(list, (xml) => new RegExp(`<${list.root}[\\s>/]`).test(xml)), list.name).toEqual(expected(true, true));
    for (const leaf of LEAVES) {
      expect(inProcess(leaf, (xml) => new RegExp(`<${leaf.root}\\b[^>]*>(.*?)</${leaf.root}>`).exec(xml)?.[1]), leaf.name).toEqual(expected(leaf.text, leaf.text));
    }
    expect(inProcess(SUPPORT_SESSION, (xml) => xml.includes('<session_type>support</session_type>')), 'inner element').toEqual(expected(true, true));
  });
});

// ---------------------------------------------------------------------------
// Python (Debian /usr/bin/python3: ElementTree, minidom, xml.sax, lxml, xmltodict)
// ---------------------------------------------------------------------------

describe.skipIf(!python.available && !IN_CI)(titled('Python', python), () => {
  let py: Results;
  let versions: Styles;
  beforeAll(async () => {
    ({ results: py, runtime: versions } = await probed(python));
  });

  describe('xml.etree.ElementTree', () => {
    it("find/findall/iter with a bare name ('session', './/session') find items before 10.6 and none on 10.6 → xml-unprefixed-xpath", () => {
      for (const list of LISTS) {
        expect(verdict(py, list, 'et_find'), `${list.name} find('${list.item}') is not None`).toEqual(expected(true, false));
        expect(verdict(py, list, 'et_findall'), `${list.name} findall('${list.item}')`).toEqual(expected(list.count, 0));
        expect(verdict(py, list, 'et_findall_descendants'), `${list.name} findall('.//${list.item}')`).toEqual(expected(list.count, 0));
        expect(verdict(py, list, 'et_iter'), `${list.name} iter('${list.item}')`).toEqual(expected(list.count, 0));
      }
    });

    it("root.tag == 'error' is true before 10.6 and false on 10.6 (tags become '{uri}local') → xml-null-namespace-lookup", () => {
      for (const pair of [...LISTS, ...LEAVES]) {
        expect(verdict(py, pair, 'et_tag_eq'), `${pair.name} root.tag == '${pair.root}'`).toEqual(expected(true, false));
        expect(verdict(py, pair, 'et_tag'), pair.name).toEqual(expected(pair.root, `{${NS_10_6}}${pair.root}`));
      }
    });

    it("'{*}item' works in findall on Python ≥ 3.8 but never in iter, which finds nothing on either document", () => {
      // On 3.6/3.7 '{*}' silently matches nothing on both documents (checked by hand on pyenv builds).
      const [major = 0, minor = 0] = String(versions.python).split('.').map(Number);
      expect(major * 100 + minor, `/usr/bin/python3 is ${String(versions.python)}; '{*}' needs 3.8+`).toBeGreaterThanOrEqual(308);
      for (const list of LISTS) {
        expect(verdict(py, list, 'et_findall_star'), `${list.name} findall('{*}${list.item}')`).toEqual(expected(list.count, list.count));
        expect(verdict(py, list, 'et_findall_descendants_star'), `${list.name} findall('.//{*}${list.item}')`).toEqual(expected(list.count, list.count));
        expect(verdict(py, list, 'et_iter_star'), `${list.name} iter('{*}${list.item}')`).toEqual(expected(0, 0));
      }
    });

    it("local-name comparisons, attributes and text are unaffected (the safe patterns)", () => {
      for (const list of LISTS) {
        expect(verdict(py, list, 'et_iter_localname'), `${list.name} tag.rpartition('}')[2]`).toEqual(expected(list.count, list.count));
        expect((verdict(py, list, 'et_findall_lsid_attribute')['10.6'] as string[]).length, `${list.name} .//*[@lsid]`).toBe(list.count);
      }
      for (const leaf of LEAVES) {
        expect(verdict(py, leaf, 'et_text'), leaf.name).toEqual(expected(leaf.text, leaf.text));
        expect(verdict(py, leaf, 'et_tag_localname_eq'), leaf.name).toEqual(expected(true, true));
      }
    });

    it("findall('{<10.6 URI>}item') finds items only on 10.6, not before it nor on a later URI → xml-pinned-namespace-uri", () => {
      expect(verdict(py, SUPPORT_SESSION, 'et_findall_hardcoded_uri', true)).toEqual(expected(0, 1, 0));
    });
  });

  describe('xml.dom.minidom', () => {
    it('getElementsByTagName finds items before and on 10.6 → not flagged', () => {
      for (const list of LISTS) expect(verdict(py, list, 'minidom_getElementsByTagName'), list.name).toEqual(expected(list.count, list.count));
      for (const leaf of LEAVES) expect(verdict(py, leaf, 'minidom_text'), leaf.name).toEqual(expected(leaf.text, leaf.text));
    });

    it('getElementsByTagNameNS(None, item) finds items before 10.6 and none on 10.6 → xml-null-namespace-lookup', () => {
      for (const list of LISTS) expect(verdict(py, list, 'minidom_getElementsByTagNameNS_none'), list.name).toEqual(expected(list.count, 0));
    });

    it("getElementsByTagNameNS('*', item) finds items on both", () => {
      for (const list of LISTS) expect(verdict(py, list, 'minidom_getElementsByTagNameNS_star'), list.name).toEqual(expected(list.count, list.count));
    });
  });

  describe('xml.sax', () => {
    it("namespace-aware SAX: name == (None, 'session') matches before 10.6 and never on 10.6 → xml-null-namespace-lookup; plain SAX names are unaffected", () => {
      for (const list of LISTS) {
        expect(verdict(py, list, 'sax_ns_none_tuple'), `${list.name} feature_namespaces`).toEqual(expected(list.count, 0));
        expect(verdict(py, list, 'sax_name'), `${list.name} default`).toEqual(expected(list.count, list.count));
      }
    });
  });

  describe('lxml', () => {
    it("xpath('//item'), xpath('item'), findall('.//item') and iter('item') find items before 10.6 and none on 10.6 → xml-unprefixed-xpath", () => {
      for (const list of LISTS) {
        expect(verdict(py, list, 'lxml_xpath'), `${list.name} xpath('//${list.item}')`).toEqual(expected(list.count, 0));
        expect(verdict(py, list, 'lxml_xpath_child'), `${list.name} xpath('${list.item}')`).toEqual(expected(list.count, 0));
        expect(verdict(py, list, 'lxml_findall_descendants'), `${list.name} findall`).toEqual(expected(list.count, 0));
        expect(verdict(py, list, 'lxml_iter'), `${list.name} iter`).toEqual(expected(list.count, 0));
      }
    });

    it("xpath('string(/error)') reads the text before 10.6 and '' on 10.6 → xml-unprefixed-xpath", () => {
      for (const leaf of LEAVES) expect(verdict(py, leaf, 'lxml_xpath_string'), leaf.name).toEqual(expected(leaf.text, ''));
    });

    it("root.tag == 'error' is true before 10.6 and false on 10.6 → xml-null-namespace-lookup", () => {
      for (const pair of [...LISTS, ...LEAVES]) expect(verdict(py, pair, 'lxml_tag_eq'), pair.name).toEqual(expected(true, false));
    });

    it("local-name() XPath, iter('{*}item') (unlike ElementTree) and objectify attribute access work on both", () => {
      for (const list of LISTS) {
        const both = expected(list.count, list.count);
        expect(verdict(py, list, 'lxml_xpath_local_name'), `${list.name} local-name()`).toEqual(both);
        expect(verdict(py, list, 'lxml_iter_star'), `${list.name} iter('{*}${list.item}')`).toEqual(both);
        expect(verdict(py, list, 'objectify_attribute'), `${list.name} objectify root.${list.item}`).toEqual(both);
      }
      for (const leaf of LEAVES) expect(verdict(py, leaf, 'lxml_xpath_string_local_name'), leaf.name).toEqual(expected(leaf.text, leaf.text));
    });

    it("xpath('//a:item', namespaces={'a': <10.6 URI>}) finds items only on 10.6 → xml-pinned-namespace-uri", () => {
      expect(verdict(py, SUPPORT_SESSION, 'lxml_xpath_hardcoded_uri', true)).toEqual(expected(0, 1, 0));
    });

    it('XMLSchema without targetNamespace accepts the pre-10.6 response and rejects the 10.6 one at the root → xml-schema-without-namespace', () => {
      const seen = verdict(py, SUPPORT_SESSION, 'xsd:support-session.no-namespace.xsd');
      expect(seen['pre-10.6']).toEqual({ valid: true, error: null });
      expect(seen['10.6']).toEqual({ valid: false, error: `Element '{${NS_10_6}}session_list': No matching global declaration available for the validation root.` });
    });

    it("the namespaced schema does the opposite, and without elementFormDefault='qualified' fails the 10.6 response at <session> (the rule's fix text)", () => {
      const qualified = verdict(py, SUPPORT_SESSION, 'xsd:support-session.namespaced.xsd');
      expect(qualified['pre-10.6']).toMatchObject({ valid: false });
      expect(qualified['10.6']).toEqual({ valid: true, error: null });
      expect(verdict(py, SUPPORT_SESSION, 'xsd:support-session.namespaced-unqualified.xsd')['10.6']).toEqual({
        valid: false,
        error: expect.stringContaining(`Element '{${NS_10_6}}session': This element is not expected`),
      });
    });
  });

  describe('xmltodict', () => {
    it("a text-only root turns from a string into {'@xmlns', '#text'} on 10.6 → xml-leaf-value-equality", () => {
      for (const leaf of LEAVES) expect(verdict(py, leaf, 'xmltodict_leaf'), leaf.name).toEqual(expected(leaf.text, { '@xmlns': NS_10_6, '#text': leaf.text }));
    });

    it("xml_attribs=False and force_cdata=True ['#text'] keep the text on both (the safe patterns)", () => {
      for (const leaf of LEAVES) {
        expect(verdict(py, leaf, 'xmltodict_leaf_xml_attribs_false'), leaf.name).toEqual(expected(leaf.text, leaf.text));
        expect(verdict(py, leaf, 'xmltodict_leaf_force_cdata'), leaf.name).toEqual(expected(leaf.text, leaf.text));
      }
    });

    it("list access d[root][item] keeps working; the root only gains an '@xmlns' key", () => {
      for (const list of LISTS) {
        expect(verdict(py, list, 'xmltodict_items'), list.name).toEqual(expected(list.count, list.count));
        expect(verdict(py, list, 'xmltodict_root_keys'), list.name).toEqual(expected([list.item], ['@xmlns', list.item]));
      }
    });
  });
});

// ---------------------------------------------------------------------------
// Java (JDK JAXP: DOM, XPath, StAX, SAX, javax.xml.validation)
// ---------------------------------------------------------------------------

describe.skipIf(!java.available && !IN_CI)(titled('Java', java), () => {
  let jv: Results;
  beforeAll(async () => {
    ({ results: jv } = await probed(java));
  });

  describe('DOM, default DocumentBuilderFactory (not namespace-aware)', () => {
    it('getElementsByTagName finds items before and on 10.6 → not flagged', () => {
      for (const list of LISTS) expect(verdict(jv, list, 'dom_default_getElementsByTagName'), list.name).toEqual(expected(list.count, list.count));
    });

    it("XPath '//item' and the lsid path keep working on 10.6, because the DOM carries no namespace URIs → xml-unprefixed-xpath must look at how the DOM was built", () => {
      for (const list of LISTS) expect(verdict(jv, list, 'dom_default_xpath'), list.name).toEqual(expected(list.count, list.count));
      expect(verdict(jv, SUPPORT_SESSION, 'dom_default_xpath_lsid')).toEqual(expected('48213', 'c69a8e10bea9428f816cfababe9815fe'));
      for (const leaf of LEAVES) expect(verdict(jv, leaf, 'dom_default_xpath_string'), leaf.name).toEqual(expected(leaf.text, leaf.text));
    });

    it("the usual 'fixes' find nothing on either document here: getElementsByTagNameNS('*', item) and a prefix bound to the 10.6 URI", () => {
      for (const list of LISTS) expect(verdict(jv, list, 'dom_default_getElementsByTagNameNS_star'), list.name).toEqual(expected(0, 0));
      expect(verdict(jv, SUPPORT_SESSION, 'dom_default_xpath_hardcoded_uri', true)).toEqual(expected(0, 0, 0));
    });
  });

  describe('DOM, setNamespaceAware(true)', () => {
    it("XPath '//item', the lsid path and 'string(/error)' find items before 10.6 and nothing on 10.6 → xml-unprefixed-xpath", () => {
      for (const list of LISTS) expect(verdict(jv, list, 'dom_ns_xpath'), list.name).toEqual(expected(list.count, 0));
      expect(verdict(jv, SUPPORT_SESSION, 'dom_ns_xpath_lsid')).toEqual(expected('48213', ''));
      for (const leaf of LEAVES) expect(verdict(jv, leaf, 'dom_ns_xpath_string'), leaf.name).toEqual(expected(leaf.text, ''));
    });

    it('getElementsByTagNameNS(null, item) finds items before 10.6 and none on 10.6 → xml-null-namespace-lookup', () => {
      for (const list of LISTS) expect(verdict(jv, list, 'dom_ns_getElementsByTagNameNS_null'), list.name).toEqual(expected(list.count, 0));
    });

    it("getElementsByTagName, getElementsByTagNameNS('*', item) and local-name() XPath work on both", () => {
      for (const list of LISTS) {
        const both = expected(list.count, list.count);
        expect(verdict(jv, list, 'dom_ns_getElementsByTagName'), `${list.name} getElementsByTagName`).toEqual(both);
        expect(verdict(jv, list, 'dom_ns_getElementsByTagNameNS_star'), `${list.name} NS('*')`).toEqual(both);
        expect(verdict(jv, list, 'dom_ns_xpath_local_name'), `${list.name} local-name()`).toEqual(both);
      }
      for (const leaf of LEAVES) expect(verdict(jv, leaf, 'dom_ns_xpath_string_local_name'), leaf.name).toEqual(expected(leaf.text, leaf.text));
    });

    it('a NamespaceContext bound to the 10.6 URI finds items only on 10.6 → xml-pinned-namespace-uri', () => {
      expect(verdict(jv, SUPPORT_SESSION, 'dom_ns_xpath_hardcoded_uri', true)).toEqual(expected(0, 1, 0));
    });
  });

  describe('javax.xml.xpath on an InputSource', () => {
    it("evaluate('count(//item)') and evaluate('/error') break on 10.6 (the JDK parses namespace-aware) → xml-unprefixed-xpath", () => {
      for (const list of LISTS) {
        expect(verdict(jv, list, 'inputsource_xpath_count'), list.name).toEqual(expected(String(list.count), '0'));
        expect(verdict(jv, list, 'inputsource_xpath_local_name_count'), `${list.name} local-name()`).toEqual(expected(String(list.count), String(list.count)));
      }
      for (const leaf of LEAVES) expect(verdict(jv, leaf, 'inputsource_xpath_string'), leaf.name).toEqual(expected(leaf.text, ''));
    });
  });

  describe('StAX and SAX', () => {
    it('StAX getName().equals(new QName(item)) matches before 10.6 and never on 10.6 → xml-null-namespace-lookup; getLocalName() and SAX qName are unaffected', () => {
      for (const list of LISTS) {
        expect(verdict(jv, list, 'stax_qname_equals'), `${list.name} QName`).toEqual(expected(list.count, 0));
        expect(verdict(jv, list, 'stax_local_name'), `${list.name} getLocalName`).toEqual(expected(list.count, list.count));
        expect(verdict(jv, list, 'sax_default_qname'), `${list.name} SAX qName`).toEqual(expected(list.count, list.count));
      }
    });
  });

  describe('javax.xml.validation (Xerces)', () => {
    it("a schema without targetNamespace accepts the pre-10.6 response and rejects the 10.6 one with cvc-elt.1.a → xml-schema-without-namespace", () => {
      const seen = verdict(jv, SUPPORT_SESSION, 'xsd:support-session.no-namespace.xsd');
      expect(seen['pre-10.6']).toEqual({ valid: true, error: null });
      expect(seen['10.6']).toEqual({ valid: false, error: "cvc-elt.1.a: Cannot find the declaration of element 'session_list'." });
      expect(verdict(jv, SUPPORT_SESSION, 'xsd:support-session.namespaced.xsd')['10.6']).toEqual({ valid: true, error: null });
    });
  });
});

// ---------------------------------------------------------------------------
// PHP (SimpleXML, DOM; libxml2)
// ---------------------------------------------------------------------------

describe.skipIf(!php.available && !IN_CI)(titled('PHP', php), () => {
  let ph: Results;
  beforeAll(async () => {
    ({ results: ph } = await probed(php));
  });

  describe('SimpleXML', () => {
    it('property access ($x->item, ->children(), [\'lsid\'], (string)$x) keeps working on 10.6 → not flagged', () => {
      for (const list of LISTS) {
        expect(verdict(ph, list, 'simplexml_property'), `${list.name} $x->${list.item}`).toEqual(expected(list.count, list.count));
        expect(verdict(ph, list, 'simplexml_children'), `${list.name} children()`).toEqual(expected(list.count, list.count));
      }
      expect(verdict(ph, SUPPORT_SESSION, 'simplexml_property_lsid')).toEqual(expected('48213', 'c69a8e10bea9428f816cfababe9815fe'));
      for (const leaf of LEAVES) expect(verdict(ph, leaf, 'simplexml_string'), leaf.name).toEqual(expected(leaf.text, leaf.text));
    });

    it("->xpath('//item'), ->xpath('item') and ->xpath('/error') find items before 10.6 and nothing on 10.6 → xml-unprefixed-xpath", () => {
      for (const list of LISTS) {
        expect(verdict(ph, list, 'simplexml_xpath'), `${list.name} //${list.item}`).toEqual(expected(list.count, 0));
        expect(verdict(ph, list, 'simplexml_xpath_child'), `${list.name} ${list.item}`).toEqual(expected(list.count, 0));
        expect(verdict(ph, list, 'simplexml_xpath_local_name'), `${list.name} local-name()`).toEqual(expected(list.count, list.count));
      }
      for (const leaf of LEAVES) expect(verdict(ph, leaf, 'simplexml_xpath_string'), leaf.name).toEqual(expected(leaf.text, ''));
    });

    it('registerXPathNamespace and children() with the 10.6 URI find items only on 10.6 → xml-pinned-namespace-uri', () => {
      expect(verdict(ph, SUPPORT_SESSION, 'simplexml_xpath_hardcoded_uri', true)).toEqual(expected(0, 1, 0));
      expect(verdict(ph, SUPPORT_SESSION, 'simplexml_children_hardcoded_uri', true)).toEqual(expected(0, 1, 0));
    });
  });

  describe('DOMDocument / DOMXPath', () => {
    it("getElementsByTagName and getElementsByTagNameNS('*', item) find items on both → not flagged", () => {
      for (const list of LISTS) {
        expect(verdict(ph, list, 'dom_getElementsByTagName'), list.name).toEqual(expected(list.count, list.count));
        expect(verdict(ph, list, 'dom_getElementsByTagNameNS_star'), list.name).toEqual(expected(list.count, list.count));
      }
    });

    it("getElementsByTagNameNS(null, item) and ('', item) find items before 10.6 and none on 10.6 → xml-null-namespace-lookup", () => {
      for (const list of LISTS) {
        expect(verdict(ph, list, 'dom_getElementsByTagNameNS_null'), `${list.name} null`).toEqual(expected(list.count, 0));
        expect(verdict(ph, list, 'dom_getElementsByTagNameNS_empty'), `${list.name} ''`).toEqual(expected(list.count, 0));
      }
    });

    it("DOMXPath query('//item'), the lsid path and evaluate('string(/error)') break on 10.6 → xml-unprefixed-xpath; local-name() and count(//@lsid) do not", () => {
      for (const list of LISTS) {
        expect(verdict(ph, list, 'domxpath_query'), `${list.name} //${list.item}`).toEqual(expected(list.count, 0));
        expect(verdict(ph, list, 'domxpath_local_name'), `${list.name} local-name()`).toEqual(expected(list.count, list.count));
        expect(verdict(ph, list, 'domxpath_attribute_only'), `${list.name} count(//@lsid)`).toEqual(expected(list.count, list.count));
      }
      expect(verdict(ph, SUPPORT_SESSION, 'domxpath_lsid')).toEqual(expected('48213', ''));
      for (const leaf of LEAVES) {
        expect(verdict(ph, leaf, 'domxpath_string'), leaf.name).toEqual(expected(leaf.text, ''));
        expect(verdict(ph, leaf, 'domxpath_string_local_name'), leaf.name).toEqual(expected(leaf.text, leaf.text));
        expect(verdict(ph, leaf, 'dom_textContent'), leaf.name).toEqual(expected(leaf.text, leaf.text));
      }
    });

    it('schemaValidate with a schema without targetNamespace accepts the pre-10.6 response and rejects the 10.6 one → xml-schema-without-namespace', () => {
      const seen = verdict(ph, SUPPORT_SESSION, 'xsd:support-session.no-namespace.xsd');
      expect(seen['pre-10.6']).toEqual({ valid: true, error: null });
      expect(seen['10.6']).toEqual({ valid: false, error: `Element '{${NS_10_6}}session_list': No matching global declaration available for the validation root.` });
    });
  });
});
