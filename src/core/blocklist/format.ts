// The index's binary form, the same bytes in memory, in IndexedDB and in the feed. Loading makes
// typed-array views over them (no reparsing) after checking every length, a checksum and the
// invariants lookups rely on. All numbers are little-endian, every section 4-byte aligned.
//
//   header (32 bytes): magic "SWBI", version, rows, group id width, prefix hosts, group table
//                      length, checksum of everything after the header, reserved
//   directory          Uint32 x (65536 + 1)  first row of each bucket (top 16 bits of a key)
//   mid                Uint16 x rows         bits 0-15 of the key's high half
//   low                Uint32 x rows         the key's low half
//   group ids          Uint8/16/32 x rows    the narrowest width that fits the group table
//   prefix hosts       Uint32 x 3 x hosts    keys (high, low) of hosts with url-prefix rows, row counts
//   group table        UTF-8 JSON            [kind, allow, category, source, added] per group
import { checkTables } from './check-tables.ts';
import { decodeGroups, encodeGroups, type IndexGroup } from './groups.ts';
import { BUCKETS, IndexFormatError, groupIdBytesFor, type GroupIds, type IndexTables } from './tables.ts';

const MAGIC = 0x49425753;
const VERSION = 1;
const HEADER_BYTES = 32;
const IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder('utf-8', { fatal: true });

interface Sections {
  directory: number;
  mid: number;
  low: number;
  groupIds: number;
  prefix: number;
  groupTable: number;
  total: number;
}

const align = (offset: number): number => (offset + 3) & ~3;

function locateSections(rows: number, idBytes: number, prefixHosts: number, tableBytes: number): Sections {
  const directory = HEADER_BYTES;
  const mid = directory + 4 * (BUCKETS + 1);
  const low = align(mid + 2 * rows);
  const groupIds = low + 4 * rows;
  const prefix = align(groupIds + idBytes * rows);
  const groupTable = prefix + 12 * prefixHosts;
  return { directory, mid, low, groupIds, prefix, groupTable, total: align(groupTable + tableBytes) };
}

function checksum(words: Uint32Array): number {
  let sum = 0x9747b28c;
  for (let i = 0; i < words.length; i++) sum = Math.imul((sum << 7) | (sum >>> 25), 0x01000193) ^ words[i]!;
  return sum >>> 0;
}

function bodyWords(buffer: ArrayBufferLike, byteOffset: number, total: number): Uint32Array {
  return new Uint32Array(buffer, byteOffset + HEADER_BYTES, (total - HEADER_BYTES) / 4);
}

export function writeTables(tables: IndexTables): Uint8Array {
  if (!IS_LITTLE_ENDIAN) throw new Error('blocklist indexes need a little-endian machine');
  const table = ENCODER.encode(encodeGroups(tables.groups));
  const rows = tables.mid.length;
  const idBytes = groupIdBytesFor(tables.groups.length);
  const hosts = tables.prefixHigh.length;
  const at = locateSections(rows, idBytes, hosts, table.length);
  const bytes = new Uint8Array(at.total);
  const buffer = bytes.buffer;
  new Uint32Array(buffer, at.directory, BUCKETS + 1).set(tables.directory);
  new Uint16Array(buffer, at.mid, rows).set(tables.mid);
  new Uint32Array(buffer, at.low, rows).set(tables.low);
  idViewOf(buffer, at.groupIds, rows, idBytes).set(tables.groupIds);
  const prefix = new Uint32Array(buffer, at.prefix, 3 * hosts);
  prefix.set(tables.prefixHigh, 0);
  prefix.set(tables.prefixLow, hosts);
  prefix.set(tables.prefixCount, 2 * hosts);
  bytes.set(table, at.groupTable);
  const header = new Uint32Array(buffer, 0, HEADER_BYTES / 4);
  header.set([MAGIC, VERSION, rows, idBytes, hosts, table.length, checksum(bodyWords(buffer, 0, at.total)), 0]);
  return bytes;
}

function idViewOf(buffer: ArrayBufferLike, offset: number, rows: number, idBytes: number): GroupIds {
  if (idBytes === 1) return new Uint8Array(buffer, offset, rows);
  return idBytes === 2 ? new Uint16Array(buffer, offset, rows) : new Uint32Array(buffer, offset, rows);
}

function readHeader(bytes: Uint8Array): Uint32Array {
  if (!IS_LITTLE_ENDIAN) throw new Error('blocklist indexes need a little-endian machine');
  if (bytes.length < HEADER_BYTES) throw new IndexFormatError(`${bytes.length} bytes is shorter than the header`);
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_BYTES / 4);
  if (header[0] !== MAGIC) throw new IndexFormatError('not a blocklist index (bad magic number)');
  if (header[1] !== VERSION) throw new IndexFormatError(`unsupported version ${header[1]}`);
  if (![1, 2, 4].includes(header[3]!)) throw new IndexFormatError(`bad group id width ${header[3]}`);
  return header;
}

/** Typed-array views need 4-byte alignment: bytes handed over at an odd offset are copied once. */
export function alignBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
}

/**
 * Views over serialized bytes. With `isTrusted` (bytes this module just wrote) the checks are
 * skipped; otherwise anything inconsistent throws an IndexFormatError.
 */
export function readTables(input: Uint8Array, isTrusted = false): IndexTables {
  const bytes = alignBytes(input);
  const [, , rows = 0, idBytes = 1, hosts = 0, tableBytes = 0, sum] = readHeader(bytes);
  const at = locateSections(rows, idBytes, hosts, tableBytes);
  if (at.total !== bytes.length) throw new IndexFormatError(`${bytes.length} bytes where the header implies ${at.total}`);
  const { buffer, byteOffset } = bytes;
  if (!isTrusted && checksum(bodyWords(buffer, byteOffset, at.total)) !== sum) throw new IndexFormatError('checksum mismatch');
  let groups: IndexGroup[];
  try {
    groups = decodeGroups(DECODER.decode(bytes.subarray(at.groupTable, at.groupTable + tableBytes)));
  } catch (error) {
    throw new IndexFormatError(error instanceof Error ? error.message : String(error));
  }
  const prefix = new Uint32Array(buffer, byteOffset + at.prefix, 3 * hosts);
  const tables = {
    directory: new Uint32Array(buffer, byteOffset + at.directory, BUCKETS + 1),
    mid: new Uint16Array(buffer, byteOffset + at.mid, rows),
    low: new Uint32Array(buffer, byteOffset + at.low, rows),
    groupIds: idViewOf(buffer, byteOffset + at.groupIds, rows, idBytes),
    groups,
    prefixHigh: prefix.subarray(0, hosts),
    prefixLow: prefix.subarray(hosts, 2 * hosts),
    prefixCount: prefix.subarray(2 * hosts),
  };
  if (!isTrusted) checkTables(tables);
  return tables;
}
