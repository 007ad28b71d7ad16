// A whole background (engine, handlers, router) over fake-indexeddb and the fake browser, with a
// small seed list served the way the extension package serves it.
import { fakeBrowser } from '@webext-core/fake-browser';
import { expect, vi } from 'vitest';
import { createHandlers } from '../../../../src/background/handlers/index.ts';
import { createRouter, type Router, type Sender } from '../../../../src/background/router.ts';
import { createServices, type Services } from '../../../../src/background/services.ts';
import { encodeSnapshot, groupEntries, groupIndicators } from '../../../../src/core/feed/index.ts';
import type { Indicator, ListEntry } from '../../../../src/core/types.ts';
import { installFakeChrome } from '../../shared/support/fake-chrome.ts';
import { installFakeDnr, type FakeDnr } from './fake-dnr.ts';
import { freshDatabaseName } from './lists.ts';

export const ROOT = 'chrome-extension://test-extension-id/';
export const WARNING_PAGE = `${ROOT}src/warning/index.html`;
const META = { source: 'test list', added: '2025-02-01' } as const;

export const SEED_ENTRIES: ListEntry[] = [
  { kind: 'domain', value: 'evil-scam.test', category: 'phishing', ...META },
  { kind: 'domain', value: 'fake-shop.test', category: 'fake-shop', ...META },
  { kind: 'url-prefix', value: 'free-sites.test/view/prize', category: 'prize', ...META },
  { kind: 'host', value: 'good.evil-scam.test', category: 'phishing', allow: true, ...META },
];
export const SEED_INDICATORS: Indicator[] = [{ kind: 'phone', value: '+12025550143', category: 'tech-support', ...META }];

export function encodeSeed(version = 7): Uint8Array {
  return encodeSnapshot({ feed: '0123456789abcdef', version, entries: groupEntries(SEED_ENTRIES), indicators: groupIndicators(SEED_INDICATORS) });
}

export interface TestBackground {
  services: Services;
  route: Router;
  dnr: FakeDnr;
  seedFetches: () => number;
  /** A new worker life over the same storage and browser state. */
  restart(): TestBackground;
}

export function startTestBackground(databaseName = freshDatabaseName(), dnr = installFakeDnr()): TestBackground {
  installFakeChrome('en');
  let fetches = 0;
  vi.stubGlobal('fetch', async (url: URL | string) => {
    fetches++;
    expect(String(url)).toBe(`${ROOT}seed/snapshot.json`);
    return new Response(encodeSeed().slice().buffer);
  });
  const services = createServices({ extensionRoot: ROOT, now: () => new Date('2025-03-01T10:00:00Z'), databaseName });
  const route = createRouter(createHandlers(services), { runtimeId: fakeBrowser.runtime.id, extensionOrigins: ['chrome-extension://test-extension-id'] });
  return { services, route, dnr, seedFetches: () => fetches, restart: () => startTestBackground(databaseName, dnr) };
}

export function contentSender(tabId: number, url: string, frameId = 0): Sender {
  return { id: fakeBrowser.runtime.id, url, origin: new URL(url).origin, frameId, tab: { id: tabId } };
}

export function pageSender(path: string, tabId?: number): Sender {
  return { id: fakeBrowser.runtime.id, url: `${ROOT}${path}`, origin: 'chrome-extension://test-extension-id', ...(tabId === undefined ? {} : { tab: { id: tabId }, frameId: 0 }) };
}

/** Opens a tab in the fake browser and returns its id. */
export async function openTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  if (tab.id === undefined) throw new Error('the fake browser gave no tab id');
  return tab.id;
}

