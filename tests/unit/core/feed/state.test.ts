import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlocklistIndex, EntryError } from '../../../../src/core/blocklist/index.ts';
import { expandEntries, groupEntries, groupIndicators } from '../../../../src/core/feed/content.ts';
import { decodeDelta, encodeDelta } from '../../../../src/core/feed/delta.ts';
import { diffContent } from '../../../../src/core/feed/diff.ts';
import type { Snapshot } from '../../../../src/core/feed/snapshot.ts';
import { applyDelta, compareStates, stateFromSnapshot, type FeedState } from '../../../../src/core/feed/state.ts';
import { CATEGORIES, type Indicator, type ListEntry } from '../../../../src/core/types.ts';
import { FEED_ID, entry } from './feed-fixtures.ts';

/** Every entry a version may hold: each kind, allow entries, a few metadata variants per value. */
const POOL: ListEntry[] = Array.from({ length: 40 }, (_, i): ListEntry => {
  const shapes: Pick<ListEntry, 'kind' | 'value' | 'allow'>[] = [
    { kind: 'domain', value: `scam-${i}.test` },
    { kind: 'host', value: `login.bank-${i}.test` },
    { kind: 'url-prefix', value: `free-sites.test/view/page-${i}` },
    { kind: 'domain', value: `vetted-${i}.test`, allow: true },
  ];
  const shape = shapes[i % shapes.length] ?? shapes[0]!;
  return entry(shape.value, { ...shape, category: CATEGORIES[i % 3] ?? 'other' });
});
const INDICATOR_POOL: Indicator[] = Array.from({ length: 8 }, (_, i) => ({
  kind: i % 2 ? 'phone' : 'wallet', value: i % 2 ? `1202555010${i}` : `0x${String(i).repeat(40)}`, category: 'giveaway', source: 'test', added: '2025-01-01',
}));

/** A version's content: which pool items it holds, and which metadata variant of each. */
const versionArbitrary = fc.record({
  entries: fc.array(fc.tuple(fc.nat(POOL.length - 1), fc.nat(2)), { maxLength: 30 }),
  indicators: fc.subarray(INDICATOR_POOL),
});

function snapshotOf(version: number, picked: { entries: [number, number][]; indicators: Indicator[] }): Snapshot {
  const entries = new Map<number, ListEntry>();
  for (const [index, variant] of picked.entries) {
    const base = POOL[index]!;
    entries.set(index, { ...base, source: `source-${variant}`, added: `2025-01-0${variant + 1}` });
  }
  return { feed: FEED_ID, version, entries: groupEntries(entries.values()), indicators: groupIndicators(picked.indicators) };
}

function comparable(state: FeedState) {
  return {
    version: state.version,
    // A digest: comparing 256 KB arrays element by element would dominate the run.
    index: createHash('sha256').update(state.index.serialize()).digest('hex'),
    blockDomains: [...state.blockDomains].sort(),
    allowDomains: [...state.allowDomains].sort(),
    indicators: state.indicators.map((item) => JSON.stringify(item)).sort(),
  };
}

describe('applying deltas', () => {
  it('any chain of deltas gives exactly the state the snapshot of the same version gives', () => {
    fc.assert(
      fc.property(fc.array(versionArbitrary, { minLength: 2, maxLength: 6 }), (versions) => {
        const snapshots = versions.map((picked, i) => snapshotOf(i + 1, picked));
        let state = stateFromSnapshot(snapshots[0]!);
        for (let i = 1; i < snapshots.length; i++) {
          const before = snapshots[i - 1]!;
          const after = snapshots[i]!;
          const delta = decodeDelta(encodeDelta({ feed: FEED_ID, from: before.version, to: after.version, ...diffContent(before, after) }));
          state = applyDelta(state, delta).state;
        }
        expect(comparable(state)).toEqual(comparable(stateFromSnapshot(snapshots.at(-1)!)));
      }),
      { numRuns: 60 },
    );
  });

  it('reports only the rule changes, so the caller rewrites only the shards that changed', () => {
    const v1 = snapshotOf(1, { entries: [[0, 0], [4, 0], [1, 0], [3, 0]], indicators: [] });
    const v2 = snapshotOf(2, { entries: [[0, 1], [8, 0], [1, 0], [7, 0]], indicators: [INDICATOR_POOL[0]!] });
    const { state, changes } = applyDelta(stateFromSnapshot(v1), { feed: FEED_ID, from: 1, to: 2, ...diffContent(v1, v2) });
    expect(changes).toEqual({
      blockDomains: { added: ['scam-8.test'], removed: ['scam-4.test'] },
      allowDomains: { added: ['vetted-7.test'], removed: ['vetted-3.test'] },
      indicatorsChanged: true,
    });
    expect(compareStates(stateFromSnapshot(v1), state)).toEqual(changes);
    expect(state.index.lookup('http://scam-8.test/x')).not.toBeNull();
    expect(state.index.lookup('http://scam-4.test/x')).toBeNull();
  });

  it('builds the index from a snapshot without normalizing its entries again, but refuses any of the wrong shape', () => {
    const snapshot = snapshotOf(1, { entries: [[0, 0], [1, 0], [2, 0], [3, 0]], indicators: [] });
    expect(stateFromSnapshot(snapshot).index.serialize()).toEqual(BlocklistIndex.build(expandEntries(snapshot.entries)).serialize());
    const [first] = snapshot.entries;
    const malformed = { ...snapshot, entries: [{ ...first!, values: ['Scam-0.test'] }] };
    expect(() => stateFromSnapshot(malformed)).toThrow(EntryError);
    const delta = diffContent(snapshot, { entries: [...snapshot.entries, { ...first!, values: ['new.test/x'] }], indicators: [] });
    expect(() => applyDelta(stateFromSnapshot(snapshot), { feed: FEED_ID, from: 1, to: 2, ...delta })).toThrow('new.test/x is not a normalized');
  });

  it('refuses a delta from another version or another feed, leaving the state as it was', () => {
    const state = stateFromSnapshot(snapshotOf(3, { entries: [[0, 0]], indicators: [] }));
    const empty = diffContent(snapshotOf(3, { entries: [], indicators: [] }), snapshotOf(4, { entries: [], indicators: [] }));
    expect(() => applyDelta(state, { feed: FEED_ID, from: 2, to: 4, ...empty })).toThrow(expect.objectContaining({ code: 'not-applicable' }));
    expect(() => applyDelta(state, { feed: 'fedcba9876543210', from: 3, to: 4, ...empty })).toThrow(expect.objectContaining({ code: 'not-applicable' }));
    expect(state.version).toBe(3);
    expect([...state.blockDomains]).toEqual(['scam-0.test']);
  });
});
