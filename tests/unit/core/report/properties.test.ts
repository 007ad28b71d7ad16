import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_REPORT_BYTES, REPORT_LIMITS, validateReport, type Report } from '../../../../src/core/report/index.ts';

/** The most bytes each field can take as JSON.stringify writes it: 3-byte characters, or quotes that need escaping. */
function worstCaseReport(): Report {
  const wide = (length: number) => 'ह'.repeat(length);
  return {
    url: `https://evil-scam.test/${'a'.repeat(REPORT_LIMITS.url - 23)}`,
    kind: 'false-positive',
    category: 'impersonation',
    note: wide(REPORT_LIMITS.note),
    title: wide(REPORT_LIMITS.title),
    verdict: 'suspicious',
    signals: Array.from({ length: REPORT_LIMITS.signals }, () => ({
      kind: 'k'.repeat(REPORT_LIMITS.signalKind), name: wide(REPORT_LIMITS.signalName), category: 'impersonation' as const,
      weight: -123.45678901234567,
    })),
    extensionVersion: '1'.repeat(REPORT_LIMITS.extensionVersion),
    feedVersion: Number.MAX_SAFE_INTEGER,
    reportedAt: '2024-05-01T12:00:00.000Z',
  };
}

describe('report size', () => {
  it('a largest valid report fits in MAX_REPORT_BYTES, so the server never refuses a valid one for size', () => {
    const report = worstCaseReport();
    const result = validateReport(report);
    expect(result.ok).toBe(true);
    const bytes = new TextEncoder().encode(JSON.stringify(report)).length;
    expect(bytes).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    // The cap is not wildly larger than needed either: a body at the cap is cheap to read and parse.
    expect(bytes).toBeGreaterThan(MAX_REPORT_BYTES / 4);
  });
});

describe('validateReport on arbitrary input', () => {
  it('never throws, and what it accepts validates again to itself', () => {
    const reportish = fc.record({
      url: fc.oneof(fc.webUrl(), fc.string()),
      kind: fc.constantFrom('scam', 'false-positive', 'other'),
      note: fc.string({ unit: 'binary', maxLength: 50 }),
      title: fc.string({ unit: 'grapheme', maxLength: 50 }),
      signals: fc.array(fc.record({ kind: fc.string(), name: fc.string(), weight: fc.double() }, { requiredKeys: [] }), { maxLength: 3 }),
      feedVersion: fc.oneof(fc.integer(), fc.double()),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), reportish, fc.anything()), (value) => {
      const result = validateReport(value);
      if (result.ok) expect(validateReport(result.report)).toEqual(result);
      else expect(result.errors.length).toBeGreaterThan(0);
    }), { numRuns: 2000 });
  });
});
