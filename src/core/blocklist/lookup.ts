// URL to match without building a string or an object unless something matches: hash the host's
// suffixes (and, only for hosts with url-prefix rows, the path's prefixes) straight from the
// canonical URL, then probe from the most specific expression to the least.
import type { EntryKind, EntryMeta } from '../types.ts';
import { canonicalizeUrl } from '../url/canonicalize.ts';
import { LAYOUT, isAddressHost, locateCleanHost, locateExpressions } from '../url/expressions.ts';
import type { IndexGroup } from './groups.ts';
import { feedForward, hashHostSuffixes, saveKey } from './key-hash.ts';
import { BUCKET_BITS, type IndexTables } from './tables.ts';

export interface IndexMatch {
  action: 'allow' | 'block';
  /** The entry's normalized value: the expression of the URL that matched it. */
  entry: string;
  kind: EntryKind;
  meta: EntryMeta;
}

/** The tables plus per-group facts laid out for the probe loop. */
export interface LookupTables extends IndexTables {
  kindBits: Uint8Array;
  isAllow: Uint8Array;
  metas: EntryMeta[];
}

const KIND_BIT: Readonly<Record<EntryKind, number>> = { domain: 1, host: 2, 'url-prefix': 4 };
const SUFFIX_KINDS = KIND_BIT.domain;
const HOST_KINDS = KIND_BIT.domain | KIND_BIT.host;
const PATH_KINDS = KIND_BIT['url-prefix'];
const MID_MASK = 0xffff;
// At most 4 suffixes and the host, then 3 directories, the path and the path with its query.
const MAX_SLOTS = 10;
const layout = new Int32Array(LAYOUT.size);
const keys = new Uint32Array(2 * MAX_SLOTS);
const slotStart = new Int32Array(MAX_SLOTS);
const slotEnd = new Int32Array(MAX_SLOTS);

export function prepareLookupTables(tables: IndexTables): LookupTables {
  const { groups } = tables;
  return {
    ...tables,
    kindBits: Uint8Array.from(groups, (group) => KIND_BIT[group.kind]),
    isAllow: Uint8Array.from(groups, (group) => (group.allow ? 1 : 0)),
    metas: groups.map((group: IndexGroup) => Object.freeze({ category: group.category, source: group.source, added: group.added })),
  };
}

function saveSlot(slot: number, start: number, end: number): void {
  saveKey(keys, slot);
  slotStart[slot] = start;
  slotEnd[slot] = end;
}

/** Host suffix keys, shortest first, then the host's own; returns how many. */
function hashHost(url: string): number {
  const hostStart = layout[LAYOUT.hostStart]!;
  const hostEnd = layout[LAYOUT.hostEnd]!;
  const count = hashHostSuffixes(url, hostStart, hostEnd, isAddressHost(url, hostStart, hostEnd), keys, slotStart);
  slotEnd.fill(hostEnd, 0, count);
  return count;
}

/** Path prefix keys after the host's (directories, the path, the path with its query); returns the slot count. */
function hashPath(url: string, firstSlot: number): number {
  const hostStart = layout[LAYOUT.hostStart]!;
  const pathEnd = layout[LAYOUT.pathEnd]!;
  let slot = firstSlot;
  let from = layout[LAYOUT.hostEnd]!;
  const addSlot = (end: number): void => {
    feedForward(url, from, end);
    saveSlot(slot++, hostStart, end);
    from = end;
  };
  for (let i = 0; i < layout[LAYOUT.directoryCount]!; i++) addSlot(layout[LAYOUT.directories + i]!);
  // Keys drop a trailing '/', so `h/a/` and the directory `h/a/` both reach the entry `h/a`.
  const pathKeyEnd = url.charCodeAt(pathEnd - 1) === 0x2f ? pathEnd - 1 : pathEnd;
  if (pathKeyEnd > from) addSlot(pathKeyEnd);
  if (pathEnd < url.length) addSlot(url.charCodeAt(url.length - 1) === 0x2f ? url.length - 1 : url.length);
  return slot;
}

/** First row holding the key, or -1. Rows with one key are adjacent. */
function findRow(tables: LookupTables, high: number, low: number): number {
  const bucket = high >>> BUCKET_BITS;
  const mid = high & MID_MASK;
  let first = tables.directory[bucket]!;
  let end = tables.directory[bucket + 1]!;
  while (first < end) {
    const middle = (first + end) >>> 1;
    if (tables.mid[middle]! < mid) first = middle + 1;
    else end = middle;
  }
  const bucketEnd = tables.directory[bucket + 1]!;
  for (let row = first; row < bucketEnd && tables.mid[row] === mid; row++) {
    if (tables.low[row] === low) return row;
  }
  return -1;
}

function hasPrefixRows(tables: LookupTables, slot: number): boolean {
  if (tables.prefixHigh.length === 0) return false;
  const high = keys[2 * slot]!;
  const low = keys[2 * slot + 1]!;
  let first = 0;
  let end = tables.prefixHigh.length;
  while (first < end) {
    const middle = (first + end) >>> 1;
    const order = tables.prefixHigh[middle]! - high || tables.prefixLow[middle]! - low;
    if (order === 0) return true;
    if (order < 0) first = middle + 1;
    else end = middle;
  }
  return false;
}

function toMatch(tables: LookupTables, url: string, row: number, slot: number): IndexMatch {
  const group = tables.groupIds[row]!;
  return {
    action: tables.isAllow[group] === 1 ? 'allow' : 'block',
    entry: url.slice(slotStart[slot], slotEnd[slot]),
    kind: tables.groups[group]!.kind,
    meta: tables.metas[group]!,
  };
}

/** The first row of the slot's key whose kind the slot accepts (allow rows come first), or -1. */
function probeSlot(tables: LookupTables, slot: number, kinds: number): number {
  const high = keys[2 * slot]!;
  const low = keys[2 * slot + 1]!;
  const mid = high & MID_MASK;
  const bucketEnd = tables.directory[(high >>> BUCKET_BITS) + 1]!;
  for (let row = findRow(tables, high, low); row >= 0 && row < bucketEnd && tables.mid[row] === mid && tables.low[row] === low; row++) {
    if ((tables.kindBits[tables.groupIds[row]!]! & kinds) !== 0) return row;
  }
  return -1;
}

let hostSlots = 0;
let slotCount = 0;

/** Hashes the URL's expressions into the slots; returns the string the slots point into, or null for a non-URL. */
function hashExpressions(tables: LookupTables, url: string): string | null {
  // Most URLs need only their host, and a clean host needs no canonicalization of the rest.
  if (locateCleanHost(url, layout)) {
    hostSlots = hashHost(url);
    slotCount = hostSlots;
    if (!hasPrefixRows(tables, hostSlots - 1)) return url;
  }
  const canonical = canonicalizeUrl(url);
  if (canonical === null) return null;
  locateExpressions(canonical, layout);
  hostSlots = hashHost(canonical);
  slotCount = hasPrefixRows(tables, hostSlots - 1) ? hashPath(canonical, hostSlots) : hostSlots;
  return canonical;
}

/** The most specific allow match, else the most specific block match. */
export function lookupUrl(tables: LookupTables, url: string): IndexMatch | null {
  const hashed = hashExpressions(tables, url);
  if (hashed === null) return null;
  let blockRow = -1;
  let blockSlot = -1;
  // Slots run from least to most specific, so probe them backwards.
  for (let slot = slotCount - 1; slot >= 0; slot--) {
    const row = probeSlot(tables, slot, slot >= hostSlots ? PATH_KINDS : slot === hostSlots - 1 ? HOST_KINDS : SUFFIX_KINDS);
    if (row < 0) continue;
    if (tables.isAllow[tables.groupIds[row]!] === 1) return toMatch(tables, hashed, row, slot);
    if (blockRow < 0) [blockRow, blockSlot] = [row, slot];
  }
  return blockRow < 0 ? null : toMatch(tables, hashed, blockRow, blockSlot);
}
