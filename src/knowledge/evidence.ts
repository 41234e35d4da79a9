import type { ContextEvidence } from '../types.js';
import type { ContextSettings } from '../languages/adapter.js';
import {
  COMMAND_ACTIONS, DISTINCTIVE_ELEMENTS, ENDPOINT_PATTERN, NAMESPACE_URI_PATTERN, OUTBOUND_EVENTS, REPORT_TYPES,
  SESSION_LSID_MARKUP_PATTERN, VENDOR_WORD_PATTERN,
} from './bomgar.js';

/** Command names too generic to identify the Bomgar API without an `action=` next to them. */
const GENERIC_ACTIONS = new Set(['check_health']);

const DISTINCTIVE_WORD = new RegExp(`(?<![\\w])(?:${[...DISTINCTIVE_ELEMENTS].join('|')})(?![\\w])`);
const NAMESPACE_URI_IN_TEXT = /https?:\/\/www\.(?:networkstreaming\.com|bomgar\.com|beyondtrust\.com)\/(?:sra\/)?namespaces\/API/;

/** Why a string literal (or pattern) in code shows that the code talks to the Bomgar API, if it does. */
export function stringEvidence(text: string, settings: ContextSettings): ContextEvidence['kind'] | undefined {
  if (ENDPOINT_PATTERN.test(text) || /generate_report=/.test(text)) return 'endpoint';
  if (REPORT_TYPES.has(text)) return 'report';
  const action = /(?:^|[?&])action=(\w+)/.exec(text)?.[1];
  if ((action && COMMAND_ACTIONS.has(action)) || (COMMAND_ACTIONS.has(text) && !GENERIC_ACTIONS.has(text))) return 'command';
  if (OUTBOUND_EVENTS.has(text)) return 'event';
  if (NAMESPACE_URI_PATTERN.test(text) || NAMESPACE_URI_IN_TEXT.test(text)) return 'namespace';
  if (SESSION_LSID_MARKUP_PATTERN.test(text) || DISTINCTIVE_WORD.test(text)) return 'element';
  if (VENDOR_WORD_PATTERN.test(text)) return 'config';
  if (settings.hosts.some((host) => text.includes(host))) return 'config';
  if (settings.urlPatterns.some((pattern) => globToRegExp(pattern).test(text))) return 'config';
  return undefined;
}

/** Why an identifier or property name shows Bomgar code: `session_list`, `lseq`, `BomgarClient`. */
export function nameEvidence(name: string): ContextEvidence['kind'] | undefined {
  if (DISTINCTIVE_ELEMENTS.has(name)) return 'element';
  if (VENDOR_WORD_PATTERN.test(name)) return 'config';
  return undefined;
}

/** Whether an imported module is a configured Bomgar wrapper or names the vendor. */
export function moduleEvidence(specifier: string, settings: ContextSettings): ContextEvidence['kind'] | undefined {
  if (settings.modules.includes(specifier)) return 'config';
  return VENDOR_WORD_PATTERN.test(specifier) ? 'config' : undefined;
}

const globCache = new Map<string, RegExp>();

function globToRegExp(pattern: string): RegExp {
  let regex = globCache.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*'));
    globCache.set(pattern, regex);
  }
  return regex;
}
