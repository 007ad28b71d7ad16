// 100k URLs per index: half listed (the entry itself, subdomains, paths, queries) and half not
// (unlisted siblings and parents, typos, legitimate top sites), each half checked with a Set.
import type { ListEntry } from '../../../src/core/types.ts';
import { pick, type Random } from './dataset.ts';

const PATHS = ['/', '/login', '/wp-admin/index.php', '/claim/airdrop/?wallet=0xabc&id=42', '/verify?session=8f2a#step2', '/a/b/c/d/e.html'];

/** The listed entry a host falls under, by a Set and a suffix walk. */
export class SuffixSet {
  private readonly domains = new Set<string>();
  private readonly hosts = new Set<string>();

  constructor(entries: readonly ListEntry[]) {
    for (const entry of entries) (entry.kind === 'domain' ? this.domains : this.hosts).add(entry.value);
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
  const sub = entry.kind === 'domain' ? pick(random, ['', 'www.', 'secure.login.', 'm.']) : '';
  return `${pick(random, ['https://', 'http://'])}${sub}${entry.value}${pick(random, PATHS)}`;
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
