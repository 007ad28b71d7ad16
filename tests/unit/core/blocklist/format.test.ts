import { describe, expect, it } from 'vitest';
import { BlocklistIndex, IndexFormatError } from '../../../../src/core/blocklist/index.ts';
import { readTables, writeTables } from '../../../../src/core/blocklist/format.ts';
import type { IndexTables } from '../../../../src/core/blocklist/tables.ts';

const META = { category: 'phishing', source: 'test', added: '2024-01-01' } as const;
const index = BlocklistIndex.build(
  ['evil.com', 'scam.test', 'phish.example', 'bad.test'].map((value) => ({ kind: 'domain' as const, value, ...META })),
);
const good = index.serialize();

function corrupted(change: (bytes: Uint8Array) => void): Uint8Array {
  const bytes = good.slice();
  change(bytes);
  return bytes;
}

/** Tables written with a valid checksum but a broken invariant, as a crafted file would be. */
function crafted(change: (tables: IndexTables) => IndexTables): Uint8Array {
  const tables = readTables(good.slice());
  return writeTables(change({ ...tables, directory: tables.directory.slice(), mid: tables.mid.slice(), low: tables.low.slice(), groupIds: tables.groupIds.slice() }));
}

describe('BlocklistIndex.load refuses damaged bytes with a clear error', () => {
  it.each([
    ['empty input', new Uint8Array(0), 'shorter than the header'],
    ['a truncated index', good.subarray(0, good.length - 4), 'where the header implies'],
    ['trailing bytes', new Uint8Array([...good, 0, 0, 0, 0]), 'where the header implies'],
    ['another file', new TextEncoder().encode('{"version": 1, "entries": []} and some more text to pass the header'), 'bad magic number'],
    ['a newer version', corrupted((bytes) => (bytes[4] = 2)), 'unsupported version 2'],
    ['a bad group id width', corrupted((bytes) => (bytes[12] = 3)), 'bad group id width 3'],
    ['a flipped bit in a key', corrupted((bytes) => (bytes[bytes.length - 100]! ^= 1)), 'checksum mismatch'],
    ['a row count that lies', corrupted((bytes) => (bytes[8] = 9)), 'where the header implies'],
  ])('%s', (_, bytes, message) => {
    expect(() => BlocklistIndex.load(bytes)).toThrow(IndexFormatError);
    expect(() => BlocklistIndex.load(bytes)).toThrow(message);
  });

  it.each([
    ['a directory that does not cover the rows', (t: IndexTables) => ({ ...t, directory: t.directory.fill(0) }), 'does not cover the rows'],
    ['rows out of order', (t: IndexTables) => ({ ...t, directory: t.directory.map((_, i) => (i === 0 ? 0 : t.low.length)), low: t.low.fill(7) }), 'out of order'],
    ['a group id past the table', (t: IndexTables) => ({ ...t, groupIds: t.groupIds.fill(5) }), 'names group 5 of 1'],
    ['a group table out of canonical order', (t: IndexTables) => ({ ...t, groups: [t.groups[0]!, { ...t.groups[0]!, added: '2000-01-01' }] }), 'not in canonical order'],
    ['a group with an unknown category', (t: IndexTables) => ({ ...t, groups: [{ ...t.groups[0]!, category: 'weird' as never }] }), 'unknown category weird'],
    ['a prefix host without rows', (t: IndexTables) => ({ ...t, prefixHigh: new Uint32Array(1), prefixLow: new Uint32Array(1), prefixCount: new Uint32Array(1) }), 'has no rows'],
  ])('%s, even with a valid checksum', (_, change, message) => {
    expect(() => BlocklistIndex.load(crafted(change))).toThrow(message);
  });

  it('loads the undamaged bytes', () => {
    expect(BlocklistIndex.load(good.slice()).lookup('http://www.scam.test/')?.entry).toBe('scam.test');
  });
});
