import { describe, expect, it } from 'vitest';
import { normalizeEntryValue } from '../../../../src/core/blocklist/index.ts';
import { parseEntryValue, reportSite, suggestEntry } from '../../../../src/core/report/index.ts';

describe('suggestEntry', () => {
  it.each([
    ['https://evil-scam.test/login', 'domain', 'evil-scam.test'],
    ['https://secure.login.paypa1.co.uk/x?y=1', 'domain', 'paypa1.co.uk'],
    ['https://scam.github.io/wallet/', 'domain', 'scam.github.io'],
    ['https://a.b.blogspot.com/', 'domain', 'b.blogspot.com'],
    ['https://evil.weebly.com/pay', 'host', 'evil.weebly.com'],
    ['https://shop.evil.weebly.com/pay', 'host', 'evil.weebly.com'],
    ['https://scam.godaddysites.com/', 'host', 'scam.godaddysites.com'],
    ['https://www.paypal.com/scam-page/x', 'url-prefix', 'www.paypal.com/scam-page/x'],
    ['https://www.evil.wixsite.com/', 'domain', 'evil.wixsite.com'],
    ['http://192.0.2.7/bank/', 'host', '192.0.2.7'],
    ['https://sites.google.com/view/claim-prize/home?x=1', 'url-prefix', 'sites.google.com/view/claim-prize'],
    ['https://docs.google.com/forms/d/e/1FAIpQL/viewform', 'url-prefix', 'docs.google.com/forms/d/e/1FAIpQL'],
    ['https://docs.google.com/document/d/abc123/edit', 'url-prefix', 'docs.google.com/document/d/abc123'],
    ['https://github.com/scammer/airdrop/blob/main/x', 'url-prefix', 'github.com/scammer'],
    ['https://storage.googleapis.com/bucket-x/index.html', 'url-prefix', 'storage.googleapis.com/bucket-x'],
    ['https://drive.google.com/uc?id=1', 'url-prefix', 'drive.google.com/uc'],
  ])('%s -> %s %s', (url, kind, value) => {
    expect(suggestEntry(url)).toEqual({ ok: true, entry: { kind, value } });
  });

  it.each([
    ['https://sites.google.com/', /needs the scam page's path/],
    ['https://weebly.com/', /shared host/],
    ['https://www.weebly.com/', /shared host/],
    ['https://github.io/', /public suffix/],
    ['https://godaddysites.com/', /shared host/],
    ['https://www.paypal.com/', /needs the scam page's path/],
    ['nonsense', /not a URL/],
  ])('never blocks a whole shared host: %s', (url, reason) => {
    const suggestion = suggestEntry(url);
    expect(suggestion.ok).toBe(false);
    if (!suggestion.ok) expect(suggestion.reason).toMatch(reason);
  });
});

describe('reportSite', () => {
  it('groups by the entry approval would add, else by host', () => {
    expect(reportSite('https://a.evil-scam.test/x')).toBe('evil-scam.test');
    expect(reportSite('https://sites.google.com/view/claim/page2')).toBe('sites.google.com/view/claim');
    expect(reportSite('https://sites.google.com/')).toBe('sites.google.com');
  });
});

describe('suggested entries and publish agree', () => {
  const urls = ['https://login.evil-scam.test/x', 'https://scam.github.io/', 'https://evil.weebly.com/pay', 'http://192.0.2.7/bank/',
    'https://sites.google.com/view/claim-prize/home?x=1', 'https://docs.google.com/forms/d/e/1FAIpQL/viewform', 'https://www.paypal.com/scam-page/x',
    'https://scam.godaddysites.com/', 'https://xn--pypal-4ve.com/login'];

  it.each(urls)('%s: the suggestion is already in the form publish normalizes it to', (url) => {
    const suggestion = suggestEntry(url);
    if (!suggestion.ok) throw new Error(suggestion.reason);
    const normalized = normalizeEntryValue(suggestion.entry.value);
    expect(normalized).toMatchObject({ ok: true, value: suggestion.entry.value });
    if (suggestion.entry.kind === 'url-prefix') expect(normalized).toMatchObject({ kind: 'url-prefix' });
  });
});

describe('parseEntryValue', () => {
  it("normalizes a maintainer's entry as publish will, and refuses what publish would", () => {
    expect(parseEntryValue('HTTPS://Login.Evil-Scam.test/')).toEqual({ ok: true, entry: { kind: 'domain', value: 'login.evil-scam.test' } });
    expect(parseEntryValue('sites.google.com/view/x/')).toEqual({ ok: true, entry: { kind: 'url-prefix', value: 'sites.google.com/view/x' } });
    expect(parseEntryValue('198.51.100.4')).toEqual({ ok: true, entry: { kind: 'host', value: '198.51.100.4' } });
    for (const bad of ['co.uk', 'github.io', 'two words', '', 'ftp://x']) expect(parseEntryValue(bad).ok).toBe(false);
  });
});
