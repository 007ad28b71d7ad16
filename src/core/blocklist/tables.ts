// The index's tables as typed arrays, shared by the writer, the reader, the checks and lookups.
import type { IndexGroup } from './groups.ts';

export const BUCKET_BITS = 16;
export const BUCKETS = 1 << BUCKET_BITS;

export type GroupIds = Uint8Array | Uint16Array | Uint32Array;

export interface IndexTables {
  /** First row of each bucket (the top 16 bits of a key), plus the row count. */
  directory: Uint32Array;
  /** Bits 0-15 of each row key's high half. */
  mid: Uint16Array;
  /** Each row key's low half. */
  low: Uint32Array;
  groupIds: GroupIds;
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

export function groupIdBytesFor(groupCount: number): 1 | 2 | 4 {
  return groupCount <= 0x100 ? 1 : groupCount <= 0x10000 ? 2 : 4;
}
