// Money the page writes: numbers with a currency next to them, read the way each country groups
// digits (1,234.50 · 1.234,50 · 1,89,999). What the amounts say together is the evidence: a
// stake that is to earn a large share of itself every day, a sum that comes back doubled, a
// struck-out price four times the one offered.
import { firstWithin, hasWithin, isDigit, isNumberPart, isPeriodOf, parseAmount, type CuePositions, type Percentage } from './number-cues.ts';

export interface Amount {
  text: string;
  value: number;
  start: number;
  end: number;
}

/** A currency word or sign found in the text, and whether it is a crypto-asset's ticker. */
export interface CurrencySpan {
  start: number;
  end: number;
  isCrypto: boolean;
}

export interface PeriodCues {
  days: number;
  cues: CuePositions;
}

const NUMBER = /\d[\d,.]*\d|\d/g;
// How far a currency may stand from its number: "S/ 900", "रु. ४५,०००", "1,000บาท".
const CURRENCY_GAP = 3;
const MAX_AMOUNTS = 500;
const MAX_FOUND = 5;
// A stake is named just before its amount ("invest 1,000", "ابدأ بـ 1000") or just after it
// ("a $250 deposit"); an amount paid per period is an income, whatever follows it.
const STAKE_BEFORE = 30;
const STAKE_AFTER = 10;
// A period word follows the amount it pays ("150 บาททุกวัน") or comes just before it ("دخل شهري يصل إلى 15,000").
const PERIOD_AFTER = 16;
const PERIOD_BEFORE = 24;
// 0.15% of the stake a day (4.5% a month, 55% a year) is beyond any honest product: savings and
// deposits pay 0.01-0.04% a day. What scams promise starts at 10% a month.
const MIN_DAILY_RATE = 0.0015;
// How near a percentage an amount shows the money it is paid on ("500 USDT, profit 40% every week").
const STAKE_NEAR_PERCENT = 60;
// How near a percentage the word saying it is a profit stands ("নিশ্চিত মুনাফা", "expected profit").
const PROFIT_NEAR_PERCENT = 40;
const DOUBLING_DISTANCE = 80;
const STRUCK_TO_SALE = 40;
const MAX_PRICE_RATIO = 0.3;
const MIN_PRICE_RATIO = 0.01;

/** The number ending within `gap` characters before `at` (a currency written after it), or null. */
function numberBefore(text: string, at: number): [number, number] | null {
  let end = at;
  while (end > at - CURRENCY_GAP && end > 0 && !isDigit(text.charCodeAt(end - 1))) end--;
  if (end === 0 || !isDigit(text.charCodeAt(end - 1))) return null;
  let start = end - 1;
  while (start > 0 && isNumberPart(text.charCodeAt(start - 1))) start--;
  while (!isDigit(text.charCodeAt(start))) start++;
  return [start, end];
}

/** The number starting within `gap` characters after `at` (a currency written before it), or null. */
function numberAfter(text: string, at: number): [number, number] | null {
  let start = at;
  while (start < at + CURRENCY_GAP && start < text.length && !isDigit(text.charCodeAt(start))) start++;
  if (!isDigit(text.charCodeAt(start))) return null;
  let end = start + 1;
  while (end < text.length && isNumberPart(text.charCodeAt(end))) end++;
  while (!isDigit(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/**
 * Numbers with a currency just before or after them, in order (up to a bound). Read outwards from
 * each currency, so text without money costs nothing. A currency written after a number is that
 * number's ("150บาท30วัน"), unless the number already has one ("$250 $300").
 */
export function findAmounts(text: string, currencies: readonly CurrencySpan[]): (Amount & { isCrypto: boolean })[] {
  const byStart = new Map<number, Amount & { isCrypto: boolean }>();
  for (const currency of [...currencies].sort((a, b) => a.start - b.start)) {
    const before = numberBefore(text, currency.start);
    const span = before !== null && !byStart.has(before[0]) ? before : numberAfter(text, currency.end);
    if (span === null || byStart.has(span[0])) continue;
    const [start, end] = span;
    const number = text.slice(start, end);
    byStart.set(start, { text: number, value: parseAmount(number), start, end, isCrypto: currency.isCrypto });
    if (byStart.size >= MAX_AMOUNTS) break;
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/** Whether a cue word stands just before the amount at `index` (or just after it), with no other amount between. */
function isNamedBy(amounts: readonly Amount[], index: number, cues: CuePositions, before: number, after: number): boolean {
  const { start, end } = amounts[index]!;
  return hasWithin(cues.ends, Math.max(start - before, amounts[index - 1]?.end ?? -Infinity), start)
    || hasWithin(cues.starts, end, Math.min(end + after, amounts[index + 1]?.start ?? Infinity));
}

/**
 * Days of the period each amount is paid per. A period word belongs to the nearer of the amounts
 * around it, the one before on a tie: "150บาททุกวันลงทุน10,000" pays 150 a day, not 10,000.
 */
function periodsOf(amounts: readonly Amount[], periods: readonly PeriodCues[]): (number | null)[] {
  const days: (number | null)[] = amounts.map(() => null);
  const starts = Int32Array.from(amounts, (amount) => amount.start);
  for (const { days: length, cues } of periods) {
    cues.starts.forEach((from, cue) => {
      const to = cues.ends[cue]!;
      const next = firstWithin(starts, to, Number.MAX_SAFE_INTEGER);
      const following = next < 0 ? amounts.length : next;
      const previous = amounts[following - 1];
      const gapBefore = previous && previous.end <= from ? from - previous.end : Infinity;
      const gapAfter = following < amounts.length ? amounts[following]!.start - to : Infinity;
      const owner = gapBefore <= PERIOD_AFTER && gapBefore <= gapAfter ? following - 1 : gapAfter <= PERIOD_BEFORE ? following : -1;
      if (owner >= 0) days[owner] ??= length;
    });
  }
  return days;
}

/** "Invest 1,000, receive 150 every day": an amount paid per period set against the amount put in. */
export function findReturnOffers(amounts: readonly Amount[], stakeCues: CuePositions, periods: readonly PeriodCues[]): string[] {
  const days = periodsOf(amounts, periods);
  const stakes = amounts.filter((amount, index) => amount.value > 0 && days[index] === null && isNamedBy(amounts, index, stakeCues, STAKE_BEFORE, STAKE_AFTER));
  if (stakes.length === 0) return [];
  const found = new Set<string>();
  amounts.forEach((income, index) => {
    const period = days[index];
    if (period === null || period === undefined || found.size >= MAX_FOUND) return;
    // The stake written before the income ("invest 1,000, get 150 a day"), else the first after it.
    const stake = stakes.findLast((candidate) => candidate.start < income.start) ?? stakes.find((candidate) => candidate.start > income.start)!;
    if (income.value / period / stake.value >= MIN_DAILY_RATE) found.add(`${stake.text} → ${income.text}/${period}d`);
  });
  return [...found];
}

/**
 * "Profit 25-40% every week", "মাসে ১০% মুনাফা": a profit per period at the rate no honest product
 * pays, on a page that asks for money (deposit words, or an amount written beside the rate). A
 * price that moved 12% in a week is no profit offered.
 */
export function findPercentOffers(percentages: readonly Percentage[], periods: readonly PeriodCues[], profitWords: CuePositions, amounts: readonly Amount[], asksDeposit: boolean): string[] {
  const starts = Int32Array.from(amounts, (amount) => amount.start);
  const found = new Set<string>();
  for (const percentage of percentages) {
    const days = periods.find(({ cues }) => isPeriodOf(percentage, cues))?.days;
    if (days === undefined || percentage.value >= 100 || percentage.value / 100 / days < MIN_DAILY_RATE) continue;
    if (!hasWithin(profitWords.starts, percentage.start - PROFIT_NEAR_PERCENT, percentage.end + PROFIT_NEAR_PERCENT)) continue;
    if (asksDeposit || hasWithin(starts, percentage.start - STAKE_NEAR_PERCENT, percentage.end + STAKE_NEAR_PERCENT)) found.add(`${percentage.text}/${days}d`);
    if (found.size >= MAX_FOUND) break;
  }
  return [...found];
}

/** Crypto sums that come back doubled within a sentence or two: "send 1,000 USDT, receive 2,000 USDT". */
export function findDoublings(amounts: readonly (Amount & { isCrypto: boolean })[]): string[] {
  const crypto = amounts.filter((amount) => amount.isCrypto && amount.value > 0);
  const found = new Set<string>();
  crypto.forEach((sent, index) => {
    const back = crypto.slice(index + 1).find((later) => later.start - sent.end <= DOUBLING_DISTANCE && later.value === 2 * sent.value);
    if (back && found.size < MAX_FOUND) found.add(`${sent.text} → ${back.text}`);
  });
  return [...found];
}

/** A struck-out price followed by one 30% of it or less: the "was" price of a fake shop, written as markup. */
export function findStruckCuts(text: string, struck: readonly string[]): string[] {
  const found = new Set<string>();
  const number = new RegExp(NUMBER.source, 'g');
  let from = 0;
  for (const was of struck) {
    const wasPrice = /\d[\d,.]*\d|\d/.exec(was)?.[0];
    const at = text.indexOf(was, from);
    if (wasPrice === undefined || at < 0) continue;
    from = at + was.length;
    number.lastIndex = from;
    const sale = number.exec(text);
    if (sale === null || sale.index - from > STRUCK_TO_SALE) continue;
    const ratio = parseAmount(sale[0]) / parseAmount(wasPrice);
    if (ratio >= MIN_PRICE_RATIO && ratio <= MAX_PRICE_RATIO) found.add(`${sale[0]} < ${wasPrice}`);
    if (found.size >= MAX_FOUND) break;
  }
  return [...found];
}
