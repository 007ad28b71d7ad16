// Numbers that mean something only next to a word: a percentage next to "off" is a discount, next
// to "daily" or "monthly" a promised return; a phone number next to bKash, eSewa or Yape is where
// to send money. The words come from the lexicons (cue groups), their positions from the one pass
// of the automaton; here they meet the numbers found by shape.
import type { PhoneCandidate } from './payment-index.ts';

/** Where cue words start and end in the folded body text, each list sorted. */
export interface CuePositions {
  starts: Int32Array;
  ends: Int32Array;
}

export function toCuePositions(spans: readonly (readonly [number, number])[]): CuePositions {
  return { starts: Int32Array.from(spans, ([start]) => start).sort(), ends: Int32Array.from(spans, ([, end]) => end).sort() };
}

const MAX_FOUND = 5;
// Bounds the percentages looked at: a page of numbers costs no more than a page of words.
const MAX_PERCENTAGES = 500;
// A percentage's number: the whole run of digits and separators before the sign (and a space).
const PERCENT_NUMBER = /^\d{1,3}(?:[.,]\d{1,2})?$/;
const SEPARATORS = /[.,]/g;
const DISCOUNT_CUE_DISTANCE = 20;
const MIN_SUSPECT_DISCOUNT = 70;
// A period word says how often a return is paid only when it touches the number, a space at most
// between them: "3.8% daily", "মাসে ৩০%", "15%ทุกสัปดาห์"; anything more reaches other words
// ("1.5% a year, interest calculated daily", "300 a month. 25% off").
const PERIOD_GAP = 1;
const MIN_PERIOD_RETURN = 1;
// Payment apps are named just before the number ("bKash: 01711-558890", "Yape al 987 654 321")
// or right after it ("01788-339901 (Nagad)").
const APP_BEFORE = 48;
const APP_AFTER = 16;

export const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
export const isNumberPart = (code: number) => isDigit(code) || code === 0x2c || code === 0x2e;

/** The index of the first value of sorted `positions` in [from, to], or -1. */
export function firstWithin(positions: Int32Array, from: number, to: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low < positions.length && positions[low]! <= to ? low : -1;
}

/** Whether sorted `positions` hold a value in [from, to]. */
export function hasWithin(positions: Int32Array, from: number, to: number): boolean {
  return firstWithin(positions, from, to) >= 0;
}

export interface Percentage {
  text: string;
  value: number;
  start: number;
  end: number;
}

/**
 * Every percentage in the body, once (up to a bound), for the detectors below to filter: read back
 * from each percent sign, so the text between them costs nothing.
 */
export function findPercentages(body: string): Percentage[] {
  const found: Percentage[] = [];
  for (let sign = body.indexOf('%'); sign >= 0 && found.length < MAX_PERCENTAGES; sign = body.indexOf('%', sign + 1)) {
    const end = body.charCodeAt(sign - 1) === 0x20 ? sign - 1 : sign;
    let start = end;
    while (start > 0 && isNumberPart(body.charCodeAt(start - 1))) start--;
    const number = body.slice(start, end);
    if (PERCENT_NUMBER.test(number)) found.push({ text: `${number}%`, value: Number(number.replace(',', '.')), start, end: sign + 1 });
  }
  return found;
}

function distinctTexts(percentages: readonly Percentage[]): string[] {
  return [...new Set(percentages.map((percentage) => percentage.text))].slice(0, MAX_FOUND);
}

/** Discounts of 70% or more: a percentage next to a discount word of any lexicon. */
export function findDiscounts(percentages: readonly Percentage[], cues: CuePositions): string[] {
  return distinctTexts(percentages.filter(({ value, start, end }) =>
    Number.isInteger(value) && value >= MIN_SUSPECT_DISCOUNT && value <= 99 && hasWithin(cues.starts, start - DISCOUNT_CUE_DISTANCE, end + DISCOUNT_CUE_DISTANCE)));
}

/** Whether a period word touches the percentage, before or after it. */
export function isPeriodOf({ start, end }: Percentage, cues: CuePositions): boolean {
  return hasWithin(cues.ends, start - PERIOD_GAP, start) || hasWithin(cues.starts, end, end + PERIOD_GAP);
}

/** Returns promised per day, week or month: a percentage written next to a period word. */
export function findPeriodReturns(percentages: readonly Percentage[], cues: CuePositions): string[] {
  return distinctTexts(percentages.filter((percentage) => percentage.value >= MIN_PERIOD_RETURN && percentage.value < 100 && isPeriodOf(percentage, cues)));
}

/** The value of a number as written: the last separator is decimal unless it groups thousands. */
export function parseAmount(text: string): number {
  let [dots, commas, last] = [0, 0, -1];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x2e) dots++;
    else if (code === 0x2c) commas++;
    else continue;
    last = index;
  }
  if (last < 0) return Number(text);
  const isMixed = dots > 0 && commas > 0;
  const isGrouping = !isMixed && (dots + commas > 1 || text.length - last - 1 === 3);
  if (isGrouping) return Number(text.replace(SEPARATORS, ''));
  return Number(`${text.slice(0, last).replace(SEPARATORS, '')}.${text.slice(last + 1)}`);
}

// "890 บาท (ปกติ 6,500)", "٢٠٠ ريال بدلاً من ٨٩٩": a sale price shortly before a "was" word, the
// original price right after it. A third of the price or less is the fake shop's lure; below a
// hundredth the numbers are not prices of one thing ("version 3 instead of 2019").
const PRICE = /\d[\d,.]*\d|\d/g;
const SALE_BEFORE = 32;
const ORIGINAL_AFTER = 12;
const MAX_PRICE_RATIO = 0.3;
const MIN_PRICE_RATIO = 0.01;

/** Prices cut to 30% or less of what the page says they were: a discount written without a percentage. */
export function findPriceCuts(body: string, wasWords: readonly (readonly [number, number])[]): string[] {
  const found = new Set<string>();
  const price = new RegExp(PRICE.source, 'g');
  for (const [start, end] of wasWords) {
    const sale = [...body.slice(Math.max(0, start - SALE_BEFORE), start).matchAll(PRICE)].pop()?.[0];
    price.lastIndex = end;
    const next = price.exec(body);
    const original = next !== null && next.index < end + ORIGINAL_AFTER ? next[0] : undefined;
    if (sale === undefined || original === undefined) continue;
    const ratio = parseAmount(sale) / parseAmount(original);
    if (ratio >= MIN_PRICE_RATIO && ratio <= MAX_PRICE_RATIO) found.add(`${sale} < ${original}`);
    if (found.size >= MAX_FOUND) break;
  }
  return [...found];
}

/**
 * Numbers written next to a payment app's name: where the page wants money sent. Each name goes
 * with the nearer number, the one after it or the one before, so "…339901 (Nagad). Call us on
 * 01999…" names only the first.
 */
export function findPaymentNumbers(phones: readonly PhoneCandidate[], appNames: readonly (readonly [number, number])[]): string[] {
  const sorted = [...phones].sort((a, b) => a.start - b.start);
  const found = new Set<string>();
  let next = 0;
  for (const [start, end] of [...appNames].sort((a, b) => a[0] - b[0])) {
    while (next < sorted.length && sorted[next]!.start < end) next++;
    const after = sorted[next];
    const before = sorted[next - 1];
    const gapAfter = after ? after.start - end : Infinity;
    const gapBefore = before && before.end <= start ? start - before.end : Infinity;
    if (gapAfter <= APP_BEFORE && gapAfter <= gapBefore) found.add(after!.digits);
    else if (gapBefore <= APP_AFTER) found.add(before!.digits);
    if (found.size >= MAX_FOUND) break;
  }
  return [...found];
}
