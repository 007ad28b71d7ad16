import { describe, expect, it } from 'vitest';
import { findQuotedSpans, isQuoted } from '../../../../src/core/text/quotes.ts';
import { getPageMatcher, scanPage } from '../../../../src/core/scanner/index.ts';
import { snapshot, withFields } from './helpers.ts';

describe('quoted spans', () => {
  it('pair straight, curly and angle quotation marks', () => {
    const text = 'he said "pay now" and «ادفع الآن» and “আজই পাঠান” then stopped';
    const spans = findQuotedSpans(text);
    expect(spans.bounds.length).toBe(6);
    expect(isQuoted(spans, text.indexOf('pay'), text.indexOf('pay') + 7)).toBe(true);
    expect(isQuoted(spans, text.indexOf('ادفع'), text.indexOf('ادفع') + 4)).toBe(true);
    expect(isQuoted(spans, text.indexOf('আজই'), text.indexOf('আজই') + 3)).toBe(true);
    expect(isQuoted(spans, text.indexOf('stopped'), text.length)).toBe(false);
  });

  it('leave an unpaired mark alone and read a flood of them in one pass', () => {
    expect(findQuotedSpans('“never closed and then some').bounds.length).toBe(0);
    const flood = '“'.repeat(200_000);
    const started = performance.now();
    expect(findQuotedSpans(flood).bounds.length).toBe(0);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('pages that report a scam', () => {
  const matcher = getPageMatcher();
  const scan = (text: string) => scanPage(snapshot({ text, ...withFields() }), { registrableDomain: 'news.test', matcher });

  it('do not own the words they quote', () => {
    const quoted = scan('Police warn of a scam. Victims got texts saying "Congratulations, you have won! Pay the processing fee today."');
    expect(quoted.signals.map((signal) => signal.id)).toEqual(['context_awareness']);
  });

  it('still own what they say outside quotes, and a page with no scam talk owns its quotes', () => {
    expect(scan('Victims of the scam were told to pay the processing fee.').signals.map((signal) => signal.id)).toContain('ask_fee_payment');
    expect(scan('"Congratulations, you have won!" Pay the processing fee today.').signals.map((signal) => signal.id)).toContain('pressure_prize');
  });
});
