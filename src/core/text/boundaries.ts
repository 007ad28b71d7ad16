// Where a literal match may start and end in folded text. Scripts differ: Thai has no spaces
// between words, Arabic glues one-letter conjunctions, prepositions and the article onto the
// word that follows, the others separate words with spaces or punctuation.

export interface BoundaryRule {
  start: 'none' | 'word' | 'arabic-word';
  /** The character after the match must not continue the word (unless the phrase is a stem). */
  isEndChecked: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const THAI = /[\u0e00-\u0e7f]/;
const ARABIC = /[\u0600-\u06ff]/;
// Prefixes an Arabic word may carry: and, so, with, for, like, the, and combinations.
const ARABIC_PREFIXES = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وال', 'بال', 'فال', 'كال', 'لل', 'ولل', 'فلل', 'وب', 'ول', 'فب', 'فل', 'وك', 'وبال', 'فبال', 'وكال']);
const MAX_PREFIX = 4;

// Whether each code unit outside ASCII is a word character, found with the Unicode expression
// the first time it is met: 0 not yet known, 1 a word character, 2 not.
const WORD_UNITS = new Uint8Array(0x10000);

function isWordUnit(code: number): boolean {
  // ASCII, the most common neighbour, without the Unicode regular expression.
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  let known = WORD_UNITS[code]!;
  if (known === 0) WORD_UNITS[code] = known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && isWordUnit(char.charCodeAt(0));
}

/** Whether text[index] is a word character (false outside the text). */
function isWordAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isWordUnit(text.charCodeAt(index));
}

/** The boundary rule of a folded phrase, from its first and last characters. */
export function boundaryRuleOf(phrase: string): BoundaryRule {
  const first = phrase[0];
  const last = phrase[phrase.length - 1];
  if (first === undefined || THAI.test(first)) return { start: 'none', isEndChecked: last !== undefined && !THAI.test(last) && isWordChar(last) };
  const start = !isWordChar(first) ? 'none' : ARABIC.test(first) ? 'arabic-word' : 'word';
  return { start, isEndChecked: isWordChar(last) && !THAI.test(last ?? '') };
}

// A rule and a stem flag packed in one small number, read once per match.
const START_RULES = ['none', 'word', 'arabic-word'] as const;
const START_MASK = 3;
const END_CHECKED = 4;

/** The packed form of `rule` for a phrase that is a stem or not, for isOnPackedBoundaries. */
export function packBoundaryRule(rule: BoundaryRule, isStem: boolean): number {
  return START_RULES.indexOf(rule.start) | (rule.isEndChecked && !isStem ? END_CHECKED : 0);
}

/** Whether a match at [start, end) stands on word boundaries in `text` by its packed rule. */
export function isOnPackedBoundaries(text: string, start: number, end: number, packed: number): boolean {
  if ((packed & END_CHECKED) !== 0 && isWordAt(text, end)) return false;
  const startRule = START_RULES[packed & START_MASK];
  if (startRule === 'none' || !isWordAt(text, start - 1)) return true;
  if (startRule === 'word') return false;
  let wordStart = start;
  while (wordStart > 0 && start - wordStart < MAX_PREFIX && isWordAt(text, wordStart - 1)) wordStart--;
  return !isWordAt(text, wordStart - 1) && ARABIC_PREFIXES.has(text.slice(wordStart, start));
}
