// The index's binary form, the same bytes in memory and in IndexedDB. Loading makes typed-array
// views over them (no reparsing) after checking every length, a checksum and the invariants lookups
// rely on. All numbers are little-endian, every section 4-byte aligned. See tables.ts for how a key
// is split over the sections.
//
//   header (32 bytes): magic "SWBI", version, rows, bucket bits B, stride, prefix hosts,
//                      group table length, checksum of everything after the header
//   directory          Uint32 x (2^B + 1)       first row of each bucket
//   rows               Uint16 x stride x rows   each row's fingerprint, low half and tag
//   prefix hosts       Uint32 x 3 x hosts       keys (high, low) of hosts with url-prefix rows, row counts
//   group table        bytes                    see group-table.ts
import { checkTables } from './check-tables.ts';
import { decodeGroupTable, encodeGroupTable } from './group-table.ts';
import type { IndexGroup } from './groups.ts';
import { IndexFormatError, MAX_BUCKET_BITS, MIN_BUCKET_BITS, strideFor, type IndexTables } from './tables.ts';

const MAGIC = 0x49425753;
/** 3: a row's fingerprint beside its low half and tag (2 kept fingerprints apart from the rest of the row). */
const VERSION = 3;
const HEADER_BYTES = 32;
const IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

interface Sections {
  directory: number;
  rows: number;
  prefix: number;
  groupTable: number;
  total: number;
}

interface Header {
  rows: number;
  bucketBits: number;
  stride: 4 | 5;
  hosts: number;
  tableBytes: number;
  checksum: number;
}

const align = (offset: number): number => (offset + 3) & ~3;

function locateSections({ rows, bucketBits, stride, hosts, tableBytes }: Header): Sections {
  const directory = HEADER_BYTES;
  const rowsAt = directory + 4 * (2 ** bucketBits + 1);
  const prefix = align(rowsAt + 2 * stride * rows);
  const groupTable = prefix + 12 * hosts;
  return { directory, rows: rowsAt, prefix, groupTable, total: align(groupTable + tableBytes) };
}

function checksum(words: Uint32Array): number {
  let sum = 0x9747b28c;
  for (let i = 0; i < words.length; i++) sum = Math.imul((sum << 7) | (sum >>> 25), 0x01000193) ^ words[i]!;
  return sum >>> 0;
}

function bodyWords(buffer: ArrayBufferLike, byteOffset: number, total: number): Uint32Array {
  return new Uint32Array(buffer, byteOffset + HEADER_BYTES, (total - HEADER_BYTES) / 4);
}

function checkEndianness(): void {
  if (!IS_LITTLE_ENDIAN) throw new Error('blocklist indexes need a little-endian machine');
}

export function writeTables(tables: IndexTables): Uint8Array {
  checkEndianness();
  const table = encodeGroupTable(tables.groups);
  const rows = tables.rows.length / tables.stride;
  const hosts = tables.prefixHigh.length;
  const header: Header = { rows, bucketBits: tables.bucketBits, stride: tables.stride, hosts, tableBytes: table.length, checksum: 0 };
  const at = locateSections(header);
  const bytes = new Uint8Array(at.total);
  const buffer = bytes.buffer;
  new Uint32Array(buffer, at.directory, tables.directory.length).set(tables.directory);
  new Uint16Array(buffer, at.rows, tables.rows.length).set(tables.rows);
  const prefix = new Uint32Array(buffer, at.prefix, 3 * hosts);
  prefix.set(tables.prefixHigh, 0);
  prefix.set(tables.prefixLow, hosts);
  prefix.set(tables.prefixCount, 2 * hosts);
  bytes.set(table, at.groupTable);
  const words = [MAGIC, VERSION, rows, header.bucketBits, header.stride, hosts, table.length, checksum(bodyWords(buffer, 0, at.total))];
  new Uint32Array(buffer, 0, HEADER_BYTES / 4).set(words);
  return bytes;
}

function readHeader(bytes: Uint8Array): Header {
  checkEndianness();
  if (bytes.length < HEADER_BYTES) throw new IndexFormatError(`${bytes.length} bytes is shorter than the header`);
  const [magic, version, rows = 0, bucketBits = 0, stride = 0, hosts = 0, tableBytes = 0, sum = 0] = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_BYTES / 4);
  if (magic !== MAGIC) throw new IndexFormatError('not a blocklist index (bad magic number)');
  if (version !== VERSION) throw new IndexFormatError(`unsupported version ${version}`);
  if (bucketBits < MIN_BUCKET_BITS || bucketBits > MAX_BUCKET_BITS) throw new IndexFormatError(`bad bucket bits ${bucketBits}`);
  if (stride !== 4 && stride !== 5) throw new IndexFormatError(`bad stride ${stride}`);
  return { rows, bucketBits, stride, hosts, tableBytes, checksum: sum };
}

/** Typed-array views need 4-byte alignment: bytes handed over at an odd offset are copied once. */
export function alignBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
}

function readGroups(bytes: Uint8Array, header: Header): IndexGroup[] {
  let groups: IndexGroup[];
  try {
    groups = decodeGroupTable(bytes);
  } catch (error) {
    throw new IndexFormatError(error instanceof Error ? error.message : String(error));
  }
  if (header.stride !== strideFor(header.bucketBits, groups.length)) throw new IndexFormatError('tags are not stored at their narrowest width');
  return groups;
}

/**
 * Views over serialized bytes. With `isTrusted` (bytes this module just wrote) the checks are
 * skipped; otherwise anything inconsistent throws an IndexFormatError.
 */
export function readTables(input: Uint8Array, isTrusted = false): IndexTables {
  const bytes = alignBytes(input);
  const header = readHeader(bytes);
  const { rows, bucketBits, stride, hosts, tableBytes } = header;
  const at = locateSections(header);
  if (at.total !== bytes.length) throw new IndexFormatError(`${bytes.length} bytes where the header implies ${at.total}`);
  const { buffer, byteOffset } = bytes;
  if (!isTrusted && checksum(bodyWords(buffer, byteOffset, at.total)) !== header.checksum) throw new IndexFormatError('checksum mismatch');
  const groups = readGroups(bytes.subarray(at.groupTable, at.groupTable + tableBytes), header);
  const prefix = new Uint32Array(buffer, byteOffset + at.prefix, 3 * hosts);
  const tables: IndexTables = {
    bucketBits,
    directory: new Uint32Array(buffer, byteOffset + at.directory, 2 ** bucketBits + 1),
    stride,
    rows: new Uint16Array(buffer, byteOffset + at.rows, stride * rows),
    groups,
    prefixHigh: prefix.subarray(0, hosts),
    prefixLow: prefix.subarray(hosts, 2 * hosts),
    prefixCount: prefix.subarray(2 * hosts),
  };
  if (!isTrusted) checkTables(tables);
  return tables;
}
