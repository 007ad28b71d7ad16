// What a loaded index adds to its tables for lookups: per-group facts in typed arrays, the constants
// that split a key, and a small Bloom filter per bucket. The filter is built from the rows whenever
// an index is made or loaded, never stored: most probes miss, and at a million rows a miss that
// the filter answers skips reading the bucket's rows, a cache miss of its own.
import type { EntryKind, EntryMeta } from '../types.ts';
import type { IndexGroup } from './groups.ts';
import { bitsToNumber, extraBitsFor, type IndexTables } from './tables.ts';

export interface LookupTables extends IndexTables {
  kindBits: Uint8Array;
  isAllow: Uint8Array;
  metas: EntryMeta[];
  bucketShift: number;
  extraBits: number;
  extraMask: number;
  /** How far left a fingerprint's bits below those that repeat the bucket's (see tables.ts) are moved to span 16 bits. */
  spreadShift: number;
  groupBits: number;
  groupMask: number;
  /** Two words per bucket, or none for a small index, whose tables stay in cache anyway. */
  filter: Uint32Array;
  /** False when no row is an allow row: a lookup then stops at the first block row it finds. */
  hasAllowRows: boolean;
  /** A bit per host with url-prefix rows, by the low bits of its key's low half: most hosts are ruled out without a search. */
  prefixFilter: Uint32Array;
}

export const KIND_BIT: Readonly<Record<EntryKind, number>> = { domain: 1, host: 2, 'url-prefix': 4 };
/** Each kind at the index of its bit. */
export const KIND_OF_BIT: readonly EntryKind[] = Object.entries(KIND_BIT).reduce<EntryKind[]>((kinds, [kind, bit]) => {
  kinds[bit] = kind as EntryKind;
  return kinds;
}, []);
/** Below this many rows (about 1 MB of them) an index goes without the filter. */
const FILTER_MIN_ROWS = 1 << 17;
/**
 * A key sets two of its bucket's 64 filter bits, chosen by the low half's bits 0-5 and 6-11. At 8
 * to 16 rows a bucket, one miss in 4 to 10 gets past the filter.
 */
export const FILTER_BIT_MASK = 63;
export const FILTER_SECOND_SHIFT = 6;

function setBit(filter: Uint32Array, bucket: number, bit: number): void {
  filter[2 * bucket + (bit >>> 5)]! |= 1 << (bit & 31);
}

function buildFilter({ directory, rows, stride }: IndexTables): Uint32Array {
  if (rows.length / stride < FILTER_MIN_ROWS) return new Uint32Array(0);
  const filter = new Uint32Array(2 * (directory.length - 1));
  for (let bucket = 0; bucket < directory.length - 1; bucket++) {
    for (let row = directory[bucket]!; row < directory[bucket + 1]!; row++) {
      const low = (rows[row * stride + 1]! | (rows[row * stride + 2]! << 16)) >>> 0;
      setBit(filter, bucket, low & FILTER_BIT_MASK);
      setBit(filter, bucket, (low >>> FILTER_SECOND_SHIFT) & FILTER_BIT_MASK);
    }
  }
  return filter;
}

/** At least this many filter bits per host with url-prefix rows, so that few other hosts get past. */
const PREFIX_FILTER_BITS_PER_HOST = 64;
const MIN_PREFIX_FILTER_WORDS = 32;
const MAX_PREFIX_FILTER_WORDS = 1 << 15;

function buildPrefixFilter({ prefixLow }: IndexTables): Uint32Array {
  const wanted = (prefixLow.length * PREFIX_FILTER_BITS_PER_HOST) / 32;
  let words = MIN_PREFIX_FILTER_WORDS;
  while (words < wanted && words < MAX_PREFIX_FILTER_WORDS) words *= 2;
  const filter = new Uint32Array(words);
  for (const low of prefixLow) {
    const bit = low & (32 * words - 1);
    filter[bit >>> 5]! |= 1 << (bit & 31);
  }
  return filter;
}

export function prepareLookupTables(tables: IndexTables): LookupTables {
  const { groups, bucketBits } = tables;
  const groupBits = bitsToNumber(groups.length);
  return {
    ...tables,
    kindBits: Uint8Array.from(groups, (group) => KIND_BIT[group.kind]),
    isAllow: Uint8Array.from(groups, (group) => (group.allow ? 1 : 0)),
    metas: groups.map((group: IndexGroup) => Object.freeze({ category: group.category, source: group.source, added: group.added })),
    bucketShift: 32 - bucketBits,
    extraBits: extraBitsFor(bucketBits),
    extraMask: (1 << extraBitsFor(bucketBits)) - 1,
    spreadShift: Math.max(0, bucketBits - 16),
    groupBits,
    groupMask: (2 ** groupBits - 1) | 0,
    filter: buildFilter(tables),
    hasAllowRows: groups.some((group) => group.allow),
    prefixFilter: buildPrefixFilter(tables),
  };
}
