// The blocklist benchmark's data: the eth-phishing-detect blacklist (real phishing domains) topped up
// with generated names, 1% of entries URL prefixes of scam pages on shared hosts, and URLs half
// listed, half not, all from a seeded generator so every run measures the same thing.
import { readFileSync } from 'node:fs';
import { normalizeEntryValue } from '../../../src/core/index.ts';
import { CATEGORIES, type ListEntry } from '../../../src/core/types.ts';

const CONFIG = 'node_modules/eth-phishing-detect/src/config.json';
const TLDS = ['com', 'net', 'org', 'xyz', 'top', 'info', 'online', 'site', 'shop', 'live', 'co.uk', 'com.br', 'in.th', 'com.np', 'ae', 'com.pe'];
const SYLLABLES = ['pay', 'secure', 'wallet', 'login', 'meta', 'coin', 'bank', 'verify', 'claim', 'gift', 'parcel', 'post', 'track', 'kerry', 'b', 'kash', 'es', 'ewa', 'ya', 'pe'];
/** Hosts where scam pages live under a path of their own: a URL-prefix entry each. */
export const SHARED_HOST_PATHS = ['sites.google.com/view/', 'docs.google.com/forms/d/', 'storage.googleapis.com/', 'ipfs.io/ipfs/'];
/** The share of entries that are URL prefixes. */
export const PREFIX_SHARE = 0.01;
const FIRST_DAY = Date.parse('2024-01-01T00:00:00Z');
const DAY = 86_400_000;

export type Random = () => number;

/** mulberry32: small, fast and seedable. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export interface RealData {
  entries: ListEntry[];
  refused: number;
  /** Legitimate sites: eth-phishing-detect's whitelist and the brands it protects. */
  topSites: string[];
}

function metaFor(random: Random, source: string): Pick<ListEntry, 'category' | 'source' | 'added'> {
  const added = new Date(FIRST_DAY + Math.floor(random() * 365) * DAY).toISOString().slice(0, 10);
  return { category: pick(random, CATEGORIES.slice(0, 4)), source, added };
}

export function loadRealData(random: Random): RealData {
  const config = JSON.parse(readFileSync(CONFIG, 'utf8')) as { blacklist: string[]; whitelist: string[]; fuzzylist: string[] };
  const entries: ListEntry[] = [];
  let refused = 0;
  for (const raw of config.blacklist) {
    const normalized = normalizeEntryValue(raw);
    if (normalized.ok) entries.push({ kind: normalized.kind, value: normalized.value, ...metaFor(random, 'eth-phishing-detect') });
    else refused++;
  }
  return { entries, refused, topSites: [...config.whitelist, ...config.fuzzylist] };
}

/** Generated registrable domains that are not in `taken`. */
export function generateEntries(random: Random, count: number, taken: Set<string>): ListEntry[] {
  const entries: ListEntry[] = [];
  while (entries.length < count) {
    const name = `${pick(random, SYLLABLES)}${pick(random, SYLLABLES)}${Math.floor(random() * 1e6).toString(36)}.${pick(random, TLDS)}`;
    if (taken.has(name)) continue;
    taken.add(name);
    entries.push({ kind: 'domain', value: name, ...metaFor(random, 'generated') });
  }
  return entries;
}

/** URL-prefix entries on shared hosts (`sites.google.com/view/claim-wallet-k3x9`), not in `taken`. */
export function generatePrefixEntries(random: Random, count: number, taken: Set<string>): ListEntry[] {
  const entries: ListEntry[] = [];
  while (entries.length < count) {
    const value = `${pick(random, SHARED_HOST_PATHS)}${pick(random, SYLLABLES)}-${pick(random, SYLLABLES)}-${Math.floor(random() * 1e8).toString(36)}`;
    if (taken.has(value)) continue;
    taken.add(value);
    entries.push({ kind: 'url-prefix', value, ...metaFor(random, 'generated') });
  }
  return entries;
}
