// Scams reword their lines endlessly but not their demands: a fee before a withdrawal, money to pay
// before the work, a card to receive a refund. The lexicons' concept groups name the parts in six
// languages with their inflections; a rule fires when the parts meet in one clause (between
// sentence ends, within a radius: Thai writes no sentence ends), unless the clause holds a
// negation ("we never ask for a fee to withdraw").
import type { ConceptGroup } from './lexicon.ts';
import { firstWithin, hasWithin } from './number-cues.ts';
import type { SignalId } from './signals.ts';

export interface ConceptHit {
  group: ConceptGroup;
  phrase: string;
  start: number;
  end: number;
}

/** Where a word or number was found, for the rules to meet it. */
export interface Spot {
  text: string;
  start: number;
}

export type ConceptSignalId = Extract<SignalId, 'ask_release_fee' | 'ask_pay_to_work' | 'ask_card_for_payout' | 'pressure_account' | 'pressure_returns' | 'pressure_withdrawal'>;

type Need = ConceptGroup | 'amount';

interface ConceptRule {
  signal: ConceptSignalId;
  anchor: ConceptGroup;
  radius: number;
  /** Each entry: one of these must be in the anchor's clause. */
  needs: readonly (readonly Need[])[];
  /** The page must speak of this concept in this many different words, anywhere. */
  page?: { group: ConceptGroup; distinct: number };
}

const WORK_PAGE = { group: 'concept_work', distinct: 2 } as const;

const RULES: readonly ConceptRule[] = [
  // A fee or tax to pay before money can be withdrawn or released: how investment scams end.
  { signal: 'ask_release_fee', anchor: 'concept_fee', radius: 80, needs: [['concept_withdraw'], ['concept_pay', 'concept_before']] },
  // Pay to work: a fee or a top-up with its amount, on a page about jobs or tasks.
  { signal: 'ask_pay_to_work', anchor: 'concept_fee', radius: 60, needs: [['concept_pay', 'amount']], page: WORK_PAGE },
  { signal: 'ask_pay_to_work', anchor: 'concept_deposit', radius: 40, needs: [['amount']], page: WORK_PAGE },
  // "Refunded with your first salary": how an advance fee for a job is sold.
  { signal: 'ask_pay_to_work', anchor: 'concept_refund', radius: 40, needs: [['concept_work']], page: WORK_PAGE },
  // Money said to be the visitor's (a refund, cashback, a gift) with its amount; scan.ts keeps it
  // only on a page whose form takes a card: honest refunds never need one.
  { signal: 'ask_card_for_payout', anchor: 'concept_refund', radius: 40, needs: [['amount']] },
  { signal: 'pressure_account', anchor: 'concept_block', radius: 40, needs: [['concept_account']] },
  { signal: 'pressure_withdrawal', anchor: 'concept_withdraw', radius: 40, needs: [['concept_block']] },
  { signal: 'pressure_returns', anchor: 'concept_automation', radius: 40, needs: [['concept_trading']] },
];

// What ends a clause: a block end, or a sentence mark of the six scripts followed by a space, a
// block end or the end of the text.
const BLOCK_END = '\n';
const SENTENCE_MARKS = ['.', '!', '?', ';', '\u061f', '\u0964', '\u0965'];
// A full stop after a short word is an abbreviation ("Rs.", "रु.", "S/."), not the end of a sentence.
const MIN_WORD_BEFORE_STOP = 3;
const LETTERS = /^[\p{L}\p{M}]+$/u;
const MAX_FOUND = 3;
// Anchors looked at per concept: a page repeating a word a thousand times costs what a hundred do.
const MAX_ANCHORS = 200;

interface Located {
  starts: Int32Array;
  texts: string[];
}

function locate(spots: Spot[]): Located {
  // Spots mostly come in order already: sorting them is then left out (the sort is stable).
  if (spots.some((spot, index) => index > 0 && spot.start < spots[index - 1]!.start)) spots.sort((a, b) => a.start - b.start);
  const starts = new Int32Array(spots.length);
  spots.forEach((spot, index) => (starts[index] = spot.start));
  return { starts, texts: spots.map((spot) => spot.text) };
}

/** Positions where a clause ends: block ends (line breaks) and sentence marks followed by a space or the end, in any of the six scripts. */
export function findBreaks(text: string): Int32Array {
  const breaks: number[] = [];
  // Each mark looked for by itself: a native search, no match objects.
  for (let at = text.indexOf(BLOCK_END); at >= 0; at = text.indexOf(BLOCK_END, at + 1)) breaks.push(at);
  for (const mark of SENTENCE_MARKS) {
    for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) {
      const next = text.charCodeAt(at + 1);
      const isFollowedByGap = at + 1 === text.length || next === 0x20 || next === 0x0a;
      if (isFollowedByGap && (mark !== '.' || isWordBefore(text, at))) breaks.push(at);
    }
  }
  return Int32Array.from(breaks).sort();
}

/** Whether the MIN_WORD_BEFORE_STOP characters before `at` are all letters (or marks): ASCII is read directly. */
function isWordBefore(text: string, at: number): boolean {
  const from = Math.max(0, at - MIN_WORD_BEFORE_STOP);
  for (let index = from; index < at; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) return LETTERS.test(text.slice(from, at));
    const lower = code | 0x20;
    if (lower < 0x61 || lower > 0x7a) return false;
  }
  return from < at;
}

/** The clause around [start, end): bounded by the radius and by the nearest breaks. */
function clauseAround(breaks: Int32Array, start: number, end: number, radius: number): [number, number] {
  const next = firstWithin(breaks, start, Number.MAX_SAFE_INTEGER);
  const after = next < 0 ? Number.MAX_SAFE_INTEGER : breaks[next]!;
  const before = next < 0 ? (breaks[breaks.length - 1] ?? -1) : (breaks[next - 1] ?? -1);
  return [Math.max(start - radius, before + 1), Math.min(end + radius, after)];
}

/**
 * Signals from concepts meeting in a clause, each with the words that met. `hits` and `amounts`
 * are positions in `text`; `negations` the sorted starts of negation cues there.
 */
export function findConceptSignals(text: string, hits: readonly ConceptHit[], amounts: readonly Spot[], negations: Int32Array): Map<ConceptSignalId, string[]> {
  const anchors = new Map<ConceptGroup, ConceptHit[]>();
  const spots = new Map<Need, Spot[]>([['amount', [...amounts]]]);
  for (const hit of hits) {
    let group = anchors.get(hit.group);
    if (!group) anchors.set(hit.group, (group = []));
    if (group.length < MAX_ANCHORS) group.push(hit);
    let list = spots.get(hit.group);
    if (!list) spots.set(hit.group, (list = []));
    list.push({ text: hit.phrase, start: hit.start });
  }
  const located = new Map([...spots].map(([group, list]) => [group, locate(list)]));
  const breaks = findBreaks(text);
  const found = new Map<ConceptSignalId, string[]>();
  for (const rule of RULES) {
    if (rule.page && new Set(located.get(rule.page.group)?.texts).size < rule.page.distinct) continue;
    for (const anchor of anchors.get(rule.anchor) ?? []) {
      const evidence = found.get(rule.signal) ?? [];
      if (evidence.length >= MAX_FOUND) break;
      const [from, to] = clauseAround(breaks, anchor.start, anchor.end, rule.radius);
      if (hasWithin(negations, from, to)) continue;
      const met = rule.needs.map((options) => metIn(located, options, from, to));
      if (met.every((word) => word !== null)) found.set(rule.signal, [...evidence, [anchor.phrase, ...met].join(' + ')]);
    }
  }
  return found;
}

function metIn(located: ReadonlyMap<Need, Located>, options: readonly Need[], from: number, to: number): string | null {
  for (const option of options) {
    const spots = located.get(option);
    const index = spots ? firstWithin(spots.starts, from, to) : -1;
    if (index >= 0) return spots!.texts[index]!;
  }
  return null;
}
