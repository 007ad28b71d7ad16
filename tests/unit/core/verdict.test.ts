import { describe, expect, it } from 'vitest';
import { BlocklistIndex } from '../../../src/core/blocklist/index.ts';
import type { ListEntry, ScanResult } from '../../../src/core/types.ts';
import { checkUrl, isHostWithin } from '../../../src/core/verdict.ts';

const meta = { category: 'phishing', source: 'test list', added: '2026-11-01' } as const;
const index = BlocklistIndex.build([
  { kind: 'domain', value: 'evil-scam.test', ...meta },
  { kind: 'url-prefix', value: 'sites.google.com/view/fake-bank', ...meta, category: 'impersonation' },
  { kind: 'domain', value: 'paypa1.com', ...meta },
  { kind: 'host', value: 'ok.paypa1.com', ...meta, allow: true },
] satisfies ListEntry[]);

const scareware: ScanResult = {
  signals: [{ id: 'asks_call_number', kind: 'ask', category: 'tech-support', weight: 3, evidence: 'call +1 800' }],
  scores: { 'tech-support': 6 },
  category: 'tech-support',
  verdict: 'suspicious',
  reasons: [{ kind: 'signal', signal: 'asks_call_number', category: 'tech-support', weight: 3 }],
};

describe('checkUrl', () => {
  it('calls a listed domain and its subdomains dangerous, with the entry behind it', () => {
    const verdict = checkUrl('https://login.evil-scam.test/account?x=1', { index });
    expect(verdict.verdict).toBe('dangerous');
    expect(verdict.category).toBe('phishing');
    expect(verdict.reasons).toEqual([{ kind: 'blocklist', entry: 'evil-scam.test', entryKind: 'domain', ...meta }]);
  });

  it('matches a url-prefix entry below its path only', () => {
    expect(checkUrl('https://sites.google.com/view/fake-bank/login', { index }).verdict).toBe('dangerous');
    expect(checkUrl('https://sites.google.com/view/real-bakery', { index }).verdict).toBe('unknown');
  });

  it('lets the maintainers\u2019 allow entries and the user\u2019s allowlist win over block entries', () => {
    expect(checkUrl('https://ok.paypa1.com/', { index })).toMatchObject({ verdict: 'safe', reasons: [{ kind: 'allowlist', entry: 'ok.paypa1.com' }] });
    expect(checkUrl('https://www.evil-scam.test/', { index, userAllowlist: ['evil-scam.test'] })).toMatchObject({
      verdict: 'safe',
      reasons: [{ kind: 'allowlist', entry: 'evil-scam.test', source: 'user' }],
    });
  });

  it('calls a lookalike suspicious with the brand it imitates, and never a brand\u2019s own site', () => {
    const verdict = checkUrl('https://paypal.com.verify-account.test/signin');
    expect(verdict.verdict).toBe('suspicious');
    expect(verdict.category).toBe('phishing');
    expect(verdict.reasons[0]).toMatchObject({ kind: 'lookalike-embedding', brand: 'PayPal', brandDomain: 'paypal.com' });
    expect(checkUrl('https://www.paypal.com/signin').verdict).toBe('unknown');
  });

  it('holds weak lookalikes back at low sensitivity unless the page itself shows scam evidence', () => {
    const url = 'https://metamask.security-information.cc/';
    expect(checkUrl(url, { sensitivity: 'normal' }).verdict).toBe('suspicious');
    expect(checkUrl(url, { sensitivity: 'low' }).verdict).toBe('unknown');
    const weakPage: ScanResult = { ...scareware, verdict: null };
    expect(checkUrl(url, { sensitivity: 'low', page: weakPage })).toMatchObject({ verdict: 'suspicious', category: 'tech-support' });
    const newsStory: ScanResult = { ...weakPage, signals: [{ ...scareware.signals[0]!, kind: 'pressure' }] };
    expect(checkUrl(url, { sensitivity: 'low', page: newsStory }).verdict).toBe('unknown');
  });

  it('adds a suspicious page scan, and never lets page patterns say more than suspicious', () => {
    const verdict = checkUrl('https://support-helpdesk.test/', { index, page: scareware });
    expect(verdict).toMatchObject({ verdict: 'suspicious', category: 'tech-support', reasons: scareware.reasons });
    expect(checkUrl('https://evil-scam.test/', { index, page: scareware }).verdict).toBe('dangerous');
  });

  it('says unknown, never safe, when nothing is found, and for what is not a web address', () => {
    expect(checkUrl('https://example.org/', { index })).toEqual({ url: 'https://example.org/', verdict: 'unknown', category: null, reasons: [] });
    expect(checkUrl('ftp://evil-scam.test/', { index }).verdict).toBe('unknown');
    expect(checkUrl('javascript:alert(1)', { index }).verdict).toBe('unknown');
  });
});

describe('isHostWithin', () => {
  it('covers the site and its subdomains, not look-alike suffixes', () => {
    expect(isHostWithin('a.b.example.com', 'example.com')).toBe(true);
    expect(isHostWithin('example.com', 'example.com')).toBe(true);
    expect(isHostWithin('badexample.com', 'example.com')).toBe(false);
    expect(isHostWithin('example.com', 'a.example.com')).toBe(false);
  });
});
