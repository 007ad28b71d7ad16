import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureEditDistance, TypoIndex, type TypoTarget } from '../../../../src/core/lookalike/typo-index.ts';

describe('measureEditDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit', () => {
    expect(measureEditDistance('metamask', 'metamask')).toBe(0);
    expect(measureEditDistance('metamask', 'metamasks')).toBe(1);
    expect(measureEditDistance('metamask', 'metmask')).toBe(1);
    expect(measureEditDistance('metamask', 'metemask')).toBe(1);
    expect(measureEditDistance('metamask', 'metamaks')).toBe(1);
    expect(measureEditDistance('myetherwallet', 'myethrewalet')).toBe(2);
    expect(measureEditDistance('', 'abc')).toBe(3);
  });

  it('gives up early with limit + 1', () => {
    expect(measureEditDistance('paypal', 'netflix', 1)).toBe(2);
  });
});

function bruteForce(targets: TypoTarget<string>[], query: string): string[] {
  return targets
    .filter((t) => t.key !== query && measureEditDistance(query, t.key) <= t.maxEdits)
    .map((t) => t.value)
    .sort();
}

describe('TypoIndex', () => {
  it('finds one-edit and two-edit near misses of real names', () => {
    const index = new TypoIndex<string>();
    index.add({ key: 'metamask', maxEdits: 1, value: 'MetaMask' });
    index.add({ key: 'myetherwallet', maxEdits: 2, value: 'MyEtherWallet' });
    expect(index.search('metamsk').map((t) => t.value)).toEqual(['MetaMask']);
    expect(index.search('myethrewalet').map((t) => t.value)).toEqual(['MyEtherWallet']);
    expect(index.search('metamask')).toEqual([]);
    expect(index.search('metamusks')).toEqual([]);
  });

  it('returns exactly what a brute-force edit distance over every target returns', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'm', 'r', 'n'), minLength: 3, maxLength: 12 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 25 }), fc.array(word, { maxLength: 25 }), (keys, queries) => {
        const targets = keys.map((key) => ({ key, maxEdits: key.length >= 8 ? 2 : 1, value: key }));
        const index = new TypoIndex<string>();
        for (const target of targets) index.add(target);
        for (const query of [...queries, ...keys]) {
          expect(index.search(query).map((t) => t.value).sort()).toEqual(bruteForce(targets, query));
        }
      }),
      { numRuns: 300 },
    );
  });
});
