// One list value (`evil.com`, `*.evil.com`, `https://sites.google.com/view/x/`, `1.2.3.4`) to the
// normalized form an index stores and a lookup computes: the same canonicalization as URLs.
import { getPublicSuffix } from 'tldts';
import { canonicalizeUrl } from '../url/canonicalize.ts';
import { LAYOUT, MAX_SUFFIX_LABELS, isAddressHost, locateExpressions } from '../url/expressions.ts';
import { MAX_ENTRY_VALUE_LENGTH } from '../feed/limits.ts';
import type { EntryKind } from '../types.ts';

export type NormalizedValue = { ok: true; kind: EntryKind; value: string } | { ok: false; message: string };

const WILDCARD = /^\*?\./;
const HOST_NAME = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;
const layout = new Int32Array(LAYOUT.size);

const fail = (message: string): NormalizedValue => ({ ok: false, message });

/**
 * `evil.com/x` as `http://evil.com/x`: the same canonical form, reached by the fast path. Only for
 * values starting with a letter or digit and no `scheme:`, where the two readings cannot differ.
 */
function withScheme(value: string): string {
  return /^[a-z0-9]/i.test(value) && !/^[a-z][a-z0-9+.-]*:/i.test(value) ? `http://${value}` : value;
}

export function isPublicSuffix(host: string): boolean {
  return getPublicSuffix(host, { allowPrivateDomains: true, extractHostname: false }) === host;
}

function normalizePrefix(host: string, pathAndQuery: string, kindHint: EntryKind | undefined): NormalizedValue {
  if (kindHint !== undefined && kindHint !== 'url-prefix') {
    return fail(`a ${kindHint} entry is a host name alone, without a path`);
  }
  const value = host + (pathAndQuery.endsWith('/') ? pathAndQuery.slice(0, -1) : pathAndQuery);
  if (value.length > MAX_ENTRY_VALUE_LENGTH) return fail(`longer than ${MAX_ENTRY_VALUE_LENGTH} characters once canonical`);
  return { ok: true, kind: 'url-prefix', value };
}

function normalizeAddress(host: string, isWildcard: boolean, kindHint: EntryKind | undefined): NormalizedValue {
  if (isWildcard || kindHint === 'domain') return fail(`${host} is an IP address, which has no subdomains: list it as a host`);
  return { ok: true, kind: 'host', value: host };
}

function normalizeName(host: string, isWildcard: boolean, kindHint: EntryKind | undefined): NormalizedValue {
  if (!HOST_NAME.test(host)) return fail(`${host} is not a valid host name`);
  if (isPublicSuffix(host)) return fail(`${host} is a public suffix: listing it would block every site under it`);
  if (isWildcard && kindHint === 'host') return fail(`*.${host} covers subdomains: list it as a domain`);
  const labels = host.split('.').length;
  // A url-prefix hint without a path means the whole host.
  const inferred: EntryKind = labels > MAX_SUFFIX_LABELS && !isWildcard ? 'host' : 'domain';
  const kind = isWildcard ? 'domain' : kindHint === 'url-prefix' ? 'host' : (kindHint ?? inferred);
  if (kind === 'domain' && labels > MAX_SUFFIX_LABELS) {
    return fail(`${host} has ${labels} labels and lookups see at most the last ${MAX_SUFFIX_LABELS}: list it as a host`);
  }
  return { ok: true, kind, value: host };
}

/**
 * Normalizes one list value. Without a hint the kind is inferred: a path makes a url-prefix, an IP
 * address or a name deeper than five labels a host, anything else a domain (covering its subdomains).
 * `*.` or a leading dot asks for a domain. Public suffixes (`com`, `co.uk`, `github.io`) are refused.
 */
export function normalizeEntryValue(raw: string, kindHint?: EntryKind): NormalizedValue {
  const trimmed = raw.trim();
  if (trimmed === '') return fail('empty value');
  if (trimmed.length > MAX_ENTRY_VALUE_LENGTH) return fail(`longer than ${MAX_ENTRY_VALUE_LENGTH} characters`);
  const isWildcard = WILDCARD.test(trimmed);
  const canonical = canonicalizeUrl(withScheme(trimmed.replace(WILDCARD, '')));
  if (canonical === null) return fail(`${trimmed} is not a host name or an http(s) URL`);
  locateExpressions(canonical, layout);
  const host = canonical.slice(layout[LAYOUT.hostStart], layout[LAYOUT.hostEnd]);
  const pathAndQuery = canonical.slice(layout[LAYOUT.hostEnd]);
  if (pathAndQuery !== '/') {
    return isWildcard ? fail('a *. entry cannot have a path') : normalizePrefix(host, pathAndQuery, kindHint);
  }
  return isAddressHost(host) ? normalizeAddress(host, isWildcard, kindHint) : normalizeName(host, isWildcard, kindHint);
}

// Char classes of normalized values: 1 a host-name char, 2 also in IPv6 addresses, 3 path-only.
const NAME = 1;
const ADDRESS = 2;
const PATH = 3;
const CHAR_CLASS = new Uint8Array(128).fill(PATH, 0x21, 0x7f);
for (const char of 'abcdefghijklmnopqrstuvwxyz0123456789.-_') CHAR_CLASS[char.charCodeAt(0)] = NAME;
for (const char of '[]:') CHAR_CLASS[char.charCodeAt(0)] = ADDRESS;
CHAR_CLASS[0x23] = 0;

/**
 * A cheap check that a value has the shape normalizeEntryValue gives its kind (length, characters,
 * a path only on url-prefix entries), for entries from a verified feed, which its publisher already
 * normalized: no canonicalization, no public-suffix list. What it lets through can only fail to
 * match, never match more than it says.
 */
export function hasNormalizedShape(kind: EntryKind, value: string): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ENTRY_VALUE_LENGTH) return false;
  const widest = kind === 'domain' ? NAME : kind === 'host' ? ADDRESS : PATH;
  let hostEnd = value.length;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const charClass = code < 128 ? CHAR_CLASS[code]! : 0;
    if (charClass === 0 || charClass > widest) return false;
    if (code === 0x2f && hostEnd === value.length) hostEnd = i;
  }
  return kind === 'url-prefix' ? hostEnd > 0 && hostEnd < value.length : true;
}
