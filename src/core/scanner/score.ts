// The combination rule: how signals become a score per category and a verdict.
//
// - A signal with a category counts for that category; one without (a password field, urgency,
//   a brand mismatch, fullscreen) counts for every category; context signals (the page warns
//   about scams, or is the claimed brand's own) subtract from every category.
// - The page is `suspicious` for its best category when, in that category:
//   1. the score reaches the sensitivity's threshold,
//   2. at least one counted signal is an ask, a behaviour or a mismatch: pressure words alone
//      (threats, prizes, countdowns, promises) never make a verdict, however many there are,
//   3. something tells a scam's story: a signal of that category, a mismatch or a behaviour.
//      Fields and urgency alone are every checkout and sign-up form with a promotion,
//   4. at least two distinct signals count, unless one ask reaches the threshold by itself
//      (only an ask shown several ways, such as a seed-phrase form that says what it wants).
// - Categories are tried in order of their specific asks (how the page wants to be paid, such as
//   gift cards, names the scam best), then of all their specific weight; the first that passes
//   is the verdict's. A page with only general evidence is read as credential phishing, or as
//   tech-support scareware if it misbehaves.
import { CATEGORIES, type Category, type ScanSignal, type Sensitivity } from '../types.ts';

export const THRESHOLDS: Record<Sensitivity, number> = { low: 7, normal: 5, high: 3.5 };

const HARD_KINDS = new Set<ScanSignal['kind']>(['ask', 'behaviour', 'mismatch']);

export interface ScoreOutcome {
  scores: Partial<Record<Category, number>>;
  category: Category | null;
  isSuspicious: boolean;
  /** The positive signals counted for the chosen category, strongest first. */
  counted: ScanSignal[];
}

const round = (value: number) => Math.round(value * 100) / 100;

function fallbackCategory(general: readonly ScanSignal[]): Category | null {
  if (general.some((signal) => signal.kind === 'behaviour')) return 'tech-support';
  return general.some((signal) => signal.kind === 'ask' || signal.kind === 'mismatch') ? 'phishing' : null;
}

function sumByCategory(signals: readonly ScanSignal[]): Map<Category, number> {
  const sums = new Map<Category, number>();
  for (const signal of signals) if (signal.category !== null) sums.set(signal.category, (sums.get(signal.category) ?? 0) + signal.weight);
  return sums;
}

export function scoreSignals(signals: readonly ScanSignal[], sensitivity: Sensitivity = 'normal'): ScoreOutcome {
  const positive = signals.filter((signal) => signal.weight > 0);
  const general = positive.filter((signal) => signal.category === null);
  const context = signals.filter((signal) => signal.weight < 0).reduce((sum, signal) => sum + signal.weight, 0);
  const generalSum = general.reduce((sum, signal) => sum + signal.weight, 0);
  const specific = sumByCategory(positive);
  const specificAsks = sumByCategory(positive.filter((signal) => signal.kind === 'ask'));
  const rank = (category: Category) => [specificAsks.get(category) ?? 0, specific.get(category) ?? 0] as const;
  const ranked = CATEGORIES.filter((category) => specific.has(category)).sort((a, b) => {
    const [asksA, allA] = rank(a);
    const [asksB, allB] = rank(b);
    return asksB - asksA || allB - allA;
  });
  const fallback = fallbackCategory(general);
  if (ranked.length === 0 && fallback !== null) ranked.push(fallback);
  const scores: Partial<Record<Category, number>> = {};
  const outcomes = ranked.map((category) => {
    scores[category] = round((specific.get(category) ?? 0) + generalSum + context);
    const counted = positive.filter((signal) => signal.category === null || signal.category === category).sort((a, b) => b.weight - a.weight);
    const threshold = THRESHOLDS[sensitivity];
    const isCorroborated = counted.length >= 2 || (counted[0]?.kind === 'ask' && counted[0].weight >= threshold);
    const hasStory = counted.some((signal) => signal.category !== null || signal.kind === 'mismatch' || signal.kind === 'behaviour');
    const isSuspicious = scores[category] >= threshold && counted.some((signal) => HARD_KINDS.has(signal.kind)) && hasStory && isCorroborated;
    return { scores, category, isSuspicious, counted };
  });
  return outcomes.find((outcome) => outcome.isSuspicious) ?? outcomes[0] ?? { scores, category: null, isSuspicious: false, counted: [] };
}
