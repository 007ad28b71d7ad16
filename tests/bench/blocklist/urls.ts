// 100k URLs per index: half listed (the entry itself, subdomains, paths, queries; pages under a
// URL-prefix entry) and half not (unlisted siblings and parents, typos, legitimate top sites, other
// pages of the shared hosts), each half checked with a Set.
import type { ListEntry } from '../../../src/core/types.ts';
import { SHARED_HOST_PATHS, pick, type Random } from './dataset.ts';

const PATHS = ['/', '/login', '/wp-admin/index.php', '/claim/airdrop/?wallet=0xabc&id=42', '/verify?session=8f2a#step2', '/a/b/c/d/e.html'];
/** Below a URL-prefix entry, within the directory prefixes a lookup sees. */
const PREFIX_TAILS = ['', '/', '/login', '?id=42', '/claim/step2.html', '#form'];

/** The listed entry a URL falls under, by Sets: a suffix walk over the host, then a walk over the path's prefixes. */
export class SuffixSet {
  private readonly domains = new Set<string>();
  private readonly hosts = new Set<string>();
  private readonly prefixes = new Set<string>();
  private readonly prefixHosts = new Set<string>();

  constructor(entries: readonly ListEntry[]) {
    for (const entry of entries) {
      if (entry.kind === 'url-prefix') {
        this.prefixes.add(entry.value);
        this.prefixHosts.add(entry.value.slice(0, entry.value.indexOf('/')));
      } else (entry.kind === 'domain' ? this.domains : this.hosts).add(entry.value);
    }
  }

  isUrlListed(url: string): boolean {
    const { hostname, pathname, search } = new URL(url);
    return this.isListed(hostname) || (this.prefixHosts.has(hostname) && this.isPathListed(hostname, pathname, search));
  }

  /** The path's directory prefixes, the path and the path with its query, as entries store them (no trailing '/'). */
  private isPathListed(host: string, path: string, search: string): boolean {
    const full = `${host}${path}`;
    for (let slash = path.indexOf('/', 1); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      if (this.prefixes.has(`${host}${path.slice(0, slash)}`)) return true;
    }
    return this.prefixes.has(full.endsWith('/') ? full.slice(0, -1) : full) || (search !== '' && this.prefixes.has(`${full}${search}`));
  }

  isListed(host: string): boolean {
    if (this.hosts.has(host)) return true;
    for (let start = 0; ; ) {
      if (this.domains.has(start === 0 ? host : host.slice(start))) return true;
      const dot = host.indexOf('.', start);
      if (dot < 0) return false;
      start = dot + 1;
    }
  }

  /** True when a host entry other than the host itself is a suffix: peers that match hosts' subdomains would disagree. */
  isBelowHostEntry(host: string): boolean {
    for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      if (this.hosts.has(host.slice(dot + 1))) return true;
    }
    return false;
  }
}

function listedUrl(random: Random, entry: ListEntry): string {
  const scheme = pick(random, ['https://', 'http://']);
  if (entry.kind === 'url-prefix') return `${scheme}${entry.value}${pick(random, PREFIX_TAILS)}`;
  const sub = entry.kind === 'domain' ? pick(random, ['', 'www.', 'secure.login.', 'm.']) : '';
  return `${scheme}${sub}${entry.value}${pick(random, PATHS)}`;
}

/** Another page of a shared host: a sibling of a listed page, or one nobody listed. */
function unlistedSharedUrl(random: Random, prefixes: readonly string[]): string {
  const prefix = pick(random, prefixes);
  const page = random() < 0.5 ? `${prefix}x` : `${pick(random, SHARED_HOST_PATHS)}about-${Math.floor(random() * 1e6).toString(36)}`;
  return `https://${page}${pick(random, PREFIX_TAILS)}`;
}

function mutate(random: Random, name: string): string {
  const dot = name.indexOf('.');
  const label = name.slice(0, dot);
  const at = Math.floor(random() * (label.length - 1));
  const variants = [
    `${label}-x`,
    `${label.slice(0, at)}${label[at + 1]}${label[at]}${label.slice(at + 2)}`,
    `${label.slice(0, at)}q${label.slice(at + 1)}`,
    name.slice(dot + 1).includes('.') ? null : `${label}s`,
  ];
  const variant = pick(random, variants);
  return variant === null ? name.slice(dot + 1) : `${variant}${name.slice(dot)}`;
}

function unlistedHost(random: Random, entries: readonly ListEntry[], topSites: readonly string[]): string {
  const choice = random();
  if (choice < 0.1) return `${pick(random, ['', 'www.'])}${pick(random, topSites)}`;
  const name = pick(random, entries).value;
  // Parents of subdomain entries, siblings and typos of every kind of entry.
  return choice < 0.3 && name.split('.').length > 2 ? name.slice(name.indexOf('.') + 1) : mutate(random, name);
}

/** Browsers refuse some listed names (invalid punycode such as `xn--trzor-7az.com`): no URL can reach them. */
function isNavigable(url: string): boolean {
  return URL.canParse(url);
}

export function makeUrls(random: Random, entries: readonly ListEntry[], topSites: readonly string[], count: number): string[] {
  const reference = new SuffixSet(entries);
  const urls: string[] = [];
  while (urls.length < count / 2) {
    const url = listedUrl(random, pick(random, entries));
    if (isNavigable(url)) urls.push(url);
  }
  // As many pages of shared hosts among the unlisted URLs as among the listed ones.
  const sharedPages = urls.filter((url) => !reference.isListed(new URL(url).hostname)).length;
  const prefixes = entries.filter((entry) => entry.kind === 'url-prefix').map((entry) => entry.value);
  for (let i = 0; i < sharedPages; i++) {
    const url = unlistedSharedUrl(random, prefixes);
    if (!reference.isUrlListed(url)) urls.push(url);
  }
  while (urls.length < count) {
    const host = unlistedHost(random, entries, topSites);
    const url = `${pick(random, ['https://', 'http://'])}${host}${pick(random, PATHS)}`;
    if (!reference.isListed(host) && !reference.isBelowHostEntry(host) && /^[a-z0-9.-]+$/.test(host) && isNavigable(url)) urls.push(url);
  }
  // Shuffled, so listed and unlisted URLs interleave as they would while browsing.
  for (let i = urls.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [urls[i], urls[j]] = [urls[j]!, urls[i]!];
  }
  return urls;
}

/**
 * URLs as a browser hands them over: each one flat string of its own, allocated in visit order, so
 * reading one costs what reading a URL just received costs. As makeUrls builds them (template
 * literals, then a shuffle) they are ropes of their parts scattered over the heap, and reading
 * them costs every engine a cache miss or two per URL that a browser never pays.
 */
export function asReceived(urls: readonly string[]): string[] {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return urls.map((url) => decoder.decode(encoder.encode(url)));
}
