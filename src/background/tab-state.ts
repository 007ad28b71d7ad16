// What the background knows about each tab beyond its URL: the page scanner's result for the page
// it shows. It lives in storage.session (kept across service-worker restarts, cleared with the
// browser session) and counts only while the tab still shows that same URL. A copy in memory saves
// the storage round trip on the path to a banner; a new worker starts with it empty and reads storage.
import browser from 'webextension-polyfill';
import type { ScanResult } from '../core/types.ts';

interface PageEvidence {
  url: string;
  result: ScanResult;
}

const KEY_PREFIX = 'page:';
const keyOf = (tabId: number) => `${KEY_PREFIX}${tabId}`;
const known = new Map<number, PageEvidence | null>();

export async function readPageEvidence(tabId: number, url: string): Promise<ScanResult | null> {
  let evidence = known.get(tabId);
  if (evidence === undefined) {
    const stored = ((await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)] as PageEvidence | undefined) ?? null;
    // A scan written while storage answered is newer than what storage held: a new tab's commit
    // and its first scan arrive together, and the scan must not be lost (the banner waited 1.5 s).
    evidence = known.get(tabId) ?? stored;
    known.set(tabId, evidence);
  }
  return evidence?.url === url ? evidence.result : null;
}

/** Only what this worker already holds: for a page that has just started, which has no scan of its own yet. */
export function peekPageEvidence(tabId: number, url: string): ScanResult | null {
  const evidence = known.get(tabId);
  return evidence?.url === url ? evidence.result : null;
}

export async function writePageEvidence(tabId: number, url: string, result: ScanResult): Promise<void> {
  known.set(tabId, { url, result });
  await browser.storage.session.set({ [keyOf(tabId)]: { url, result } satisfies PageEvidence });
}

/** The tab is gone. */
export async function forgetPageEvidence(tabId: number): Promise<void> {
  known.delete(tabId);
  await browser.storage.session.remove(keyOf(tabId));
}

/** Every tab's evidence: it was weighed under a sensitivity the user has since changed. */
export async function forgetAllPageEvidence(): Promise<void> {
  known.clear();
  const stored = await browser.storage.session.get(null);
  await browser.storage.session.remove(Object.keys(stored).filter((key) => key.startsWith(KEY_PREFIX)));
}
