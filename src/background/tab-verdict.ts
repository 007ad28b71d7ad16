// The verdict of what a tab shows, kept consistent however events arrive: always recomputed from
// the URL plus the page evidence stored for that same URL, then shown on the badge.
import browser from 'webextension-polyfill';
import type { Verdict } from '../core/types.ts';
import { buildWarningUrl, readStoppedUrl } from '../shared/warning-url.ts';
import { showBadge } from './badge.ts';
import { checkUrlNow, getHost } from './checker.ts';
import { hasProceeded } from './proceed.ts';
import type { Services } from './services.ts';
import { peekPageEvidence, readPageEvidence } from './tab-state.ts';

/**
 * `isPageStart`: the page has just started and has no scan of its own yet, so the stored evidence is
 * not read: the answer goes out in the same turn, before the page's own scan can delay it.
 */
export async function computeTabVerdict(services: Services, tabId: number, url: string, isPageStart = false): Promise<Verdict> {
  const engine = await services.getEngine();
  const evidence = isPageStart ? peekPageEvidence(tabId, url) : await readPageEvidence(tabId, url);
  return checkUrlNow(url, engine, evidence);
}

/** The verdict, also shown on the badge. */
export async function refreshTabVerdict(services: Services, tabId: number, url: string, isPageStart = false): Promise<Verdict> {
  const verdict = await computeTabVerdict(services, tabId, url, isPageStart);
  // Not awaited: the page waits for the verdict to show its banner, not for the toolbar.
  void showBadge(tabId, verdict.verdict);
  return verdict;
}

/** The web page a tab is about: its URL, or for our warning page the URL it stopped. */
export function getDescribedUrl(services: Services, tabUrl: string | undefined): string | null {
  if (tabUrl === undefined) return null;
  const stopped = readStoppedUrl(tabUrl, services.extensionRoot);
  if (stopped !== null) return stopped;
  return getHost(tabUrl) === null ? null : tabUrl;
}

/** Sends the tab to the warning page, unless the user chose to proceed to this site in this tab. */
export async function stopInTab(services: Services, tabId: number, url: string): Promise<boolean> {
  const host = getHost(url);
  if (host === null || (await hasProceeded(tabId, host))) return false;
  await browser.tabs.update(tabId, { url: buildWarningUrl(services.extensionRoot, url) });
  return true;
}
