// Per-script text normalization, applied the same way to page text, lexicon phrases and feed
// indicators, so that a phrase matches however the page spells, accents or spaces it.

/** Native digits of the scripts we read (Arabic-Indic, Persian, Devanagari, Bengali, Thai): each block holds 0-9 in order. */
const DIGIT_BLOCK_STARTS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50];

/** Arabic letter variants writers (and scammers) use interchangeably, folded to one form. */
const ARABIC_LETTERS: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ئ': 'ي', 'ؤ': 'و', 'ة': 'ه', 'ک': 'ك',
};

// What to do with each UTF-16 code unit, built once: keep it, drop it, read it as a space, or
// replace it. Dropped: zero-width characters and the soft hyphen (a classic way to split a
// keyword), Latin combining accents (only those: Thai, Bengali and Devanagari vowel signs are
// marks too and must stay), Arabic harakat, superscript alef, Quranic marks and tatweel.
const KEEP = 0;
const DROP = 1;
const SPACE = 2;
// A line break: white space that ends a block of the page (a paragraph, a heading, a button).
const NEWLINE = 3;
// Between the pieces foldTexts folds at once: a noncharacter, which normalization and case mapping
// leave alone and stop at, as they do at a line break. Read as any other character by foldText.
const PIECE = 4;
const PIECE_BREAK = '\uffff';
const DROPPED: readonly [number, number][] = [[0x00ad, 0x00ad], [0x200b, 0x200d], [0x2060, 0x2060], [0xfeff, 0xfeff],
  [0x0300, 0x036f], [0x064b, 0x065f], [0x0670, 0x0670], [0x06d6, 0x06ed], [0x0640, 0x0640]];
// White space, and dashes (Unicode Pd and the minus sign), which join words as often as spaces do.
const SPACES: readonly [number, number][] = [[0x09, 0x0d], [0x20, 0x20], [0x85, 0x85], [0xa0, 0xa0], [0x1680, 0x1680],
  [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0x2d, 0x2d], [0x058a, 0x058a],
  [0x05be, 0x05be], [0x1400, 0x1400], [0x1806, 0x1806], [0x2010, 0x2015], [0x2e17, 0x2e17], [0x2e1a, 0x2e1a], [0x2e3a, 0x2e3b],
  [0x2e40, 0x2e40], [0x2e5d, 0x2e5d], [0x301c, 0x301c], [0x3030, 0x3030], [0x30a0, 0x30a0], [0xfe31, 0xfe32], [0xfe58, 0xfe58],
  [0xfe63, 0xfe63], [0xff0d, 0xff0d], [0x2212, 0x2212]];
const APOSTROPHES = [0x2018, 0x2019, 0x02bc, 0x60, 0xb4];
// Arabic percent sign, decimal and thousands separators, which NFKC leaves alone: `٣٠٪` reads `30%`.
const ARABIC_PUNCTUATION: readonly [number, number][] = [[0x066a, 0x25], [0x066b, 0x2e], [0x066c, 0x2c]];

const FOLD = buildFoldTable();
const THAI_FIRST = 0x0e00;
const THAI_LAST = 0x0e7f;
// UTF-16 code units back to a string in one native call (little-endian, as typed arrays are on every platform we run on).
const UTF16 = new TextDecoder('utf-16le');

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (const [from, to] of DROPPED) table.fill(DROP, from, to + 1);
  for (const [from, to] of SPACES) table.fill(SPACE, from, to + 1);
  table[0x0a] = NEWLINE;
  for (const code of APOSTROPHES) table[code] = 0x27;
  for (const [code, ascii] of ARABIC_PUNCTUATION) table[code] = ascii;
  for (const [variant, letter] of Object.entries(ARABIC_LETTERS)) table[variant.charCodeAt(0)] = letter.charCodeAt(0);
  for (const start of DIGIT_BLOCK_STARTS) for (let digit = 0; digit < 10; digit++) table[start + digit] = 0x30 + digit;
  table[PIECE_BREAK.charCodeAt(0)] = PIECE;
  return table;
}

const isThai = (code: number) => code >= THAI_FIRST && code <= THAI_LAST;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
// Thai writers space numbers from words or not ("ภายใน 24 ชั่วโมง", "ภายใน24ชั่วโมง"): a space
// between Thai letters, or between a Thai letter and a digit, is layout.
const isThaiLayoutSpace = (before: number, after: number) =>
  (isThai(before) && (isThai(after) || isDigit(after))) || (isDigit(before) && isThai(after));

/**
 * The matching form of a text: NFKC, case folded, Latin accents and Arabic marks removed, Arabic
 * letter variants unified, native digits and Arabic number signs in ASCII, dashes as spaces,
 * whitespace collapsed to one space (one line break where it held any: a block's end, which no
 * phrase crosses) and removed between Thai letters and between Thai and digits (Thai is written
 * without spaces between words; those spaces are layout, not meaning). One pass over the text
 * after the normalizations.
 */
export function foldText(text: string): string {
  return foldPieces(text, null);
}

/**
 * `pieces.map(foldText).join('\n')` (a page's text, headings, buttons...), with one normalization
 * and one pass for all of them instead of one per piece.
 */
export function foldTexts(pieces: readonly string[]): string {
  if (pieces.some((piece) => piece.includes(PIECE_BREAK))) return pieces.map(foldText).join('\n');
  return foldPieces(pieces.join(PIECE_BREAK), 0x0a);
}

/** `pieces.map(foldText)`, with one normalization and one pass for all of them. */
export function foldEach(pieces: readonly string[]): string[] {
  if (pieces.length < 2 || pieces.some((piece) => piece.includes(PIECE_BREAK))) return pieces.map(foldText);
  return foldPieces(pieces.join(PIECE_BREAK), PIECE_BREAK.charCodeAt(0)).split(PIECE_BREAK);
}

// The code units of a fold before they become a string, kept from one fold to the next (a page's
// text is folded on every scan) up to a size that holds a snapshot's text even after NFKD.
const SCRATCH_LIMIT = 1 << 17;
let scratch = new Uint16Array(1024);

function bufferFor(length: number): Uint16Array {
  if (length > SCRATCH_LIMIT) return new Uint16Array(length);
  if (scratch.length < length) scratch = new Uint16Array(length);
  return scratch;
}

/** Folds `text`; when `pieceBreak` is a code unit, PIECE_BREAK separates pieces folded apart, written as that code unit. */
function foldPieces(text: string, pieceBreak: number | null): string {
  // NFKD then lower case equals NFKC, lower case, NFD on every code point, with one pass fewer.
  const source = text.normalize('NFKD').toLowerCase();
  const out = bufferFor(source.length);
  let length = 0;
  let pieceStart = 0;
  let pending = KEEP;
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    const action = FOLD[code]!;
    if (action === KEEP && pending === KEEP) {
      out[length++] = code;
      continue;
    }
    if (action === DROP) continue;
    if (action === SPACE || action === NEWLINE) {
      if (length > pieceStart && pending !== NEWLINE) pending = action;
      continue;
    }
    if (action === PIECE && pieceBreak !== null) {
      out[length++] = pieceBreak;
      pieceStart = length;
      pending = KEEP;
      continue;
    }
    const folded = action === KEEP || action === PIECE ? code : action;
    if (pending === NEWLINE) out[length++] = 0x0a;
    else if (pending === SPACE && !isThaiLayoutSpace(out[length - 1]!, folded)) out[length++] = 0x20;
    pending = KEEP;
    out[length++] = folded;
  }
  return UTF16.decode(out.subarray(0, length)).normalize('NFC');
}

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const NATIVE_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0e50-\u0e59]/g;

/**
 * Native digits to ASCII, compatibility forms (NFKC: full-width letters and digits, ligatures)
 * folded, invisible characters removed. Keeps case: wallet addresses are case-sensitive.
 */
export function normalizeDigits(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(NATIVE_DIGITS, (digit) => String.fromCharCode(FOLD[digit.charCodeAt(0)]!));
}

/** Digits only: the form phone numbers are compared in (`+66 81-234 5678` becomes `66812345678`). */
export function digitsOnly(text: string): string {
  return normalizeDigits(text).replace(/\D/g, '');
}
