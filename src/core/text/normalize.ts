// Per-script text normalization, applied the same way to page text, lexicon phrases and feed
// indicators, so that a phrase matches however the page spells, accents or spaces it.

/** Native digits of the scripts we read (Arabic-Indic, Persian, Devanagari, Bengali, Thai): each block holds 0-9 in order. */
const DIGIT_BLOCK_STARTS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50];

/** Arabic letter variants writers (and scammers) use interchangeably, folded to one form. */
const ARABIC_LETTERS: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ئ': 'ي', 'ؤ': 'و', 'ة': 'ه', 'ک': 'ك',
};

// Zero-width characters and the soft hyphen: invisible, and a classic way to split a keyword.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// Latin combining accents only: Thai, Bengali and Devanagari vowel signs are marks too and must stay.
const LATIN_ACCENTS = /[\u0300-\u036f]/g;
// Arabic harakat, superscript alef, Quranic marks and tatweel.
const ARABIC_MARKS = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const ARABIC_VARIANTS = /[أإآٱىیئؤةک]/g;
const NATIVE_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0e50-\u0e59]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
const DASHES = /[\p{Pd}\u2212]/gu;
const SPACES = /\s+/g;
// Thai is written without spaces between words; spaces between Thai letters are layout, not meaning.
const THAI_GAP = /([\u0e00-\u0e7f]) (?=[\u0e00-\u0e7f])/g;

function toAsciiDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  const start = DIGIT_BLOCK_STARTS.find((base) => code >= base && code <= base + 9) ?? code;
  return String(code - start);
}

/**
 * Native digits to ASCII, compatibility forms (NFKC: full-width letters and digits, ligatures)
 * folded, invisible characters removed. Keeps case: wallet addresses are case-sensitive.
 */
export function normalizeDigits(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(NATIVE_DIGITS, toAsciiDigit);
}

/**
 * The matching form of a text: NFKC, case folded, Latin accents and Arabic marks removed, Arabic
 * letter variants unified, native digits in ASCII, dashes as spaces, whitespace collapsed to one
 * space and removed between Thai letters.
 */
export function foldText(text: string): string {
  return normalizeDigits(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_ACCENTS, '')
    .normalize('NFC')
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_VARIANTS, (letter) => ARABIC_LETTERS[letter] ?? letter)
    .replace(APOSTROPHES, "'")
    .replace(DASHES, ' ')
    .replace(SPACES, ' ')
    .replace(THAI_GAP, '$1')
    .trim();
}

/** Digits only: the form phone numbers are compared in (`+66 81-234 5678` becomes `66812345678`). */
export function digitsOnly(text: string): string {
  return normalizeDigits(text).replace(/\D/g, '');
}
