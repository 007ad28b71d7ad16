// Most URLs a browser hands over are already canonical: lower-case http(s), a plain host name, a
// path without dot segments. One pass over the char codes recognizes them, with no regex and no
// allocation; anything unusual is left to the full canonicalization.
import { hexValue, isEscapedByte } from './percent.ts';
import { MAX_HOST_LENGTH } from './host.ts';

const SLASH = 0x2f;
const DOT = 0x2e;
const QUESTION = 0x3f;
const HASH = 0x23;
const PERCENT = 0x25;
const BACKSLASH = 0x5c;
/** Long inputs go to the full canonicalization, which enforces the length limit. */
export const MAX_CLEAN_LENGTH = 65536;

function isNameChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x5f;
}

function isUpperHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46);
}

/** Where the scheme's `//` ends, or -1 unless the input starts with lower-case `http://` or `https://`. */
export function skipScheme(url: string): number {
  // Char codes, not startsWith: this runs once per lookup and the call costs more than the compares.
  if (url.charCodeAt(0) !== 0x68 || url.charCodeAt(1) !== 0x74 || url.charCodeAt(2) !== 0x74 || url.charCodeAt(3) !== 0x70) return -1;
  const colon = url.charCodeAt(4) === 0x73 ? 5 : 4;
  return url.charCodeAt(colon) === 0x3a && url.charCodeAt(colon + 1) === SLASH && url.charCodeAt(colon + 2) === SLASH
    ? colon + 3
    : -1;
}

/** End of a plain host name starting at `start`, or -1 when it needs the full treatment. */
export function scanHost(url: string, start: number): number {
  let index = start;
  let previous = DOT;
  let labelStart = start;
  for (; index < url.length; index++) {
    const code = url.charCodeAt(index);
    if (code === DOT) {
      if (previous === DOT) return -1;
      labelStart = index + 1;
    } else if (!isNameChar(code)) break;
    previous = code;
  }
  const firstOfLast = url.charCodeAt(labelStart);
  // A last label starting with a digit may make the host an IPv4 address in some notation.
  const mayBeAddress = firstOfLast >= 0x30 && firstOfLast <= 0x39;
  if (index === start || previous === DOT || mayBeAddress || index - start > MAX_HOST_LENGTH) return -1;
  return index;
}

/** True when the `%` at `index` escapes a byte the canonical form keeps escaped, in upper-case hex. */
function isKeptEscape(url: string, index: number): boolean {
  const high = url.charCodeAt(index + 1);
  const low = url.charCodeAt(index + 2);
  if (!isUpperHex(high) || !isUpperHex(low)) return false;
  const byte = hexValue(high) * 16 + hexValue(low);
  if (!isEscapedByte(byte)) return false;
  // `%25` then two hex digits would unescape into a new escape.
  return byte !== PERCENT || hexValue(url.charCodeAt(index + 3)) < 0 || hexValue(url.charCodeAt(index + 4)) < 0;
}

/** True for a char that stays as it is in a canonical path or query. */
function isPlainAt(url: string, index: number, code: number): boolean {
  if (code === PERCENT) return isKeptEscape(url, index);
  return code > 0x20 && code < 0x7f && code !== BACKSLASH;
}

function isDotSegment(url: string, start: number, end: number): boolean {
  const length = end - start;
  return (length === 1 || length === 2) && url.charCodeAt(start) === DOT && url.charCodeAt(end - 1) === DOT;
}

/** End of a clean path starting at the `/` at `start` (at '?', '#' or the end), or -1. */
function scanPath(url: string, start: number): number {
  let segmentStart = start + 1;
  let index = segmentStart;
  for (; index < url.length; index++) {
    const code = url.charCodeAt(index);
    if (code === SLASH) {
      if (index === segmentStart || isDotSegment(url, segmentStart, index)) return -1;
      segmentStart = index + 1;
    } else if (code === QUESTION || code === HASH) break;
    else if (!isPlainAt(url, index, code)) return -1;
  }
  return isDotSegment(url, segmentStart, index) ? -1 : index;
}

/** End of a clean query starting at the `?` at `start` (at '#' or the end), or -1. */
function scanQuery(url: string, start: number): number {
  let index = start + 1;
  for (; index < url.length; index++) {
    const code = url.charCodeAt(index);
    if (code === HASH) break;
    if (!isPlainAt(url, index, code) && code !== BACKSLASH) return -1;
  }
  return index;
}

/** The canonical form when the input is already (nearly) canonical, or undefined to take the full path. */
export function canonicalizeCleanUrl(url: string): string | undefined {
  if (url.length > MAX_CLEAN_LENGTH) return undefined;
  const hostStart = skipScheme(url);
  const hostEnd = hostStart < 0 ? -1 : scanHost(url, hostStart);
  if (hostEnd < 0) return undefined;
  const next = url.charCodeAt(hostEnd);
  if (hostEnd === url.length || next === HASH) return `${url.slice(0, hostEnd)}/`;
  if (next !== SLASH) return undefined;
  let end = scanPath(url, hostEnd);
  if (end >= 0 && url.charCodeAt(end) === QUESTION) end = scanQuery(url, end);
  if (end < 0) return undefined;
  return end === url.length ? url : url.slice(0, end);
}
