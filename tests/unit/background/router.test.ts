import { describe, expect, it } from 'vitest';
import { createRouter, identifyCaller, type Caller, type HandlerSpec, type HandlerTable, type Sender } from '../../../src/background/router.ts';
import { validateEmpty, validateHostRequest, validateTabRequest, validateUrlRequest } from '../../../src/background/validate.ts';
import type { MessageName } from '../../../src/shared/protocol.ts';

const IDENTITY = { runtimeId: 'ext-id', extensionOrigins: ['chrome-extension://ext-id', 'chrome-extension://dynamic-id'] };
const TIERS: Record<MessageName, HandlerSpec<MessageName>['tier']> = {
  'verdict.get': 'content-top',
  'page.scan': 'content-top',
  'banner.dismiss': 'content-top',
  'warning.describe': 'extension',
  'warning.proceed': 'extension',
  'tab.describe': 'extension',
  'site.trust': 'extension',
  'site.untrust': 'extension',
  'allowlist.get': 'extension',
  'dismissals.get': 'extension',
  'dismissal.remove': 'extension',
  'settings.get': 'extension',
  'settings.set': 'extension',
  'list.status': 'extension',
  'sync.now': 'extension',
  'report.draft': 'extension',
  'report.submit': 'extension',
  'report.list': 'extension',
  'banner.mistake': 'content-top',
};
const VALIDATORS: Partial<Record<MessageName, (value: unknown) => unknown>> = {
  'warning.describe': validateUrlRequest,
  'warning.proceed': validateUrlRequest,
  'tab.describe': validateTabRequest,
  'site.trust': validateHostRequest,
  'dismissal.remove': validateHostRequest,
};

/** A table whose handlers echo who called them with what, so the tests see what got through. */
function createEchoTable(): HandlerTable {
  const entries = Object.entries(TIERS).map(([name, tier]) => [
    name,
    { tier, validate: VALIDATORS[name as MessageName] ?? validateEmpty, handle: async (request: unknown, caller: Caller) => ({ request, caller }) },
  ]);
  return Object.fromEntries(entries) as unknown as HandlerTable;
}

const route = createRouter(createEchoTable(), IDENTITY);
const contentScript = (tabId: number, url: string, frameId = 0): Sender => ({ id: 'ext-id', url, origin: new URL(url).origin, frameId, tab: { id: tabId } });
const popup: Sender = { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html', origin: 'chrome-extension://ext-id' };
const warningTab: Sender = { id: 'ext-id', url: 'chrome-extension://ext-id/src/warning/index.html#http://evil.test/', origin: 'chrome-extension://ext-id', frameId: 0, tab: { id: 9 } };

describe('router trust tiers', () => {
  it('scopes a content script to its own tab and URL, whatever the payload says', async () => {
    const reply = await route({ name: 'verdict.get', request: {} }, contentScript(5, 'https://shop.test/cart'));
    expect(reply).toEqual({ ok: true, value: { request: {}, caller: { kind: 'content', tabId: 5, frameId: 0, url: 'https://shop.test/cart' } } });
    const smuggled = await route({ name: 'verdict.get', request: { url: 'https://other.test/', tabId: 6 } }, contentScript(5, 'https://shop.test/'));
    expect(smuggled).toEqual({ ok: false, error: 'bad request: unexpected field "url"' });
  });

  it('answers only the top frame for page verdicts', async () => {
    expect(await route({ name: 'verdict.get', request: {} }, contentScript(5, 'https://ads.test/', 3))).toEqual({ ok: false, error: 'not allowed' });
  });

  it('refuses settings, allowlist and proceed from content scripts of any tab', async () => {
    for (const name of ['site.trust', 'warning.proceed', 'settings.set', 'tab.describe', 'allowlist.get'] as const) {
      const reply = await route({ name, request: { host: 'evil.test' } }, contentScript(5, 'https://evil.test/'));
      expect(reply, name).toEqual({ ok: false, error: 'not allowed' });
    }
  });

  it('refuses web pages, other extensions and senders without a tab posing as content scripts', async () => {
    const cases: Sender[] = [
      { id: 'other-ext', url: 'https://shop.test/', frameId: 0, tab: { id: 5 } },
      { id: 'ext-id', url: 'https://shop.test/', frameId: 0 },
      { id: 'ext-id', url: 'file:///etc/passwd', frameId: 0, tab: { id: 5 } },
      { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html', origin: 'https://shop.test' },
      {},
    ];
    for (const sender of cases) expect(await route({ name: 'verdict.get', request: {} }, sender)).toEqual({ ok: false, error: 'not allowed' });
    expect(await route({ name: 'site.trust', request: { host: 'a.test' } }, cases[0] ?? {})).toEqual({ ok: false, error: 'not allowed' });
  });

  it('refuses an extension page framed by another page (the web-accessible warning page)', async () => {
    const framed: Sender = { ...warningTab, frameId: 4 };
    for (const name of ['warning.proceed', 'site.trust', 'warning.describe'] as const) {
      const request = name === 'site.trust' ? { host: 'evil.test' } : { url: 'http://evil.test/' };
      expect(await route({ name, request }, framed), name).toEqual({ ok: false, error: 'not allowed' });
    }
  });

  it('lets extension pages, in a tab or not, change settings and proceed', async () => {
    const reply = await route({ name: 'warning.proceed', request: { url: 'http://evil.test/' } }, warningTab);
    expect(reply).toMatchObject({ ok: true, value: { caller: { kind: 'extension', tabId: 9 } } });
    expect(await route({ name: 'site.trust', request: { host: 'a.test' } }, popup)).toMatchObject({ ok: true });
    const dynamicPage = { ...popup, url: 'chrome-extension://dynamic-id/src/warning/index.html', origin: 'chrome-extension://dynamic-id' };
    expect(await route({ name: 'allowlist.get', request: {} }, dynamicPage)).toMatchObject({ ok: true });
  });
});

describe('router payload checks', () => {
  it.each([
    ['no envelope', null],
    ['a string', 'verdict.get'],
    ['an unknown name', { name: 'admin.reset', request: {} }],
    ['a prototype name', { name: 'toString', request: {} }],
  ])('refuses %s', async (_name, message) => {
    expect(await route(message, popup)).toEqual({ ok: false, error: 'unknown message' });
  });

  it('refuses oversized and malformed payloads before any handler runs', async () => {
    expect(await route({ name: 'site.trust', request: { host: 'a'.repeat(5000) } }, popup)).toEqual({ ok: false, error: 'bad request: too large' });
    expect(await route({ name: 'tab.describe', request: { tabId: '5' } }, popup)).toEqual({ ok: false, error: 'bad request: tabId: expected a tab id' });
  });

  it('reports handler failures as error replies, never as exceptions', async () => {
    const failing = { ...createEchoTable(), 'list.status': { tier: 'extension', validate: validateEmpty, handle: async () => Promise.reject(new Error('storage is gone')) } };
    const router = createRouter(failing as HandlerTable, IDENTITY);
    expect(await router({ name: 'list.status', request: {} }, popup)).toEqual({ ok: false, error: 'storage is gone' });
  });
});

describe('identifyCaller', () => {
  it('tells content scripts from extension pages', () => {
    expect(identifyCaller(contentScript(1, 'http://a.test/'), IDENTITY)).toMatchObject({ kind: 'content', tabId: 1 });
    expect(identifyCaller(popup, IDENTITY)).toEqual({ kind: 'extension', tabId: null, url: popup.url });
  });
});
