// The resolvers publishing uses: core's own entry normalization (the very code the index runs), the
// protected brands and top sites from the lookalike data, and core's text folding for indicators, so
// the feed and the extension can never disagree on what a value means.
import { normalizeEntryValue } from '../../core/blocklist/entry-value.ts';
import { findBrandByDomain, toRegistrableDomain } from '../../core/lookalike/brands.ts';
import { normalizeWallet } from '../../core/scanner/payment-index.ts';
import { digitsOnly, foldText, normalizeDigits } from '../../core/text/normalize.ts';
import type { EntryKind, IndicatorKind } from '../../core/types.ts';
import { hostOf } from './allow-list.ts';
import type { Resolvers } from './resolve.ts';

const PHONE_DIGITS = { min: 7, max: 15 };
const MIN_PHRASE_LENGTH = 8;
const WALLET = /^[A-Za-z0-9:_-]{20,128}$/;
const HANDLE = /^[^\s]{3,100}$/;

export const DEFAULT_RESOLVERS: Resolvers = { normalizeEntry: normalizeEntryValue, findProtection, normalizeIndicator };

/**
 * A protected brand's domains are never listed, nor any subdomain of them; a top site's registrable
 * domain and `www.` are never listed, but its other subdomains may be (site builders such as
 * mystrikingly.com give each customer one). Pages on such hosts are listed as url-prefixes.
 */
export function findProtection(entry: { kind: EntryKind; value: string }): string | null {
  const host = hostOf(entry);
  const brand = findBrandByDomain(host);
  if (!brand) return null;
  const domain = toRegistrableDomain(host);
  if (entry.kind === 'url-prefix') return null;
  if (brand.curated || host === domain || host === `www.${domain}`) {
    return `${host} belongs to ${brand.name}, a protected ${brand.curated ? 'brand' : 'top site'}`;
  }
  return null;
}

export function normalizeIndicator(kind: IndicatorKind, raw: string): string | { error: string } {
  switch (kind) {
    case 'phrase': {
      const phrase = foldText(raw);
      return phrase.length >= MIN_PHRASE_LENGTH ? phrase : { error: `phrase "${raw}" is shorter than ${MIN_PHRASE_LENGTH} characters: it would match innocent pages` };
    }
    case 'phone': {
      const digits = digitsOnly(raw);
      return digits.length >= PHONE_DIGITS.min && digits.length <= PHONE_DIGITS.max ? digits : { error: `phone "${raw}" does not have ${PHONE_DIGITS.min} to ${PHONE_DIGITS.max} digits` };
    }
    case 'wallet': {
      const wallet = normalizeDigits(raw).trim();
      if (!WALLET.test(wallet)) return { error: `"${raw}" does not look like a wallet address` };
      // The scanner's own comparable form, so a published wallet always matches the page's.
      return normalizeWallet(wallet);
    }
    case 'payment-handle': {
      // Not foldText: it turns dashes into spaces, and handles keep their punctuation.
      const handle = normalizeDigits(raw).trim().toLowerCase();
      return HANDLE.test(handle) ? handle : { error: `payment handle "${raw}" must be 3 to 100 characters without spaces` };
    }
  }
}
