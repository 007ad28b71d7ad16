import { describe, expect, it } from 'vitest';
import { REPORT_LIMITS, validateReport } from '../../../../src/core/report/index.ts';

const URL_OK = 'https://evil-scam.test/login';
const SIGNAL = { kind: 'lookalike-typo', name: 'paypal.com', weight: 60 };

function refusals(signals: unknown): { field: string; reason: string }[] {
  const result = validateReport({ url: URL_OK, signals });
  return result.ok ? [] : result.errors;
}

describe('validateReport: signals', () => {
  it('accepts up to the cap and refuses more', () => {
    const full = Array.from({ length: REPORT_LIMITS.signals }, () => SIGNAL);
    expect(refusals(full)).toEqual([]);
    expect(refusals([...full, SIGNAL])).toEqual([{ field: 'signals', reason: `has more than ${REPORT_LIMITS.signals} items` }]);
  });

  it('refuses a non-array and non-object items, naming the item', () => {
    expect(refusals({ 0: SIGNAL })).toEqual([{ field: 'signals', reason: 'must be an array' }]);
    expect(refusals([SIGNAL, 'x', null, []])).toEqual([
      { field: 'signals[1]', reason: 'must be an object' },
      { field: 'signals[2]', reason: 'must be an object' },
      { field: 'signals[3]', reason: 'must be an object' },
    ]);
  });

  it('requires kind and name and refuses unknown keys', () => {
    expect(refusals([{ name: 'x' }])).toEqual([{ field: 'signals[0].kind', reason: 'is required' }]);
    expect(refusals([{ kind: 'signal' }])).toEqual([{ field: 'signals[0].name', reason: 'is required' }]);
    expect(refusals([{ ...SIGNAL, html: '<b>' }])).toEqual([{ field: 'signals[0].html', reason: 'unknown field' }]);
  });

  it('caps and checks every part', () => {
    expect(refusals([{ kind: 'a'.repeat(REPORT_LIMITS.signalKind), name: 'n'.repeat(REPORT_LIMITS.signalName) }])).toEqual([]);
    const fields = (signal: object) => refusals([signal]).map((error) => error.field);
    expect(fields({ kind: 'a'.repeat(REPORT_LIMITS.signalKind + 1), name: 'x' })).toEqual(['signals[0].kind']);
    expect(fields({ kind: 'Signal', name: 'x' })).toEqual(['signals[0].kind']);
    expect(fields({ kind: 'signal', name: 'n'.repeat(REPORT_LIMITS.signalName + 1) })).toEqual(['signals[0].name']);
    expect(fields({ kind: 'signal', name: 'a\u0000' })).toEqual(['signals[0].name']);
    expect(fields({ ...SIGNAL, weight: REPORT_LIMITS.signalWeight + 1 })).toEqual(['signals[0].weight']);
    expect(fields({ ...SIGNAL, weight: Number.POSITIVE_INFINITY })).toEqual(['signals[0].weight']);
    expect(fields({ ...SIGNAL, weight: '60' })).toEqual(['signals[0].weight']);
    expect(fields({ ...SIGNAL, category: 'crypto' })).toEqual(['signals[0].category']);
    expect(fields({ ...SIGNAL, weight: -REPORT_LIMITS.signalWeight, category: 'phishing' })).toEqual([]);
  });
});
