// The real handler table behind the real router, over a real engine (fake-indexeddb, fake browser):
// who may ask what, and what each answer does to tabs, rules and storage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { emptyBehaviour } from '../../../src/core/scanner/index.ts';
import type { PageSnapshot } from '../../../src/core/types.ts';
import { USER_ALLOW_RULE_ID } from '../../../src/background/rules/rule-build.ts';
import { removeFakeChrome } from '../shared/support/fake-chrome.ts';
import { contentSender, openTab, pageSender, startTestBackground, WARNING_PAGE, type TestBackground } from './support/background.ts';

let background: TestBackground;

beforeEach(() => {
  background = startTestBackground();
});

afterEach(() => {
  vi.unstubAllGlobals();
  removeFakeChrome();
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

function scamSnapshot(url: string): PageSnapshot {
  return {
    url, title: 'Windows Defender Alert', lang: 'en', headings: ['Your computer has been blocked'], buttons: ['Call now'], forms: [], links: [], imageAlts: [],
    text: 'Your computer is infected with a virus. Do not turn off your computer, call Microsoft support at +1 202 555 0143 immediately. Download AnyDesk.',
    behaviour: emptyBehaviour(), truncated: false,
  };
}

describe('content script messages', () => {
  it('verdict.get judges the sender URL and sends a listed page to the warning page', async () => {
    const url = 'http://www.evil-scam.test/login';
    const tabId = await openTab(url);
    const reply = await background.route({ name: 'verdict.get', request: {} }, contentSender(tabId, url));
    expect(reply).toMatchObject({ ok: true, value: { verdict: 'dangerous', category: 'phishing', isStopping: true, shouldShowBanner: false } });
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe(`${WARNING_PAGE}#${url}`);
    await flush();
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('!');
  });

  it('verdict.get flags a lookalike for the banner, and banner.dismiss silences that site only', async () => {
    const url = 'http://paypal.com.verify-account.test/';
    const tabId = await openTab(url);
    const first = await background.route({ name: 'verdict.get', request: {} }, contentSender(tabId, url));
    expect(first).toMatchObject({ ok: true, value: { verdict: 'suspicious', shouldShowBanner: true, isStopping: false } });
    expect(await background.route({ name: 'banner.dismiss', request: {} }, contentSender(tabId, url))).toEqual({ ok: true, value: null });
    const again = await background.route({ name: 'verdict.get', request: {} }, contentSender(tabId, `${url}other`));
    expect(again).toMatchObject({ ok: true, value: { verdict: 'suspicious', shouldShowBanner: false } });
    const options = pageSender('src/options/index.html');
    expect(await background.route({ name: 'dismissals.get', request: {} }, options)).toMatchObject({ ok: true, value: [{ host: 'paypal.com.verify-account.test' }] });
    expect(await background.route({ name: 'dismissal.remove', request: { host: 'paypal.com.verify-account.test' } }, contentSender(tabId, url))).toMatchObject({ ok: false, error: 'not allowed' });
    expect(await background.route({ name: 'dismissal.remove', request: { host: 'paypal.com.verify-account.test' } }, options)).toEqual({ ok: true, value: [] });
    const warnedAgain = await background.route({ name: 'verdict.get', request: {} }, contentSender(tabId, url));
    expect(warnedAgain).toMatchObject({ ok: true, value: { verdict: 'suspicious', shouldShowBanner: true } });
  });

  it('page.scan adds the page evidence to the verdict of that tab and that URL only', async () => {
    const url = 'http://pc-health-alerts.test/alert';
    const tabId = await openTab(url);
    const reply = await background.route({ name: 'page.scan', request: { snapshot: scamSnapshot('http://claimed-url.test/') } }, contentSender(tabId, url));
    expect(reply).toMatchObject({ ok: true, value: { verdict: 'suspicious', category: 'tech-support', shouldShowBanner: true } });
    const reasons = reply.ok ? (reply.value as { reasons: { kind: string }[] }).reasons : [];
    expect(reasons.some((reason) => reason.kind === 'indicator')).toBe(true);
    const popup = await background.route({ name: 'tab.describe', request: { tabId } }, pageSender('src/popup/index.html'));
    expect(popup).toMatchObject({ ok: true, value: { url, verdict: { verdict: 'suspicious' } } });
    const elsewhere = await background.route({ name: 'verdict.get', request: {} }, contentSender(tabId, 'http://pc-health-alerts.test/next'));
    expect(elsewhere).toMatchObject({ ok: true, value: { verdict: 'unknown' } });
  });

  it('page.scan evidence weighed at one sensitivity does not outlive a change of it', async () => {
    const url = 'http://pc-health-alerts.test/borderline';
    const tabId = await openTab(url);
    const borderline = { ...scamSnapshot(url), title: 'Alert', headings: [], buttons: [], text: 'Your computer is infected. Call Microsoft support at +1 202 555 0199 immediately.' };
    const scan = () => background.route({ name: 'page.scan', request: { snapshot: borderline } }, contentSender(tabId, url));
    expect(await scan()).toMatchObject({ ok: true, value: { verdict: 'suspicious' } });
    const options = pageSender('src/options/index.html');
    expect(await background.route({ name: 'settings.set', request: { sensitivity: 'low' } }, options)).toMatchObject({ ok: true });
    expect(await background.route({ name: 'verdict.get', request: {} }, contentSender(tabId, url))).toMatchObject({ ok: true, value: { verdict: 'unknown' } });
    expect(await scan()).toMatchObject({ ok: true, value: { verdict: 'unknown', shouldShowBanner: false } });
    expect(await fakeBrowser.storage.session.get(`page:${tabId}`)).toMatchObject({ [`page:${tabId}`]: { url, result: { verdict: null } } });
  });

  it('page.scan contains scareware that locks the screen: the tab is muted and told to leave fullscreen', async () => {
    const url = 'http://pc-health-alerts.test/locked';
    const tabId = await openTab(url);
    // The fake browser keeps no muted state: watch what the background asks of the tab instead.
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const talking = await background.route({ name: 'page.scan', request: { snapshot: scamSnapshot(url) } }, contentSender(tabId, url));
    expect(talking).toMatchObject({ ok: true, value: { verdict: 'suspicious', shouldContain: false } });
    expect(update).not.toHaveBeenCalledWith(tabId, { muted: true });
    const locking = { ...scamSnapshot(url), behaviour: { ...emptyBehaviour(), fullscreen: 3, keyboardLock: 1, audioRestart: 4 } };
    const reply = await background.route({ name: 'page.scan', request: { snapshot: locking } }, contentSender(tabId, url));
    expect(reply).toMatchObject({ ok: true, value: { verdict: 'suspicious', category: 'tech-support', shouldContain: true } });
    expect(update).toHaveBeenCalledWith(tabId, { muted: true });
    update.mockRestore();
  });

  it('page.scan of the same page again may add evidence, never take it away (the page decides what a rescan reads)', async () => {
    const url = 'http://pc-health-alerts.test/two-faced';
    const tabId = await openTab(url);
    await background.route({ name: 'page.scan', request: { snapshot: scamSnapshot(url) } }, contentSender(tabId, url));
    const honestFace = { ...scamSnapshot(url), title: 'Garden club', headings: ['Spring planting'], buttons: [], text: 'Neighbours meet on Saturday to plant beans.' };
    const rescan = await background.route({ name: 'page.scan', request: { snapshot: honestFace } }, contentSender(tabId, url));
    expect(rescan).toMatchObject({ ok: true, value: { verdict: 'suspicious', category: 'tech-support', shouldShowBanner: true } });
    const next = 'http://pc-health-alerts.test/garden';
    const elsewhere = await background.route({ name: 'page.scan', request: { snapshot: honestFace } }, contentSender(tabId, next));
    expect(elsewhere).toMatchObject({ ok: true, value: { verdict: 'unknown', shouldShowBanner: false } });
  });

  it('page.scan refuses a malformed snapshot', async () => {
    const url = 'http://pc-health-alerts.test/';
    const tabId = await openTab(url);
    const reply = await background.route({ name: 'page.scan', request: { snapshot: { ...scamSnapshot(url), forms: 'none' } } }, contentSender(tabId, url));
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^bad request: /) });
  });

  it('a content script cannot trust a site, proceed, or ask about another tab', async () => {
    const url = 'http://evil-scam.test/';
    const tabId = await openTab(url);
    const sender = contentSender(tabId, url);
    for (const message of [
      { name: 'site.trust', request: { host: 'evil-scam.test' } },
      { name: 'warning.proceed', request: { url } },
      { name: 'tab.describe', request: { tabId: tabId + 1 } },
      { name: 'settings.set', request: { sensitivity: 'low' } },
    ]) {
      expect(await background.route(message, sender), message.name).toEqual({ ok: false, error: 'not allowed' });
    }
    expect(background.dnr.dynamic.has(USER_ALLOW_RULE_ID)).toBe(false);
  });
});

describe('extension page messages', () => {
  it('warning.describe explains the stopped URL; the popup describes a warning tab by the URL it stopped', async () => {
    const stopped = 'http://evil-scam.test/wallet';
    const tabId = await openTab(`${WARNING_PAGE}#${stopped}`);
    const describe = await background.route({ name: 'warning.describe', request: { url: stopped } }, pageSender(`src/warning/index.html#${stopped}`, tabId));
    expect(describe).toMatchObject({ ok: true, value: { verdict: 'dangerous', reasons: [{ kind: 'blocklist', entry: 'evil-scam.test', source: 'test list', added: '2025-02-01' }] } });
    const popup = await background.route({ name: 'tab.describe', request: { tabId } }, pageSender('src/popup/index.html'));
    expect(popup).toMatchObject({ ok: true, value: { url: stopped, host: 'evil-scam.test', isTrusted: false, list: { version: 7, origin: 'seed', entryCount: 4 } } });
  });

  it('warning.proceed allows the site in the warning page tab only', async () => {
    const url = 'http://evil-scam.test/';
    const tabId = await openTab(`${WARNING_PAGE}#${url}`);
    const otherTab = await openTab('http://other.test/');
    expect(await background.route({ name: 'warning.proceed', request: { url } }, pageSender(`src/warning/index.html#${url}`, tabId))).toEqual({ ok: true, value: null });
    const proceeded = await background.route({ name: 'verdict.get', request: {} }, contentSender(tabId, url));
    expect(proceeded).toMatchObject({ ok: true, value: { verdict: 'dangerous', isStopping: false } });
    const other = await background.route({ name: 'verdict.get', request: {} }, contentSender(otherTab, url));
    expect(other).toMatchObject({ ok: true, value: { isStopping: true } });
    expect(await background.route({ name: 'warning.proceed', request: { url } }, pageSender('src/popup/index.html'))).toMatchObject({ ok: false });
  });

  it('site.trust makes a listed site safe everywhere, through storage and an allow rule; site.untrust takes it back', async () => {
    const popup = pageSender('src/popup/index.html');
    const trusted = await background.route({ name: 'site.trust', request: { host: 'evil-scam.test' } }, popup);
    expect(trusted).toMatchObject({ ok: true, value: [{ host: 'evil-scam.test' }] });
    expect(background.dnr.dynamic.get(USER_ALLOW_RULE_ID)?.condition.requestDomains).toEqual(['evil-scam.test']);
    const tabId = await openTab('http://shop.evil-scam.test/');
    expect(await background.route({ name: 'verdict.get', request: {} }, contentSender(tabId, 'http://shop.evil-scam.test/'))).toMatchObject({ ok: true, value: { verdict: 'safe' } });
    await background.route({ name: 'site.untrust', request: { host: 'evil-scam.test' } }, popup);
    expect(background.dnr.dynamic.has(USER_ALLOW_RULE_ID)).toBe(false);
    expect(await background.route({ name: 'allowlist.get', request: {} }, popup)).toEqual({ ok: true, value: [] });
  });

  it('settings.set keeps valid changes and refuses the rest', async () => {
    const options = pageSender('src/options/index.html');
    expect(await background.route({ name: 'settings.set', request: { sensitivity: 'high' } }, options)).toMatchObject({ ok: true, value: { sensitivity: 'high', isAutoUpdateOn: true } });
    expect(await background.route({ name: 'settings.set', request: { feedUrl: 'http://mirror.example/feed.json' } }, options)).toMatchObject({ ok: false });
    expect(await background.route({ name: 'settings.get', request: {} }, options)).toMatchObject({ ok: true, value: { sensitivity: 'high', feedUrl: null } });
  });
});

describe('a new worker life', () => {
  it('loads the stored list (no second seed install) and still knows the user choices', async () => {
    await background.route({ name: 'site.trust', request: { host: 'fake-shop.test' } }, pageSender('src/popup/index.html'));
    expect(background.seedFetches()).toBe(1);
    const restarted = background.restart();
    const tabId = await openTab('http://fake-shop.test/');
    expect(await restarted.route({ name: 'verdict.get', request: {} }, contentSender(tabId, 'http://fake-shop.test/'))).toMatchObject({ ok: true, value: { verdict: 'safe' } });
    expect(await restarted.route({ name: 'list.status', request: {} }, pageSender('src/options/index.html'))).toMatchObject({ ok: true, value: { version: 7, entryCount: 4 } });
    expect(restarted.seedFetches()).toBe(0);
  });
});
