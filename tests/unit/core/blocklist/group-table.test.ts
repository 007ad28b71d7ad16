import { describe, expect, it } from 'vitest';
import { decodeGroupTable, encodeGroupTable } from '../../../../src/core/blocklist/group-table.ts';
import { compareGroups, type IndexGroup } from '../../../../src/core/blocklist/groups.ts';
import { CATEGORIES, type EntryKind } from '../../../../src/core/types.ts';

const KINDS: EntryKind[] = ['domain', 'host', 'url-prefix'];
const SOURCES = ['eth-phishing-detect', 'community reports', 'user', 'tab\tin a name', 'ภาษาไทย'];

/** A real feed's shape: a group per kind, allow, category, source and day, in canonical order. */
function feedGroups(days: number): IndexGroup[] {
  const groups: IndexGroup[] = [];
  for (let day = 0; day < days; day++) {
    const added = new Date(Date.UTC(2023, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    groups.push({ kind: KINDS[day % 3]!, allow: day % 7 === 0, category: CATEGORIES[day % CATEGORIES.length]!, source: SOURCES[day % SOURCES.length]!, added });
  }
  return groups.sort(compareGroups);
}

describe('the group table', () => {
  it('round-trips every field, odd sources and any YYYY-MM-DD string included', () => {
    const groups = [...feedGroups(800), { kind: 'host', allow: false, category: 'other', source: '', added: '0000-99-00' } as const].sort(compareGroups);
    expect(decodeGroupTable(encodeGroupTable(groups))).toEqual(groups);
    expect(decodeGroupTable(encodeGroupTable([]))).toEqual([]);
  });

  it('takes a few bytes a group, where JSON took about fifty', () => {
    const groups = feedGroups(1500);
    expect(encodeGroupTable(groups).length / groups.length).toBeLessThan(5);
  });

  it.each([
    ['a truncated table', (bytes: Uint8Array) => bytes.subarray(0, bytes.length - 1), 'ends early'],
    ['trailing bytes', (bytes: Uint8Array) => Uint8Array.from([...bytes, 0]), 'trailing bytes'],
    ['a group count larger than the bytes', () => Uint8Array.from([0, 0x80, 0x80, 0x01]), 'cannot fit'],
    ['an overlong number', () => Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 'overlong'],
    ['a category past the list', () => Uint8Array.from([1, 1, 0x61, 1, 6 * CATEGORIES.length, 0, 2]), 'names a category past the table'],
    ['a source past the list', () => Uint8Array.from([1, 1, 0x61, 1, 0, 1, 2]), 'names a source past the table'],
    ['a date out of range', () => Uint8Array.from([1, 1, 0x61, 1, 0, 0, 1]), 'date -1 is out of range'],
    ['groups out of canonical order', () => encodeGroupTable(feedGroups(3).reverse()), 'not in canonical order'],
  ])('refuses %s', (_, make, message) => {
    const bytes = make(encodeGroupTable(feedGroups(3)));
    expect(() => decodeGroupTable(bytes)).toThrow(message);
  });
});
