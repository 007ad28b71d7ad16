import { describe, expect, it } from 'vitest';
import { BlocklistIndex, IndexFormatError } from '../../../../src/core/blocklist/index.ts';
import { readTables, writeTables } from '../../../../src/core/blocklist/format.ts';
import { fingerprintAt, lowAt, rowCount, setRow, tagAt, type IndexTables } from '../../../../src/core/blocklist/tables.ts';

// Three groups: a group id then takes two bits, so an id past the table fits in a tag.
const CATEGORIES = ['phishing', 'investment', 'giveaway', 'phishing'] as const;
const index = BlocklistIndex.build(
  ['evil.com', 'scam.test', 'phish.example', 'bad.test'].map((value, i) => ({ kind: 'domain' as const, value, category: CATEGORIES[i]!, source: 'test', added: '2024-01-01' })),
);
const good = index.serialize();
const goodTables = readTables(good.slice());

function corrupted(change: (bytes: Uint8Array) => void): Uint8Array {
  const bytes = good.slice();
  change(bytes);
  return bytes;
}

/** Tables written with a valid checksum but a broken invariant, as a crafted file would be. */
function crafted(change: (tables: IndexTables) => IndexTables): Uint8Array {
  const tables = readTables(good.slice());
  return writeTables(change({ ...tables, directory: tables.directory.slice(), rows: tables.rows.slice() }));
}

/** The tables with each row's tag replaced. */
function mapTags(t: IndexTables, change: (tag: number) => number): IndexTables {
  const rows = t.rows.slice();
  for (let row = 0; row < rowCount(t); row++) setRow(rows, row, t.stride, fingerprintAt(rows, row, t.stride), lowAt(rows, row, t.stride), change(tagAt(rows, row, t.stride)));
  return { ...t, rows };
}

/** One row in bucket 0 of a 2^17-bucket directory, whose fingerprint says bucket 1. */
function rowInWrongBucket(t: IndexTables): IndexTables {
  const directory = new Uint32Array(2 ** 17 + 1).fill(1);
  directory[0] = 0;
  return { ...t, bucketBits: 17, directory, stride: 4, rows: Uint16Array.of(0x8000, 1, 0, 0), groups: t.groups.slice(0, 1) };
}

describe('BlocklistIndex.load refuses damaged bytes with a clear error', () => {
  it.each([
    ['empty input', new Uint8Array(0), 'shorter than the header'],
    ['a truncated index', good.subarray(0, good.length - 4), 'where the header implies'],
    ['trailing bytes', new Uint8Array([...good, 0, 0, 0, 0]), 'where the header implies'],
    ['another file', new TextEncoder().encode('{"version": 1, "entries": []} and some more text to pass the header'), 'bad magic number'],
    ['a newer version', corrupted((bytes) => (bytes[4] = 4)), 'unsupported version 4'],
    ['the previous version, fingerprints apart from the rest of each row', corrupted((bytes) => (bytes[4] = 2)), 'unsupported version 2'],
    ['an older version', corrupted((bytes) => (bytes[4] = 1)), 'unsupported version 1'],
    ['too many bucket bits', corrupted((bytes) => (bytes[12] = 25)), 'bad bucket bits 25'],
    ['no bucket bits', corrupted((bytes) => (bytes[12] = 0)), 'bad bucket bits 0'],
    ['a bad stride', corrupted((bytes) => (bytes[16] = 3)), 'bad stride 3'],
    ['a flipped bit in a key', corrupted((bytes) => (bytes[goodTables.rows.byteOffset + 3]! ^= 1)), 'checksum mismatch'],
    ['a flipped bit in the group table', corrupted((bytes) => (bytes[good.length - 6]! ^= 1)), 'checksum mismatch'],
    ['a row count that lies', corrupted((bytes) => (bytes[8] = 9)), 'where the header implies'],
  ])('%s', (_, bytes, message) => {
    expect(() => BlocklistIndex.load(bytes)).toThrow(IndexFormatError);
    expect(() => BlocklistIndex.load(bytes)).toThrow(message);
  });

  it.each([
    ['a directory that does not cover the rows', (t: IndexTables) => ({ ...t, directory: t.directory.fill(0) }), 'does not cover the rows'],
    ['a bucket that ends before it starts', (t: IndexTables) => ({ ...t, directory: t.directory.map((_, i) => (i === 0 ? 0 : i === 1 ? 5 : 4)) }), 'ends before it starts'],
    [
      'rows out of order',
      (t: IndexTables) => ({ ...t, directory: t.directory.map((_, i) => (i === 0 ? 0 : rowCount(t))), rows: t.rows.fill(0) }),
      'out of order',
    ],
    ['a group id past the table', (t: IndexTables) => mapTags(t, (tag) => (tag & ~3) | 3), 'names group 3 of 3'],
    ['a tag wider than its fields', (t: IndexTables) => mapTags(t, () => 2 ** 17), 'wider than its fields'],
    ['tags narrower than their fields', (t: IndexTables) => ({ ...t, stride: 4 as const, rows: t.rows.subarray(0, 4 * rowCount(t)) }), 'not stored at their narrowest width'],
    ['a row in another bucket than its key', rowInWrongBucket, 'holds rows of another bucket'],
    ['a group table out of canonical order', (t: IndexTables) => ({ ...t, groups: [t.groups[1]!, t.groups[0]!, t.groups[2]!] }), 'not in canonical order'],
    ['a prefix host without rows', (t: IndexTables) => ({ ...t, prefixHigh: new Uint32Array(1), prefixLow: new Uint32Array(1), prefixCount: new Uint32Array(1) }), 'has no rows'],
  ])('%s, even with a valid checksum', (_, change, message) => {
    expect(() => BlocklistIndex.load(crafted(change))).toThrow(message);
  });

  it('loads the undamaged bytes', () => {
    expect(BlocklistIndex.load(good.slice()).lookup('http://www.scam.test/')?.entry).toBe('scam.test');
  });
});
