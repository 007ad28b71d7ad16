import { afterEach, describe, expect, it } from 'vitest';
import { describeReason, describeSignal } from '../../../src/shared/reason-text.ts';
import { installFakeChrome, removeFakeChrome } from './support/fake-chrome.ts';

afterEach(removeFakeChrome);

describe('describeReason', () => {
  it('names the entry, its category, source and date for a blocklist match', () => {
    installFakeChrome('en');
    const text = describeReason({ kind: 'blocklist', entry: 'evil-scam.test', entryKind: 'domain', category: 'investment', source: 'demo list', added: '2024-05-01' });
    expect(text).toBe('Listed as Fake investment: evil-scam.test (source: demo list, added 2024-05-01)');
  });

  it('puts each lookalike technique into its own words', () => {
    installFakeChrome('en');
    const base = { brand: 'PayPal', brandDomain: 'paypal.com', weight: 0.85 };
    expect(describeReason({ kind: 'lookalike-embedding', ...base })).toBe('The address contains paypal.com (PayPal) but belongs to someone else.');
    expect(describeReason({ kind: 'lookalike-typo', ...base })).toBe('The address is a misspelling of PayPal (paypal.com).');
  });

  it('quotes page evidence and names indicators', () => {
    installFakeChrome('en');
    expect(describeReason({ kind: 'signal', signal: 'asks-card-pin', category: 'phishing', weight: 1, evidence: 'Enter your PIN' })).toBe(
      'Warning sign on the page: asks card pin ("Enter your PIN")',
    );
    expect(describeReason({ kind: 'indicator', indicatorKind: 'wallet', value: '0xabc', category: 'giveaway', source: 'feed', weight: 1 })).toBe(
      'The page shows a known scam wallet address: 0xabc',
    );
  });

  it('speaks Arabic under the Arabic UI', () => {
    installFakeChrome('ar');
    expect(describeReason({ kind: 'allowlist', entry: 'example.com', source: 'user' })).toBe('في قائمة السماح: example.com (user)');
  });
});

describe('describeSignal', () => {
  it('prefers a signal message when the scanner added one', () => {
    const fake = installFakeChrome('en');
    expect(fake).toBeTruthy();
    (globalThis as unknown as { chrome: { i18n: { getMessage: (key: string) => string } } }).chrome.i18n.getMessage = (key) =>
      key === 'signal_countdown' ? 'a countdown timer' : '';
    expect(describeSignal('countdown')).toBe('a countdown timer');
    expect(describeSignal('fake.urgency-words')).toBe('fake urgency words');
  });
});
