import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../../src/core/types.ts';
import { REPORT_LIMITS, validateReport, type Report } from '../../../../src/core/report/index.ts';

const URL_OK = 'https://evil-scam.test/login';

function errorsOf(value: unknown): { field: string; reason: string }[] {
  const result = validateReport(value);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.report)}`);
  return result.errors;
}

function reportOf(value: unknown): Report {
  const result = validateReport(value);
  if (!result.ok) throw new Error(`expected a report, got ${JSON.stringify(result.errors)}`);
  return result.report;
}

function fieldsRefused(value: unknown): string[] {
  return errorsOf(value).map((error) => error.field);
}

describe('validateReport: shape', () => {
  it('needs only a URL, canonicalizes it and defaults the kind to scam', () => {
    expect(reportOf({ url: 'HTTPS://User:pw@Evil-Scam.TEST:8443/login#top' })).toEqual({
      url: 'https://evil-scam.test/login',
      kind: 'scam',
    });
  });

  it('keeps every known field, trimmed, in a fixed order', () => {
    const report = reportOf({
      reportedAt: '2024-05-01T12:00:00Z', feedVersion: 42, extensionVersion: '1.2.3',
      signals: [{ kind: 'signal', name: 'asks-seed-phrase', category: 'giveaway', weight: 40 }],
      verdict: 'suspicious', title: '  Claim your BTC  ', note: 'They asked\nfor my seed phrase', category: 'giveaway',
      kind: 'scam', url: URL_OK,
    });
    expect(report).toEqual({
      url: URL_OK, kind: 'scam', category: 'giveaway', note: 'They asked\nfor my seed phrase', title: 'Claim your BTC',
      verdict: 'suspicious', signals: [{ kind: 'signal', name: 'asks-seed-phrase', category: 'giveaway', weight: 40 }],
      extensionVersion: '1.2.3', feedVersion: 42, reportedAt: '2024-05-01T12:00:00.000Z',
    });
    expect(Object.keys(report)[0]).toBe('url');
  });

  it('refuses anything but a plain object', () => {
    for (const value of [null, undefined, [], 'https://evil-scam.test/', 5, true, new Date()]) {
      expect(errorsOf(value)).toEqual([{ field: '', reason: 'a report must be a JSON object' }]);
    }
  });

  it('requires the URL', () => {
    expect(errorsOf({ note: 'hi' })).toEqual([{ field: 'url', reason: 'is required' }]);
  });

  it('refuses unknown fields, __proto__ included, and echoes only a short part of a long name', () => {
    expect(fieldsRefused({ url: URL_OK, cookies: 'a=b' })).toEqual(['cookies']);
    expect(fieldsRefused(JSON.parse(`{"url":"${URL_OK}","__proto__":{"isAdmin":true}}`))).toEqual(['__proto__']);
    expect(fieldsRefused({ url: URL_OK, ['x'.repeat(5000)]: 1 })).toEqual(['x'.repeat(64)]);
  });

  it('reports several bad fields at once but never more than 20', () => {
    expect(fieldsRefused({ url: 5, kind: 'spam', verdict: 'evil' })).toEqual(['url', 'kind', 'verdict']);
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`extra${i}`, i]));
    expect(errorsOf({ url: URL_OK, ...many })).toHaveLength(20);
  });

  it('drops fields that are empty once trimmed', () => {
    expect(reportOf({ url: URL_OK, note: '   ', title: '' })).toEqual({ url: URL_OK, kind: 'scam' });
  });
});

describe('validateReport: each field', () => {
  it.each([
    ['javascript:alert(1)'], ['ftp://evil-scam.test/'], ['not a url'], [''], ['http://'], ['data:text/html,hi'],
    ['chrome-extension://abc/page.html'], ['file:///etc/passwd'],
  ])('refuses the URL %j', (url) => {
    expect(errorsOf({ url })).toEqual([{ field: 'url', reason: 'must be an http or https URL' }]);
  });

  it('caps the URL', () => {
    const base = 'https://evil-scam.test/';
    expect(reportOf({ url: base + 'a'.repeat(REPORT_LIMITS.url - base.length) }).url).toHaveLength(REPORT_LIMITS.url);
    expect(errorsOf({ url: base + 'a'.repeat(REPORT_LIMITS.url) })[0]?.reason).toMatch(/longer than 4096/);
  });

  it('accepts each kind, category and verdict and refuses others', () => {
    expect(reportOf({ url: URL_OK, kind: 'false-positive' }).kind).toBe('false-positive');
    for (const category of CATEGORIES) expect(reportOf({ url: URL_OK, category }).category).toBe(category);
    for (const verdict of ['dangerous', 'suspicious', 'unknown', 'safe']) expect(reportOf({ url: URL_OK, verdict }).verdict).toBe(verdict);
    expect(fieldsRefused({ url: URL_OK, kind: 'Scam' })).toEqual(['kind']);
    expect(fieldsRefused({ url: URL_OK, category: 'Phishing' })).toEqual(['category']);
    expect(fieldsRefused({ url: URL_OK, verdict: 1 })).toEqual(['verdict']);
  });

  it.each([
    ['title', REPORT_LIMITS.title],
    ['note', REPORT_LIMITS.note],
  ])('caps the %s at %i characters and refuses non-strings', (field, cap) => {
    expect(reportOf({ url: URL_OK, [field]: 'ع'.repeat(cap) })[field as keyof Report]).toHaveLength(cap);
    expect(errorsOf({ url: URL_OK, [field]: 'ع'.repeat(cap + 1) })).toEqual([{ field, reason: `longer than ${cap} characters` }]);
    expect(errorsOf({ url: URL_OK, [field]: ['x'] })).toEqual([{ field, reason: 'must be a string' }]);
  });

  it('refuses control characters, bidi overrides and broken Unicode; the note alone may break lines', () => {
    expect(errorsOf({ url: URL_OK, title: 'a\u0000b' })[0]?.reason).toBe('contains control characters');
    expect(errorsOf({ url: URL_OK, title: 'a\nb' })[0]?.reason).toBe('contains line breaks or tabs');
    expect(errorsOf({ url: URL_OK, note: 'a\u0007b' })[0]?.reason).toBe('contains control characters');
    expect(errorsOf({ url: URL_OK, note: 'a\r\nb' })[0]?.reason).toBe('contains control characters');
    expect(errorsOf({ url: URL_OK, note: 'a\u0085b' })[0]?.reason).toBe('contains control characters');
    expect(errorsOf({ url: URL_OK, note: 'gnp.\u202eexe' })[0]?.reason).toBe('contains bidirectional override characters');
    expect(errorsOf({ url: URL_OK, note: 'x\ud800y' })[0]?.reason).toMatch(/unpaired surrogate/);
    expect(errorsOf({ url: `${URL_OK}\u0000` })[0]?.reason).toBe('contains control characters');
    expect(reportOf({ url: URL_OK, note: 'line one\n\tline two 😀 مرحبا' }).note).toBe('line one\n\tline two 😀 مرحبا');
  });

  it('checks the extension version', () => {
    expect(reportOf({ url: URL_OK, extensionVersion: '0.1.0' }).extensionVersion).toBe('0.1.0');
    expect(fieldsRefused({ url: URL_OK, extensionVersion: 'v1' })).toEqual(['extensionVersion']);
    expect(fieldsRefused({ url: URL_OK, extensionVersion: '1'.repeat(33) })).toEqual(['extensionVersion']);
    expect(fieldsRefused({ url: URL_OK, extensionVersion: 1.2 })).toEqual(['extensionVersion']);
  });

  it.each([[-1], [1.5], ['3'], [2 ** 53], [Number.NaN], [null]])('refuses the feed version %j', (feedVersion) => {
    expect(fieldsRefused({ url: URL_OK, feedVersion })).toEqual(['feedVersion']);
  });

  it('checks the report time and normalizes it', () => {
    expect(reportOf({ url: URL_OK, reportedAt: '2024-02-29T23:59:59.5Z' }).reportedAt).toBe('2024-02-29T23:59:59.500Z');
    for (const reportedAt of ['2024-02-30T00:00:00Z', '2023-02-29T00:00:00Z', '2024-05-01 12:00:00', '2024-05-01T12:00:00+02:00',
      '2024-13-01T00:00:00Z', 1714564800000, '']) {
      expect(fieldsRefused({ url: URL_OK, reportedAt })).toEqual(['reportedAt']);
    }
  });
});

describe('validateReport: URL forms', () => {
  it('needs the scheme and a host a browser could open', () => {
    for (const url of ['evil-scam.test/login', 'http://not a url/', 'https://exa mple.test/']) {
      expect(errorsOf({ url })).toEqual([{ field: 'url', reason: 'must be an http or https URL' }]);
    }
  });

  it('puts the URL in Safe Browsing canonical form', () => {
    expect(reportOf({ url: 'http://evil-scam.test/a/../b//c/./d?q=1#frag' }).url).toBe('http://evil-scam.test/b/c/d?q=1');
    expect(reportOf({ url: 'http://0x7f.1/' }).url).toBe('http://127.0.0.1/');
    expect(reportOf({ url: 'https://bücher.test/' }).url).toBe('https://xn--bcher-kva.test/');
  });
});
