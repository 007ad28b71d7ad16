// A host name split the way lookalike checks need it: Unicode labels (IDN decoded), the registrable
// domain and how many labels its public suffix has (tldts, private suffixes such as github.io on,
// plus the shared hosts of brands.json).
import { parse } from 'tldts';
import { toASCII, toUnicode } from 'punycode/punycode.es6.js';
import { findSharedSite } from './brands.ts';

export interface ParsedHost {
  /** Lowercase labels with `xn--` labels decoded, in order (`['login', 'pаypal', 'com']`). */
  labels: string[];
  /** The registrable domain in ASCII (`xn--pypal-4ve.com`). */
  domain: string;
  /** How many of the last labels are the public suffix (`co.uk` -> 2). */
  suffixLength: number;
  /** Whether the public suffix is a real top-level registry's (not a private one like github.io). */
  isIcannSuffix: boolean;
}

const MAX_HOST_LENGTH = 253;
const NOT_A_HOST = /[\s/\\?#@:%*]/u;

/** Splits a host name (or the host of an http(s) URL); null for IPs, bare suffixes and non-hosts. */
export function parseHost(input: string): ParsedHost | null {
  const host = extractHost(input);
  if (host === null) return null;
  const ascii = toAsciiHost(host);
  if (ascii === null) return null;
  const parsed = parse(ascii, { allowPrivateDomains: true });
  if (parsed.isIp || !parsed.domain || !parsed.publicSuffix || parsed.hostname !== ascii) return null;
  // A user's site on a shared host counts as its own domain, as if the host were a public suffix.
  const shared = findSharedSite(ascii);
  return {
    labels: ascii.split('.').map(decodeLabel),
    domain: shared?.site ?? parsed.domain,
    suffixLength: (shared?.host ?? parsed.publicSuffix).split('.').length,
    isIcannSuffix: shared === null && parsed.isIcann === true,
  };
}

function extractHost(input: string): string | null {
  let host = input.trim();
  if (host.includes('://')) {
    try {
      host = new URL(host).hostname;
    } catch {
      return null;
    }
  }
  host = host.normalize('NFC').toLowerCase().replace(/\.$/, '');
  if (host === '' || host.length > MAX_HOST_LENGTH || NOT_A_HOST.test(host) || host.includes('..')) return null;
  return host;
}

const PLAIN_HOST = /^[a-z0-9.-]*$/;

function toAsciiHost(host: string): string | null {
  if (PLAIN_HOST.test(host)) return host;
  try {
    return toASCII(host);
  } catch {
    return null;
  }
}

function decodeLabel(label: string): string {
  if (!label.startsWith('xn--')) return label;
  try {
    return toUnicode(label).toLowerCase();
  } catch {
    return label;
  }
}
