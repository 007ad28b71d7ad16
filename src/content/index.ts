// The content script: asks the background for this page's verdict at once (the background takes
// the URL from the sender, never from us; for a page it flags it also pushes the verdict as the page
// commits, which often comes first), then sends what the page shows for the scanner, shows
// the banner for suspicious pages, reads the page again when it grows or acts like scareware, and
// checks again when a single-page app changes the address.
// It holds no lists, lexicons or domain parser: it stays tiny.
import { getExtensionApi } from '../shared/ext.ts';
import { isVerdictPush, send, type PageVerdict } from '../shared/protocol.ts';
import { showBanner, type Banner } from './banner.ts';
import { watchGrowth } from './dom-growth.ts';
import { listenToBehaviour, readPage, whenParsed } from './page-reader.ts';
import { watchAddress } from './url-watch.ts';

const startedAt = performance.now();
/** Scans after the first, per address: enough for late content, bounded for pages that never settle. */
const MAX_RESCANS = 3;
const RESCAN_DELAY_MS = 1500;
let banner: Banner | null = null;
let isLeaving = false;
let rescans = 0;
let rescanTimer: ReturnType<typeof setTimeout> | undefined;
let isContained = false;
let isGuardingScreen = false;
/** An answer to one of our requests came: a push (a head start at commit) has nothing newer to say. */
let hasAnswer = false;

function dismissBanner(): void {
  banner?.remove();
  banner = null;
  void send('banner.dismiss', {}).catch(() => undefined);
}

function applyVerdict(verdict: PageVerdict, source: 'answer' | 'push' = 'answer'): void {
  if (verdict.isStopping) {
    // The background is sending this tab to the warning page: load and scan nothing more meanwhile.
    isLeaving = true;
    window.stop();
    return;
  }
  if (!verdict.shouldShowBanner) {
    banner?.remove();
    banner = null;
    return;
  }
  // High-confidence scareware stays out of fullscreen for good (the background has muted the tab).
  if (verdict.shouldContain) isContained = true;
  keepOutOfFullscreen();
  if (banner) return banner.update(verdict.reasons);
  const buildStart = performance.now();
  banner = showBanner({ reasons: verdict.reasons, onDismiss: dismissBanner });
  // Only on pages that show the banner (which the page can see anyway): how long it took, and how
  // much of that was building it (the rest is waiting for the background's answer).
  const shownAt = performance.now();
  performance.measure('scam-warner:banner', { start: startedAt, end: shownAt, detail: source });
  performance.measure('scam-warner:banner-build', { start: buildStart, end: shownAt });
}

/**
 * Out of fullscreen now and whenever the page goes back in, while the banner is up or the page is
 * contained scareware: an element the page takes fullscreen would cover the banner (it sits above
 * the top layer's popovers). Dismissing the banner gives an honest page its fullscreen back.
 */
function keepOutOfFullscreen(): void {
  if (isGuardingScreen) return;
  isGuardingScreen = true;
  const leave = () => {
    if (document.fullscreenElement && (banner !== null || isContained)) document.exitFullscreen().catch(() => undefined);
  };
  leave();
  document.addEventListener('fullscreenchange', leave);
}

function ask(request: Promise<PageVerdict>): void {
  // A failure means the extension was reloaded under this page: the next load checks again.
  request.then((verdict) => {
    hasAnswer = true;
    applyVerdict(verdict);
  }, () => undefined);
}

function scanPage(): void {
  if (!isLeaving) ask(send('page.scan', { snapshot: readPage() }));
}

function canRescan(): boolean {
  return !isLeaving && rescans < MAX_RESCANS;
}

/** Scans again a little later (late content, scareware behaviour), a bounded number of times. */
function scheduleRescan(): void {
  if (!canRescan() || rescanTimer !== undefined) return;
  rescanTimer = setTimeout(() => {
    rescanTimer = undefined;
    rescans++;
    scanPage();
  }, RESCAN_DELAY_MS);
}

// Only the extension can message a content script (pages and other extensions cannot).
getExtensionApi().runtime.onMessage.addListener((message: unknown) => {
  if (!hasAnswer && isVerdictPush(message)) applyVerdict(message.verdict, 'push');
});
ask(send('verdict.get', {}));
// Read once when parsed; again only when the page grows or acts like scareware (not on a timer:
// most pages never change enough to need a second reading).
whenParsed(() => {
  scanPage();
  watchGrowth(scheduleRescan, canRescan);
});
listenToBehaviour(scheduleRescan);
watchAddress(() => {
  rescans = 0;
  ask(send('verdict.get', {}));
  scheduleRescan();
});
