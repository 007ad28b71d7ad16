import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planShards } from '../../../src/background/rules/shard-plan.ts';
import { ShardedDomainSet } from '../../../src/background/rules/shard-set.ts';

const domain = fc.stringMatching(/^[a-z0-9-]{1,12}(\.[a-z0-9-]{1,8}){1,3}$/);

describe('ShardedDomainSet', () => {
  it('answers has, size and iteration like a plain set of the domains its shards hold', () => {
    fc.assert(
      fc.property(fc.uniqueArray(domain, { maxLength: 400 }), fc.array(domain, { maxLength: 50 }), (listed, others) => {
        const sharded = new ShardedDomainSet(planShards(listed));
        const plain = new Set(listed);
        expect(sharded.size).toBe(plain.size);
        expect([...sharded].sort()).toEqual([...plain].sort());
        for (const value of [...listed, ...others]) expect(sharded.has(value)).toBe(plain.has(value));
      }),
    );
  });

  it('is empty with no shards', () => {
    const sharded = new ShardedDomainSet([]);
    expect(sharded.size).toBe(0);
    expect(sharded.has('a.test')).toBe(false);
    expect([...sharded.entries()]).toEqual([]);
  });
});
