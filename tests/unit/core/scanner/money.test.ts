import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAmounts, findDoublings, findPercentOffers, findReturnOffers, findStruckCuts, type CurrencySpan } from '../../../../src/core/scanner/money.ts';
import { findPercentages, findPriceCuts, parseAmount, toCuePositions } from '../../../../src/core/scanner/number-cues.ts';
import { foldText } from '../../../../src/core/text/normalize.ts';

/** Spans of every occurrence of `words` in `text`, as the automaton would report them. */
function spansOf(text: string, ...words: string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const word of words) for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) spans.push([at, at + word.length]);
  return spans.sort((a, b) => a[0] - b[0]);
}
const currenciesOf = (text: string, ...words: string[]): CurrencySpan[] =>
  spansOf(text, ...words).map(([start, end]) => ({ start, end, isCrypto: text.slice(start, end) === 'usdt' }));

describe('parseAmount', () => {
  it('reads the digit groupings of every country the scanner serves', () => {
    expect(parseAmount('1,234.50')).toBe(1234.5);
    expect(parseAmount('1.234,50')).toBe(1234.5);
    expect(parseAmount('1,89,999')).toBe(189999);
    expect(parseAmount('50.000.000')).toBe(50000000);
    expect(parseAmount('4,870.00')).toBe(4870);
    expect(parseAmount('2,5')).toBe(2.5);
    expect(parseAmount('1.500')).toBe(1500);
    expect(parseAmount('59.99')).toBe(59.99);
  });

  it('reads any run of digits and separators as the rule says, written here with regular expressions', () => {
    const byRule = (text: string) => {
      const separators = text.match(/[.,]/g) ?? [];
      if (separators.length === 0) return Number(text);
      const last = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
      const isGrouping = new Set(separators).size === 1 && (separators.length > 1 || text.length - last - 1 === 3);
      return isGrouping ? Number(text.replace(/[.,]/g, '')) : Number(`${text.slice(0, last).replace(/[.,]/g, '')}.${text.slice(last + 1)}`);
    };
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', ','), minLength: 1, maxLength: 12 }), (text) => {
      expect(parseAmount(text)).toBe(byRule(text));
    }), { numRuns: 2000 });
  });
});

describe('findAmounts', () => {
  it('takes numbers with a currency before or after them, and gives a currency to the number it follows', () => {
    const text = foldText('ลงทุน 1,000 บาท รับ 150 บาท 30 วัน, £250 or S/ 900 soles, $250 $300 and 7 days');
    const amounts = findAmounts(text, currenciesOf(text, 'บาท', '£', 's/', 'soles', '$'));
    expect(amounts.map((amount) => amount.value)).toEqual([1000, 150, 250, 900, 250, 300]);
  });
});

describe('findReturnOffers', () => {
  const offers = (raw: string, stakeWords: string[], perDay: string[], perMonth: string[] = [], currency = ['บาท', '$', 'ريال', 'টাকা']) => {
    const text = foldText(raw);
    const folded = (words: string[]) => words.map(foldText);
    const amounts = findAmounts(text, currenciesOf(text, ...folded(currency)));
    const periods = [{ days: 1, cues: toCuePositions(spansOf(text, ...folded(perDay))) }, { days: 30, cues: toCuePositions(spansOf(text, ...folded(perMonth))) }];
    return findReturnOffers(amounts, toCuePositions(spansOf(text, ...folded(stakeWords))), periods);
  };

  it('sets an amount paid per period against the stake written before it, in glued Thai too', () => {
    expect(offers('ลงทุน 1,000 บาท รับเงินปันผล 150 บาททุกวัน ลงทุน 10,000 บาท รับ 1,800 บาทต่อวัน', ['ลงทุน'], ['ทุกวัน', 'ต่อวัน']))
      .toEqual(['1,000 → 150/1d', '10,000 → 1,800/1d']);
  });

  it('reads a period word before the income and a stake named after its amount', () => {
    expect(offers('ابدأ بـ 1000 ريال واحصل على دخل شهري يصل إلى 15,000 ريال', ['ابدأ بـ'], [], ['شهري'])).toEqual(['1000 → 15,000/30d']);
    expect(offers('People are making $1,200 a day. It takes a $250 deposit.', ['deposit'], ['a day'])).toEqual(['250 → 1,200/1d']);
  });

  it('finds a cooperative’s 10% a month, and leaves honest savings and pages with no stake', () => {
    expect(offers('১,০০,০০০ টাকা জমা দিলে প্রতি মাসে ১০,০০০ টাকা মুনাফা', ['জমা'], [], ['প্রতি মাসে'])).toEqual(['1,00,000 → 10,000/30d']);
    expect(offers('এককালীন ন্যূনতম ১,০০,০০০ টাকা জমা রেখে মাসিক মুনাফা ৭০০ টাকা মাসিক', ['ন্যূনতম'], [], ['মাসিক'])).toEqual([]);
    expect(offers('Salary $3,000 a month, paid daily $100 a day', ['deposit'], ['a day'], ['a month'])).toEqual([]);
  });
});

describe('findPercentOffers', () => {
  const offers = (raw: string, asksDeposit: boolean) => {
    const text = foldText(raw);
    const week = { days: 7, cues: toCuePositions(spansOf(text, 'every week', 'weekly')) };
    const year = { days: 365, cues: toCuePositions(spansOf(text, 'a year')) };
    const amounts = findAmounts(text, currenciesOf(text, 'usdt', '$'));
    return findPercentOffers(findPercentages(text), [week, year], toCuePositions(spansOf(text, 'profit')), amounts, asksDeposit);
  };

  it('finds a profit per period beyond any honest product, beside an amount or on a page asking a deposit', () => {
    expect(offers('Starter account: 500 USDT, expected profit 25-40% every week', false)).toEqual(['40%/7d']);
    expect(offers('Our members make a steady profit of 20% weekly.', true)).toEqual(['20%/7d']);
    expect(offers('Our members make a steady profit of 20% weekly.', false)).toEqual([]);
  });

  it('leaves prices that moved in a week and honest yearly rates', () => {
    expect(offers('Bitcoin is up 12% weekly to $68,400. Investors can deposit through brokers.', true)).toEqual([]);
    expect(offers('Savings profit 5% a year on $1,000', true)).toEqual([]);
  });
});

describe('findDoublings', () => {
  it('finds crypto sums sent back doubled, not shop prices that happen to double', () => {
    const text = 'envias 1.000 usdt y te devolvemos 2.000 usdt. 2 for $10, 4 for $20';
    const amounts = findAmounts(text, currenciesOf(text, 'usdt', '$'));
    expect(findDoublings(amounts)).toEqual(['1.000 → 2.000']);
  });
});

describe('prices cut to a third or less', () => {
  it('from struck-out prices followed by the price asked', () => {
    const text = foldText('Dutch Oven $420.00 $59.99 Air fryer S/ 399 S/ 219 iPhone 48,900 เหลือ 12,900 บาท');
    expect(findStruckCuts(text, ['$420.00', 'S/ 399', '48,900'].map(foldText))).toEqual(['59.99 < 420.00', '12,900 < 48,900']);
  });

  it('from a market price written after the sale price, with lakh grouping', () => {
    const body = foldText('Samsung Galaxy S24 Ultra रु. २२,९९९ मात्र बजार मूल्य रु. १,८९,९९९।');
    expect(findPriceCuts(body, spansOf(body, foldText('बजार मूल्य')))).toEqual(['22,999 < 1,89,999']);
  });
});
