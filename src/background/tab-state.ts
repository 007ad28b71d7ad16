// What the background knows about each tab beyond its URL: the page scanner's result for the page
// it shows. It lives in storage.session (kept across service-worker restarts, cleared with the
// browser session) and counts only while the tab still shows that same URL.
import browser from 'webextension-polyfill';
import type { ScanResult } from '../core/types.ts';

interface PageEvidence {
  url: string;
  result: ScanResult;
}

const keyOf = (tabId: number) => `page:${tabId}`;

export async function readPageEvidence(tabId: number, url: string): Promise<ScanResult | null> {
  const stored = (await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)] as PageEvidence | undefined;
  return stored?.url === url ? stored.result : null;
}

export async function writePageEvidence(tabId: number, url: string, result: ScanResult): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: { url, result } satisfies PageEvidence });
}

export async function forgetPageEvidence(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}
