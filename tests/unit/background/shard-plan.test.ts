import { describe, expect, it } from 'vitest';
import { diffShards, digestDomains, getShardRuleId, hashString, planShards, SHARD_COUNT } from '../../../src/background/rules/shard-plan.ts';

const domains = (count: number, prefix = 'scam') => Array.from({ length: count }, (_, i) => `${prefix}-${i}.test`);

describe('planShards', () => {
  it('puts every domain in exactly one shard, by a hash that does not change between runs', () => {
    const plan = planShards(domains(5000));
    const all = plan.flatMap((shard) => shard.domains);
    expect(all).toHaveLength(5000);
    expect(new Set(all).size).toBe(5000);
    expect(plan.length).toBeLessThanOrEqual(SHARD_COUNT);
    for (const shard of plan) for (const domain of shard.domains) expect(getShardRuleId(domain)).toBe(shard.ruleId);
    expect(hashString('evil-scam.test')).toBe(hashString('evil-scam.test'));
  });

  it('spreads domains evenly enough that no shard is much larger than its share', () => {
    const sizes = planShards(domains(64_000)).map((shard) => shard.domains.length);
    expect(sizes).toHaveLength(SHARD_COUNT);
    expect(Math.max(...sizes)).toBeLessThan((64_000 / SHARD_COUNT) * 1.3);
  });

  it('sorts and de-duplicates each shard, leaving out empty ones', () => {
    const plan = planShards(['b.test', 'a.test', 'b.test']);
    expect(plan.flatMap((shard) => shard.domains).sort()).toEqual(['a.test', 'b.test']);
    expect(planShards([])).toEqual([]);
  });
});

describe('diffShards', () => {
  it('rewrites only the shards that one added domain changes', () => {
    const before = planShards(domains(10_000));
    const after = planShards([...domains(10_000), 'new-scam.test']);
    const applied = Object.fromEntries(before.map((shard) => [shard.ruleId, shard.digest]));
    expect(diffShards(applied, after)).toEqual({ toWrite: [getShardRuleId('new-scam.test')], toRemove: [] });
  });

  it('removes the rule of a shard that became empty and writes everything when nothing is applied', () => {
    const before = planShards(['only.test']);
    const applied = Object.fromEntries(before.map((shard) => [shard.ruleId, shard.digest]));
    expect(diffShards(applied, [])).toEqual({ toWrite: [], toRemove: [getShardRuleId('only.test')] });
    expect(diffShards({}, before).toWrite).toEqual([getShardRuleId('only.test')]);
  });

  it('changes a digest when a domain is swapped for another, even with the same count', () => {
    expect(digestDomains(['a.test', 'b.test'])).not.toBe(digestDomains(['a.test', 'c.test']));
    expect(digestDomains(['a.test', 'b.test'])).toBe(digestDomains(['a.test', 'b.test']));
  });
});
