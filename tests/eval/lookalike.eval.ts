// `npm run eval lookalike`: lookalike detection on real data. Detection on the eth-phishing-detect
// blacklist entries that imitate its fuzzylist brands, false alarms on the top sites and on its
// whitelist of legitimate near misses, and the cost of one host check.
import { detectLookalikes } from '../../src/core/lookalike/index.ts';
import { parseHost } from '../../src/core/lookalike/host.ts';
import { toSkeleton } from '../../src/core/lookalike/skeleton.ts';
import { buildTargets } from '../../src/core/lookalike/targets.ts';
import { measureEditDistance } from '../../src/core/lookalike/typo-index.ts';
import type { Reason } from '../../src/core/types.ts';
import {
  listBlacklist,
  listImitatingHosts,
  listTopSites,
  listWhitelist,
} from '../unit/core/lookalike/eth-phishing-data.ts';

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

function countByKind(reasonLists: Reason[][]): string {
  const counts = new Map<string, number>();
  for (const reasons of reasonLists) {
    const kind = reasons[0]?.kind;
    if (kind !== undefined) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${n}`).join(', ');
}

function measureNanosPerItem<T>(items: T[], rounds: number, work: (item: T) => unknown): number {
  const timings: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const item of items) work(item);
    timings.push(((performance.now() - started) * 1e6) / items.length);
  }
  timings.sort((a, b) => a - b);
  return timings[Math.floor(timings.length / 2)] ?? 0;
}

/** The typo index against its peer, the naive loop: an edit distance to every brand name. */
function compareTypoSearch(hosts: string[]): string {
  const targets = buildTargets();
  const names = [...new Set([...targets.bySkeleton.keys()].filter((name) => name.length >= 5))];
  const labels = hosts.flatMap((host) => {
    const parsed = parseHost(host);
    return parsed ? [toSkeleton(parsed.labels[parsed.labels.length - parsed.suffixLength - 1] ?? '')] : [];
  });
  const indexed = measureNanosPerItem(labels, 5, (label) => targets.typos.search(label));
  const naive = measureNanosPerItem(labels, 3, (label) => names.filter((name) => measureEditDistance(label, name, 2) <= 2));
  return `typo search: ${indexed.toFixed(0)} ns per label with the index, ${naive.toFixed(0)} ns looping over ${names.length} names (${(naive / indexed).toFixed(0)}x)`;
}

export async function run(): Promise<void> {
  const imitating = listImitatingHosts();
  const results = imitating.map(({ host }) => detectLookalikes(host));
  const caught = results.filter((reasons) => reasons.length > 0).length;
  console.log(`imitating blacklist entries flagged: ${caught}/${imitating.length} (${percent(caught, imitating.length)}), target >= 90%`);
  console.log(`  first reason: ${countByKind(results)}`);
  const missed = imitating.filter((_, i) => results[i]?.length === 0).map(({ host }) => host);
  console.log(`  missed (first 25): ${missed.slice(0, 25).join(' ')}`);

  const topSites = listTopSites();
  const topFlagged = topSites.filter((host) => detectLookalikes(host).length > 0);
  console.log(`top sites flagged: ${topFlagged.length}/${topSites.length}, target 0 ${topFlagged.join(' ')}`);

  const whitelist = listWhitelist();
  const whiteFlagged = whitelist.filter((host) => detectLookalikes(host).length > 0);
  console.log(`whitelist (legitimate near misses) flagged without an allow entry: ${whiteFlagged.length}/${whitelist.length} (${percent(whiteFlagged.length, whitelist.length)})`);
  console.log(`  e.g. ${whiteFlagged.slice(0, 20).join(' ')}`);

  const blacklist = listBlacklist();
  const imitatingSet = new Set(imitating.map(({ host }) => host));
  const others = blacklist.filter((host) => !imitatingSet.has(host));
  const othersFlagged = others.filter((host) => detectLookalikes(host).length > 0).length;
  console.log(`other blacklist entries flagged as well: ${othersFlagged}/${others.length} (${percent(othersFlagged, others.length)})`);

  const mixed = [...blacklist.slice(0, 5000), ...topSites, ...whitelist];
  const perHost = measureNanosPerItem(mixed, 7, detectLookalikes);
  console.log(`cost: ${perHost.toFixed(0)} ns per host, whole check (median of 7 rounds over ${mixed.length} hosts)`);
  console.log(compareTypoSearch(mixed));
}
