// Which list entry an approved report becomes: the whole registrable domain for a scam site of its
// own, but only the scammer's part of a shared host (a path on sites.google.com, one subdomain of
// weebly.com), so approving a report can never block a platform millions of honest people use.
import { parse } from 'tldts';
import type { EntryKind } from '../types.ts';
import { normalizeEntryValue } from '../blocklist/entry-value.ts';
import { findSharedSite, isProtectedDomain } from '../lookalike/brands.ts';

export interface SuggestedEntry {
  kind: EntryKind;
  /** As the sources files write it: `evil.com`, `evil.weebly.com`, `sites.google.com/view/x`. */
  value: string;
}

export type EntrySuggestion = { ok: true; entry: SuggestedEntry } | { ok: false; reason: string };

/**
 * Hosts where the first path segments name the tenant: `*` is that tenant's segment. The first
 * pattern that fits wins; when none fits, the page's whole path is the prefix (never the host).
 */
const PATH_TENANT_HOSTS: Record<string, string[]> = {
  'sites.google.com': ['view/*', 'site/*', 'a/*/*'],
  'docs.google.com': ['forms/d/e/*', '*/d/*'],
  'drive.google.com': ['file/d/*', 'drive/folders/*'],
  'script.google.com': ['macros/s/*'],
  'storage.googleapis.com': ['*'],
  'firebasestorage.googleapis.com': ['v0/b/*'],
  'github.com': ['*'],
  'gitlab.com': ['*'],
  'bitbucket.org': ['*'],
  'ipfs.io': ['ipfs/*'],
  'www.dropbox.com': ['s/*', 'scl/fi/*'],
  'dl.dropboxusercontent.com': ['s/*', 'scl/fi/*'],
  'forms.gle': ['*'],
  'linktr.ee': ['*'],
  't.me': ['*'],
  'wa.me': ['*'],
  'telegra.ph': ['*'],
  'bit.ly': ['*'],
  'tinyurl.com': ['*'],
  'www.facebook.com': ['*'],
  'www.instagram.com': ['*'],
  'www.tiktok.com': ['*'],
  'x.com': ['*'],
  'twitter.com': ['*'],
};

/**
 * Site builders that give each customer a subdomain and that neither the Public Suffix List nor
 * the lookalike data's shared hosts (brands.json `sharedHosts`, via `findSharedSite`) know yet.
 */
const MORE_SHARED_HOSTS = ['godaddysites.com', 'jimdosite.com', 'tilda.ws', 'ukit.me', 'glitch.me', '000webhostapp.com'];

/** The entry to add for a canonical http(s) URL, or why none can be suggested safely. */
export function suggestEntry(canonicalUrl: string): EntrySuggestion {
  let url: URL;
  try {
    url = new URL(canonicalUrl);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  const host = url.hostname;
  const patterns = PATH_TENANT_HOSTS[host];
  if (patterns) return suggestPathPrefix(host, url.pathname, patterns);
  const parsed = parse(host, { allowPrivateDomains: true });
  if (parsed.isIp) return { ok: true, entry: { kind: 'host', value: host } };
  if (!parsed.domain) return { ok: false, reason: `${host} is a public suffix, not a site` };
  const tenant = findTenantSite(host, parsed.domain);
  if (tenant === SHARED_HOST_ITSELF) return { ok: false, reason: `${parsed.domain} is a shared host: name the scammer's site on it` };
  if (tenant !== null) return { ok: true, entry: { kind: 'host', value: tenant } };
  // A brand's or top site's own domain is never listed whole: at most the reported page.
  if (isProtectedDomain(host)) return suggestPathPrefix(host, url.pathname, []);
  return { ok: true, entry: { kind: 'domain', value: parsed.domain } };
}

const SHARED_HOST_ITSELF = Symbol('the shared host itself');

/** The customer's site when a host lies on a shared host (`shop.weebly.com`), else null. */
function findTenantSite(host: string, domain: string): string | typeof SHARED_HOST_ITSELF | null {
  const known = findSharedSite(host);
  if (known) return known.site;
  const sharedHost = MORE_SHARED_HOSTS.includes(domain) ? domain : findSharedSite(`x.${domain}`)?.host;
  if (sharedHost !== domain) return null;
  const label = host === domain ? undefined : host.slice(0, -domain.length - 1).split('.').pop();
  return label === undefined || label === 'www' ? SHARED_HOST_ITSELF : `${label}.${domain}`;
}

function suggestPathPrefix(host: string, pathname: string, patterns: string[]): EntrySuggestion {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) return { ok: false, reason: `${host} is never listed whole: the report needs the scam page's path` };
  const fitting = patterns.map((pattern) => pattern.split('/')).find((pattern) => fitsPattern(segments, pattern));
  const kept = fitting ? segments.slice(0, fitting.length) : segments;
  return { ok: true, entry: { kind: 'url-prefix', value: `${host}/${kept.join('/')}` } };
}

function fitsPattern(segments: string[], pattern: string[]): boolean {
  return pattern.length <= segments.length && pattern.every((part, index) => part === '*' || part === segments[index]);
}

/**
 * What reports are grouped under for review: the entry approving them would add (so reports of
 * several pages on one scam domain, or of one site on a shared host, sit together), else the host.
 */
export function reportSite(canonicalUrl: string): string {
  const suggestion = suggestEntry(canonicalUrl);
  if (suggestion.ok) return suggestion.entry.value;
  try {
    return new URL(canonicalUrl).hostname;
  } catch {
    return canonicalUrl;
  }
}

/**
 * A maintainer's own entry (`evil.com`, `login.evil.com`, `sites.google.com/view/x`, with or without
 * `https://`), normalized exactly as `publish` will read it from the sources, or why it cannot be one.
 */
export function parseEntryValue(raw: string): EntrySuggestion {
  const normalized = normalizeEntryValue(raw);
  if (!normalized.ok) return { ok: false, reason: normalized.message };
  return { ok: true, entry: { kind: normalized.kind, value: normalized.value } };
}
