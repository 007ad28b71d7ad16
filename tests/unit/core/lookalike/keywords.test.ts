import { describe, expect, it } from 'vitest';
import { isKeyword, reachFromEnd, reachFromStart } from '../../../../src/core/lookalike/keywords.ts';
import { toSkeleton } from '../../../../src/core/lookalike/skeleton.ts';

describe('keyword runs', () => {
  it('knows scam words in several languages', () => {
    for (const word of ['login', 'verify', 'wallet', 'seguro', 'cuenta', 'verifikasi', 'compte']) {
      expect(isKeyword(toSkeleton(word))).toBe(true);
    }
    expect(isKeyword(toSkeleton('paypal'))).toBe(false);
  });

  it('reaches past keywords, digits and hyphens from the start', () => {
    const text = toSkeleton('secure-paypal');
    const reached = reachFromStart(text);
    expect(reached.get(0)).toBe(0);
    expect(reached.get('secure'.length)).toBe(1);
    expect(reached.get('secure-'.length)).toBe(1);
    expect(reached.has(text.length)).toBe(false);
  });

  it('reaches back from the end, counting every keyword on the way', () => {
    const text = toSkeleton('paypal-secure-login2');
    const reached = reachFromEnd(text);
    expect(reached.get('paypal'.length)).toBe(2);
    expect(reached.get(text.length)).toBe(0);
  });
});
