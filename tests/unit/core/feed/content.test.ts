import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from '../../../../src/core/feed/bytes.ts';
import { expandEntries, groupEntries, groupIndicators, expandIndicators } from '../../../../src/core/feed/content.ts';
import { decodeDelta, encodeDelta, type Delta } from '../../../../src/core/feed/delta.ts';
import { applyContentDelta, diffContent, isDeltaEmpty } from '../../../../src/core/feed/diff.ts';
import { decodeSnapshot, encodeSnapshot, type Snapshot } from '../../../../src/core/feed/snapshot.ts';
import type { Indicator } from '../../../../src/core/types.ts';
import { FEED_ID, entry } from './feed-fixtures.ts';

const ENTRIES = [
  entry('evil-scam.test'),
  entry('paypa1-login.test', { source: 'community report', added: '2025-02-01' }),
  entry('sites.google.com/view/fake-prize', { kind: 'url-prefix', category: 'prize' }),
  entry('login.evil-bank.test', { kind: 'host' }),
  entry('good.evil-scam.test', { kind: 'host', allow: true }),
];
const INDICATORS: Indicator[] = [
  { kind: 'wallet', value: '0x1111111111111111111111111111111111111111', category: 'giveaway', source: 'test', added: '2025-01-01' },
  { kind: 'phrase', value: 'send 1 btc get 2 btc back', category: 'giveaway', source: 'test', added: '2025-01-01' },
];

function snapshotOf(entries = ENTRIES, indicators = INDICATORS, version = 3): Snapshot {
  return { feed: FEED_ID, version, entries: groupEntries(entries), indicators: groupIndicators(indicators) };
}

const sortValues = <T extends { kind: string; value: string }>(items: Iterable<T>) =>
  [...items].sort((a, b) => `${a.kind} ${a.value}`.localeCompare(`${b.kind} ${b.value}`));

describe('snapshot', () => {
  it('round-trips entries and indicators, allow flags included', () => {
    const decoded = decodeSnapshot(encodeSnapshot(snapshotOf()));
    expect(decoded.version).toBe(3);
    expect(sortValues(expandEntries(decoded.entries))).toEqual(sortValues(ENTRIES));
    expect(sortValues(expandIndicators(decoded.indicators))).toEqual(sortValues(INDICATORS));
  });

  it('encodes the same content to the same bytes whatever the input order', () => {
    const a = encodeSnapshot(snapshotOf());
    const b = encodeSnapshot(snapshotOf([...ENTRIES].reverse(), [...INDICATORS].reverse()));
    expect(decodeUtf8(a)).toBe(decodeUtf8(b));
  });

  it('costs little more than the domains themselves', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => entry(`scam-${i}.test`));
    const size = encodeSnapshot(snapshotOf(many, [])).length;
    const characters = many.reduce((sum, item) => sum + item.value.length, 0);
    expect(size).toBeLessThan(characters + 4 * many.length);
  });

  it('refuses malformed snapshots, naming what is wrong', () => {
    const good = JSON.parse(decodeUtf8(encodeSnapshot(snapshotOf())));
    const bad = (patch: object) => encodeUtf8(JSON.stringify({ ...good, ...patch }));
    expect(() => decodeSnapshot(encodeUtf8('{'))).toThrow(/snapshot is malformed/);
    expect(() => decodeSnapshot(new Uint8Array([0xff, 0xfe]))).toThrow(/malformed/);
    expect(() => decodeSnapshot(bad({ type: 'delta' }))).toThrow(/snapshot type/);
    expect(() => decodeSnapshot(bad({ entries: [{ ...good.entries[0], kind: 'regex' }] }))).toThrow(/kind/);
    expect(() => decodeSnapshot(bad({ entries: [{ ...good.entries[0], category: 'nope' }] }))).toThrow(/category/);
    expect(() => decodeSnapshot(bad({ entries: [{ ...good.entries[0], values: ['has space.test'] }] }))).toThrow(/bad value/);
    expect(() => decodeSnapshot(bad({ entries: [{ ...good.entries[0], allow: false }] }))).toThrow(/allow/);
    expect(() => decodeSnapshot(bad({ indicators: [{ ...good.indicators[0], values: ['a\u0000b'] }] }))).toThrow(/bad value/);
    expect(() => decodeSnapshot(bad({ entries: [{ ...good.entries[0], added: 'yesterday' }] }))).toThrow(/added/);
  });
});

describe('delta', () => {
  const before = snapshotOf();
  const after = snapshotOf(
    [
      ...ENTRIES.filter((item) => item.value !== 'paypa1-login.test' && item.value !== 'evil-scam.test'),
      entry('evil-scam.test', { category: 'investment' }),
      entry('new-scam.test'),
    ],
    INDICATORS.slice(1),
    4,
  );

  it('lists additions, removals, and a changed entry as both', () => {
    const { add, remove } = diffContent(before, after);
    expect([...expandEntries(add.entries)].map((item) => item.value).sort()).toEqual(['evil-scam.test', 'new-scam.test']);
    expect(remove.entries).toEqual([{ kind: 'domain', values: ['evil-scam.test', 'paypa1-login.test'] }]);
    expect(remove.indicators).toEqual([{ kind: 'wallet', values: [INDICATORS[0]?.value] }]);
  });

  it('applied to the old content gives the new content', () => {
    const changes = diffContent(before, after);
    expect(applyContentDelta(before, changes)).toEqual({ entries: after.entries, indicators: after.indicators });
    expect(isDeltaEmpty(diffContent(after, after))).toBe(true);
  });

  it('round-trips through its file form', () => {
    const delta: Delta = { feed: FEED_ID, from: 3, to: 4, ...diffContent(before, after) };
    expect(decodeDelta(encodeDelta(delta))).toEqual(delta);
  });

  it('for one entry is a couple of hundred bytes', () => {
    const one = snapshotOf([...ENTRIES, entry('one-more-scam.test', { source: 'community report' })], INDICATORS, 4);
    const bytes = encodeDelta({ feed: FEED_ID, from: 3, to: 4, ...diffContent(before, one) });
    expect(bytes.length).toBeLessThan(300);
  });

  it('refuses malformed deltas', () => {
    const good = JSON.parse(decodeUtf8(encodeDelta({ feed: FEED_ID, from: 3, to: 4, ...diffContent(before, after) })));
    const bad = (patch: object) => encodeUtf8(JSON.stringify({ ...good, ...patch }));
    expect(() => decodeDelta(bad({ from: 4 }))).toThrow(/delta from/);
    expect(() => decodeDelta(bad({ remove: { entries: [{ kind: 'domain', values: [7] }], indicators: [] } }))).toThrow(/bad value/);
    expect(() => decodeDelta(bad({ add: { entries: [] } }))).toThrow(/delta add indicators/);
    expect(() => decodeDelta(bad({ type: 'snapshot' }))).toThrow(/delta type/);
  });
});
