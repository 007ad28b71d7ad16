// The invariants lookups rely on, checked once when untrusted bytes are loaded: a crafted or damaged
// index must fail loudly here rather than answer wrongly or read out of bounds later.
import { IndexFormatError, bitsToNumber, extraBitsFor, type IndexTables } from './tables.ts';

function checkDirectory({ directory, rows, stride }: IndexTables): void {
  const buckets = directory.length - 1;
  if (directory[0] !== 0 || directory[buckets] !== rows.length / stride) throw new IndexFormatError('the bucket directory does not cover the rows');
  for (let bucket = 0; bucket < buckets; bucket++) {
    if (directory[bucket]! > directory[bucket + 1]!) throw new IndexFormatError(`bucket ${bucket} ends before it starts`);
  }
}

/**
 * Tags hold no more bits than their fields and name groups that exist; rows rise strictly by
 * (fingerprint, extra bits, low, group id) within each bucket, since scans stop early on it. One
 * pass that reads the array directly (calls to another module's helpers are not inlined under
 * Node's ES modules): a million rows check in a few milliseconds.
 */
function checkRows({ bucketBits, directory, stride, rows, groups }: IndexTables): void {
  const groupBits = bitsToNumber(groups.length);
  const groupMask = (2 ** groupBits - 1) | 0;
  const limit = 2 ** (extraBitsFor(bucketBits) + groupBits);
  for (let bucket = 0; bucket < directory.length - 1; bucket++) {
    const start = directory[bucket]!;
    const end = directory[bucket + 1]!;
    for (let row = start; row < end; row++) {
      const at = row * stride;
      const tag = stride === 4 ? rows[at + 3]! : (rows[at + 3]! | (rows[at + 4]! << 16)) >>> 0;
      if (tag >= limit) throw new IndexFormatError(`row ${row} has a tag wider than its fields`);
      if ((tag & groupMask) >= groups.length) throw new IndexFormatError(`row ${row} names group ${tag & groupMask} of ${groups.length}`);
      if (row === start) continue;
      const before = at - stride;
      const tagBefore = stride === 4 ? rows[before + 3]! : (rows[before + 3]! | (rows[before + 4]! << 16)) >>> 0;
      const order =
        rows[before]! - rows[at]! ||
        (tagBefore >>> groupBits) - (tag >>> groupBits) ||
        rows[before + 2]! - rows[at + 2]! ||
        rows[before + 1]! - rows[at + 1]! ||
        (tagBefore & groupMask) - (tag & groupMask);
      if (order >= 0) throw new IndexFormatError(`rows ${row - 1} and ${row} are out of order`);
    }
  }
}

/**
 * Past 16 bucket bits a fingerprint repeats the bucket's lowest bits: they must agree, or a row
 * would sit in a bucket its key does not lead to. Fingerprints are sorted, so a bucket's first and
 * last rows vouch for the rest.
 */
function checkFingerprintBuckets({ bucketBits, directory, rows, stride }: IndexTables): void {
  const shared = bucketBits - 16;
  if (shared <= 0) return;
  const mask = (1 << shared) - 1;
  for (let bucket = 0; bucket < directory.length - 1; bucket++) {
    const first = directory[bucket]!;
    const last = directory[bucket + 1]! - 1;
    if (last < first) continue;
    if (rows[first * stride]! >>> (16 - shared) !== (bucket & mask) || rows[last * stride]! >>> (16 - shared) !== (bucket & mask)) {
      throw new IndexFormatError(`bucket ${bucket} holds rows of another bucket`);
    }
  }
}

function checkPrefixHosts({ prefixHigh, prefixLow, prefixCount }: IndexTables): void {
  for (let i = 0; i < prefixHigh.length; i++) {
    if (prefixCount[i] === 0) throw new IndexFormatError(`prefix host ${i} has no rows`);
    if (i > 0 && (prefixHigh[i - 1]! - prefixHigh[i]! || prefixLow[i - 1]! - prefixLow[i]!) >= 0) {
      throw new IndexFormatError(`prefix hosts ${i - 1} and ${i} are out of order`);
    }
  }
}

export function checkTables(tables: IndexTables): void {
  checkDirectory(tables);
  checkRows(tables);
  checkFingerprintBuckets(tables);
  checkPrefixHosts(tables);
}
