import { describe, expect, it } from 'vitest';
import type { Reason } from '../../../../src/core/types.ts';
import { guessCategory, signalsFromReasons, REPORT_LIMITS } from '../../../../src/core/report/index.ts';

describe('signalsFromReasons', () => {
  it('keeps the name maintainers need from each kind of reason', () => {
    const reasons: Reason[] = [
      { kind: 'blocklist', entry: 'evil-scam.test', entryKind: 'domain', category: 'investment', source: 'community report', added: '2024-01-01' },
      { kind: 'allowlist', entry: 'bank.test', source: 'user' },
      { kind: 'indicator', indicatorKind: 'wallet', value: 'bc1qexample', category: 'giveaway', source: 'feed', weight: 50 },
      { kind: 'lookalike-confusable', brand: 'Binance', brandDomain: 'binance.com', weight: 2000 },
    ];
    expect(signalsFromReasons(reasons)).toEqual([
      { kind: 'blocklist', name: 'evil-scam.test', category: 'investment' },
      { kind: 'allowlist', name: 'bank.test' },
      { kind: 'indicator', name: 'wallet:bc1qexample', category: 'giveaway', weight: 50 },
      { kind: 'lookalike-confusable', name: 'binance.com', weight: REPORT_LIMITS.signalWeight },
    ]);
  });

  it('keeps at most the cap and cuts long names', () => {
    const reason: Reason = { kind: 'signal', signal: 'x'.repeat(500), category: null, weight: 1 };
    const signals = signalsFromReasons(Array.from({ length: 100 }, () => reason));
    expect(signals).toHaveLength(REPORT_LIMITS.signals);
    expect(signals[0]?.name).toHaveLength(REPORT_LIMITS.signalName);
  });
});

describe('guessCategory', () => {
  it('takes a blocklist match first', () => {
    expect(guessCategory([
      { kind: 'signal', name: 'a', category: 'phishing', weight: 90 },
      { kind: 'blocklist', name: 'evil-scam.test', category: 'investment' },
    ])).toBe('investment');
  });

  it('weighs the other signals, lookalikes counting as phishing, ties to the earlier category', () => {
    expect(guessCategory([
      { kind: 'signal', name: 'countdown', category: 'prize', weight: 20 },
      { kind: 'signal', name: 'gift-card', category: 'gift-card', weight: 15 },
      { kind: 'signal', name: 'gift-card-2', category: 'gift-card', weight: 15 },
    ])).toBe('gift-card');
    expect(guessCategory([{ kind: 'lookalike-typo', name: 'paypal.com', weight: 10 }, { kind: 'signal', name: 's', category: 'prize', weight: 5 }])).toBe('phishing');
    expect(guessCategory([{ kind: 'signal', name: 'a', category: 'prize', weight: 5 }, { kind: 'signal', name: 'b', category: 'phishing', weight: 5 }])).toBe('phishing');
  });

  it('says null when nothing points anywhere', () => {
    expect(guessCategory([])).toBeNull();
    expect(guessCategory([{ kind: 'signal', name: 'x', weight: 50 }, { kind: 'signal', name: 'y', category: 'job', weight: -5 }])).toBeNull();
  });
});
