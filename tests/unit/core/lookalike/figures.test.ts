// Holds the eval's thresholds (`npm run eval lookalike`), so a regression fails `npm test`.
import { describe, expect, it } from 'vitest';
import { detectLookalikes } from '../../../../src/core/lookalike/index.ts';
import { listImitatingHosts, listTopSites, listWhitelist } from './eth-phishing-data.ts';

describe('lookalike figures on real data', () => {
  it('flags at least 90% of the blacklisted hosts that imitate a fuzzylist brand', () => {
    const imitating = listImitatingHosts();
    expect(imitating.length).toBeGreaterThan(800);
    const flagged = imitating.filter(({ host }) => detectLookalikes(host).length > 0).length;
    expect(flagged / imitating.length).toBeGreaterThanOrEqual(0.9);
  });

  it('flags none of the top 500 sites', () => {
    expect(listTopSites().filter((host) => detectLookalikes(host).length > 0)).toEqual([]);
  });

  it('flags few of the legitimate near misses on the whitelist (10% at most)', () => {
    const whitelist = listWhitelist();
    const flagged = whitelist.filter((host) => detectLookalikes(host).length > 0).length;
    expect(flagged / whitelist.length).toBeLessThanOrEqual(0.1);
  });
});
