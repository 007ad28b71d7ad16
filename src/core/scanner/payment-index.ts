// Wallet addresses and phone numbers: found in page text by shape, compared with the feed's
// indicators through hash lookups, so their number does not change the cost of a scan.
import { digitsOnly } from '../text/normalize.ts';
import type { Indicator } from '../types.ts';

/** Normalized wallet address → indexes of the feed indicators with that address. */
export type WalletIndex = ReadonlyMap<string, readonly number[]>;
/** Last PHONE_KEY_DIGITS digits → indexes of the phone indicators ending in them. */
export type PhoneIndex = ReadonlyMap<string, readonly number[]>;

/** Enough digits to tell numbers apart while ignoring country codes and trunk prefixes. */
export const PHONE_KEY_DIGITS = 8;
const MAX_PHONE_DIGITS = 15;
const MAX_FOUND = 200;

// Ethereum-style hex, Bitcoin bech32, other bech32 (Litecoin ltc1, Cardano addr1, Cosmos...),
// Bitcoin legacy base58, Tron base58, XRP (Ripple's base58 alphabet).
const WALLET = /\b(?:0x[0-9a-fA-F]{40}|[bB][cC]1[02-9ac-hj-np-zAC-HJ-NP-Z]{11,71}|[a-zA-Z]{2,6}1[02-9ac-hj-np-zAC-HJ-NP-Z]{30,100}|[13][1-9A-HJ-NP-Za-km-z]{25,34}|T[1-9A-HJ-NP-Za-km-z]{33}|r[1-9A-HJ-NP-Za-km-z]{24,34})\b/g;
// Hex and bech32 addresses are case-insensitive (the publisher lowercases the same shapes).
const CASELESS_WALLET = /^(?:0x[0-9a-f]{40}|[a-z]{1,6}1[02-9ac-hj-np-z]{11,100})$/i;
const HAS_LETTER = /[a-zA-Z]/;
// An XRP address is a long run of mixed case and digits; without both it is a word or a slug.
const XRP_SHAPE = /^r(?=.*\d)(?=.*[A-Z])/;
// Digits with the separators people write in phone numbers; bounded, so it cannot backtrack far.
const PHONE = /\+?\(?\d[\d ().]{6,20}\d/g;
const NOT_DIGIT = /\D/g;

/** The comparable form of an address: hex and bech32 addresses are case-insensitive, base58 is not. */
export function normalizeWallet(value: string): string {
  const trimmed = value.trim();
  return CASELESS_WALLET.test(trimmed) ? trimmed.toLowerCase() : trimmed;
}

export function buildWalletIndex(indicators: readonly Indicator[]): WalletIndex {
  return groupIndexes(indicators, 'wallet', (value) => normalizeWallet(value) || null);
}

export function buildPhoneIndex(indicators: readonly Indicator[]): PhoneIndex {
  return groupIndexes(indicators, 'phone', (value) => {
    const digits = digitsOnly(value);
    return digits.length >= PHONE_KEY_DIGITS && digits.length <= MAX_PHONE_DIGITS ? digits.slice(-PHONE_KEY_DIGITS) : null;
  });
}

function groupIndexes(indicators: readonly Indicator[], kind: Indicator['kind'], keyOf: (value: string) => string | null): WalletIndex {
  const index = new Map<string, number[]>();
  indicators.forEach((indicator, position) => {
    const key = indicator.kind === kind ? keyOf(indicator.value) : null;
    if (key !== null) index.set(key, [...(index.get(key) ?? []), position]);
  });
  return index;
}

/** Distinct wallet addresses in text whose case is intact, normalized. */
export function findWallets(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(WALLET)) {
    const isShaped = match[0].startsWith('r') ? XRP_SHAPE.test(match[0]) : HAS_LETTER.test(match[0]);
    if (isShaped) found.add(normalizeWallet(match[0]));
    if (found.size >= MAX_FOUND) break;
  }
  return [...found];
}

export interface PhoneCandidate {
  digits: string;
  /** Written the way phone numbers are (international prefix, area code in brackets, 9+ digits). */
  isPhoneLike: boolean;
  /** Where the number is first written in the text, and where it ends. */
  start: number;
  end: number;
}

/** Digit runs in folded text that could be phone numbers. */
export function findPhoneNumbers(text: string): PhoneCandidate[] {
  const found = new Map<string, PhoneCandidate>();
  for (const match of text.matchAll(PHONE)) {
    // The match is ASCII (the pattern's \d is): no native digits to read.
    const digits = match[0].replace(NOT_DIGIT, '');
    if (digits.length < PHONE_KEY_DIGITS || digits.length > MAX_PHONE_DIGITS) continue;
    const isPhoneLike = match[0].startsWith('+') || match[0].includes('(') || digits.length >= 9;
    const seen = found.get(digits);
    const [start, end] = seen ? [seen.start, seen.end] : [match.index, match.index + match[0].length];
    found.set(digits, { digits, isPhoneLike: isPhoneLike || (seen?.isPhoneLike ?? false), start, end });
    if (found.size >= MAX_FOUND) break;
  }
  return [...found.values()];
}

/** `0812345678` and `+66 81 234 5678` are one number: the shorter, without trunk zeros, ends the longer. */
function isSameNumber(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const national = shorter.replace(/^0+/, '');
  return national.length >= PHONE_KEY_DIGITS && longer.endsWith(national);
}

/** Phone indicators matching these digits: equal once country code or trunk prefix is set aside. */
export function lookupPhone(index: PhoneIndex, indicators: readonly Indicator[], digits: string): number[] {
  const candidates = index.get(digits.slice(-PHONE_KEY_DIGITS)) ?? [];
  return candidates.filter((position) => isSameNumber(digitsOnly(indicators[position]!.value), digits));
}
