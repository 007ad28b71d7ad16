import { describe, expect, it } from 'vitest';
import {
  findBrand,
  findBrandByDomain,
  isOwnedBy,
  isProtectedDomain,
  listBrandNames,
  listBrands,
  toRegistrableDomain,
} from '../../../../src/core/lookalike/brands.ts';
import { listFuzzyBrands, listTopSites } from './eth-phishing-data.ts';

// The brands issue 2 names, as brands.json writes them.
const REQUIRED = [
  'bKash', 'Nagad', 'eSewa', 'Khalti', 'Yape', 'Plin', 'BCP', 'KBank', 'SCB', 'Krungthai Bank', 'Bangkok Bank',
  'PromptPay', 'Emirates NBD', 'ADCB', 'Thailand Post', 'Kerry Express', 'Flash Express', 'Emirates Post', 'Aramex',
  'DHL', 'Dubai Police', 'Salik', 'IRS', 'HMRC', 'Etisalat by e&', 'du', 'AIS', 'Grameenphone', 'Nepal Telecom',
  'MetaMask', 'MyEtherWallet', 'Binance', 'Coinbase', 'Trust Wallet', 'Ledger', 'PayPal', 'Apple', 'Microsoft',
  'Google', 'Amazon', 'Meta', 'Facebook', 'Instagram', 'WhatsApp', 'TikTok', 'Netflix',
];

describe('the brand list', () => {
  it('has every brand the issue asks for, each with official domains', () => {
    for (const name of REQUIRED) {
      const brand = findBrand(name);
      expect(brand?.name, name).toBe(name);
      expect(brand?.domains.length, name).toBeGreaterThan(0);
    }
  });

  it("protects eth-phishing-detect's fuzzylist brands (maskmeta.org is no brand we could verify)", () => {
    for (const domain of listFuzzyBrands()) {
      if (domain === 'maskmeta.org') continue;
      expect(isProtectedDomain(domain), domain).toBe(true);
    }
  });

  it('lists registrable domains only, each owned by one brand', () => {
    const seen = new Set<string>();
    for (const brand of listBrands()) {
      for (const domain of brand.domains) {
        if (brand.curated) expect(toRegistrableDomain(domain), domain).toBe(domain);
        expect(seen.has(domain), domain).toBe(false);
        seen.add(domain);
      }
    }
  });

  it('protects all of the top sites, folding those of curated brands into them', () => {
    for (const host of listTopSites()) expect(isProtectedDomain(host), host).toBe(true);
    expect(findBrandByDomain('www.google.com')?.name).toBe('Google');
    expect(findBrandByDomain('nytimes.com')).toMatchObject({ curated: false, sector: 'top-site' });
    expect(listBrands().filter((brand) => !brand.curated).length).toBeGreaterThan(300);
    expect(findBrandByDomain('files.wordpress.com')?.name).toBe('wordpress.com');
    expect(isProtectedDomain('someones-blog.wordpress.com')).toBe(false);
  });
});

describe('findBrand', () => {
  it('maps the ways a brand is written, and its domains, to the brand', () => {
    expect(findBrand('PayPal')?.id).toBe('paypal');
    expect(findBrand('  pay pal ')?.id).toBe('paypal');
    expect(findBrand('Banco de Crédito del Perú')?.name).toBe('BCP');
    expect(findBrand('Hotmail')?.name).toBe('Microsoft');
    expect(findBrand('ไปรษณีย์ไทย')?.name).toBe('Thailand Post');
    expect(findBrand('e&')?.name).toBe('Etisalat by e&');
    expect(findBrand('paypal.me')?.name).toBe('PayPal');
    expect(findBrand('www.bkash.com')?.name).toBe('bKash');
  });

  it('finds nothing for unknown names, words that are no brand name, or empty text', () => {
    expect(findBrand('Acme Widgets')).toBeUndefined();
    expect(findBrand('bot')).toBeUndefined();
    expect(findBrand('')).toBeUndefined();
    expect(findBrand('paypa1.com')).toBeUndefined();
  });
});

describe('listBrandNames', () => {
  it('lists every name and alias as written, with its brand', () => {
    const names = listBrandNames();
    expect(names).toContainEqual({ name: 'Banco de Crédito del Perú', brand: findBrand('BCP') });
    expect(names).toContainEqual({ name: 'nytimes.com', brand: findBrand('nytimes.com') });
    expect(names.filter(({ brand }) => brand.name === 'Microsoft').map(({ name }) => name)).toContain('Hotmail');
  });
});

describe('isOwnedBy', () => {
  it("accepts a brand's domains and its subdomains, and domains of the same owner", () => {
    expect(isOwnedBy('www.paypal.com', 'PayPal')).toBe(true);
    expect(isOwnedBy('paypal-community.com', 'PayPal')).toBe(true);
    expect(isOwnedBy('www.instagram.com', 'Facebook')).toBe(true);
    expect(isOwnedBy('yape.com.pe', findBrand('BCP') ?? 'BCP')).toBe(true);
    expect(isOwnedBy('www.gov.uk', 'HMRC')).toBe(true);
  });

  it('refuses lookalikes, other brands, hosting subdomains and unknown brands', () => {
    expect(isOwnedBy('paypa1.com', 'PayPal')).toBe(false);
    expect(isOwnedBy('paypal.com.verify-account.xyz', 'PayPal')).toBe(false);
    expect(isOwnedBy('netflix.com', 'PayPal')).toBe(false);
    expect(isOwnedBy('paypal.github.io', 'PayPal')).toBe(false);
    expect(isOwnedBy('paypal-login.weebly.com', 'weebly.com')).toBe(false);
    expect(isProtectedDomain('paypal-login.weebly.com')).toBe(false);
    expect(isOwnedBy('paypal.com', 'No Such Brand')).toBe(false);
  });
});
