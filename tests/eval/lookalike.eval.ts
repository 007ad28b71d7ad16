// `npm run eval lookalike`: lookalike detection on real data. Detection on the eth-phishing-detect
// blacklist entries that imitate its fuzzylist brands, false alarms on the top sites and on its
// whitelist of legitimate near misses, and the cost of one host check.
import { detectLookalikes } from '../../src/core/lookalike/index.ts';
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

function measureNanosPerHost(hosts: string[], rounds: number): number {
  const timings: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const host of hosts) detectLookalikes(host);
    timings.push(((performance.now() - started) * 1e6) / hosts.length);
  }
  timings.sort((a, b) => a - b);
  return timings[Math.floor(timings.length / 2)] ?? 0;
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
  console.log(`cost: ${measureNanosPerHost(mixed, 7).toFixed(0)} ns per host (median of 7 rounds over ${mixed.length} hosts)`);
}
