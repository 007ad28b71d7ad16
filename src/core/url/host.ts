// The host part of the canonical form: dots trimmed and collapsed, IPv4 in any notation as a dotted
// quad, IPv6 compressed, international names in punycode, lower case, odd bytes escaped.
import { INVALID_IPV4, NOT_IPV4, formatIpv4, parseIpv4 } from './ipv4.ts';
import { escapeBinary, fromBinaryString } from './percent.ts';

/** Longest host name DNS can carry; anything longer is refused rather than looked up. */
export const MAX_HOST_LENGTH = 253;
// Bounds the work (punycode is quadratic in a label's length) before the host is known to be sane.
const MAX_RAW_HOST_LENGTH = 1024;
const PLAIN_NAME = /^[a-z0-9._-]+$/;
const STRICT_DECODER = new TextDecoder('utf-8', { fatal: true });

function collapseDots(host: string): string {
  return host.replace(/\.{2,}/g, '.').replace(/^\.|\.$/g, '');
}

function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/** True for ASCII other than letters, digits, '.', '-' and '_': it means something to the URL parser. */
function hasReservedAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 && !/[A-Za-z0-9._-]/.test(text[i]!)) return true;
  }
  return false;
}

/** Punycode through the web-standard URL parser (UTS #46 in both Chromium and Node); null when refused. */
function toAsciiName(binaryHost: string): string | null {
  let unicode: string;
  try {
    unicode = STRICT_DECODER.decode(fromBinaryString(binaryHost));
  } catch {
    return null;
  }
  if (hasReservedAscii(unicode)) return null;
  try {
    const ascii = collapseDots(new URL(`http://${unicode}/`).hostname);
    return PLAIN_NAME.test(ascii) ? ascii : null;
  } catch {
    return null;
  }
}

function canonicalizeIpv6(binaryHost: string): string | null {
  if (!binaryHost.endsWith(']') || /[^0-9a-fA-F:.[\]]/.test(binaryHost)) return null;
  try {
    return new URL(`http://${binaryHost}/`).hostname;
  } catch {
    return null;
  }
}

function canonicalizeName(host: string): string | null {
  const named = /[\x80-\xff]/.test(host) ? toAsciiName(host) ?? host : host;
  const lower = lowerAscii(collapseDots(named));
  const address = PLAIN_NAME.test(lower) ? parseIpv4(lower) : NOT_IPV4;
  if (address === INVALID_IPV4) return null;
  return address === NOT_IPV4 ? escapeBinary(lower) : formatIpv4(address);
}

/** The canonical host for an unescaped binary-string host, or null when there is no usable host. */
export function canonicalizeHost(binaryHost: string): string | null {
  if (binaryHost.length > MAX_RAW_HOST_LENGTH) return null;
  const host = collapseDots(binaryHost);
  if (host === '') return null;
  const canonical = host.startsWith('[') ? canonicalizeIpv6(host) : canonicalizeName(host);
  return canonical !== null && canonical !== '' && canonical.length <= MAX_HOST_LENGTH ? canonical : null;
}
