// Sorted rows to the tables the binary form stores: the bucket directory, the split keys and group
// ids at the narrowest width.
import type { IndexGroup } from './groups.ts';
import type { PrefixHostCounts } from './prefix-hosts.ts';
import { BUCKETS, BUCKET_BITS, groupIdBytesFor, type GroupIds, type IndexTables } from './tables.ts';

/** Rows sorted by key then group, at most one per (key, allow, kind). */
export interface SortedRows {
  high: Uint32Array;
  low: Uint32Array;
  /** Index into `groups`. */
  group: Uint32Array;
  /** Canonical order. */
  groups: IndexGroup[];
}

function narrowGroupIds(group: Uint32Array, groupCount: number): GroupIds {
  const width = groupIdBytesFor(groupCount);
  if (width === 4) return group;
  return width === 2 ? Uint16Array.from(group) : Uint8Array.from(group);
}

export function assembleTables(rows: SortedRows, prefixHosts: PrefixHostCounts): IndexTables {
  const directory = new Uint32Array(BUCKETS + 1);
  for (const high of rows.high) directory[(high >>> BUCKET_BITS) + 1]!++;
  for (let bucket = 0; bucket < BUCKETS; bucket++) directory[bucket + 1]! += directory[bucket]!;
  return {
    directory,
    mid: Uint16Array.from(rows.high),
    low: rows.low,
    groupIds: narrowGroupIds(rows.group, rows.groups.length),
    groups: rows.groups,
    ...prefixHosts.toArrays(),
  };
}

/** Each id looked up in `newIds`. */
export function renumber(ids: ArrayLike<number>, newIds: Uint32Array): Uint32Array {
  const renumbered = new Uint32Array(ids.length);
  for (let i = 0; i < ids.length; i++) renumbered[i] = newIds[ids[i]!]!;
  return renumbered;
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
  return { ...rows, group: renumber(rows.group, renumbered), groups };
}
