// Safe Browsing's host-suffix x path-prefix lookup expressions. `locateExpressions` is the single
// statement of which expressions exist (at most 5 hosts x 6 paths); `urlExpressions` spells them out
// as strings, and the blocklist index hashes the same positions without building any string.
import { canonicalizeUrl } from './canonicalize.ts';

/** Slots of the layout `locateExpressions` fills in. */
export const LAYOUT = {
  hostStart: 0,
  hostEnd: 1,
  pathEnd: 2,
  /** Number of host suffixes besides the host itself (0-4). */
  suffixCount: 3,
  /** Where each suffix starts, shortest (two labels) first. */
  suffixes: 4,
  /** Number of directory prefixes besides the root and the exact path (0-3). */
  directoryCount: 8,
  /** Position of the '/' ending each directory prefix, shortest first. */
  directories: 9,
  size: 12,
} as const;

/** Host suffixes shorter (the top-level domain alone) or longer than these are never looked up; the host itself always is. */
export const MIN_SUFFIX_LABELS = 2;
export const MAX_SUFFIX_LABELS = 5;
const MAX_DIRECTORIES = 3;
const DOT = 0x2e;
const SLASH = 0x2f;

/** IP addresses are looked up as a whole; a canonical host of four numeric labels is always one. */
export function isAddressHost(url: string, start = 0, end = url.length): boolean {
  if (url.charCodeAt(start) === 0x5b) return true;
  const last = url.charCodeAt(end - 1);
  if (last < 0x30 || last > 0x39) return false;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const code = url.charCodeAt(i);
    if (code === DOT) dots++;
    else if (code < 0x30 || code > 0x39) return false;
  }
  return dots === 3;
}

/** Which host suffixes are looked up, by their number of labels: not the top-level domain alone, at most five. */
export function isSuffixLookedUp(labels: number): boolean {
  return labels >= MIN_SUFFIX_LABELS && labels <= MAX_SUFFIX_LABELS;
}

function locateSuffixes(url: string, start: number, end: number, layout: Int32Array): void {
  let count = 0;
  if (!isAddressHost(url, start, end)) {
    // The suffix right of a dot has one label more than the dots already passed; the host itself is not a suffix.
    let labels = 1;
    for (let i = end - 1; i > start && labels <= MAX_SUFFIX_LABELS; i--) {
      if (url.charCodeAt(i) !== DOT) continue;
      if (isSuffixLookedUp(labels)) layout[LAYOUT.suffixes + count++] = i + 1;
      labels++;
    }
  }
  layout[LAYOUT.suffixCount] = count;
}

function locateDirectories(url: string, start: number, end: number, layout: Int32Array): void {
  let count = 0;
  // The '/' closing the exact path is the exact path itself, not another prefix.
  for (let i = start + 1; i < end - 1 && count < MAX_DIRECTORIES; i++) {
    if (url.charCodeAt(i) === SLASH) layout[LAYOUT.directories + count++] = i;
  }
  layout[LAYOUT.directoryCount] = count;
}

/** Fills the host's bounds, the path's end and the directory slots of `layout` for a canonical URL; not the suffixes. */
export function locatePath(canonical: string, layout: Int32Array): void {
  const hostStart = canonical.indexOf('//') + 2;
  const hostEnd = canonical.indexOf('/', hostStart);
  const queryStart = canonical.indexOf('?', hostEnd);
  const pathEnd = queryStart < 0 ? canonical.length : queryStart;
  layout[LAYOUT.hostStart] = hostStart;
  layout[LAYOUT.hostEnd] = hostEnd;
  layout[LAYOUT.pathEnd] = pathEnd;
  locateDirectories(canonical, hostEnd, pathEnd, layout);
}

/** Fills `layout` (LAYOUT.size slots) for a canonical URL, as returned by canonicalizeUrl. */
export function locateExpressions(canonical: string, layout: Int32Array): void {
  locatePath(canonical, layout);
  locateSuffixes(canonical, layout[LAYOUT.hostStart]!, layout[LAYOUT.hostEnd]!, layout);
}

function hostsOf(canonical: string, layout: Int32Array): string[] {
  const end = layout[LAYOUT.hostEnd]!;
  const hosts = [canonical.slice(layout[LAYOUT.hostStart], end)];
  for (let i = layout[LAYOUT.suffixCount]! - 1; i >= 0; i--) hosts.push(canonical.slice(layout[LAYOUT.suffixes + i], end));
  return hosts;
}

function pathsOf(canonical: string, layout: Int32Array): string[] {
  const start = layout[LAYOUT.hostEnd]!;
  const pathEnd = layout[LAYOUT.pathEnd]!;
  const paths = [canonical.slice(start), canonical.slice(start, pathEnd), '/'];
  for (let i = 0; i < layout[LAYOUT.directoryCount]!; i++) paths.push(canonical.slice(start, layout[LAYOUT.directories + i]! + 1));
  return [...new Set(paths)];
}

/**
 * The lookup expressions of a URL in the specification's order: for the host and then each shorter
 * suffix, the path with its query, the path, the root and each directory prefix. Empty when the
 * input is not an http(s) URL.
 */
export function urlExpressions(input: string): string[] {
  const canonical = canonicalizeUrl(input);
  if (canonical === null) return [];
  const layout = new Int32Array(LAYOUT.size);
  locateExpressions(canonical, layout);
  const paths = pathsOf(canonical, layout);
  return hostsOf(canonical, layout).flatMap((host) => paths.map((path) => host + path));
}
