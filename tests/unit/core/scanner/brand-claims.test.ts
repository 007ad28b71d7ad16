import { describe, expect, it } from 'vitest';
import { brandsInImageNames } from '../../../../src/core/scanner/brand-claims.ts';
import { getPageMatcher, scanPage, type BrandInfo } from '../../../../src/core/scanner/index.ts';
import { snapshot } from './helpers.ts';

const BRANDS: readonly BrandInfo[] = [
  { name: 'STC Pay', aliases: ['stcpay'], domains: ['stcpay.com.sa'] },
  { name: 'Dutch-Bangla Bank', aliases: ['DBBL'], domains: ['dutchbanglabank.com'] },
  { name: 'Apple', domains: ['apple.com'] },
];

describe('brands named by logo files', () => {
  it('are read from words of a logo’s file name, alone or two joined', () => {
    expect([...brandsInImageNames(['dbbl_logo', 'stc-pay-logo-purple'], BRANDS)].sort()).toEqual([0, 1]);
  });

  it('are not read from pictures that are not logos', () => {
    expect(brandsInImageNames(['apple-pie', 'stcpay-banner'], BRANDS).size).toBe(0);
  });

  it('make a mismatch on a domain the brand does not own, and an official page on its own', () => {
    const matcher = getPageMatcher({ brands: BRANDS });
    const page = snapshot({ title: 'Account verification', imageNames: ['dbbl_logo'] });
    expect(scanPage(page, { registrableDomain: 'dbbl-verify.test', matcher }).signals.map((signal) => signal.id)).toEqual(['brand_mismatch']);
    expect(scanPage(page, { registrableDomain: 'dutchbanglabank.com', matcher }).signals.map((signal) => signal.id)).toEqual(['context_official']);
  });
});
