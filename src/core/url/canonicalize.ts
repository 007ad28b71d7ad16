// Safe Browsing canonicalization (v4 "URLs and Hashing"): the one form every lookup expression is
// cut from. Already-clean URLs take a single pass over char codes; the rest take the full path.
import { canonicalizeCleanUrl } from './fast-path.ts';
import { canonicalizeHost } from './host.ts';
import { encodeUtf8, escapeBinary, toBinaryString, unescapeFully } from './percent.ts';
import { resolvePath, splitUrl } from './split.ts';

/** Longer inputs and results are refused: browsers stop at 2 MB too, and the work stays bounded. */
export const MAX_URL_LENGTH = 2 * 1024 * 1024;

/** Drops tab, CR and LF, the fragment, and leading and trailing controls and spaces. */
function stripUrl(input: string): string {
  const withoutBreaks = input.replace(/[\t\r\n]/g, '');
  const hash = withoutBreaks.indexOf('#');
  let end = hash < 0 ? withoutBreaks.length : hash;
  let start = 0;
  // Loops, not a regex: `[ ]+$` backtracks quadratically on a long run of inner spaces.
  while (start < end && withoutBreaks.charCodeAt(start) <= 0x20) start++;
  while (end > start && withoutBreaks.charCodeAt(end - 1) <= 0x20) end--;
  return withoutBreaks.slice(start, end);
}

/** The full canonicalization, for any input; exported so tests can hold the fast path to it. */
export function canonicalizeSlowly(input: string): string | null {
  if (input.length > MAX_URL_LENGTH) return null;
  const parts = splitUrl(toBinaryString(unescapeFully(encodeUtf8(stripUrl(input)))));
  if (parts === null) return null;
  const host = canonicalizeHost(parts.host);
  if (host === null) return null;
  const query = parts.query === null ? '' : `?${escapeBinary(parts.query)}`;
  const canonical = `${parts.scheme}://${host}${escapeBinary(resolvePath(parts.path))}${query}`;
  // Escaping can triple the length: refusing long results too keeps canonicalization idempotent.
  return canonical.length > MAX_URL_LENGTH ? null : canonical;
}

/**
 * The Safe Browsing canonical form of an http(s) URL (`http://host/path?query`), or null when the
 * input is not one. A scheme-less input such as `evil.com/x` is read as http, as the specification's
 * examples do.
 */
export function canonicalizeUrl(input: string): string | null {
  return canonicalizeCleanUrl(input) ?? canonicalizeSlowly(input);
}
