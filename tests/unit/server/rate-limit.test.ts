import { describe, expect, it } from 'vitest';
import { createRateLimiter, networkOf } from '../../../src/server/rate-limit.ts';

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('createRateLimiter', () => {
  it('allows a burst, then one report per refill interval, and says when to retry', () => {
    const time = clock();
    const limiter = createRateLimiter({ burst: 2, perMinute: 6, now: time.now });
    expect([limiter.take('192.0.2.1'), limiter.take('192.0.2.1')]).toEqual([{ ok: true }, { ok: true }]);
    expect(limiter.take('192.0.2.1')).toEqual({ ok: false, retryAfterSeconds: 10 });
    time.advance(4_000);
    expect(limiter.take('192.0.2.1')).toEqual({ ok: false, retryAfterSeconds: 6 });
    time.advance(6_000);
    expect(limiter.take('192.0.2.1')).toEqual({ ok: true });
    expect(limiter.take('192.0.2.2')).toEqual({ ok: true });
  });

  it('never refills past the burst', () => {
    const time = clock();
    const limiter = createRateLimiter({ burst: 1, perMinute: 60, now: time.now });
    time.advance(3_600_000);
    expect(limiter.take('192.0.2.1').ok).toBe(true);
    expect(limiter.take('192.0.2.1').ok).toBe(false);
  });

  it('treats one IPv6 /64 as one client, and IPv4-mapped addresses as IPv4', () => {
    const limiter = createRateLimiter({ burst: 1, perMinute: 1, now: () => 0 });
    expect(limiter.take('2001:db8:1:2::1').ok).toBe(true);
    expect(limiter.take('2001:db8:1:2:ffff:ffff:ffff:ffff').ok).toBe(false);
    expect(limiter.take('2001:db8:1:3::1').ok).toBe(true);
    expect(limiter.take('198.51.100.7').ok).toBe(true);
    expect(limiter.take('::ffff:198.51.100.7').ok).toBe(false);
  });

  it('stays bounded under a flood of addresses, forgetting full buckets first', () => {
    const time = clock();
    const limiter = createRateLimiter({ burst: 5, perMinute: 60, now: time.now });
    for (let i = 0; i < 120_000; i++) {
      limiter.take(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
      if (i % 1000 === 0) time.advance(10);
    }
    expect(limiter.size).toBeLessThanOrEqual(50_000);
  });
});

describe('networkOf', () => {
  it.each([
    ['2001:0db8:0001:0002:0000:0000:0000:0001', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['192.0.2.1', '192.0.2.1'],
  ])('%s -> %s', (address, network) => {
    expect(networkOf(address)).toBe(network);
  });
});
