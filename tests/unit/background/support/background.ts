// A whole background (engine, handlers, router) over fake-indexeddb and the fake browser, with a
// small signed seed served the way the extension package serves it, and a feed host in memory.
import { fakeBrowser } from '@webext-core/fake-browser';
import { createHandlers } from '../../../../src/background/handlers/index.ts';
import { createRouter, type Router, type Sender } from '../../../../src/background/router.ts';
import { createServices, type Services } from '../../../../src/background/services.ts';
import type { Indicator, ListEntry } from '../../../../src/core/types.ts';
import { installFakeChrome } from '../../shared/support/fake-chrome.ts';
import { installFakeDnr, type FakeDnr } from './fake-dnr.ts';
import { freshDatabaseName } from './lists.ts';
import { TEST_KEY, TestFeedHost } from './test-feed.ts';

export const ROOT = 'chrome-extension://test-extension-id/';
export const FEED_URL = 'https://feed.scam-warner.test/v1/feed.json';
export const SEED_FEED = '0123456789abcdef';
export const SEED_ISSUED_AT = '2025-02-01T00:00:00Z';
export const TEST_NOW = new Date('2025-03-01T10:00:00Z');
export const WARNING_PAGE = `${ROOT}src/warning/index.html`;
const META = { source: 'test list', added: '2025-02-01' } as const;

export const SEED_ENTRIES: ListEntry[] = [
  { kind: 'domain', value: 'evil-scam.test', category: 'phishing', ...META },
  { kind: 'domain', value: 'fake-shop.test', category: 'fake-shop', ...META },
  { kind: 'url-prefix', value: 'free-sites.test/view/prize', category: 'prize', ...META },
  { kind: 'host', value: 'good.evil-scam.test', category: 'phishing', allow: true, ...META },
];
export const SEED_INDICATORS: Indicator[] = [{ kind: 'phone', value: '+12025550143', category: 'tech-support', ...META }];

/** The bundled seed as the build makes it: feed.json signed by the pinned key, and its snapshot. */
export async function makeSeedHost(): Promise<TestFeedHost> {
  const host = new TestFeedHost(`${ROOT}seed/`);
  await host.publish({ feed: SEED_FEED, version: 7, entries: SEED_ENTRIES, indicators: SEED_INDICATORS, issuedAt: SEED_ISSUED_AT });
  return host;
}

const SEED_FILES = (await makeSeedHost()).files;

export interface TestBackgroundOptions {
  now?: () => Date;
  feedHost?: TestFeedHost;
  seedHost?: TestFeedHost;
  /** More places on the network (a mirror). */
  otherHosts?: TestFeedHost[];
}

export interface TestBackground {
  services: Services;
  route: Router;
  dnr: FakeDnr;
  /** Where the feed lives (FEED_URL's folder): publish versions there, or take it offline. */
  feedHost: TestFeedHost;
  seedFetches: () => number;
  /** A new worker life over the same storage and browser state. */
  restart(): TestBackground;
}

export function startTestBackground(databaseName = freshDatabaseName(), dnr = installFakeDnr(), options: TestBackgroundOptions = {}): TestBackground {
  installFakeChrome('en');
  const feedHost = options.feedHost ?? new TestFeedHost(new URL('./', FEED_URL).href);
  const seedHost = options.seedHost ?? new TestFeedHost(`${ROOT}seed/`);
  if (!options.seedHost) for (const [name, bytes] of SEED_FILES) seedHost.files.set(name, bytes);
  const hosts = [seedHost, feedHost, ...(options.otherHosts ?? [])];
  const fetch = (input: string, init?: RequestInit) => (hosts.find((host) => input.startsWith(host.baseUrl)) ?? feedHost).fetch(input, init);
  const services = createServices({
    extensionRoot: ROOT,
    now: options.now ?? (() => TEST_NOW),
    databaseName,
    feed: { url: FEED_URL, keys: [TEST_KEY.publicKey], fetch, random: () => 0.5 },
  });
  const route = createRouter(createHandlers(services), { runtimeId: fakeBrowser.runtime.id, extensionOrigins: ['chrome-extension://test-extension-id'] });
  const seenBefore = seedHost.requests.length;
  return {
    services,
    route,
    dnr,
    feedHost,
    seedFetches: () => seedHost.requests.slice(seenBefore).filter((request) => request.name === 'feed.json').length,
    restart: () => startTestBackground(databaseName, dnr, { ...options, feedHost, seedHost }),
  };
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

