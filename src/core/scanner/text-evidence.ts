// Everything the scanner reads from a page's words, in one pass of the shared automaton over the
// folded title, headings, text, buttons and alt texts, plus shape detectors for numbers.
import { foldTexts } from '../text/normalize.ts';
import { findQuotedSpans, isQuoted } from '../text/quotes.ts';
import type { PageSnapshot } from '../types.ts';
import type { ConceptHit } from './concepts.ts';
import { TEXT_SIGNAL_GROUPS, type ConceptGroup, type LexiconGroup, type TextSignalGroup } from './lexicon.ts';
import { findMatches, type PageMatcher, type PatternOwner } from './matcher.ts';
import type { CurrencySpan } from './money.ts';
import { findDiscounts, findPaymentNumbers, findPercentages, findPeriodReturns, findPriceCuts, hasWithin, toCuePositions } from './number-cues.ts';
import { findPhoneNumbers, findWallets, type PhoneCandidate } from './payment-index.ts';
import type { SignalId } from './signals.ts';
import { findStructure } from './text-structure.ts';

export interface TextEvidence {
  /** Distinct phrases that fired each text signal. */
  phrases: Map<TextSignalGroup, Set<string>>;
  /** Asks the page itself negates ("never share your PIN"): advice about scams, not a scam. */
  negated: Set<string>;
  callCue: string | null;
  /** Brands named where a page says who it is: title, first headings, first images. */
  claimedBrands: Set<number>;
  /** The folded title, first headings and first alt texts. */
  claimText: string;
  indicators: Set<number>;
  discounts: string[];
  /** Percentages promised per day, week or month. */
  periodReturns: string[];
  /** Phone-shaped numbers written next to a payment app's name. */
  paymentNumbers: string[];
  timers: string[];
  phones: PhoneCandidate[];
  wallets: string[];
  /** Evidence found by structure rather than by phrase (text-structure.ts), per signal. */
  structure: Map<SignalId, string[]>;
}

// How many leading headings and images say who the page is (logo, banner); later ones are content.
const CLAIM_HEADINGS = 3;
const CLAIM_IMAGES = 2;
// How near a negation must be to the ask it negates, before (most languages) or after (Bengali, Nepali).
const NEGATION_BEFORE = 24;
const NEGATION_AFTER = 30;
const MAX_MATCHES = 20_000;
// Two ways of speaking about scams ("victims", "how to protect yourself") make a page a report.
const REPORTING_PHRASES = 2;
// Caps the asks, claims, negations and cue words kept with their positions.
const MAX_LOCATED = 2_000;
const TEXT_GROUPS = new Set<string>(TEXT_SIGNAL_GROUPS);
// Cue words whose positions in the body are kept, to meet numbers found by shape.
const NUMBER_CUES = ['cue_discount', 'cue_period_day', 'cue_period_week', 'cue_period_month', 'cue_payment_app', 'cue_was_price'] as const;
type NumberCue = (typeof NUMBER_CUES)[number];
const PERIOD_DAYS = [['cue_period_day', 1], ['cue_period_week', 7], ['cue_period_month', 30]] as const;
// Tickers whose amounts are crypto-assets (the others are money): giveaways double crypto.
const CRYPTO_TICKERS = new Set(['usdt', 'usdc', 'btc', 'eth', 'bnb', 'sol', 'ada', 'xrp', 'trx', 'doge']);
const TIMER = /\b\d{1,2}:\d{2}:\d{2}\b/g;

interface Located {
  phrase: string;
  group: string;
  start: number;
  end: number;
}

/** What the automaton found where, sorted out by what each kind of phrase is for. */
interface Hits {
  concepts: ConceptHit[];
  currencies: CurrencySpan[];
  asks: Located[];
  claims: Located[];
  negations: Located[];
  /** Positions in the body. */
  cues: Map<NumberCue, [number, number][]>;
}

// What each pattern owner's matches are for here, as a number per owner, decided once per matcher.
const ROLE = { none: 0, brand: 1, indicator: 2, negation: 3, numberCue: 4, currency: 5, concept: 6, ask: 7, awareness: 8, claim: 9 } as const;
const rolesByMatcher = new WeakMap<PageMatcher, Uint8Array>();

function roleOf(owner: PatternOwner): number {
  if (owner.type !== 'group') return ROLE[owner.type];
  const group: LexiconGroup = owner.group;
  if (group === 'cue_negation') return ROLE.negation;
  if ((NUMBER_CUES as readonly string[]).includes(group)) return ROLE.numberCue;
  if (group === 'cue_currency') return ROLE.currency;
  if (group.startsWith('concept_')) return ROLE.concept;
  if (group === 'cue_call' || group.startsWith('ask_')) return ROLE.ask;
  if (group === 'context_awareness') return ROLE.awareness;
  return TEXT_GROUPS.has(group) ? ROLE.claim : ROLE.none;
}

function rolesOf(matcher: PageMatcher): Uint8Array {
  let roles = rolesByMatcher.get(matcher);
  if (!roles) rolesByMatcher.set(matcher, (roles = Uint8Array.from(matcher.owners, roleOf)));
  return roles;
}

export function collectTextEvidence(snapshot: PageSnapshot, matcher: PageMatcher): TextEvidence {
  const claimPieces = [snapshot.title, ...snapshot.headings.slice(0, CLAIM_HEADINGS), ...snapshot.imageAlts.slice(0, CLAIM_IMAGES)];
  const claimText = foldTexts(claimPieces);
  // The claim text, a line break and the body, folded in one piece of memory (the scan reads it
  // character by character); the body is a view of it.
  const all = foldTexts([...claimPieces, snapshot.text, ...snapshot.buttons, ...snapshot.imageAlts.slice(CLAIM_IMAGES)]);
  const body = all.slice(claimText.length + 1);
  const evidence: TextEvidence = {
    phrases: new Map(), negated: new Set(), callCue: null, claimedBrands: new Set(), claimText, indicators: new Set(),
    discounts: [], periodReturns: [], paymentNumbers: [], timers: [...new Set(body.match(TIMER) ?? [])].slice(0, 5),
    phones: findPhoneNumbers(body), wallets: findWallets(snapshot.text), structure: new Map(),
  };
  const bodyStart = claimText.length + 1;
  const { concepts, currencies, asks, claims, negations, cues } = sortHits(evidence, matcher, all, bodyStart);
  // A page that talks about scams and quotes one is reporting it: the quoted words are not its own.
  const quotes = evidence.phrases.has('context_awareness') ? findQuotedSpans(all) : null;
  const isOwnWords = (located: Located) => quotes === null || !isQuoted(quotes, located.start, located.end);
  for (const claim of claims) if (isOwnWords(claim)) addPhrase(evidence, claim.group as TextSignalGroup, claim.phrase);
  const negationEnds = Int32Array.from(negations, (negation) => negation.end).sort();
  const negationStarts = Int32Array.from(negations, (negation) => negation.start).sort();
  for (const ask of asks.filter(isOwnWords)) {
    const isNegated = hasWithin(negationEnds, ask.start - NEGATION_BEFORE, ask.start) || hasWithin(negationStarts, ask.end, ask.end + NEGATION_AFTER);
    if (isNegated) evidence.negated.add(ask.phrase);
    else if (ask.group === 'cue_call') evidence.callCue ??= ask.phrase;
    else addPhrase(evidence, ask.group as TextSignalGroup, ask.phrase);
  }
  const located = (cue: NumberCue) => toCuePositions(cues.get(cue)!);
  const percentages = findPercentages(body);
  evidence.discounts = [...findDiscounts(percentages, located('cue_discount')), ...findPriceCuts(body, cues.get('cue_was_price')!)];
  const periods = PERIOD_DAYS.map(([cue, days]) => ({ days, cues: located(cue) }));
  evidence.periodReturns = findPeriodReturns(percentages, toCuePositions(PERIOD_DAYS.flatMap(([cue]) => cues.get(cue)!)));
  evidence.paymentNumbers = findPaymentNumbers(evidence.phones, cues.get('cue_payment_app')!);
  const ownConcepts = concepts.filter(isOwnWords);
  const isReporting = (evidence.phrases.get('context_awareness')?.size ?? 0) >= REPORTING_PHRASES;
  evidence.structure = findStructure({ all, bodyStart, concepts: ownConcepts, negationStarts, currencies, periods, percentages, struck: snapshot.struck ?? [], isReporting });
  return evidence;
}

/** Every match in the folded claim text and body, kept by what it is for (up to the bounds). */
function sortHits(evidence: TextEvidence, matcher: PageMatcher, all: string, bodyStart: number): Hits {
  const hits: Hits = { concepts: [], currencies: [], asks: [], claims: [], negations: [], cues: new Map(NUMBER_CUES.map((cue) => [cue, []])) };
  const roles = rolesOf(matcher);
  let matches = 0;
  findMatches(matcher, all, (owner, start, end, index) => {
    if (++matches > MAX_MATCHES) return;
    const role = roles[index];
    if (owner.type === 'brand') {
      if (end < bodyStart) evidence.claimedBrands.add(owner.brand);
    } else if (owner.type === 'indicator') evidence.indicators.add(owner.indicator);
    else if (role === ROLE.awareness) addPhrase(evidence, 'context_awareness', owner.phrase);
    else if (role === ROLE.numberCue || role === ROLE.currency) {
      if (start >= bodyStart) sortNumberCue(hits, owner.group, owner.phrase, start - bodyStart, end - bodyStart);
    } else if (role === ROLE.concept) pushBounded(hits.concepts, { group: owner.group as ConceptGroup, phrase: owner.phrase, start, end });
    else if (role !== ROLE.none) {
      const list = role === ROLE.negation ? hits.negations : role === ROLE.ask ? hits.asks : hits.claims;
      pushBounded(list, { phrase: owner.phrase, group: owner.group, start, end });
    }
  });
  return hits;
}

/** A currency or a cue word for numbers, with its place in the body. */
function sortNumberCue(hits: Hits, group: LexiconGroup, phrase: string, start: number, end: number): void {
  if (group === 'cue_currency') pushBounded(hits.currencies, { start, end, isCrypto: CRYPTO_TICKERS.has(phrase) });
  else pushBounded(hits.cues.get(group as NumberCue)!, [start, end]);
}

function pushBounded<T>(list: T[], item: T): void {
  if (list.length < MAX_LOCATED) list.push(item);
}

function addPhrase(evidence: TextEvidence, group: TextSignalGroup, phrase: string): void {
  const phrases = evidence.phrases.get(group) ?? new Set<string>();
  phrases.add(phrase);
  evidence.phrases.set(group, phrases);
}
