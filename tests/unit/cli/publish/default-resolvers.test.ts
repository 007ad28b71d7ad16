import { describe, expect, it } from 'vitest';
import { findProtection, normalizeIndicator } from '../../../../src/cli/publish/default-resolvers.ts';

describe('findProtection', () => {
  it('never lists a protected brand\'s domain or any of its subdomains', () => {
    expect(findProtection({ kind: 'domain', value: 'paypal.com' })).toMatch(/belongs to PayPal, a protected brand/);
    expect(findProtection({ kind: 'host', value: 'www.paypal.com' })).toMatch(/PayPal/);
    expect(findProtection({ kind: 'domain', value: 'accounts.google.com' })).toMatch(/Google/);
  });

  it('lists pages on shared hosts, tenants of site builders, and lookalikes', () => {
    expect(findProtection({ kind: 'url-prefix', value: 'sites.google.com/view/fake-prize' })).toBeNull();
    expect(findProtection({ kind: 'domain', value: 'paypal-login.weebly.com' })).toBeNull();
    expect(findProtection({ kind: 'domain', value: 'paypa1-login.test' })).toBeNull();
    expect(findProtection({ kind: 'domain', value: 'paypal.com.verify-account.xyz' })).toBeNull();
  });
});

describe('normalizeIndicator', () => {
  it('folds phrases, keeps digits of phones, lowercases hex wallets only', () => {
    expect(normalizeIndicator('phrase', '  Send 0.1 BTC   and receive 0.2 BTC back ')).toBe('send 0.1 btc and receive 0.2 btc back');
    expect(normalizeIndicator('phone', '+1 (202) 555-0143')).toBe('12025550143');
    expect(normalizeIndicator('phone', '٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normalizeIndicator('wallet', '0x5CA1AB1E00000000000000000000000000000001')).toBe('0x5ca1ab1e00000000000000000000000000000001');
    expect(normalizeIndicator('wallet', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT')).toBe('1BoatSLRHtKNngkdXEeobR76b53LETtpyT');
    expect(normalizeIndicator('payment-handle', '$Scam-Collector')).toBe('$scam-collector');
  });

  it('refuses values too short or shapeless to match safely', () => {
    expect(normalizeIndicator('phrase', 'win')).toEqual({ error: expect.stringMatching(/shorter than 8/) });
    expect(normalizeIndicator('phone', '12345')).toEqual({ error: expect.stringMatching(/7 to 15 digits/) });
    expect(normalizeIndicator('wallet', 'not a wallet')).toEqual({ error: expect.stringMatching(/wallet address/) });
    expect(normalizeIndicator('payment-handle', 'a b')).toEqual({ error: expect.stringMatching(/without spaces/) });
  });
});
