import { describe, expect, it } from 'vitest';
import { namedSubject } from '../src/knowledge/names.js';
import { capturesLsidAsDigits } from '../src/knowledge/lsid-patterns.js';
import { literalRootTag, stripsOneNamespace } from '../src/knowledge/xml-strings.js';
import { unprefixedElementNames } from '../src/knowledge/xpath.js';

describe('unprefixedElementNames', () => {
  it.each([
    ['//session', ['session']],
    ['/session_list/session/@lsid', ['session_list', 'session']],
    ['string(//error)', ['error']],
    ['//*[self::session]', ['session']],
    ['//session/attribute::lsid', ['session']],
    ['//session[lseq > 3 and start_time]', ['session', 'lseq', 'start_time']],
    ['//*[local-name()="session"]', []],
    ["/*[local-name()='session_list']/*[local-name()='session']/@lsid", []],
    ['//@lsid', []],
    ['count(//*[@lsid])', []],
    ['//a:session', []],
    ['string(/*)', []],
    ['//x:session/text()', []],
    ['//session[@lsid = $id]', ['session']],
  ])('%s', (expression, names) => {
    expect(unprefixedElementNames(expression)).toEqual(names);
  });
});

describe('namedSubject', () => {
  it.each([
    ['lsid', 'lsid', 'value'], ['lastLsid', 'lsid', 'value'], ['session_lsid', 'lsid', 'value'], ['@_lsid', 'lsid', 'value'],
    ['LSID', 'lsid', 'value'], ['lsids', 'lsid', 'collection'], ['lsidList', 'lsid', 'collection'], ['maxLseq', 'lseq', 'value'],
    ['lsidCount', 'lsid', undefined], ['isLsid', 'lsid', undefined], ['hasLsid', 'lsid', undefined], ['lsidIndex', 'lsid', undefined],
    ['lseq', 'lsid', undefined], ['clsid', 'lsid', undefined],
  ] as const)('%s names %s: %s', (name, subject, shape) => {
    expect(namedSubject(name, subject)).toBe(shape);
  });
});

describe('string patterns', () => {
  it('finds root tags that include the closing >', () => {
    expect(literalRootTag('<error>Login failed</error>')).toBe('<error>');
    expect(literalRootTag('<session_list/>')).toBe('<session_list/>');
    expect(literalRootTag('<session_list')).toBeUndefined();
    expect(literalRootTag('<lseq>')).toBeUndefined();
    expect(literalRootTag('<error\\b[^>]*>')).toBeUndefined();
  });
  it('tells a one-URI namespace strip from a generic one', () => {
    expect(stripsOneNamespace(' xmlns="http://www.bomgar.com/namespaces/API/reporting"')).toBe(true);
    expect(stripsOneNamespace('\\sxmlns="http:\\/\\/www\\.bomgar\\.com[^"]*"')).toBe(true);
    expect(stripsOneNamespace('\\sxmlns="[^"]*"')).toBe(false);
  });
  it('recognises digit captures of an LSID', () => {
    expect(capturesLsidAsDigits('lsid="(\\d+)"')).toBe(true);
    expect(capturesLsidAsDigits('<session lsid="([0-9]+)">')).toBe(true);
    expect(capturesLsidAsDigits('/sessions/:lsid(\\d+)')).toBe(true);
    expect(capturesLsidAsDigits('(?<lsid>\\d+)')).toBe(true);
    expect(capturesLsidAsDigits('lsid="([^"]+)"')).toBe(false);
    expect(capturesLsidAsDigits('gsnumber="(\\d+)"')).toBe(false);
  });
});

describe('precision of names and patterns', () => {
  it.each(['eventsByLsid', 'rowForLsid', 'countPerLsid', 'surrogateIdForLsid', 'sessionFromLsid', 'validateLsid'])('%s is not an LSID', (name) => {
    expect(namedSubject(name, 'lsid')).toBeUndefined();
  });
  it('does not read digits captured after another parameter as the LSID', () => {
    expect(capturesLsidAsDigits('lsid=\\w+&rep_id=(\\d+)')).toBe(false);
    expect(capturesLsidAsDigits('lsid\\s*=\\s*"(\\d+)"')).toBe(true);
    expect(capturesLsidAsDigits('lsid%3D(\\d+)')).toBe(true);
  });
});
