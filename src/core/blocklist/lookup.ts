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
import { FILTER_BIT_MASK, FILTER_SECOND_SHIFT, KIND_BIT, KIND_OF_BIT, type LookupTables } from './lookup-tables.ts';

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
/**
 * [host slots, slot count]: slots 0 to host slots - 1 are the host's suffixes and the host, path
 * slots follow. A typed array, not module variables, which cost a hole check on every access.
 */
const counts = new Int32Array(2);
const HOST_SLOTS = 0;
const SLOT_COUNT = 1;
/** Each slot's rows to scan, and the row to start from, as positions in `rows`. */
const regionStart = new Int32Array(MAX_SLOTS);
const regionEnd = new Int32Array(MAX_SLOTS);
const regionGuess = new Int32Array(MAX_SLOTS);
/** Where the early reads of screenSlots go, so that they are not optimized away. */
const sink = new Int32Array(1);

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

/** True when the host in `slot` has url-prefix rows: a bit of a small filter rules out nearly every other host without a search. */
function hasPrefixRows(tables: LookupTables, slot: number): boolean {
  const high = keys[2 * slot]!;
  const low = keys[2 * slot + 1]!;
  const { prefixFilter, prefixHigh, prefixLow } = tables;
  const bit = low & (32 * prefixFilter.length - 1);
  if ((prefixFilter[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
  let first = 0;
  let end = prefixHigh.length;
  while (first < end) {
    const middle = (first + end) >>> 1;
    const order = prefixHigh[middle]! - high || prefixLow[middle]! - low;
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
    entry: url.slice(slotStart[slot], slot < counts[HOST_SLOTS]! ? layout[HOST_END] : slotEnd[slot]),
    // From the kind bits the probe has just read, not from the group's object: one cache miss less.
    kind: KIND_OF_BIT[tables.kindBits[group]!]!,
    meta: tables.metas[group]!,
  };
}

/**
 * Where each slot's rows to scan start and end in `rows` (its bucket's, or none when the bucket's
 * filter rules the key out) and where its fingerprint should be. Fingerprints are spread evenly
 * within a bucket, so the row at the fingerprint's share of the bucket is at most a row or two
 * from the one sought: a scan from there reads one cache line, not the whole bucket. That row is
 * read here for every slot, before any is scanned: the reads do not depend on one another, so
 * their cache misses overlap instead of coming one after the other.
 */
function screenSlots(tables: LookupTables): void {
  const { directory, filter, rows, stride, bucketShift, extraBits, spreadShift } = tables;
  const hasFilter = filter.length > 0;
  let touched = 0;
  for (let slot = 0; slot < counts[SLOT_COUNT]!; slot++) {
    const high = keys[2 * slot]!;
    const low = keys[2 * slot + 1]!;
    const bucket = high >>> bucketShift;
    const first = low & FILTER_BIT;
    const second = (low >>> FILTER_SHIFT) & FILTER_BIT;
    // A key the filter rules out reads nothing else: not even the directory, another cache miss.
    if (hasFilter && ((filter[2 * bucket + (first >>> 5)]! & (1 << (first & 31))) === 0 || (filter[2 * bucket + (second >>> 5)]! & (1 << (second & 31))) === 0)) {
      regionStart[slot] = regionEnd[slot] = regionGuess[slot] = 0;
      continue;
    }
    const start = directory[bucket]!;
    const end = directory[bucket + 1]!;
    // Past 16 bucket bits a fingerprint's top bits repeat the bucket's: only the bits below them spread.
    const spread = ((high >>> extraBits) << spreadShift) & 0xffff;
    // An integer product: buckets past 65,535 rows (only a crafted index has them) get a guess too low, which costs a longer scan.
    const guess = start + (Math.imul(spread, Math.min(end - start, 0xffff)) >>> 16);
    regionStart[slot] = start * stride;
    regionEnd[slot] = end * stride;
    regionGuess[slot] = guess * stride;
    if (end > start) touched |= rows[guess * stride]!;
  }
  sink[0] = touched;
}

/**
 * The group of the first row of the slot's key whose kind the slot accepts (allow rows come first),
 * or -1: the bucket's fingerprints from the guessed row, each with the rest of its key beside it.
 */
function probeSlot(tables: LookupTables, slot: number, kinds: number): number {
  const high = keys[2 * slot]!;
  const low = keys[2 * slot + 1]!;
  const fingerprint = (high >>> tables.extraBits) & 0xffff;
  const { rows, stride } = tables;
  const start = regionStart[slot]!;
  const end = regionEnd[slot]!;
  let at = regionGuess[slot]!;
  while (at > start && rows[at - stride]! >= fingerprint) at -= stride;
  while (at < end && rows[at]! < fingerprint) at += stride;
  for (; at < end && rows[at] === fingerprint; at += stride) {
    if (rows[at + 1] !== (low & 0xffff) || rows[at + 2] !== low >>> 16) continue;
    const tag = stride === 4 ? rows[at + 3]! : (rows[at + 3]! | (rows[at + 4]! << 16)) >>> 0;
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
    counts[HOST_SLOTS] = counts[SLOT_COUNT] = cleanSlots;
    // Most URLs need only their host, and a clean host needs no canonicalization of the rest.
    if (!hasPrefixRows(tables, cleanSlots - 1)) return url;
    // The canonical form starts with the same scheme and host: only its path is left to hash.
    const canonical = isCanonical ? url : canonicalizeUrl(url);
    if (canonical === null) return null;
    locatePath(canonical, layout);
    counts[SLOT_COUNT] = hashPath(canonical, cleanSlots);
    return canonical;
  }
  const canonical = isCanonical ? url : canonicalizeUrl(url);
  if (canonical === null) return null;
  locateExpressions(canonical, layout);
  const hostSlots = hashHost(canonical);
  counts[HOST_SLOTS] = hostSlots;
  counts[SLOT_COUNT] = hasPrefixRows(tables, hostSlots - 1) ? hashPath(canonical, hostSlots) : hostSlots;
  return canonical;
}

/** A match as one number: its group times this, plus its slot. */
const SLOT_RANGE = 16;

/**
 * `group * SLOT_RANGE + slot` of the match to report, or -1: the most specific allow row, else the most
 * specific block row. Once a block row is found only an allow row could change the answer, and an
 * index without any is not searched further.
 */
function findMatch(tables: LookupTables): number {
  screenSlots(tables);
  const hostSlots = counts[HOST_SLOTS]!;
  let found = -1;
  // Slots run from least to most specific, so probe them backwards.
  for (let slot = counts[SLOT_COUNT]! - 1; slot >= 0; slot--) {
    const group = probeSlot(tables, slot, slot >= hostSlots ? PATH_KINDS : slot === hostSlots - 1 ? HOST_KINDS : SUFFIX_KINDS);
    if (group < 0) continue;
    if (tables.isAllow[group] === 1) return group * SLOT_RANGE + slot;
    if (found >= 0) continue;
    found = group * SLOT_RANGE + slot;
    if (!tables.hasAllowRows) return found;
  }
  return found;
}

/**
 * The most specific allow match, else the most specific block match. With `isCanonical` the URL is
 * canonicalizeUrl's output and is not canonicalized again.
 */
export function lookupUrl(tables: LookupTables, url: string, isCanonical = false): IndexMatch | null {
  const hashed = hashExpressions(tables, url, isCanonical);
  if (hashed === null) return null;
  const found = findMatch(tables);
  if (found < 0) return null;
  const slot = found % SLOT_RANGE;
  return toMatch(tables, hashed, (found - slot) / SLOT_RANGE, slot);
}
