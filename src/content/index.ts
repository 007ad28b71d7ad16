// The content script: asks the background for this page's verdict (the background takes the URL
// from the sender, never from us), shows the banner for suspicious pages and re-checks when a
// single-page app changes the address. It holds no lists and no domain parser: it stays tiny.
import { send, type PageVerdict } from '../shared/protocol.ts';
import { showBanner, type Banner } from './banner.ts';
import { watchAddress } from './url-watch.ts';

const startedAt = performance.now();
let banner: Banner | null = null;

function dismissBanner(): void {
  banner?.remove();
  banner = null;
  void send('banner.dismiss', {}).catch(() => undefined);
}

function applyVerdict(verdict: PageVerdict): void {
  if (verdict.verdict === 'dangerous') {
    // The background is sending this tab to the warning page: load nothing more meanwhile.
    window.stop();
    return;
  }
  if (!verdict.shouldShowBanner) {
    banner?.remove();
    banner = null;
    return;
  }
  if (banner) return banner.update(verdict.reasons);
  banner = showBanner({ reasons: verdict.reasons, onDismiss: dismissBanner });
  // Only on pages that show the banner (which the page can see anyway): how long it took.
  performance.measure('scam-warner:banner', { start: startedAt, end: performance.now() });
}

async function checkPage(): Promise<void> {
  try {
    applyVerdict(await send('verdict.get', {}));
  } catch {
    // The extension was reloaded or updated under this page: the next page load checks again.
  }
}

void checkPage();
watchAddress(() => void checkPage());
