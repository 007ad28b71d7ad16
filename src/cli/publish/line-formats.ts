// One line of a text source list to the raw value it names, whatever list style it comes from:
// plain domains, hosts files, AdBlock network rules, URLs. `auto` recognizes each line's style, so
// mixed files work; a declared format refuses lines of any other style.
import type { SourceFormat } from './directives.ts';

export type LineStyle = 'domains' | 'hosts' | 'adblock' | 'urls';

export type LineReading =
  | { type: 'skip' }
  | { type: 'values'; style: LineStyle; values: string[]; allow: boolean }
  | { type: 'error'; message: string };

const SKIP: LineReading = { type: 'skip' };
/** Addresses hosts files point blocked names at. */
const SINK_ADDRESSES = new Set(['0.0.0.0', '127.0.0.1', '::', '::0', '::1', '0']);
/** Names every hosts file carries for the machine itself. */
const LOCAL_NAMES = new Set(['localhost', 'localhost.localdomain', 'local', 'broadcasthost', 'ip6-localhost',
  'ip6-loopback', 'ip6-localnet', 'ip6-mcastprefix', 'ip6-allnodes', 'ip6-allrouters', 'ip6-allhosts', '0.0.0.0']);
/** AdBlock options that still mean "block the page itself"; any other option narrows the rule. */
const PAGE_OPTIONS = new Set(['document', 'doc', 'all', 'important', 'popup']);

export function readListLine(rawLine: string, format: SourceFormat): LineReading {
  const line = stripInlineComment(rawLine).trim();
  if (line === '' || line.startsWith('#') || line.startsWith('!') || /^\[adblock/i.test(line)) return SKIP;
  const reading = readByStyle(line);
  if (reading.type === 'values' && format !== 'auto' && reading.style !== format) {
    return { type: 'error', message: `a ${reading.style} line in a file declared as ${format}` };
  }
  return reading;
}

function readByStyle(line: string): LineReading {
  if (/#[@?$]?#/.test(line)) return { type: 'error', message: 'an AdBlock element-hiding rule, not a site' };
  if (line.startsWith('||') || line.startsWith('@@') || line.startsWith('|')) return readAdblock(line);
  const tokens = line.split(/\s+/);
  const [first = '', ...rest] = tokens;
  const isAddress = SINK_ADDRESSES.has(first) || /^\d{1,3}(\.\d{1,3}){3}$/.test(first);
  if (isAddress && rest.length > 0) return readHosts(first, rest);
  if (rest.length > 0) return { type: 'error', message: `expected one value per line, found ${tokens.length}` };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(first)) return { type: 'values', style: 'urls', values: [first], allow: false };
  return { type: 'values', style: 'domains', values: [first], allow: false };
}

function readHosts(address: string, names: string[]): LineReading {
  if (!SINK_ADDRESSES.has(address)) return { type: 'error', message: `hosts line points at ${address}, not a blocking address such as 0.0.0.0` };
  const values = names.filter((name) => !LOCAL_NAMES.has(name.toLowerCase()));
  return { type: 'values', style: 'hosts', values, allow: false };
}

function readAdblock(line: string): LineReading {
  const allow = line.startsWith('@@');
  const rule = allow ? line.slice(2) : line;
  const dollar = rule.indexOf('$');
  const pattern = dollar === -1 ? rule : rule.slice(0, dollar);
  const options = dollar === -1 ? [] : rule.slice(dollar + 1).split(',');
  const narrowing = options.find((option) => !PAGE_OPTIONS.has(option.trim().toLowerCase()));
  if (narrowing !== undefined) return { type: 'error', message: `AdBlock option "${narrowing}" narrows the rule: only page-level rules can be listed` };
  const match = /^\|\|([^/^|*]+)(\/[^^|*]*)?\^?\|?$/.exec(pattern) ?? /^\|(https?:\/\/[^^|*]+)\|?$/.exec(pattern);
  if (!match) return { type: 'error', message: `not an AdBlock rule for a site or page: "${line.slice(0, 80)}"` };
  return { type: 'values', style: 'adblock', values: [`${match[1]}${match[2] ?? ''}`], allow };
}

/** `evil.com  # reported twice` keeps the value; a `#` inside a URL (no space before it) stays. */
function stripInlineComment(line: string): string {
  const index = line.search(/\s#/);
  return index === -1 ? line : line.slice(0, index);
}
