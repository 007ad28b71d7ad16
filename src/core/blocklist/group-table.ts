// The group table's binary form. A real feed has a group per source, category and day an entry was
// added: thousands of them, which as JSON would cost more than the rows of a 10k-entry index. Here a
// group takes about three bytes: sources are named once, and dates (YYYYMMDD numbers, which keep any
// string of that shape exactly) are stored as the difference from the previous group's, small
// because the canonical order sorts groups by date within each kind.
//
//   varint source count, then per source: varint UTF-8 length, the bytes
//   varint group count, then per group: varint (kind + 3 * allow + 6 * category),
//                                       varint source number, varint zigzag(date - previous date)
import { CATEGORIES } from '../types.ts';
import { checkMeta, compareGroups, type IndexGroup } from './groups.ts';

const KINDS = ['domain', 'host', 'url-prefix'] as const;
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder('utf-8', { fatal: true });
const MAX_DATE_NUMBER = 99_999_999;

class ByteWriter {
  private readonly bytes: number[] = [];

  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`cannot write ${value} as a varint`);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.bytes.push(rest);
  }

  raw(bytes: Uint8Array): void {
    for (const byte of bytes) this.bytes.push(byte);
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

class ByteReader {
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** Up to 2^35: more than any count or date here, and still exact in a double. */
  varint(): number {
    let value = 0;
    for (let scale = 1; scale <= 2 ** 28; scale *= 0x80) {
      const byte = this.bytes[this.at++];
      if (byte === undefined) throw new Error('the group table ends early');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
    }
    throw new Error('the group table holds an overlong number');
  }

  raw(length: number): Uint8Array {
    if (this.at + length > this.bytes.length) throw new Error('the group table ends early');
    return this.bytes.subarray(this.at, (this.at += length));
  }

  expectEnd(): void {
    if (this.at !== this.bytes.length) throw new Error('the group table has trailing bytes');
  }
}

const dateNumber = (added: string): number => Number(added.replaceAll('-', ''));
const zigzag = (value: number): number => (value < 0 ? -2 * value - 1 : 2 * value);
const unzigzag = (value: number): number => (value % 2 === 1 ? -(value + 1) / 2 : value / 2);

function formatDate(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > MAX_DATE_NUMBER) throw new Error(`date ${value} is out of range`);
  const digits = String(value).padStart(8, '0');
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
}

/** Groups must be in canonical order with valid metadata (see checkMeta). */
export function encodeGroupTable(groups: readonly IndexGroup[]): Uint8Array {
  const writer = new ByteWriter();
  const sources = [...new Set(groups.map((group) => group.source))].sort();
  const sourceNumbers = new Map(sources.map((source, i) => [source, i]));
  writer.varint(sources.length);
  for (const source of sources) {
    const bytes = ENCODER.encode(source);
    writer.varint(bytes.length);
    writer.raw(bytes);
  }
  writer.varint(groups.length);
  let previousDate = 0;
  for (const group of groups) {
    writer.varint(KINDS.indexOf(group.kind) + 3 * Number(group.allow) + 6 * CATEGORIES.indexOf(group.category));
    writer.varint(sourceNumbers.get(group.source)!);
    const date = dateNumber(group.added);
    writer.varint(zigzag(date - previousDate));
    previousDate = date;
  }
  return writer.toBytes();
}

function readSources(reader: ByteReader): string[] {
  return Array.from({ length: reader.varint() }, () => DECODER.decode(reader.raw(reader.varint())));
}

/** Parses and checks a group table; throws a plain message on anything unexpected. */
export function decodeGroupTable(bytes: Uint8Array): IndexGroup[] {
  const reader = new ByteReader(bytes);
  const sources = readSources(reader);
  const count = reader.varint();
  // Each group takes at least three bytes: a crafted count cannot make us allocate much.
  if (count > bytes.length) throw new Error(`${count} groups cannot fit in ${bytes.length} bytes`);
  const groups: IndexGroup[] = [];
  let date = 0;
  for (let i = 0; i < count; i++) {
    const head = reader.varint();
    const category = CATEGORIES[Math.floor(head / 6)];
    const source = sources[reader.varint()];
    date += unzigzag(reader.varint());
    if (category === undefined || source === undefined) throw new Error(`group ${i} names a ${category === undefined ? 'category' : 'source'} past the table`);
    const group = { kind: KINDS[head % 3]!, allow: Math.floor(head / 3) % 2 === 1, category, source, added: formatDate(date) };
    const problem = checkMeta(group);
    if (problem !== null) throw new Error(`group ${i}: ${problem}`);
    if (i > 0 && compareGroups(groups[i - 1]!, group) >= 0) throw new Error('the group table is not in canonical order');
    groups.push(group);
  }
  reader.expectEnd();
  return groups;
}
