import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDiscounts, findPaymentNumbers, findPercentages, findPeriodReturns, findPriceCuts, toCuePositions } from '../../../../src/core/scanner/number-cues.ts';
import { findPhoneNumbers } from '../../../../src/core/scanner/payment-index.ts';
import { getPageMatcher, scanPage } from '../../../../src/core/scanner/index.ts';
import { foldText } from '../../../../src/core/text/normalize.ts';
import type { ScanResult } from '../../../../src/core/types.ts';
import { snapshot } from './helpers.ts';

/** Cue positions of every occurrence of `word` in `body`, as the automaton would report them. */
function spansOf(body: string, ...words: string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const word of words) for (let at = body.indexOf(word); at >= 0; at = body.indexOf(word, at + 1)) spans.push([at, at + word.length]);
  return spans;
}
const cuesOf = (body: string, ...words: string[]) => toCuePositions(spansOf(body, ...words));

const matcher = getPageMatcher();
const evidenceOf = (result: ScanResult, id: string) => result.signals.find((signal) => signal.id === id)?.evidence ?? null;
const scanText = (text: string) => scanPage(snapshot({ text }), { registrableDomain: 'x.test', matcher });

describe('findPercentages', () => {
  // What it reads, written as the regular expression it replaced (read back from each percent sign instead).
  const PERCENT = /(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?) ?%/g;
  const byExpression = (body: string) => [...body.matchAll(PERCENT)].map((match) => ({
    text: `${match[1]}%`, value: Number(match[1]!.replace(',', '.')), start: match.index, end: match.index + match[0].length,
  }));

  it('finds what the regular expression finds, on any mix of digits, separators, spaces and signs', () => {
    const unit = fc.constantFrom('1', '2', '0', '.', ',', ' ', '%', 'a', '-');
    fc.assert(fc.property(fc.string({ unit, maxLength: 30 }), (body) => {
      expect(findPercentages(body)).toEqual(byExpression(body));
    }), { numRuns: 3000 });
  });

  it('reads a percentage written with a space, and none inside a longer number', () => {
    expect(findPercentages('up to 12,5 % or 1234% or 3.75%').map((found) => found.text)).toEqual(['12,5%', '3.75%']);
  });
});

describe('percentages next to words', () => {
  it('reads whole and decimal percentages, with either decimal mark', () => {
    expect(findPercentages('up 3.8% today, 2,5 % later and 45%').map(({ text, value }) => [text, value])).toEqual([['3.8%', 3.8], ['2,5%', 2.5], ['45%', 45]]);
  });

  it('finds discounts of 70% or more next to a discount word only', () => {
    const body = 'save 80% now. we asked our buyers and 90% of them agree with us completely.';
    expect(findDiscounts(findPercentages(body), cuesOf(body, 'save', 'off'))).toEqual(['80%']);
  });

  it('finds returns per period only when the period word touches the number', () => {
    const body = 'earn 3.8% daily or 30% monthly. rates 1.5% a year, interest calculated daily. 300 a month. 25% off';
    expect(findPeriodReturns(findPercentages(body), cuesOf(body, 'daily', 'monthly', 'a month'))).toEqual(['3.8%', '30%']);
  });
});

describe('prices next to what they were', () => {
  it('find cuts to 30% or less, in any digits and separators', () => {
    const body = foldText('Nike Air Jordan 1 เหลือคู่ละ 890 บาท (ปกติ 6,500). مكنسة ٤٥٠ ريال بدلا من ٢٤٩٩. Mug 12 instead of 15.');
    expect(findPriceCuts(body, spansOf(body, 'ปกติ', 'بدلا من', 'instead of'))).toEqual(['890 < 6,500', '450 < 2499']);
  });

  it('leave numbers that are not two prices of one thing', () => {
    const body = 'version 3 instead of 2019';
    expect(findPriceCuts(body, spansOf(body, 'instead of'))).toEqual([]);
  });
});

describe('numbers next to a payment app', () => {
  it('are where the page wants money sent, written before or after the name', () => {
    const body = foldText('Send the fee to bKash personal 01711-558890 today. Deposit 01788-339901 (Nagad). Call us on 01999-123456 anytime, we are open every day of the week');
    expect(findPaymentNumbers(findPhoneNumbers(body), spansOf(body, 'bkash', 'nagad'))).toEqual(['01711558890', '01788339901']);
  });
});

describe('through the scanner, in six languages', () => {
  it('raises pressure_returns from "N% per period"', () => {
    expect(evidenceOf(scanText('Daily yield 2.4%. Members earn 3.8% daily.'), 'pressure_returns')).toContain('3.8%');
    expect(evidenceOf(scanText('عائد يصل إلى ٣٠٪ شهرياً'), 'pressure_returns')).toContain('30%');
    expect(evidenceOf(scanText('মাসে ৩০% লাভ'), 'pressure_returns')).toContain('30%');
    expect(evidenceOf(scanText('ผลตอบแทน15%ทุกสัปดาห์'), 'pressure_returns')).toContain('15%');
    expect(evidenceOf(scanText('मासिक २०% प्रतिफल'), 'pressure_returns')).toContain('20%');
    expect(evidenceOf(scanText('Gana hasta 40% mensual'), 'pressure_returns')).toContain('40%');
  });

  it('keeps annual rates and distant period words out', () => {
    expect(evidenceOf(scanText('ดอกเบี้ยสูงสุด 1.5% ต่อปี คิดดอกเบี้ยรายวัน'), 'pressure_returns')).toBeNull();
    expect(evidenceOf(scanText('Fondo conservador: 6.2% anual.'), 'pressure_returns')).toBeNull();
  });

  it('raises ask_transfer from a wallet number named by its app', () => {
    expect(evidenceOf(scanText('জামানত জমার হিসাব: ০১৭৮৮-৩৩৯৯০১ (নগদ)'), 'ask_transfer')).toContain('01788339901');
    expect(evidenceOf(scanText('भुक्तानी खल्ती ९८०८८७७६६५ मा गर्नुहोस्'), 'ask_transfer')).toContain('9808877665');
    expect(evidenceOf(scanText('Deposite al número 987 654 321 de Yape'), 'ask_transfer')).toContain('987654321');
    expect(evidenceOf(scanText('Call our office on 987 654 321'), 'ask_transfer')).toBeNull();
  });

  it('reads Thai numbers glued to words as the lexicons write them apart', () => {
    expect(foldText('ภายใน24ชั่วโมง')).toBe(foldText('ภายใน 24 ชั่วโมง'));
    expect(evidenceOf(scanText('กรุณายืนยันตัวตนภายใน24ชั่วโมง'), 'pressure_urgency')).not.toBeNull();
  });
});
