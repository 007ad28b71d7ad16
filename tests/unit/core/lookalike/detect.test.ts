import { describe, expect, it } from 'vitest';
import { detectLookalikes, LOOKALIKE_WEIGHTS } from '../../../../src/core/lookalike/index.ts';
import { listBrands } from '../../../../src/core/lookalike/brands.ts';

function first(host: string): { kind: string; brand: string } | undefined {
  const reason = detectLookalikes(host)[0];
  return reason && 'brand' in reason ? { kind: reason.kind, brand: reason.brand } : undefined;
}

// Real hosts from eth-phishing-detect's blacklist unless marked otherwise.
describe('detectLookalikes: confusable skeletons', () => {
  it('flags IDN homographs, mixed-script ones strongest', () => {
    expect(first('xn--binnce-5nf.com')).toEqual({ kind: 'lookalike-confusable', brand: 'Binance' }); // binаnce, Cyrillic а
    expect(detectLookalikes('xn--binnce-5nf.com')[0]).toMatchObject({ weight: LOOKALIKE_WEIGHTS.confusableIdn, brandDomain: 'binance.com' });
    expect(first('xn--mtamask-d8a.com')).toEqual({ kind: 'lookalike-confusable', brand: 'MetaMask' }); // mĕtamask
    expect(first('xn--conbase-sfb.com')).toEqual({ kind: 'lookalike-confusable', brand: 'Coinbase' }); // coınbase
    expect(first('xn--pypal-4ve.com')).toEqual({ kind: 'lookalike-confusable', brand: 'PayPal' }); // made up
  });

  it('flags ASCII look-alike letters', () => {
    expect(first('rnyetherwallet.com')).toEqual({ kind: 'lookalike-confusable', brand: 'MyEtherWallet' });
    expect(first('metarnask.io')).toEqual({ kind: 'lookalike-confusable', brand: 'MetaMask' });
    expect(first('paypa1.com')).toEqual({ kind: 'lookalike-confusable', brand: 'PayPal' });
    expect(detectLookalikes('paypa1.com')[0]).toMatchObject({ weight: LOOKALIKE_WEIGHTS.confusable });
  });
});

describe('detectLookalikes: typos', () => {
  it('flags one edit or one swap, and two edits on long names', () => {
    expect(first('etharscan.io')).toEqual({ kind: 'lookalike-typo', brand: 'Etherscan' });
    expect(first('metamaks.io')).toEqual({ kind: 'lookalike-typo', brand: 'MetaMask' });
    expect(first('myethrewallet.xyz')).toEqual({ kind: 'lookalike-typo', brand: 'MyEtherWallet' });
    expect(first('myetherwattet.com')).toEqual({ kind: 'lookalike-typo', brand: 'MyEtherWallet' });
    expect(first('hederaheshgraph.com')).toEqual({ kind: 'lookalike-typo', brand: 'Hedera Hashgraph' });
  });

  it("flags a single-home brand's name under another suffix", () => {
    expect(detectLookalikes('myetherwallet.company')[0]).toMatchObject({ kind: 'lookalike-typo', brand: 'MyEtherWallet', weight: LOOKALIKE_WEIGHTS.suffixSwap });
    expect(first('metamask.top')).toEqual({ kind: 'lookalike-typo', brand: 'MetaMask' });
  });

  it("applies Chromium's false-positive filters", () => {
    expect(detectLookalikes('google.xyz')).toEqual([]); // only the public suffix differs
    expect(detectLookalikes('amazon.co.th')).toEqual([]);
    expect(detectLookalikes('metamask1.io')).toEqual([]); // only digits appended
    expect(detectLookalikes('bbcnews.com')).toEqual([]); // another first letter: another word
    expect(detectLookalikes('finance.com')).toEqual([]);
    expect(detectLookalikes('ebay.co')).toEqual([]); // too short for edit distance
    expect(detectLookalikes('ebya.com')).toEqual([]);
  });

  it('does not treat everyday words among the top sites as brands', () => {
    expect(detectLookalikes('natura.net')).toEqual([]);
    expect(detectLookalikes('changes.com')).toEqual([]);
  });
});

describe('detectLookalikes: target embedding', () => {
  it("flags a brand's whole domain inside another host", () => {
    expect(first('myetherwallet.com-wallet-transactions.host')).toEqual({ kind: 'lookalike-embedding', brand: 'MyEtherWallet' });
    expect(first('ledger.com-client.email')).toEqual({ kind: 'lookalike-embedding', brand: 'Ledger' });
    expect(first('coinbase.com.secure-account188.ru')).toEqual({ kind: 'lookalike-embedding', brand: 'Coinbase' });
    expect(first('metamask-io.online')).toEqual({ kind: 'lookalike-embedding', brand: 'MetaMask' });
    expect(first('www---binance.com')).toEqual({ kind: 'lookalike-embedding', brand: 'Binance' });
    expect(first('paypal.com.verify-account.xyz')).toEqual({ kind: 'lookalike-embedding', brand: 'PayPal' }); // issue 2's examples
    expect(first('paypal-com-login.net')).toEqual({ kind: 'lookalike-embedding', brand: 'PayPal' });
    expect(first('www-paypal.com')).toEqual({ kind: 'lookalike-embedding', brand: 'PayPal' });
  });

  it("leaves the brand's own name under a longer suffix to the typo rules", () => {
    expect(detectLookalikes('paypal.com.au')).toEqual([]);
  });
});

describe('detectLookalikes: combo squatting', () => {
  it('flags a brand joined with scam words, hyphenated or not', () => {
    expect(first('myetherwallet-claim.com')).toEqual({ kind: 'lookalike-combo', brand: 'MyEtherWallet' });
    expect(first('verifymetamask.io')).toEqual({ kind: 'lookalike-combo', brand: 'MetaMask' });
    expect(first('binancekyc.com')).toEqual({ kind: 'lookalike-combo', brand: 'Binance' });
    expect(first('authenticate-coinbase.com')).toEqual({ kind: 'lookalike-combo', brand: 'Coinbase' });
    expect(first('login-paypal.com')).toEqual({ kind: 'lookalike-combo', brand: 'PayPal' });
  });

  it('knows the brands and words of the countries we serve (made-up hosts)', () => {
    expect(first('bkash-offer.xyz')).toEqual({ kind: 'lookalike-combo', brand: 'bKash' });
    expect(first('viabcp-seguro.com')).toEqual({ kind: 'lookalike-combo', brand: 'BCP' });
    expect(first('thailandpost-track.com')).toEqual({ kind: 'lookalike-combo', brand: 'Thailand Post' });
    expect(first('salik-toll.com')).toEqual({ kind: 'lookalike-combo', brand: 'Salik' });
    expect(first('bangkok-bank-login.com')).toEqual({ kind: 'lookalike-combo', brand: 'Bangkok Bank' });
    expect(first('dhl-tracking.info')).toEqual({ kind: 'lookalike-combo', brand: 'DHL' });
    expect(first('paypa1-login.test')).toEqual({ kind: 'lookalike-combo', brand: 'PayPal' });
  });

  it('needs short names to stand as a whole word, and a brand name stays a name', () => {
    expect(detectLookalikes('adhlogin.com')).toEqual([]);
    expect(detectLookalikes('du-rewards.ae')).toEqual([]);
    expect(detectLookalikes('applecare.com')).toEqual([]); // an alias of Apple, not Apple + "care"
    expect(detectLookalikes('bot-login.com')).toEqual([]); // bot.or.th's label is an everyday word
  });
});

describe('detectLookalikes: brand as a subdomain', () => {
  it('flags a brand subdomain of an unrelated domain with scam words in the host', () => {
    expect(first('metamask.security-information.cc')).toEqual({ kind: 'lookalike-subdomain', brand: 'MetaMask' });
    expect(first('binance.rewards-programs.org')).toEqual({ kind: 'lookalike-subdomain', brand: 'Binance' });
    expect(first('myetherwallet.auth.slgnmsg.info')).toEqual({ kind: 'lookalike-subdomain', brand: 'MyEtherWallet' });
    expect(first('trustwallet.claim-giveaway-airdrop.site')).toEqual({ kind: 'lookalike-subdomain', brand: 'Trust Wallet' });
  });

  it("looks at users' sites on shared hosts, where free-hosting phishing lives", () => {
    expect(first('paypal-login.weebly.com')).toEqual({ kind: 'lookalike-combo', brand: 'PayPal' }); // made up
    expect(first('metamask-wallet-restore.blob.core.windows.net')).toEqual({ kind: 'lookalike-combo', brand: 'MetaMask' });
    expect(detectLookalikes('www.weebly.com')).toEqual([]);
    expect(detectLookalikes('en.blog.wordpress.com')).toEqual([]);
    expect(detectLookalikes('filez.com')).toEqual([]); // files.wordpress.com's "files" names no brand
  });

  it('leaves a bare brand subdomain alone: communities and customer sites look like that', () => {
    expect(detectLookalikes('apple.stackexchange.com')).toEqual([]);
    expect(detectLookalikes('paypal.evil.com')).toEqual([]);
  });
});

describe('detectLookalikes: what is never flagged', () => {
  it("never flags a brand's own domains or their subdomains", () => {
    for (const brand of listBrands()) {
      for (const domain of brand.domains) {
        expect(detectLookalikes(domain), domain).toEqual([]);
        expect(detectLookalikes(`login.secure.${domain}`), domain).toEqual([]);
      }
    }
  });

  it("leaves brands' pages on hosting suffixes and unrelated hosts alone", () => {
    for (const host of ['metamask.github.io', 'paypal.github.io', 'stackoverflow.com', 'example.org', 'news.ycombinator.com', 'scb.com', 'ais.com']) {
      expect(detectLookalikes(host), host).toEqual([]);
    }
  });

  it('gives nothing for input that is not a host name, and accepts URLs', () => {
    for (const input of ['', 'com', '192.168.1.1', 'not a host', 'http://']) expect(detectLookalikes(input)).toEqual([]);
    expect(first('https://paypa1.com/login')).toEqual({ kind: 'lookalike-confusable', brand: 'PayPal' });
  });

  it('reports each brand once, strongest first, at most three', () => {
    const reasons = detectLookalikes('login.paypal.com-secure.paypa1-verify.xyz');
    expect(reasons.filter((reason) => 'brand' in reason && reason.brand === 'PayPal')).toHaveLength(1);
    expect(reasons[0]).toMatchObject({ kind: 'lookalike-embedding', brand: 'PayPal' });
    expect(reasons.length).toBeLessThanOrEqual(3);
  });
});
