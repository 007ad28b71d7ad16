// Top-level navigations, seen by webNavigation: entries the DNR rules cannot express (exact hosts,
// URL prefixes, a listed domain's subdomains under an allowed host), and domains whose rule the
// browser did not hold yet when the navigation started, are stopped here, before the page commits;
// every commit refreshes the badge.
import browser from 'webextension-polyfill';
import type { EntryKind } from '../core/types.ts';
import { isHostWithin } from '../core/verdict.ts';
import { readStoppedUrl } from '../shared/warning-url.ts';
import { checkUrlNow, getHost } from './checker.ts';
import { forgetBadge, showBadge } from './badge.ts';
import { EMPTY_OVERLAY, isAddedByOverlay } from './rules/overlay.ts';
import type { Engine } from './engine.ts';
import { isBannerDue, pushBannerVerdict } from './page-verdict.ts';
import type { Services } from './services.ts';
import { computeTabVerdict, stopInTab } from './tab-verdict.ts';

interface NavigationDetails {
  tabId: number;
  frameId: number;
  url: string;
  /** The committed document (Chromium 106+). */
  documentId?: string;
  /** When the navigation started, in ms since the epoch. */
  timeStamp?: number;
}

/**
 * A listed domain's own DNR rule redirects the request itself, except under a maintainers' allow
 * entry for one host (the browser's allow rule covers that host's subdomains too, the list does not),
 * and except when the navigation started before the browser held that rule: a first install's or a
 * complete list's base while it is written, a domain listed since the base just after a browser
 * start or while an update's overlay is written.
 */
function isLeftToRules(engine: Engine, host: string, entry: string, entryKind: EntryKind, startedAt: number): boolean {
  if (entryKind !== 'domain' || engine.list.allowDomains.some((allowed) => isHostWithin(host, allowed))) return false;
  if (startedAt < engine.baseRulesSince) return false;
  return startedAt >= engine.overlayRulesSince || !isAddedByOverlay(engine.list.overlay ?? EMPTY_OVERLAY, entry);
}

export async function checkNavigation(services: Services, details: NavigationDetails): Promise<void> {
  const host = getHost(details.url);
  if (details.frameId !== 0 || details.tabId < 0 || host === null) return;
  const engine = await services.getEngine();
  const verdict = checkUrlNow(details.url, engine);
  const reason = verdict.reasons[0];
  if (verdict.verdict === 'dangerous' && reason?.kind === 'blocklist' && !isLeftToRules(engine, host, reason.entry, reason.entryKind, details.timeStamp ?? Date.now())) {
    await stopInTab(services, details.tabId, details.url);
  }
}

/**
 * With `use_dynamic_url` (so pages cannot detect the extension by loading its warning page),
 * Chromium refuses the DNR redirect of a navigation the browser itself starts (a typed address, a
 * bookmark): nothing reaches the site, but the tab shows an error page for the warning page's
 * address. The extension may open its own page itself, so it does.
 */
export async function recoverBlockedNavigation(services: Services, details: NavigationDetails & { error?: string }): Promise<void> {
  if (details.frameId !== 0 || details.tabId < 0 || !(details.error ?? '').includes('ERR_BLOCKED_BY_CLIENT')) return;
  if (readStoppedUrl(details.url, services.extensionRoot) === null) return;
  await browser.tabs.update(details.tabId, { url: details.url });
}

export async function onNavigationCommitted(services: Services, details: NavigationDetails): Promise<void> {
  // Page evidence is kept: it only counts for its own URL, and a page of another URL brings its own
  // (the same URL loaded again can only add to it: page-scan.ts).
  if (details.frameId !== 0 || details.tabId < 0) return;
  forgetBadge(details.tabId);
  if (getHost(details.url) === null) {
    // Our own pages (the warning page sets its badge itself) and browser pages.
    if (!details.url.startsWith(services.extensionRoot)) await showBadge(details.tabId, null);
    return;
  }
  const verdict = await computeTabVerdict(services, details.tabId, details.url);
  // The push goes first: the browser handles the worker's calls in order, and the page is waiting.
  const { documentId } = details;
  const isDue = documentId !== undefined && isBannerDue(await services.getEngine(), details.url, verdict);
  const pushed = isDue ? pushBannerVerdict(details.tabId, documentId, verdict) : undefined;
  await showBadge(details.tabId, verdict.verdict);
  await pushed;
}

export function listenToNavigation(services: Services): void {
  const report = (error: unknown) => console.error('Scam Warner: navigation check failed', error);
  browser.webNavigation.onBeforeNavigate.addListener((details) => void checkNavigation(services, details).catch(report));
  browser.webNavigation.onCommitted.addListener((details) => void onNavigationCommitted(services, details).catch(report));
  browser.webNavigation.onErrorOccurred.addListener((details) => void recoverBlockedNavigation(services, details).catch(report));
  // A single-page app changing its address: a listed URL prefix may start here.
  browser.webNavigation.onHistoryStateUpdated.addListener((details) => void checkNavigation(services, details).catch(report));
}
