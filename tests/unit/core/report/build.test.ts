import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../../src/core/types.ts';
import { buildReport, previewReport, serializeReport, validateReport, REPORT_LIMITS } from '../../../../src/core/report/index.ts';

const NOW = new Date('2024-05-01T12:00:00.000Z');

const VERDICT: Verdict = {
  url: 'https://paypa1-login.test/signin',
  verdict: 'suspicious',
  category: null,
  reasons: [
    { kind: 'lookalike-typo', brand: 'PayPal', brandDomain: 'paypal.com', weight: 60 },
    { kind: 'signal', signal: 'asks-card-cvv', category: 'phishing', weight: 30 },
    { kind: 'signal', signal: 'countdown', category: null, weight: 10 },
  ],
};

describe('buildReport', () => {
  it('fills in the verdict, its signals, the guessed category, versions and time, and validates', () => {
    const report = buildReport({ url: VERDICT.url, title: 'PayPal: confirm\u202e your card', verdict: VERDICT,
      extensionVersion: '0.1.0', feedVersion: 7, now: NOW });
    expect(report).toEqual({
      url: VERDICT.url, kind: 'scam', category: 'phishing', title: 'PayPal: confirm your card', verdict: 'suspicious',
      signals: [
        { kind: 'lookalike-typo', name: 'paypal.com', weight: 60 },
        { kind: 'signal', name: 'asks-card-cvv', category: 'phishing', weight: 30 },
        { kind: 'signal', name: 'countdown', weight: 10 },
      ],
      extensionVersion: '0.1.0', feedVersion: 7, reportedAt: '2024-05-01T12:00:00.000Z',
    });
    expect(validateReport(report)).toEqual({ ok: true, report });
  });

  it("keeps the user's category and note, and makes a hostile page title sendable", () => {
    const title = `\u0000${'A'.repeat(REPORT_LIMITS.title - 1)}😀tail`;
    const report = buildReport({ url: 'https://evil-scam.test/', kind: 'false-positive', category: 'other', note: ' my bank \n',
      title, now: NOW });
    expect(report.category).toBe('other');
    expect(report.note).toBe('my bank');
    expect(report.title).toBe('A'.repeat(REPORT_LIMITS.title - 1));
    expect(validateReport(report).ok).toBe(true);
  });

  it('sends no verdict fields when there is no verdict', () => {
    expect(buildReport({ url: 'https://evil-scam.test/', now: NOW })).toEqual({
      url: 'https://evil-scam.test/', kind: 'scam', reportedAt: '2024-05-01T12:00:00.000Z',
    });
  });
});

describe('previewReport and serializeReport', () => {
  it('lists every field that is sent, with its label key, and nothing else', () => {
    const report = buildReport({ url: VERDICT.url, verdict: VERDICT, note: 'asked for my card', now: NOW });
    const preview = previewReport(report);
    expect(preview.map((line) => line.field).sort()).toEqual(Object.keys(JSON.parse(serializeReport(report))).sort());
    expect(preview[0]).toEqual({ field: 'url', labelKey: 'report_field_url', value: VERDICT.url });
    expect(preview).toContainEqual({ field: 'kind', labelKey: 'report_field_kind', value: 'scam', valueKey: 'report_kind_scam' });
    expect(preview).toContainEqual({ field: 'category', labelKey: 'report_field_category', value: 'phishing', valueKey: 'category_phishing' });
    expect(preview).toContainEqual({ field: 'signals', labelKey: 'report_field_signals',
      value: 'lookalike-typo: paypal.com\nsignal: asks-card-cvv\nsignal: countdown' });
    expect(preview).toContainEqual({ field: 'reportedAt', labelKey: 'report_field_reported_at', value: '2024-05-01T12:00:00.000Z' });
  });

  it('names the false-positive kind with a valid _locales key', () => {
    const preview = previewReport({ url: VERDICT.url, kind: 'false-positive' });
    expect(preview[1]?.valueKey).toBe('report_kind_false_positive');
    for (const line of preview) expect(line.labelKey).toMatch(/^[a-z0-9_]+$/);
  });
});

describe('previewReport value keys', () => {
  it('matches the _locales category keys, which use underscores', () => {
    const preview = previewReport({ url: VERDICT.url, kind: 'scam', category: 'fake-shop' });
    expect(preview.find((line) => line.field === 'category')?.valueKey).toBe('category_fake_shop');
  });
});
