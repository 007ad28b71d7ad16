// What a page's words and numbers say together, beyond any one phrase: concepts meeting in a
// clause (concepts.ts), money set against money (money.ts), deadlines counted in hours.
import { foldText } from '../text/normalize.ts';
import { findConceptSignals, type ConceptHit } from './concepts.ts';
import type { ConceptGroup } from './lexicon.ts';
import { findAmounts, findDoublings, findPercentOffers, findReturnOffers, findStruckCuts, type CurrencySpan, type PeriodCues } from './money.ts';
import { toCuePositions, type Percentage } from './number-cues.ts';
import type { SignalId } from './signals.ts';

export interface StructureInput {
  /** The folded claim text and body, joined: where concepts and negations were found. */
  all: string;
  /** Where the body starts in `all`; currencies and periods are positions in the body. */
  bodyStart: number;
  concepts: readonly ConceptHit[];
  negationStarts: Int32Array;
  currencies: readonly CurrencySpan[];
  periods: readonly PeriodCues[];
  /** Every percentage in the body. */
  percentages: readonly Percentage[];
  /** Struck-out texts as the page wrote them. */
  struck: readonly string[];
  /** The page talks about scams: demands in its prose are reported, not made. */
  isReporting: boolean;
}

// "within 24 hours", "ภายใน 48 ชั่วโมง", "خلال 72 ساعة", "২৪ ঘণ্টার মধ্যে", "४८ घण्टाभित्र": a
// deadline in hours or minutes, any number (days are how long honest deliveries take). The
// pattern starts at a digit, so the text between numbers is skipped at native speed.
const HOURS = /\d{1,3} ?(?:hours?|hrs?|minutes?|mins?|ชั่วโมง|ชม|นาที|ساعه|ساعات|دقيقه|دقائق|horas?|minutos?|ঘণ্টা|মিনিট|घण्टा|घन्टा|मिनेट)/g;
const WITHIN_BEFORE = /(?:within|in the next|ภายใน|خلال|dentro de|en las proximas|en un plazo de) ?$/;
const WITHIN_AFTER = /^\S{0,4} ?(?:মধ্যে|ভিতরে|भित्र)/;
const MAX_DEADLINES = 3;

export function findDeadlines(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(HOURS)) {
    const end = match.index + match[0].length;
    if (WITHIN_BEFORE.test(body.slice(Math.max(0, match.index - 16), match.index)) || WITHIN_AFTER.test(body.slice(end, end + 12))) found.add(match[0]);
    if (found.size >= MAX_DEADLINES) break;
  }
  return [...found];
}

/** Evidence for signals by structure, as phrases per signal (merged with the lexicons' phrases). */
export function findStructure(input: StructureInput): Map<SignalId, string[]> {
  const { all, bodyStart } = input;
  const body = all.slice(bodyStart);
  const amounts = findAmounts(body, input.currencies);
  const inBody = input.concepts.filter((hit) => hit.start >= bodyStart);
  const positionsOf = (group: ConceptGroup) => toCuePositions(inBody.filter((hit) => hit.group === group).map((hit) => [hit.start - bodyStart, hit.end - bodyStart]));
  const stakeCues = positionsOf('concept_deposit');
  const spots = amounts.map((amount) => ({ text: amount.text, start: amount.start + bodyStart }));
  // News and advice describe the demands they warn about ("the site demanded a tax before her
  // funds could be released"): on such a page, demands read from prose are not the page's own.
  const found = new Map<SignalId, string[]>(input.isReporting ? [] : findConceptSignals(all, input.concepts, spots, input.negationStarts));
  const add = (id: SignalId, phrases: readonly string[]) => {
    if (phrases.length > 0) found.set(id, [...(found.get(id) ?? []), ...phrases]);
  };
  if (!input.isReporting) {
    const asksDeposit = inBody.some((hit) => hit.group === 'concept_deposit');
    add('ask_deposit_for_returns', findReturnOffers(amounts, stakeCues, input.periods));
    add('ask_deposit_for_returns', findPercentOffers(input.percentages, input.periods, positionsOf('concept_profit'), amounts, asksDeposit));
  }
  add('pressure_giveaway', findDoublings(amounts));
  add('pressure_discount', findStruckCuts(body, input.struck.map(foldText)));
  add('pressure_urgency', findDeadlines(body));
  return found;
}
