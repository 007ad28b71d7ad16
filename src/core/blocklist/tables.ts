// The index's tables as typed arrays, shared by the writer, the reader, the checks and lookups, and
// how a 64-bit key (high, low) is split over them. Every bit of the key is stored:
//
//   high = [ bucket: top B bits ][ fingerprint: next 16 bits ][ extra: the 16 - B bits left, if any ]
//   low  = all 32 bits
//
// The bucket is implied by the directory. B grows with the row count, so the directory stays a
// fraction of a byte per row at every size; past B = 16 the fingerprint is the low 16 bits of high,
// repeating some bucket bits. A row is one piece: its fingerprint, its low half and its tag,
// `(extra << groupBits) | group id`, side by side, so a bucket is one short run of memory. Most
// misses never reach it (see lookup-tables.ts's filter); a hit scans a few fingerprints and finds
// the rest of its key in the same cache line, where fingerprints kept apart from the rest of the
// row cost a second cache miss (a million rows: about 80 ns more per hit).
import type { IndexGroup } from './groups.ts';

export interface IndexTables {
  /** B: how many top bits of a key's high half pick its bucket. */
  bucketBits: number;
  /** First row of each bucket, plus the row count. */
  directory: Uint32Array;
  /** 16-bit words per row in `rows`: 4 with a 16-bit tag, 5 with a 32-bit one. */
  stride: 4 | 5;
  /** Per row: its fingerprint, its low half's low and high 16 bits, then its tag's. */
  rows: Uint16Array;
  groups: IndexGroup[];
  /** Keys of the hosts that have url-prefix rows, and how many rows each. */
  prefixHigh: Uint32Array;
  prefixLow: Uint32Array;
  prefixCount: Uint32Array;
}

export class IndexFormatError extends Error {
  constructor(message: string) {
    super(`corrupt blocklist index: ${message}`);
    this.name = 'IndexFormatError';
  }
}

export const MIN_BUCKET_BITS = 1;
export const MAX_BUCKET_BITS = 24;
/** Buckets hold at most this many rows on average: a miss scans a few fingerprints in one or two cache lines. */
const MAX_MEAN_BUCKET_ROWS = 16;
/** Larger directories than the smallest allowed are tried when they narrow the tags by more than they cost. */
const BUCKET_BITS_TRIED = 4;

/** Bits needed to number `count` things (0 for one). */
export function bitsToNumber(count: number): number {
  return count <= 1 ? 0 : 32 - Math.clz32(count - 1);
}

export function extraBitsFor(bucketBits: number): number {
  return Math.max(0, 16 - bucketBits);
}

export function strideFor(bucketBits: number, groupCount: number): 4 | 5 {
  return extraBitsFor(bucketBits) + bitsToNumber(groupCount) <= 16 ? 4 : 5;
}

/** Rows in the tables. */
export function rowCount({ directory }: Pick<IndexTables, 'directory'>): number {
  return directory[directory.length - 1]!;
}

/** The directory size with the fewest bytes for the directory and tags together, among those small enough for fast scans. */
export function chooseBucketBits(rows: number, groupCount: number): number {
  const smallest = Math.min(MAX_BUCKET_BITS, Math.max(MIN_BUCKET_BITS, Math.ceil(Math.log2(rows / MAX_MEAN_BUCKET_ROWS))));
  let best = smallest;
  let bestBytes = Infinity;
  for (let bits = smallest; bits < smallest + BUCKET_BITS_TRIED && bits <= MAX_BUCKET_BITS; bits++) {
    const bytes = 4 * 2 ** bits + 2 * rows * strideFor(bits, groupCount);
    if (bytes < bestBytes) [best, bestBytes] = [bits, bytes];
  }
  return best;
}

export function bucketOf(high: number, bucketBits: number): number {
  return high >>> (32 - bucketBits);
}

export function fingerprintOf(high: number, bucketBits: number): number {
  return (high >>> extraBitsFor(bucketBits)) & 0xffff;
}

export function extraOf(high: number, bucketBits: number): number {
  return high & ((1 << extraBitsFor(bucketBits)) - 1);
}

/** The high half back from its three parts. */
export function joinHigh(bucket: number, fingerprint: number, extra: number, bucketBits: number): number {
  return ((bucket << (32 - bucketBits)) | (fingerprint << extraBitsFor(bucketBits)) | extra) >>> 0;
}

export function fingerprintAt(rows: Uint16Array, row: number, stride: number): number {
  return rows[row * stride]!;
}

export function lowAt(rows: Uint16Array, row: number, stride: number): number {
  const at = row * stride;
  return (rows[at + 1]! | (rows[at + 2]! << 16)) >>> 0;
}

export function tagAt(rows: Uint16Array, row: number, stride: number): number {
  const at = row * stride;
  return stride === 4 ? rows[at + 3]! : (rows[at + 3]! | (rows[at + 4]! << 16)) >>> 0;
}

/** Stores a row's fingerprint, low half and tag. */
export function setRow(rows: Uint16Array, row: number, stride: number, fingerprint: number, low: number, tag: number): void {
  const at = row * stride;
  rows[at] = fingerprint;
  rows[at + 1] = low & 0xffff;
  rows[at + 2] = low >>> 16;
  rows[at + 3] = tag & 0xffff;
  if (stride === 5) rows[at + 4] = tag >>> 16;
}

export function groupOfTag(tag: number, groupBits: number): number {
  return tag & ((2 ** groupBits - 1) | 0);
}

export function extraOfTag(tag: number, groupBits: number): number {
  return Math.floor(tag / 2 ** groupBits);
}

/** Every row's key halves and tag, in row order: for merging, where a plain array per field is simplest. */
export function unpackRows({ bucketBits, directory, stride, rows, groups }: IndexTables): { high: Uint32Array; low: Uint32Array; group: Uint32Array } {
  const count = rowCount({ directory });
  const unpacked = { high: new Uint32Array(count), low: new Uint32Array(count), group: new Uint32Array(count) };
  const groupBits = bitsToNumber(groups.length);
  for (let bucket = 0; bucket < directory.length - 1; bucket++) {
    const start = directory[bucket]!;
    const end = directory[bucket + 1]!;
    for (let row = start; row < end; row++) {
      const tag = tagAt(rows, row, stride);
      unpacked.high[row] = joinHigh(bucket, fingerprintAt(rows, row, stride), extraOfTag(tag, groupBits), bucketBits);
      unpacked.low[row] = lowAt(rows, row, stride);
      unpacked.group[row] = groupOfTag(tag, groupBits);
    }
  }
  return unpacked;
}
