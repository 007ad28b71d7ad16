// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showBanner as showRealBanner, type Banner, type BannerOptions } from '../../../src/content/banner.ts';
import { BANNER_CSS } from '../../../src/content/banner-style.ts';
import { getPageAddress } from '../../../src/content/url-watch.ts';
import type { Reason } from '../../../src/core/types.ts';
import { installFakeChrome, removeFakeChrome } from '../shared/support/fake-chrome.ts';

const REASONS: Reason[] = [{ kind: 'lookalike-embedding', brand: 'PayPal', brandDomain: 'paypal.com', weight: 0.85 }];
let roots: ShadowRoot[];
let shown: Banner[] = [];

/** Every banner a test shows is removed after it: a banner left behind would keep restoring itself. */
function showBanner(options: BannerOptions): Banner {
  const banner = showRealBanner(options);
  shown.push(banner);
  return banner;
}

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body><p>page</p></body>';
  roots = [];
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
});

afterEach(() => {
  for (const banner of shown) banner.remove();
  shown = [];
  vi.restoreAllMocks();
  removeFakeChrome();
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the banner', () => {
  it('shows its title, the reasons in words and a dismiss button, in a closed shadow root', () => {
    installFakeChrome('en');
    showBanner({ reasons: REASONS, onDismiss: () => undefined });
    const host = document.querySelector('scam-warner-banner') as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    expect(HTMLElement.prototype.attachShadow).toHaveBeenCalledWith({ mode: 'closed' });
    const root = roots[0];
    expect(root?.querySelector('h2')?.textContent).toBe('Scam Warner: this page may be a scam');
    expect(root?.querySelector('li')?.textContent).toBe('The address contains paypal.com (PayPal) but belongs to someone else.');
    expect(root?.querySelector('button')?.textContent).toBe('Dismiss for this site');
    expect(root?.querySelector('[role="alert"]')).not.toBeNull();
    expect(host.dir).toBe('ltr');
  });

  it('takes the UI language and direction on its host', () => {
    installFakeChrome('ar');
    showBanner({ reasons: REASONS, onDismiss: () => undefined });
    const host = document.querySelector('scam-warner-banner') as HTMLElement;
    expect({ dir: host.dir, lang: host.lang }).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(roots[0]?.querySelector('button')?.textContent).toBe('تجاهل لهذا الموقع');
  });

  it('comes back when the page removes it or strips its language, and goes when the extension removes it', async () => {
    installFakeChrome('en');
    const banner = showBanner({ reasons: REASONS, onDismiss: () => undefined });
    document.querySelector('scam-warner-banner')?.remove();
    await flush();
    const host = document.querySelector('scam-warner-banner') as HTMLElement;
    expect(host).not.toBeNull();
    host.removeAttribute('dir');
    await flush();
    expect(host.dir).toBe('ltr');
    banner.remove();
    await flush();
    expect(document.querySelector('scam-warner-banner')).toBeNull();
  });

  it('outlasts a page that removes it each time it comes back, without the two looping at full speed', async () => {
    installFakeChrome('en');
    showBanner({ reasons: REASONS, onDismiss: () => undefined });
    let removals = 0;
    const page = new MutationObserver(() => {
      const host = document.querySelector('scam-warner-banner');
      if (host !== null && removals < 10_000) {
        removals++;
        host.remove();
      }
    });
    page.observe(document.documentElement, { childList: true });
    document.querySelector('scam-warner-banner')?.remove();
    await flush();
    expect(removals).toBeGreaterThan(10);
    expect(removals).toBeLessThanOrEqual(51);
    page.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(document.querySelector('scam-warner-banner')).not.toBeNull();
  });

  it('ignores clicks a script dispatches', () => {
    installFakeChrome('en');
    const onDismiss = vi.fn();
    showBanner({ reasons: REASONS, onDismiss });
    roots[0]?.querySelector('button')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    (roots[0]?.querySelector('button') as HTMLButtonElement).click();
    expect(onDismiss).not.toHaveBeenCalled();
  });

  it('updates its reasons in place', () => {
    installFakeChrome('en');
    const banner = showBanner({ reasons: REASONS, onDismiss: () => undefined });
    banner.update([...REASONS, { kind: 'signal', signal: 'asks-password', category: 'phishing', weight: 2 }]);
    expect(roots[0]?.querySelectorAll('li')).toHaveLength(2);
  });

  it('wins over the page for display and position with important host rules', () => {
    for (const rule of ['all: initial !important', 'display: block !important', 'position: fixed !important', 'z-index: 2147483647 !important']) {
      expect(BANNER_CSS).toContain(rule);
    }
  });
});

describe('getPageAddress', () => {
  it('ignores the fragment, which does not change a verdict', () => {
    expect(getPageAddress('https://a.test/x?y=1#top')).toBe('https://a.test/x?y=1');
    expect(getPageAddress('https://a.test/')).toBe('https://a.test/');
  });
});
