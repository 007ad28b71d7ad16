import { describe, expect, it } from 'vitest';
import { getPageMatcher, scanPage } from '../../../../src/core/scanner/index.ts';
import type { Indicator } from '../../../../src/core/types.ts';
import { snapshot } from './helpers.ts';

const meta = { category: 'investment', source: 'test feed', added: '2024-05-01' } as const;
const INDICATORS: Indicator[] = [
  { kind: 'phrase', value: 'Quantum Profit Elite', ...meta },
  { kind: 'payment-handle', value: 'yape: 987 654 321', category: 'prize', source: 'test feed', added: '2024-05-01' },
  { kind: 'wallet', value: '0x7A3b9C1d44E52f0A6b8D9e1F2C3a4B5c6D7e8F90', ...meta },
  { kind: 'wallet', value: 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE', ...meta },
  { kind: 'phone', value: '+66 81 234 5678', category: 'tech-support', source: 'test feed', added: '2024-05-01' },
];

function scanText(text: string, indicators: readonly Indicator[] = INDICATORS, links: string[] = []) {
  return scanPage(snapshot({ text, links }), { registrableDomain: 'x.test', matcher: getPageMatcher({ indicators }) });
}

const found = (text: string, links: string[] = []) => scanText(text, INDICATORS, links).reasons.flatMap((reason) => (reason.kind === 'indicator' ? [reason.value] : []));

describe('feed indicators', () => {
  it('match phrases and payment handles in folded text, on word boundaries', () => {
    expect(found('Join QUANTUM   profit ELITE today')).toEqual(['Quantum Profit Elite']);
    expect(found('Yapea al yape: 987 654 321')).toEqual(['yape: 987 654 321']);
    expect(found('quantum profit elites club')).toEqual([]);
  });

  it('match wallets exactly, hex addresses in any case, base58 only in its own case', () => {
    expect(found('send to 0x7a3b9c1d44e52f0a6b8d9e1f2c3a4b5c6d7e8f90 now')).toEqual(['0x7A3b9C1d44E52f0A6b8D9e1F2C3a4B5c6D7e8F90']);
    expect(found('TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE')).toEqual(['TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE']);
    expect(found('tqn9y2khesljw1chvwfmsmerdow5kcblse')).toEqual([]);
  });

  it('find XRP and any-prefix bech32 addresses by shape, and not long words', () => {
    const wallet = (text: string) => scanText(text, []).signals.find((signal) => signal.id === 'ask_wallet')?.evidence ?? null;
    expect(wallet('Event address: rNuVWrbmHtwUpY9hJw8sJ5Y6XkBbE8R4DZ')).toBe('rNuVWrbmHtwUpY9hJw8sJ5Y6XkBbE8R4DZ');
    expect(wallet('reconfigurationsandmoresurprisinglylongwords')).toBeNull();
    const cardano = 'addr1qx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3n0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgse35a3x';
    expect(wallet(`Send ADA to ${cardano.toUpperCase()}`)).toBe(cardano);
  });

  it('match phone numbers however they are written, with or without the country code, in native digits, and in tel: links', () => {
    expect(found('Call 081-234-5678')).toEqual(['+66 81 234 5678']);
    expect(found('โทร ๐๘๑ ๒๓๔ ๕๖๗๘')).toEqual(['+66 81 234 5678']);
    expect(found('', ['tel:+66812345678'])).toEqual(['+66 81 234 5678']);
    expect(found('Call 081-234-5679')).toEqual([]);
  });

  it('make a verdict on their own, with the indicator as the reason', () => {
    const result = scanText('Welcome to Quantum Profit Elite');
    expect(result.verdict).toBe('suspicious');
    expect(result.category).toBe('investment');
    expect(result.reasons[0]).toEqual({ kind: 'indicator', indicatorKind: 'phrase', value: 'Quantum Profit Elite', category: 'investment', source: 'test feed', weight: 5 });
  });

  it('give the same answers among ten thousand other indicators', () => {
    const many: Indicator[] = Array.from({ length: 10_000 }, (_, index) => ({ kind: 'phrase', value: `scam phrase number ${index}`, ...meta }));
    const text = 'Quantum Profit Elite wallet 0x7a3b9c1d44e52f0a6b8d9e1f2c3a4b5c6d7e8f90 and scam phrase number 9999';
    const result = scanText(text, [...many, ...INDICATORS]);
    expect(result.reasons.flatMap((reason) => (reason.kind === 'indicator' ? [reason.value] : []))).toEqual([
      'scam phrase number 9999', 'Quantum Profit Elite', '0x7A3b9C1d44E52f0A6b8D9e1F2C3a4B5c6D7e8F90',
    ]);
  });

  it('build one matcher per feed and reuse it', () => {
    expect(getPageMatcher({ indicators: INDICATORS })).toBe(getPageMatcher({ indicators: INDICATORS }));
    expect(getPageMatcher({ indicators: [...INDICATORS] })).not.toBe(getPageMatcher({ indicators: INDICATORS }));
  });
});
