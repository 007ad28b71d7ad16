// The listed domains as the base's rule shards hold them, read back from storage, answering
// membership without a Set of a million strings (building one costs about 0.4 s in a worker that
// has just started, which is what a sync alarm usually wakes). Each shard is sorted, so a domain is
// looked up in its own shard (the hash that placed it there) by binary search.
// Pure: no browser APIs.
import { StringSetBase } from '../../core/feed/string-set-base.ts';
import { getShardRuleId } from './shard-plan.ts';

export interface ShardDomains {
  ruleId: number;
  /**
   * As stored: sorted, without duplicates. Every stored shard comes from planShards, which sorts it
   * (its digest, part of its storage key, is computed over the sorted list).
   */
  domains: readonly string[];
}

/** Binary search in a sorted list of domains. */
export function includesSorted(domains: readonly string[], domain: string): boolean {
  let low = 0;
  let high = domains.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = domains[middle] as string;
    if (found === domain) return true;
    if (found < domain) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

export class ShardedDomainSet extends StringSetBase {
  readonly size: number;
  private readonly byRule = new Map<number, readonly string[]>();

  constructor(shards: readonly ShardDomains[]) {
    super();
    let size = 0;
    for (const { ruleId, domains } of shards) {
      this.byRule.set(ruleId, domains);
      size += domains.length;
    }
    this.size = size;
  }

  has(domain: string): boolean {
    const domains = this.byRule.get(getShardRuleId(domain));
    return domains !== undefined && includesSorted(domains, domain);
  }

  *values(): SetIterator<string> {
    for (const domains of this.byRule.values()) yield* domains;
  }

  /** A walk without generators: over a million domains it costs a fraction of iterating. */
  override forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const domains of this.byRule.values()) for (const domain of domains) callback.call(thisArg, domain, domain, this);
  }
}
