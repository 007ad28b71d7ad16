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

import { isSuffixLookedUp } from '../url/expressions.ts';

const SEED_A = 0x811c9dc5;
const SEED_B = 0x6a09e667;
const MULTIPLIER_A = 0x9e3779b1;
const MULTIPLIER_B = 0x85ebca77;
const DOT = 0x2e;
/** Makes the second Feistel round differ from the first. */
export const LOW_ROUND_TWEAK = 0x27d4eb2f;

let laneA = SEED_A;
let laneB = SEED_B;

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
  laneA = SEED_A;
  laneB = SEED_B;
}

const mixA = (lane: number, code: number): number => Math.imul(((lane << 5) | (lane >>> 27)) ^ code, MULTIPLIER_A);
const mixB = (lane: number, code: number): number => Math.imul(((lane << 11) | (lane >>> 21)) ^ code, MULTIPLIER_B);

function feed(text: string, first: number, stop: number, step: number): void {
  let a = laneA;
  let b = laneB;
  for (let i = first; i !== stop; i += step) {
    const code = text.charCodeAt(i);
    a = mixA(a, code);
    b = mixB(b, code);
  }
  laneA = a;
  laneB = b;
}

/** Feeds `text[from, to)` last char first. */
export function feedBackward(text: string, from: number, to: number): void {
  if (to > from) feed(text, to - 1, from - 1, -1);
}

/** Feeds `text[from, to)` first char first. */
export function feedForward(text: string, from: number, to: number): void {
  if (to > from) feed(text, from, to, 1);
}

/** Writes the key of what was fed so far to `keys[2 * slot]` (high half) and `keys[2 * slot + 1]`; feeding may go on. */
export function saveKey(keys: Uint32Array, slot: number): void {
  const high = laneA ^ finalMix(laneB);
  keys[2 * slot] = high;
  keys[2 * slot + 1] = laneB ^ finalMix(high ^ LOW_ROUND_TWEAK);
}

/**
 * Starts a key and feeds the host `text[start, end)` backwards, saving the key of every suffix a
 * lookup probes (see isSuffixLookedUp; none for an IP address) to slots 0, 1... shortest first,
 * and the host's own key last; `suffixStarts` gets where each starts. One pass: a lookup's hottest
 * loop. Returns the number of slots; feeding may go on into the path.
 */
export function hashHostSuffixes(text: string, start: number, end: number, isAddress: boolean, keys: Uint32Array, suffixStarts: Int32Array): number {
  let a = SEED_A;
  let b = SEED_B;
  let labels = 1;
  let slot = 0;
  for (let i = end - 1; i >= start; i--) {
    const code = text.charCodeAt(i);
    if (code === DOT && !isAddress) {
      if (isSuffixLookedUp(labels)) {
        laneA = a;
        laneB = b;
        saveKey(keys, slot);
        suffixStarts[slot++] = i + 1;
      }
      labels++;
    }
    a = mixA(a, code);
    b = mixB(b, code);
  }
  laneA = a;
  laneB = b;
  saveKey(keys, slot);
  suffixStarts[slot] = start;
  return slot + 1;
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
