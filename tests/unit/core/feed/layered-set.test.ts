import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachCandidate, LayeredSet } from '../../../../src/core/feed/layered-set.ts';

const UNIVERSE = Array.from({ length: 40 }, (_, i) => `d${i}.test`);

/** `before` changed the way a delta changes it: only real changes, as the caller guarantees. */
function change(before: ReadonlySet<string>, toAdd: string[], toRemove: string[]): ReadonlySet<string> {
  const put = new Set(toAdd.filter((value) => !before.has(value)));
  const drop = new Set(toRemove.filter((value) => before.has(value) && !toAdd.includes(value)));
  return LayeredSet.change(before, put, drop);
}

describe('LayeredSet', () => {
  it('answers has, size and iteration like a plain set after any chain of changes', () => {
    const step = fc.record({ add: fc.subarray(UNIVERSE), remove: fc.subarray(UNIVERSE) });
    fc.assert(
      fc.property(fc.subarray(UNIVERSE), fc.array(step, { maxLength: 12 }), (start, steps) => {
        let layered: ReadonlySet<string> = new Set(start);
        const plain = new Set(start);
        for (const { add, remove } of steps) {
          layered = change(layered, add, remove);
          for (const value of remove) if (!add.includes(value)) plain.delete(value);
          for (const value of add) plain.add(value);
        }
        expect(layered.size).toBe(plain.size);
        expect([...layered].sort()).toEqual([...plain].sort());
        expect([...layered.keys()].length).toBe(plain.size);
        for (const value of UNIVERSE) expect(layered.has(value)).toBe(plain.has(value));
        const candidates = new Set<string>();
        forEachCandidate(layered, (value) => candidates.add(value));
        for (const value of plain) expect(candidates.has(value)).toBe(true);
      }),
    );
  });

  it('keeps a small change as one layer over the same base, and folds a large one into a plain set', () => {
    const base = new Set(Array.from({ length: 100 }, (_, i) => `base${i}.test`));
    const small = change(base, ['new.test'], ['base0.test']);
    expect(small).toBeInstanceOf(LayeredSet);
    const smaller = change(small, ['base0.test'], ['new.test']);
    expect(smaller).toBeInstanceOf(LayeredSet);
    expect([...smaller]).toEqual([...base]);
    const large = change(small, Array.from({ length: 30 }, (_, i) => `more${i}.test`), []);
    expect(large).toBeInstanceOf(Set);
    expect(large.size).toBe(130);
  });

  it('offers as candidates a plain set\'s values exactly, and a layered set\'s base and added values', () => {
    const seen = (set: ReadonlySet<string>) => {
      const values: string[] = [];
      forEachCandidate(set, (value) => values.push(value));
      return values.sort();
    };
    expect(seen(new Set(['b.test', 'a.test']))).toEqual(['a.test', 'b.test']);
    const base = Array.from({ length: 20 }, (_, i) => `base${i}.test`);
    const layered = change(new Set(base), ['new.test'], ['base0.test']);
    expect(layered).toBeInstanceOf(LayeredSet);
    expect(seen(layered)).toEqual([...base, 'new.test'].sort());
  });

  it('walks its values with forEach and entries too', () => {
    const layered = change(new Set(['a.test', 'b.test', 'c.test', 'd.test', 'e.test']), ['f.test'], ['b.test']);
    const seen: string[] = [];
    layered.forEach((value, key, set) => {
      expect(key).toBe(value);
      expect(set).toBe(layered);
      seen.push(value);
    });
    expect(seen).toEqual(['a.test', 'c.test', 'd.test', 'e.test', 'f.test']);
    expect([...layered.entries()][0]).toEqual(['a.test', 'a.test']);
  });
});
