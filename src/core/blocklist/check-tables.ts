// The invariants lookups rely on, checked once when untrusted bytes are loaded: a crafted or damaged
// index must fail loudly here rather than answer wrongly or read out of bounds later.
import { BUCKETS, IndexFormatError, groupIdBytesFor, type IndexTables } from './tables.ts';

function checkDirectory(directory: Uint32Array, rows: number): void {
  if (directory[0] !== 0 || directory[BUCKETS] !== rows) throw new IndexFormatError('the bucket directory does not cover the rows');
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    if (directory[bucket]! > directory[bucket + 1]!) throw new IndexFormatError(`bucket ${bucket} ends before it starts`);
  }
}

/** Rows must be strictly ordered by (mid, low, group id) within each bucket: binary search needs it. */
function checkRowOrder({ directory, mid, low, groupIds }: IndexTables): void {
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    const end = directory[bucket + 1]!;
    for (let row = directory[bucket]! + 1; row < end; row++) {
      const order = mid[row - 1]! - mid[row]! || low[row - 1]! - low[row]! || groupIds[row - 1]! - groupIds[row]!;
      if (order >= 0) throw new IndexFormatError(`rows ${row - 1} and ${row} are out of order`);
    }
  }
}

function checkGroupIds({ groupIds, groups }: IndexTables): void {
  if (groupIds.BYTES_PER_ELEMENT !== groupIdBytesFor(groups.length)) throw new IndexFormatError('group ids are not stored at their narrowest width');
  for (let row = 0; row < groupIds.length; row++) {
    if (groupIds[row]! >= groups.length) throw new IndexFormatError(`row ${row} names group ${groupIds[row]} of ${groups.length}`);
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
  checkDirectory(tables.directory, tables.mid.length);
  checkRowOrder(tables);
  checkGroupIds(tables);
  checkPrefixHosts(tables);
}
