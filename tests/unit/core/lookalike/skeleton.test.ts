import { describe, expect, it } from 'vitest';
import { isMixedScript, toSkeleton } from '../../../../src/core/lookalike/skeleton.ts';

describe('toSkeleton', () => {
  it('maps look-alike letters of other scripts to the Latin prototype (TR39 data)', () => {
    expect(toSkeleton('pаypal')).toBe(toSkeleton('paypal')); // Cyrillic а
    expect(toSkeleton('ѕсаm')).toBe(toSkeleton('scam')); // Cyrillic ѕ, с, а
    expect(toSkeleton('gοοgle')).toBe(toSkeleton('google')); // Greek ο
    expect(toSkeleton('ｐａｙｐａｌ')).toBe(toSkeleton('paypal')); // fullwidth
  });

  it('meets ASCII look-alikes: digits for letters and rn for m, case-insensitively', () => {
    expect(toSkeleton('paypa1')).toBe(toSkeleton('paypal'));
    expect(toSkeleton('g00gle')).toBe(toSkeleton('google'));
    expect(toSkeleton('rnicrosoft')).toBe(toSkeleton('microsoft'));
    expect(toSkeleton('PayPal')).toBe(toSkeleton('paypal'));
  });

  it('drops invisible characters and Latin accents, as browsers compare IDN labels', () => {
    expect(toSkeleton('pay\u200bpal')).toBe(toSkeleton('paypal'));
    expect(toSkeleton('ledgẻr')).toBe(toSkeleton('ledger'));
    expect(toSkeleton('mĕtamask')).toBe(toSkeleton('metamask'));
  });

  it('keeps different names apart and leaves Thai vowel marks in place', () => {
    expect(toSkeleton('paypal')).not.toBe(toSkeleton('paypai'));
    expect(toSkeleton('metamask')).not.toBe(toSkeleton('metamusk'));
    expect(toSkeleton('ไปรษณีย์')).not.toBe(toSkeleton('ไปรษณย'));
  });

  it('gives the same skeleton on the ASCII fast path as by the full algorithm', () => {
    const ascii = 'abcdefghijklmnopqrstuvwxyz0123456789-.';
    for (const char of ascii) expect(toSkeleton(char)).toBe(toSkeleton(`${char}\u200b`));
  });
});

describe('isMixedScript', () => {
  it('spots Latin mixed with Cyrillic or Greek, not single-script labels', () => {
    expect(isMixedScript('pаypal')).toBe(true);
    expect(isMixedScript('gοogle')).toBe(true);
    expect(isMixedScript('paypal')).toBe(false);
    expect(isMixedScript('аррӏе')).toBe(false); // all Cyrillic: whole-script, still confusable
    expect(isMixedScript('ไปรษณีย์ไทย')).toBe(false);
    expect(isMixedScript('paypal-2024')).toBe(false);
  });
});
