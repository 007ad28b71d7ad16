import { describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { forgetPageEvidence, peekPageEvidence, readPageEvidence, writePageEvidence } from '../../../src/background/tab-state.ts';
import type { ScanResult } from '../../../src/core/types.ts';

const URL_A = 'http://pc-health-alerts.test/tech-support';
const RESULT: ScanResult = { verdict: 'suspicious', category: 'tech-support', reasons: [], scores: { 'tech-support': 9 }, signals: [] };

describe('page evidence of a tab', () => {
  it('counts only for the URL it was read from, and is gone with the tab', async () => {
    await writePageEvidence(11, URL_A, RESULT);
    expect(await readPageEvidence(11, URL_A)).toEqual(RESULT);
    expect(await readPageEvidence(11, `${URL_A}?other`)).toBeNull();
    await forgetPageEvidence(11);
    expect(await readPageEvidence(11, URL_A)).toBeNull();
  });

  it('keeps a scan written while a read of the same tab waits for storage (a new tab: commit and first scan at once)', async () => {
    const reading = readPageEvidence(12, URL_A);
    await writePageEvidence(12, URL_A, RESULT);
    await reading;
    expect(peekPageEvidence(12, URL_A)).toEqual(RESULT);
    expect(await readPageEvidence(12, URL_A)).toEqual(RESULT);
  });

  it('reads what an earlier worker life stored', async () => {
    await fakeBrowser.storage.session.set({ 'page:13': { url: URL_A, result: RESULT } });
    expect(peekPageEvidence(13, URL_A)).toBeNull();
    expect(await readPageEvidence(13, URL_A)).toEqual(RESULT);
  });
});
