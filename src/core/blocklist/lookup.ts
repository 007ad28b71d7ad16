// URL to match without building a string or an object unless something matches: hash the host's
// suffixes (and, only for hosts with url-prefix rows, the path's prefixes) straight from the
// canonical URL, then probe from the most specific expression to the least. A URL whose scheme and
// host are already canonical (nearly all a browser hands over) is read once: its host is checked
// and hashed in one backward pass, and the rest of it is never looked at.
import type { EntryKind, EntryMeta } from '../types.ts';
import { canonicalizeUrl } from '../url/canonicalize.ts';
import { LAYOUT, isAddressHost, locateExpressions, locatePath } from '../url/expressions.ts';
import { MAX_CLEAN_LENGTH, skipScheme } from '../url/fast-path.ts';
import { hashHostSuffixes, hashPathPrefixes } from './key-hash.ts';
import { FILTER_BIT_MASK, FILTER_SECOND_SHIFT, KIND_BIT, type LookupTables } from './lookup-tables.ts';

export interface IndexMatch {
  action: 'allow' | 'block';
  /** The entry's normalized value: the expression of the URL that matched it. */
  entry: string;
  kind: EntryKind;
  meta: EntryMeta;
}

const SUFFIX_KINDS = KIND_BIT.domain;
const HOST_KINDS = KIND_BIT.domain | KIND_BIT.host;
const PATH_KINDS = KIND_BIT['url-prefix'];
// Module copies of imported constants the hot path reads: under Node's ES modules each read of an
// imported binding costs a check.
const HOST_START = LAYOUT.hostStart;
const HOST_END = LAYOUT.hostEnd;
const CLEAN_LENGTH = MAX_CLEAN_LENGTH;
const FILTER_BIT = FILTER_BIT_MASK;
const FILTER_SHIFT = FILTER_SECOND_SHIFT;
// At most 4 suffixes and the host, then 3 directories, the path and the path with its query.
const MAX_SLOTS = 10;
const layout = new Int32Array(LAYOUT.size);
const keys = new Uint32Array(2 * MAX_SLOTS);
const slotStart = new Int32Array(MAX_SLOTS);
const slotEnd = new Int32Array(MAX_SLOTS);
/** Where each slot's bucket starts in the rows. */
const bucketStarts = new Int32Array(MAX_SLOTS);
/** Slots 0 to hostSlots - 1 are the host's suffixes and the host; path slots follow up to slotCount. */
let hostSlots = 0;
let slotCount = 0;

/** Host suffix keys, shortest first, then the host's own; returns how many. */
function hashHost(url: string): number {
  const hostStart = layout[HOST_START]!;
  const hostEnd = layout[HOST_END]!;
  return hashHostSuffixes(url, hostStart, hostEnd, isAddressHost(url, hostStart, hostEnd), keys, slotStart);
}

/** Path prefix keys after the host's (directories, the path, the path with its query), hashed on from where the host's left off; returns the slot count. */
function hashPath(url: string, firstSlot: number): number {
  const hostStart = layout[HOST_START]!;
  const hostEnd = layout[HOST_END]!;
  const pathEnd = layout[LAYOUT.pathEnd]!;
  let slot = firstSlot;
  const addEnd = (end: number): void => {
    slotStart[slot] = hostStart;
    slotEnd[slot++] = end;
  };
  for (let i = 0; i < layout[LAYOUT.directoryCount]!; i++) addEnd(layout[LAYOUT.directories + i]!);
  // Keys drop a trailing '/', so `h/a/` and the directory `h/a/` both reach the entry `h/a`.
  const pathKeyEnd = url.charCodeAt(pathEnd - 1) === 0x2f ? pathEnd - 1 : pathEnd;
  if (pathKeyEnd > (slot > firstSlot ? slotEnd[slot - 1]! : hostEnd)) addEnd(pathKeyEnd);
  if (pathEnd < url.length) addEnd(url.charCodeAt(url.length - 1) === 0x2f ? url.length - 1 : url.length);
  hashPathPrefixes(url, hostEnd, slotEnd, slot - firstSlot, keys, firstSlot);
  return slot;
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

function toMatch(tables: LookupTables, url: string, group: number, slot: number): IndexMatch {
  return {
    action: tables.isAllow[group] === 1 ? 'allow' : 'block',
    // Host slots all end where the host does.
    entry: url.slice(slotStart[slot], slot < hostSlots ? layout[HOST_END] : slotEnd[slot]),
    kind: tables.groups[group]!.kind,
    meta: tables.metas[group]!,
  };
}

/**
 * The group of the first row of the slot's key whose kind the slot accepts (allow rows come first),
 * or -1. A miss reads one directory entry and the bucket's filter, and only if the filter lets it
 * through, the bucket's sorted fingerprints; only a fingerprint match reads the rest of the key,
 * low half and tag side by side.
 */
function probeSlot(tables: LookupTables, slot: number, kinds: number): number {
  const high = keys[2 * slot]!;
  const low = keys[2 * slot + 1]!;
  const bucket = high >>> tables.bucketShift;
  const { filter } = tables;
  if (filter.length > 0) {
    const first = low & FILTER_BIT;
    const second = (low >>> FILTER_SHIFT) & FILTER_BIT;
    if ((filter[2 * bucket + (first >>> 5)]! & (1 << (first & 31))) === 0 || (filter[2 * bucket + (second >>> 5)]! & (1 << (second & 31))) === 0) return -1;
  }
  const fingerprint = (high >>> tables.extraBits) & 0xffff;
  const { fingerprints, rest, stride } = tables;
  const end = tables.directory[bucket + 1]!;
  let row = bucketStarts[slot]!;
  while (row < end && fingerprints[row]! < fingerprint) row++;
  for (; row < end && fingerprints[row] === fingerprint; row++) {
    const at = row * stride;
    if (rest[at] !== (low & 0xffff) || rest[at + 1] !== low >>> 16) continue;
    const tag = stride === 3 ? rest[at + 2]! : (rest[at + 2]! | (rest[at + 3]! << 16)) >>> 0;
    const group = tag & tables.groupMask;
    if (tag >>> tables.groupBits === (high & tables.extraMask) && (tables.kindBits[group]! & kinds) !== 0) return group;
  }
  return -1;
}

/** Hashes the host of a URL whose scheme and host are canonical as they stand; returns the host's slot count, or -1 for any other URL. */
function hashCleanHost(url: string): number {
  if (url.length > CLEAN_LENGTH) return -1;
  const hostStart = skipScheme(url);
  if (hostStart < 0) return -1;
  const slash = url.indexOf('/', hostStart);
  // A '?', '#', ':' or '@' before the first '/' fails the strict host check: such URLs are canonicalized.
  const hostEnd = slash < 0 ? url.length : slash;
  const count = hashHostSuffixes(url, hostStart, hostEnd, false, keys, slotStart, true);
  if (count < 0) return -1;
  layout[HOST_START] = hostStart;
  layout[HOST_END] = hostEnd;
  return count;
}

/** Hashes the URL's expressions into the slots; returns the string the slots point into, or null for a non-URL. */
function hashExpressions(tables: LookupTables, url: string, isCanonical: boolean): string | null {
  const cleanSlots = hashCleanHost(url);
  if (cleanSlots > 0) {
    hostSlots = slotCount = cleanSlots;
    // Most URLs need only their host, and a clean host needs no canonicalization of the rest.
    if (!hasPrefixRows(tables, cleanSlots - 1)) return url;
    // The canonical form starts with the same scheme and host: only its path is left to hash.
    const canonical = isCanonical ? url : canonicalizeUrl(url);
    if (canonical === null) return null;
    locatePath(canonical, layout);
    slotCount = hashPath(canonical, hostSlots);
    return canonical;
  }
  const canonical = isCanonical ? url : canonicalizeUrl(url);
  if (canonical === null) return null;
  locateExpressions(canonical, layout);
  hostSlots = hashHost(canonical);
  slotCount = hasPrefixRows(tables, hostSlots - 1) ? hashPath(canonical, hostSlots) : hostSlots;
  return canonical;
}

/**
 * The most specific allow match, else the most specific block match. With `isCanonical` the URL is
 * canonicalizeUrl's output and is not canonicalized again.
 */
export function lookupUrl(tables: LookupTables, url: string, isCanonical = false): IndexMatch | null {
  const hashed = hashExpressions(tables, url, isCanonical);
  if (hashed === null) return null;
  let blockGroup = -1;
  let blockSlot = -1;
  // Every slot's directory entry first: the reads do not depend on one another, so the processor
  // overlaps their cache misses instead of waiting for each in turn.
  const { directory, bucketShift } = tables;
  for (let slot = 0; slot < slotCount; slot++) bucketStarts[slot] = directory[keys[2 * slot]! >>> bucketShift]!;
  // Slots run from least to most specific, so probe them backwards.
  for (let slot = slotCount - 1; slot >= 0; slot--) {
    const group = probeSlot(tables, slot, slot >= hostSlots ? PATH_KINDS : slot === hostSlots - 1 ? HOST_KINDS : SUFFIX_KINDS);
    if (group < 0) continue;
    if (tables.isAllow[group] === 1) return toMatch(tables, hashed, group, slot);
    if (blockGroup < 0) {
      blockGroup = group;
      blockSlot = slot;
    }
  }
  return blockGroup < 0 ? null : toMatch(tables, hashed, blockGroup, blockSlot);
}
