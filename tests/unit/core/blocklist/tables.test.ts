import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_BUCKET_BITS, MIN_BUCKET_BITS, bucketOf, chooseBucketBits, extraBitsFor, extraOf, fingerprintOf, joinHigh, strideFor,
} from '../../../../src/core/blocklist/tables.ts';

describe('splitting a key over the tables', () => {
  it('keeps every bit of the high half, whatever the directory size', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_BUCKET_BITS, max: MAX_BUCKET_BITS }), fc.nat({ max: 0xffffffff }), (bits, high) => {
        const parts = [bucketOf(high, bits), fingerprintOf(high, bits), extraOf(high, bits)] as const;
        expect(joinHigh(...parts, bits)).toBe(high);
        expect(parts[0]).toBeLessThan(2 ** bits);
        expect(parts[1]).toBeLessThan(2 ** 16);
        expect(parts[2]).toBeLessThan(2 ** extraBitsFor(bits));
      }),
      { numRuns: 5000 },
    );
  });

  it('sizes the directory to the rows: a fraction of a byte a row, at most 16 rows a bucket on average', () => {
    for (const rows of [1, 15, 1000, 13_700, 100_000, 1_000_000, 10_000_000]) {
      for (const groups of [1, 40, 1500, 3000, 70_000]) {
        const bits = chooseBucketBits(rows, groups);
        const directoryBytes = 4 * (2 ** bits + 1);
        expect(rows / 2 ** bits, `${rows} rows, ${groups} groups`).toBeLessThanOrEqual(16);
        if (rows >= 1000) expect(directoryBytes / rows, `${rows} rows, ${groups} groups`).toBeLessThanOrEqual(2);
        if (rows >= 100_000) expect(directoryBytes / rows, `${rows} rows, ${groups} groups`).toBeLessThanOrEqual(0.6);
      }
    }
  });

  it('picks a larger directory when that lets the tags fit 16 bits', () => {
    // 10k rows and 1,500 groups (11 bits): 1,024 buckets leave 6 extra key bits, 2,048 leave 5.
    expect(chooseBucketBits(10_000, 1500)).toBe(11);
    expect(strideFor(11, 1500)).toBe(4);
    expect(strideFor(10, 1500)).toBe(5);
  });
});
