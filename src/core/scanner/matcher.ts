// One automaton for everything literal the scanner looks for in a page: lexicon phrases, brand
// names and the feed's phrase and payment-handle indicators. Built once per brand list and feed
// version, then every scan is a single pass over the page text whatever the number of indicators.
import { AhoCorasick } from '../text/aho-corasick.ts';
import { foldEach } from '../text/normalize.ts';
import type { Indicator } from '../types.ts';
import { boundaryRuleOf, isOnPackedBoundaries, packBoundaryRule, type BoundaryRule } from '../text/boundaries.ts';
import { loadLexicons, type LexiconGroup } from './lexicon.ts';
import { buildPhoneIndex, buildWalletIndex, type PhoneIndex, type WalletIndex } from './payment-index.ts';

/** What the scanner needs to know about a protected brand (from core's brand list). */
export interface BrandInfo {
  name: string;
  /** Other names the brand goes by in page text (any script). */
  aliases?: readonly string[];
  /** Registrable domains the brand owns. */
  domains: readonly string[];
}

export type PatternOwner = (
  | { type: 'group'; group: LexiconGroup; phrase: string }
  | { type: 'brand'; brand: number }
  | { type: 'indicator'; indicator: number }
) & {
  /** A stem: the match may run on into a longer word. */
  isStem: boolean;
};

export interface PageMatcher {
  readonly automaton: AhoCorasick;
  /** The owners of pattern p are owners[firstOwner[p]] up to owners[firstOwner[p + 1]]. */
  readonly firstOwner: Int32Array;
  readonly owners: readonly PatternOwner[];
  /** Each owner's boundary rule, packed (boundaries.ts), in the order of `owners`. */
  readonly boundaries: Uint8Array;
  readonly brands: readonly BrandInfo[];
  readonly indicators: readonly Indicator[];
  readonly wallets: WalletIndex;
  readonly phones: PhoneIndex;
}

export interface MatcherSources {
  brands?: readonly BrandInfo[];
  indicators?: readonly Indicator[];
}

// Brand names shorter than this are ordinary words too often ("du", "e&") to be a claim.
const MIN_BRAND_NAME = 3;
// Bengali and Devanagari glue case endings to names ("বিকাশের", "खल्तीको"): a brand name in those
// scripts may run on into a longer word.
const SUFFIXING_SCRIPT = /^[\u0900-\u09ff]/;

const cache = new WeakMap<object, WeakMap<object, PageMatcher>>();
const NO_BRANDS: readonly BrandInfo[] = [];
const NO_INDICATORS: readonly Indicator[] = [];

/** The matcher for these brands and indicators, built on first use and kept while both arrays live. */
export function getPageMatcher(sources: MatcherSources = {}): PageMatcher {
  const brands = sources.brands ?? NO_BRANDS;
  const indicators = sources.indicators ?? NO_INDICATORS;
  let byIndicators = cache.get(brands);
  if (!byIndicators) cache.set(brands, (byIndicators = new WeakMap()));
  let matcher = byIndicators.get(indicators);
  if (!matcher) byIndicators.set(indicators, (matcher = buildPageMatcher(brands, indicators)));
  return matcher;
}

export function buildPageMatcher(brands: readonly BrandInfo[], indicators: readonly Indicator[]): PageMatcher {
  const patterns = new Map<string, { owners: PatternOwner[]; rule: BoundaryRule }>();
  const add = (text: string, owner: PatternOwner) => {
    if (text.length === 0) return;
    const entry = patterns.get(text) ?? { owners: [], rule: boundaryRuleOf(text) };
    entry.owners.push(owner);
    patterns.set(text, entry);
  };
  for (const { group, text, isStem } of loadLexicons()) add(text, { type: 'group', group, phrase: text, isStem });
  const names = brands.flatMap((brand, index) => [brand.name, ...(brand.aliases ?? [])].map((name) => ({ name, index })));
  foldEach(names.map(({ name }) => name)).forEach((folded, at) => {
    if (folded.length >= MIN_BRAND_NAME) add(folded, { type: 'brand', brand: names[at]!.index, isStem: SUFFIXING_SCRIPT.test(folded) });
  });
  const literal = indicators.flatMap((indicator, index) => (indicator.kind === 'phrase' || indicator.kind === 'payment-handle' ? [index] : []));
  foldEach(literal.map((index) => indicators[index]!.value)).forEach((folded, at) => add(folded, { type: 'indicator', indicator: literal[at]!, isStem: false }));
  const entries = [...patterns.values()];
  const firstOwner = new Int32Array(entries.length + 1);
  entries.forEach((entry, index) => (firstOwner[index + 1] = firstOwner[index]! + entry.owners.length));
  return {
    automaton: AhoCorasick.build([...patterns.keys()]),
    firstOwner,
    owners: entries.flatMap((entry) => entry.owners),
    boundaries: Uint8Array.from(entries.flatMap(({ owners, rule }) => owners.map((owner) => packBoundaryRule(ownerRule(owner, rule), owner.isStem)))),
    brands,
    indicators,
    wallets: buildWalletIndex(indicators),
    phones: buildPhoneIndex(indicators),
  };
}

/**
 * An Arabic brand name must stand as its own word: with the article or a preposition glued on it is
 * most often the common noun ("الاتصالات", telecommunications, is not the brand اتصالات).
 */
function ownerRule(owner: PatternOwner, rule: BoundaryRule): BoundaryRule {
  return owner.type === 'brand' && rule.start === 'arabic-word' ? { ...rule, start: 'word' } : rule;
}

/** Calls `visit` for every owner of every pattern found in folded `text` on word boundaries, with the owner's index in `owners`. */
export function findMatches(
  matcher: PageMatcher,
  text: string,
  visit: (owner: PatternOwner, start: number, end: number, index: number) => void,
): void {
  const { firstOwner, owners, boundaries } = matcher;
  matcher.automaton.scan(text, (pattern, start, end) => {
    for (let index = firstOwner[pattern]!; index < firstOwner[pattern + 1]!; index++) {
      if (isOnPackedBoundaries(text, start, end, boundaries[index]!)) visit(owners[index]!, start, end, index);
    }
  });
}
