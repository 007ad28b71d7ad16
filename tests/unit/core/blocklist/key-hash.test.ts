import { describe, expect, it } from 'vitest';
import { LOW_ROUND_TWEAK, finalMix, keyOfValue } from '../../../../src/core/blocklist/key-hash.ts';

const COUNT = 1_000_000;
// Pairs among COUNT keys that share a given 32 bits, if those bits behave like a random function.
const EXPECTED_32_BIT_PAIRS = (COUNT * (COUNT - 1)) / 2 / 2 ** 32;

/** Values that differ in a digit or two, the hardest case for a weak hash. */
function similarValues(): string[] {
  return Array.from({ length: COUNT }, (_, i) =>
    i % 3 === 0 ? `login-${i}.secure-bank.test` : i % 3 === 1 ? `wallet${i}.example` : `sites.example/view/${i}`,
  );
}

function countEqualNeighbours(values: Float64Array | BigUint64Array): number {
  values.sort();
  let pairs = 0;
  for (let i = 1; i < values.length; i++) if (values[i] === values[i - 1]) pairs++;
  return pairs;
}

describe('64-bit expression keys', () => {
  const key = new Uint32Array(2);
  const values = similarValues();
  const high = new Uint32Array(COUNT);
  const low = new Uint32Array(COUNT);
  // The two lanes before the Feistel rounds, recovered by running the rounds backwards.
  const laneA = new Uint32Array(COUNT);
  const laneB = new Uint32Array(COUNT);
  values.forEach((value, i) => {
    keyOfValue(value, key, 0);
    high[i] = key[0]!;
    low[i] = key[1]!;
    laneB[i] = low[i]! ^ finalMix(high[i]! ^ LOW_ROUND_TWEAK);
    laneA[i] = high[i]! ^ finalMix(laneB[i]!);
  });

  it('have two lanes that each collide like a random function, and independently of each other', () => {
    const halves = [
      Float64Array.from(laneA),
      Float64Array.from(laneB),
      // If the lanes were related, sharing 16 bits of one would make sharing 16 bits of the other likely.
      Float64Array.from(laneA, (value, i) => (value >>> 16) * 65536 + (laneB[i]! >>> 16)),
      Float64Array.from(laneA, (value, i) => (value & 0xffff) * 65536 + (laneB[i]! & 0xffff)),
      Float64Array.from(high),
      Float64Array.from(low),
    ];
    for (const half of halves) {
      const pairs = countEqualNeighbours(half);
      // Poisson with mean ~116: 60-180 is more than five standard deviations either way.
      expect(pairs).toBeGreaterThan(EXPECTED_32_BIT_PAIRS / 2);
      expect(pairs).toBeLessThan(EXPECTED_32_BIT_PAIRS * 1.55);
    }
  });

  it('never collide in all 64 bits over a million similar values', () => {
    const full = BigUint64Array.from(values, (_, i) => (BigInt(high[i]!) << 32n) | BigInt(low[i]!));
    expect(countEqualNeighbours(full)).toBe(0);
  });

  it('depend on the host part backwards and the path forwards, as lookups hash them', () => {
    const keyOf = (value: string): string => {
      keyOfValue(value, key, 0);
      return `${key[0]}:${key[1]}`;
    };
    expect(keyOf('a.b')).not.toBe(keyOf('b.a'));
    expect(keyOf('x.test/ab')).not.toBe(keyOf('x.test/ba'));
    expect(keyOf('evil.com')).toBe(keyOf('evil.com'));
  });

  // Keys are stored in indexes (IndexedDB, the feed): code that hashes faster must hash the same.
  // These are the keys the first stored format (version 2) was built with.
  it.each([
    ['evil.com', 0xbed4f052, 0xe4c7853b],
    ['www.paypal.com.verify-account.xyz', 0x44e9d0d0, 0xaf5e58b5],
    ['sites.google.com/view/claim-wallet?id=1', 0x6f15950d, 0xff194046],
    ['1.2.3.4', 0x6001d0e4, 0xfa557c52],
    ['xn--80ak6aa92e.com', 0x10a7b21e, 0x588a2869],
  ])('of %s are the ones stored since format 2', (value, expectedHigh, expectedLow) => {
    keyOfValue(value, key, 0);
    expect([key[0], key[1]]).toEqual([expectedHigh, expectedLow]);
  });
});
