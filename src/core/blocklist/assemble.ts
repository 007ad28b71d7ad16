// Sorted rows to the tables the binary form stores: a directory sized to the row count, each key
// split into fingerprint, low half and the extra bits that share a tag with the group id, side by side.
import type { IndexGroup } from './groups.ts';
import type { PrefixHostCounts } from './prefix-hosts.ts';
import {
  bitsToNumber, bucketOf, chooseBucketBits, extraOf, fingerprintOf, setRow, strideFor, type IndexTables,
} from './tables.ts';

/** Rows sorted by key then group, at most one per (key, allow, kind). */
export interface SortedRows {
  high: Uint32Array;
  low: Uint32Array;
  /** Index into `groups`. */
  group: Uint32Array;
  /** Canonical order. */
  groups: IndexGroup[];
}

function buildDirectory(high: Uint32Array, bucketBits: number): Uint32Array {
  const directory = new Uint32Array(2 ** bucketBits + 1);
  for (const value of high) directory[bucketOf(value, bucketBits) + 1]!++;
  for (let bucket = 1; bucket < directory.length; bucket++) directory[bucket]! += directory[bucket - 1]!;
  return directory;
}

export function assembleTables(sorted: SortedRows, prefixHosts: PrefixHostCounts): IndexTables {
  const bucketBits = chooseBucketBits(sorted.high.length, sorted.groups.length);
  const stride = strideFor(bucketBits, sorted.groups.length);
  const groupScale = 2 ** bitsToNumber(sorted.groups.length);
  const directory = buildDirectory(sorted.high, bucketBits);
  const count = sorted.high.length;
  const rows = new Uint16Array(stride * count);
  for (let row = 0; row < count; row++) {
    const high = sorted.high[row]!;
    // A multiplication, not a shift: the tag may use all 32 bits.
    setRow(rows, row, stride, fingerprintOf(high, bucketBits), sorted.low[row]!, extraOf(high, bucketBits) * groupScale + sorted.group[row]!);
  }
  return { bucketBits, directory, stride, rows, groups: sorted.groups, ...prefixHosts.toArrays() };
}

/** `from[index]` for each index, in order: renumbering ids, or gathering rows in a new order. */
export function pickEach(indices: ArrayLike<number>, from: ArrayLike<number>): Uint32Array {
  const picked = new Uint32Array(indices.length);
  for (let i = 0; i < indices.length; i++) picked[i] = from[indices[i]!]!;
  return picked;
}

/** Drops groups no row uses any more and renumbers the rest, keeping their order. */
export function dropUnusedGroups<Rows extends SortedRows>(rows: Rows): Rows {
  const isUsed = new Uint8Array(rows.groups.length);
  for (const id of rows.group) isUsed[id] = 1;
  const renumbered = new Uint32Array(rows.groups.length);
  const groups: IndexGroup[] = [];
  rows.groups.forEach((group, id) => {
    if (isUsed[id]) renumbered[id] = groups.push(group) - 1;
  });
  return { ...rows, group: pickEach(rows.group, renumbered), groups };
}
