// Plans the declarativeNetRequest redirect rules for listed domains. Domains are spread over a
// fixed number of shards by a stable hash, one rule per shard, so a feed update that adds or
// removes a few domains rewrites only the few shards they fall into (Chromium needs about 6 s to
// write one rule of 1M domains, well under 0.1 s for one shard of it).
// Pure: no browser APIs, so the plan is unit-tested in Node.

/** Fixed forever: changing it moves every domain to another shard (one full rewrite). */
export const SHARD_COUNT = 128;
/** Shard n is rule `FIRST_SHARD_RULE_ID + n`. */
export const FIRST_SHARD_RULE_ID = 1;

export interface DomainShard {
  ruleId: number;
  /** Changes whenever the shard's domain set changes. */
  digest: string;
  /** Sorted, without duplicates. */
  domains: string[];
}

/** FNV-1a over UTF-16 code units: stable across versions and engines, and cheap. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function getShardRuleId(domain: string): number {
  return FIRST_SHARD_RULE_ID + (hashString(domain) % SHARD_COUNT);
}

/** Two independent 32-bit hashes over the sorted list and its size: a changed set changes it. */
export function digestDomains(sortedDomains: readonly string[]): string {
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (const domain of sortedDomains) {
    first = hashString(domain, first ^ 0x0a);
    second = hashString(domain, Math.imul(second, 31) ^ domain.length);
  }
  return `${sortedDomains.length.toString(36)}-${first.toString(36)}-${second.toString(36)}`;
}

/** Groups domains into shards; empty shards are left out (their rule is removed). */
export function planShards(domains: Iterable<string>): DomainShard[] {
  const groups = new Map<number, Set<string>>();
  for (const domain of domains) {
    const ruleId = getShardRuleId(domain);
    let group = groups.get(ruleId);
    if (!group) groups.set(ruleId, (group = new Set()));
    group.add(domain);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([ruleId, group]) => {
      const sorted = [...group].sort();
      return { ruleId, digest: digestDomains(sorted), domains: sorted };
    });
}

export interface ShardChanges {
  /** Rules to (re)write with their shard's domains. */
  toWrite: number[];
  /** Rules whose shard is now empty. */
  toRemove: number[];
}

/** Compares what the browser has (rule id -> digest) with what the list wants. */
export function diffShards(applied: Readonly<Record<number, string>>, wanted: readonly Pick<DomainShard, 'ruleId' | 'digest'>[]): ShardChanges {
  const wantedIds = new Set(wanted.map((shard) => shard.ruleId));
  return {
    toWrite: wanted.filter((shard) => applied[shard.ruleId] !== shard.digest).map((shard) => shard.ruleId),
    toRemove: Object.keys(applied).map(Number).filter((ruleId) => !wantedIds.has(ruleId)),
  };
}
