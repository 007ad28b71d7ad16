// What a content script learns about its page, from a verdict: whether the banner is due (a
// suspicious page on a site whose banner the user did not dismiss), and the early push of that
// verdict when such a page commits, so the banner need not wait for the page's own request.
import browser from 'webextension-polyfill';
import type { Verdict } from '../core/types.ts';
import type { PageVerdict, VerdictPush } from '../shared/protocol.ts';
import { getHost } from './checker.ts';
import type { Engine } from './engine.ts';
import { findCoveringSite } from './site-sets.ts';

export function isBannerDue(engine: Engine, url: string, verdict: Verdict): boolean {
  return verdict.verdict === 'suspicious' && findCoveringSite(engine.dismissals, getHost(url) ?? '') === undefined;
}

export function toPageVerdict(verdict: Verdict, flags: Pick<PageVerdict, 'shouldShowBanner' | 'isStopping' | 'shouldContain'>): PageVerdict {
  return { verdict: verdict.verdict, category: verdict.category, reasons: verdict.reasons, ...flags };
}

/**
 * Sends the banner's verdict to the document that just committed (by its id, so never to the page
 * before it). It may arrive before the content script listens: then its own request answers it.
 */
export async function pushBannerVerdict(tabId: number, documentId: string, verdict: Verdict): Promise<void> {
  const push: VerdictPush = { name: 'verdict.push', verdict: toPageVerdict(verdict, { shouldShowBanner: true, isStopping: false, shouldContain: false }) };
  const target = { frameId: 0, documentId } as { frameId: number };
  await browser.tabs.sendMessage(tabId, push, target).catch(() => undefined);
}
