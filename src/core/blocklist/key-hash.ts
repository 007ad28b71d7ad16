// 64-bit keys for lookup expressions, computed incrementally so a URL's host suffixes and path
// prefixes are hashed in one pass each, without building their strings.
//
// A key hashes the host part backwards (so every suffix is a step of one pass from the end) and
// then the path part forwards (so every prefix is a step of one pass from the host). Two 32-bit
// lanes with different multipliers and rotations are mixed into a 64-bit key by a two-round Feistel
// network over murmur3's finalizer, which is a bijection and so loses none of the 64 bits.
//
// Why 64 bits is enough: a false block needs an unlisted expression to share all 64 bits with one of
// n stored keys. A lookup probes at most 30 expressions, so the chance per URL is at most
// 30 * n / 2^64: at n = 10 million entries about 1.6e-11, one false block in some 60 billion URLs
// browsed. At build time, where the strings are known, two different entries with one key are
// reported rather than merged (probability about n^2 / 2^65, 3e-6 at 10 million).
// tests/unit/core/blocklist/key-hash.test.ts checks that each lane collides at the rate of a random
// function on similar-looking names, which is what this argument assumes.
//
// Keys are stored in serialized indexes (IndexedDB, the feed): any change here must bump VERSION
// in format.ts, or old indexes would silently stop matching.

import { MAX_SUFFIX_LABELS, MIN_SUFFIX_LABELS } from '../url/expressions.ts';
import { MAX_HOST_LENGTH } from '../url/host.ts';

// Seeds as 32-bit integers: `0x811c9dc5` as written is past that range, and a loop variable that
// starts as such a number is kept as a float by the optimizing compiler.
const SEED_A = 0x811c9dc5 | 0;
const SEED_B = 0x6a09e667;
const DOT = 0x2e;
/** Makes the second Feistel round differ from the first. */
export const LOW_ROUND_TWEAK = 0x27d4eb2f;

// The running key's lanes between calls. A typed array, not module variables: those cost a
// hole check on every access, and a lookup's host hashing spent half its time on them.
const lanes = new Int32Array([SEED_A, SEED_B]);

/** murmur3's 32-bit finalizer, a bijection. */
export function finalMix(value: number): number {
  let mixed = value;
  mixed ^= mixed >>> 16;
  mixed = Math.imul(mixed, 0x85ebca6b);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  return mixed ^ (mixed >>> 16);
}

export function startKey(): void {
  lanes[0] = SEED_A;
  lanes[1] = SEED_B;
}

// One char into each lane. The multipliers are literals: a named module constant is read from the
// module's context at every use, and one past the small-integer range is converted from a heap
// number each time, which cost more than the hashing itself. hashHostSuffixes spells these two out.
function mixA(lane: number, code: number): number {
  return Math.imul(((lane << 5) | (lane >>> 27)) ^ code, 0x9e3779b1);
}

function mixB(lane: number, code: number): number {
  return Math.imul(((lane << 11) | (lane >>> 21)) ^ code, 0x85ebca77);
}

function feed(text: string, first: number, stop: number, step: number): void {
  let a = lanes[0]!;
  let b = lanes[1]!;
  for (let i = first; i !== stop; i += step) {
    const code = text.charCodeAt(i);
    a = mixA(a, code);
    b = mixB(b, code);
  }
  lanes[0] = a;
  lanes[1] = b;
}

/** Feeds `text[from, to)` last char first. */
export function feedBackward(text: string, from: number, to: number): void {
  if (to > from) feed(text, to - 1, from - 1, -1);
}

/** Feeds `text[from, to)` first char first. */
export function feedForward(text: string, from: number, to: number): void {
  if (to > from) feed(text, from, to, 1);
}

/** The two-round Feistel network from lanes to key, written to `keys[2 * slot]` (high half) and `keys[2 * slot + 1]`. */
function writeKey(keys: Uint32Array, slot: number, a: number, b: number): void {
  const high = a ^ finalMix(b);
  keys[2 * slot] = high;
  keys[2 * slot + 1] = b ^ finalMix(high ^ LOW_ROUND_TWEAK);
}

/** Writes the key of what was fed so far; feeding may go on. */
export function saveKey(keys: Uint32Array, slot: number): void {
  writeKey(keys, slot, lanes[0]!, lanes[1]!);
}

// How hashHostSuffixes reads a char code below 128: as part of a label (1), as the dot between two
// (2), or (checking that a host is canonical) as neither (0). Checking strictly, a label holds a-z,
// 0-9, '-' and '_'; a host canonicalized already may hold anything; an IP address has no labels.
const LABEL_CHAR = 1;
const DOT_CHAR = 2;
const STRICT_CHARS = new Uint8Array(128);
for (const char of 'abcdefghijklmnopqrstuvwxyz0123456789-_') STRICT_CHARS[char.charCodeAt(0)] = LABEL_CHAR;
STRICT_CHARS[DOT] = DOT_CHAR;
const LOOSE_CHARS = new Uint8Array(128).fill(LABEL_CHAR);
LOOSE_CHARS[DOT] = DOT_CHAR;
const ADDRESS_CHARS = new Uint8Array(128).fill(LABEL_CHAR);

// Module copies of imported bounds: under Node's ES modules every read of an imported binding in
// the hot loop below costs a check, and calling an imported function there is not inlined. These
// are isSuffixLookedUp's bounds and fast-path.ts's host length limit.
const MIN_LABELS = MIN_SUFFIX_LABELS;
const MAX_LABELS = MAX_SUFFIX_LABELS;
const MAX_NAME_LENGTH = MAX_HOST_LENGTH;

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * Starts a key and feeds the host `text[start, end)` backwards, saving the key of every suffix a
 * lookup probes (see isSuffixLookedUp; none for an IP address) to slots 0, 1... shortest first,
 * and the host's own key last; `suffixStarts` gets where each starts. Returns the number of slots;
 * feeding may go on into the path.
 *
 * With `isStrict` the same pass checks that the host is already canonical, as fast-path.ts's
 * scanHost would (plain name chars, no empty label, no last label starting with a digit), and
 * returns -1 if not: a lookup's hottest loop, so a clean URL is read once, not twice. One table
 * read per char says which of these a char is, so a label's chars take a single branch.
 */
export function hashHostSuffixes(text: string, start: number, end: number, isAddress: boolean, keys: Uint32Array, suffixStarts: Int32Array, isStrict = false): number {
  const chars = isStrict ? STRICT_CHARS : isAddress ? ADDRESS_CHARS : LOOSE_CHARS;
  // Literals in this loop (LABEL_CHAR, the other char classes, mixA and mixB spelt out): here a
  // module constant is read from memory at every use, and a module function checked at every call.
  const highChar = isStrict ? 0 : 1;
  let a = SEED_A;
  let b = SEED_B;
  let labels = 1;
  let slot = 0;
  let previous = DOT;
  for (let i = end - 1; i >= start; i--) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? chars[code]! : highChar;
    if (kind !== 1) {
      if (kind === 0 || (isStrict && (previous === DOT || (labels === 1 && isDigit(previous))))) return -1;
      if (labels >= MIN_LABELS && labels <= MAX_LABELS) {
        writeKey(keys, slot, a, b);
        suffixStarts[slot++] = i + 1;
      }
      labels++;
    }
    a = Math.imul(((a << 5) | (a >>> 27)) ^ code, 0x9e3779b1);
    b = Math.imul(((b << 11) | (b >>> 21)) ^ code, 0x85ebca77);
    previous = code;
  }
  if (isStrict && (previous === DOT || (labels === 1 && isDigit(previous)) || end - start > MAX_NAME_LENGTH)) return -1;
  lanes[0] = a;
  lanes[1] = b;
  writeKey(keys, slot, a, b);
  suffixStarts[slot] = start;
  return slot + 1;
}

/**
 * Feeds `text` forward from `start`, as a path after its host, saving the key at each of the
 * `count` increasing positions of `ends` to slots `firstSlot`, `firstSlot + 1`... One pass, however
 * many prefixes.
 */
export function hashPathPrefixes(text: string, start: number, ends: Int32Array, count: number, keys: Uint32Array, firstSlot: number): void {
  let a = lanes[0]!;
  let b = lanes[1]!;
  let i = start;
  for (let slot = 0; slot < count; slot++) {
    for (const end = ends[firstSlot + slot]!; i < end; i++) {
      const code = text.charCodeAt(i);
      a = mixA(a, code);
      b = mixB(b, code);
    }
    writeKey(keys, firstSlot + slot, a, b);
  }
  lanes[0] = a;
  lanes[1] = b;
}

/** The key of an entry value (`host` or `host/path?query`, normalized), as lookups compute it. */
export function keyOfValue(value: string, keys: Uint32Array, slot: number): void {
  const slash = value.indexOf('/');
  const hostEnd = slash < 0 ? value.length : slash;
  startKey();
  feedBackward(value, 0, hostEnd);
  feedForward(value, hostEnd, value.length);
  saveKey(keys, slot);
}
