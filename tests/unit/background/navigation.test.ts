// What the background stops on navigation itself, what it leaves to the browser's redirect rules,
// and the banner verdict it pushes to a page it flags as the page commits.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { queueRuleWork } from '../../../src/background/engine.ts';
import { checkNavigation, onNavigationCommitted } from '../../../src/background/navigation.ts';
import { isVerdictPush } from '../../../src/shared/protocol.ts';
import { removeFakeChrome } from '../shared/support/fake-chrome.ts';
import { contentSender, openTab, startTestBackground, WARNING_PAGE, type TestBackground } from './support/background.ts';

let background: TestBackground;

beforeEach(() => {
  background = startTestBackground();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  removeFakeChrome();
});

/** The URL the tab shows after the navigation to `url` (started at `startedAt`, or now) was checked. */
async function navigate(url: string, startedAt?: number): Promise<string | undefined> {
  const tabId = await openTab(url);
  await checkNavigation(background.services, { tabId, frameId: 0, url, ...(startedAt === undefined ? {} : { timeStamp: startedAt }) });
  return (await fakeBrowser.tabs.get(tabId)).url;
}

/** The engine, once the first install's rules are written (the worker writes them after it answers). */
async function settledEngine() {
  const engine = await background.services.getEngine();
  await queueRuleWork(async () => undefined);
  return engine;
}

describe('a top-level navigation', () => {
  it('to a listed domain is left to its redirect rule', async () => {
    await settledEngine();
    expect(await navigate('http://www.evil-scam.test/login')).toBe('http://www.evil-scam.test/login');
  });

  it("to a listed domain is sent to the warning page when it started before the first install's rules were written", async () => {
    const { baseRulesSince } = await settledEngine();
    const url = 'http://www.evil-scam.test/login';
    expect(await navigate(url, baseRulesSince - 1000)).toBe(`${WARNING_PAGE}#${url}`);
    expect(await navigate(url, baseRulesSince)).toBe(url);
  });

  it('to a listed URL prefix, which no rule expresses, is sent to the warning page', async () => {
    const url = 'http://free-sites.test/view/prize/claim';
    expect(await navigate(url)).toBe(`${WARNING_PAGE}#${url}`);
  });

  it("under a host the maintainers allow in a listed domain is sent to the warning page: the allow rule covers the host's subdomains, the list only the host", async () => {
    const url = 'http://deeper.good.evil-scam.test/';
    expect(await navigate(url)).toBe(`${WARNING_PAGE}#${url}`);
    expect(await navigate('http://good.evil-scam.test/')).toBe('http://good.evil-scam.test/');
  });

  it('in a frame, or to a page that is not on the web, is not checked', async () => {
    const tabId = await openTab('http://free-sites.test/view/prize/x');
    await checkNavigation(background.services, { tabId, frameId: 3, url: 'http://free-sites.test/view/prize/x' });
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe('http://free-sites.test/view/prize/x');
    await expect(checkNavigation(background.services, { tabId, frameId: 0, url: 'chrome://settings' })).resolves.toBeUndefined();
  });
});

describe('a committed page the background flags', () => {
  async function commit(url: string, documentId?: string): Promise<unknown[][]> {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const tabId = await openTab(url);
    await onNavigationCommitted(background.services, { tabId, frameId: 0, url, ...(documentId === undefined ? {} : { documentId }) });
    return sent.mock.calls.map(([, message, options]) => [message, options]);
  }

  it('gets its banner verdict pushed to that very document, ahead of its own request', async () => {
    const [call, ...rest] = await commit('http://paypal.com.verify-account.test/', 'doc-1');
    expect(rest).toEqual([]);
    expect(call?.[1]).toEqual({ frameId: 0, documentId: 'doc-1' });
    expect(isVerdictPush(call?.[0])).toBe(true);
    expect(call?.[0]).toMatchObject({ verdict: { verdict: 'suspicious', shouldShowBanner: true, isStopping: false } });
  });

  it('gets the push before the toolbar is touched: the browser handles the worker\'s calls in order, and the page waits', async () => {
    const order: string[] = [];
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(async () => void order.push('badge'));
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => void order.push('push'));
    const url = 'http://paypal.com.verify-account.test/';
    await onNavigationCommitted(background.services, { tabId: await openTab(url), frameId: 0, url, documentId: 'doc-4' });
    expect(order).toEqual(['push', 'badge']);
  });

  it('gets nothing pushed when the user dismissed its banner, when it is honest, or when the document is not named', async () => {
    const url = 'http://paypal.com.verify-account.test/';
    await background.route({ name: 'banner.dismiss', request: {} }, contentSender(await openTab(url), url));
    expect(await commit(url, 'doc-2')).toEqual([]);
    expect(await commit('http://honest-shop.test/', 'doc-3')).toEqual([]);
    expect(await commit('http://paypal.com.verify-account2.test/')).toEqual([]);
  });
});
