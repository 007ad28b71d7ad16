import { describe, expect, it } from 'vitest';
import { shouldContainScareware } from '../../../../src/core/scanner/containment.ts';
import type { ScanResult, ScanSignal } from '../../../../src/core/types.ts';

const signal = (id: string, kind: ScanSignal['kind'], weight: number): ScanSignal => ({ id, kind, category: kind === 'behaviour' ? null : 'tech-support', weight, evidence: id });
const scareware: ScanResult = {
  signals: [signal('behaviour_fullscreen', 'behaviour', 1.5), signal('ask_call_number', 'ask', 3), signal('pressure_virus', 'pressure', 2.5)],
  scores: { 'tech-support': 7 },
  category: 'tech-support',
  verdict: 'suspicious',
  reasons: [],
};

describe('shouldContainScareware', () => {
  it('contains a tech-support page that locks the screen and scores at the strictest threshold', () => {
    expect(shouldContainScareware(scareware)).toBe(true);
  });

  it('leaves pages alone that only talk, score lower, are another scam, or are not suspicious', () => {
    expect(shouldContainScareware({ ...scareware, signals: scareware.signals.slice(1) })).toBe(false);
    expect(shouldContainScareware({ ...scareware, scores: { 'tech-support': 5.5 } })).toBe(false);
    expect(shouldContainScareware({ ...scareware, category: 'phishing' })).toBe(false);
    expect(shouldContainScareware({ ...scareware, verdict: null })).toBe(false);
  });
});
