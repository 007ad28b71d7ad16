// The end-to-end harness: the built extension in real Chromium, a fresh profile, and the demo
// server that answers for every made-up host and records which hosts were asked for anything.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchWithExtension, waitForListRules, waitForWorker, type LaunchedBrowser } from '../../../src/tools/chromium.ts';
import { INPUT_PROTECTION_MS } from '../../../src/content/banner.ts';
import { clickBannerButtonAsUser, readBannerText, waitForBannerText } from '../../../src/tools/inspect-page.ts';
import { startDemoServer, type DemoServer } from '../../../src/tools/demo-server.ts';

export { DEMO_HOSTS } from '../../../src/tools/demo-pages.ts';

export const ARTIFACTS_DIR = new URL('../../../test-results/', import.meta.url).pathname;

export interface Harness extends LaunchedBrowser {
  server: DemoServer;
  extensionDir?: string;
  warningPageUrl: string;
  /** Closes the browser (keeps the profile and the server, for `restart`). */
  closeBrowser(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  uiLanguage?: string;
  profileDir?: string;
  server?: DemoServer;
  /** A build of its own (dist/ by default). */
  extensionDir?: string;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const server = options.server ?? (await startDemoServer());
  const launched = await launchWithExtension({
    serverPort: server.port,
    ...(options.uiLanguage ? { uiLanguage: options.uiLanguage } : {}),
    ...(options.profileDir ? { profileDir: options.profileDir } : {}),
    ...(options.extensionDir ? { extensionDir: options.extensionDir } : {}),
  });
  await waitForListRules(launched.worker);
  return {
    ...launched,
    ...(options.extensionDir ? { extensionDir: options.extensionDir } : {}),
    server,
    warningPageUrl: `chrome-extension://${launched.extensionId}/src/warning/index.html`,
    closeBrowser: () => launched.context.close(),
    close: async () => {
      await launched.context.close();
      if (!options.server) await server.close();
    },
  };
}

/**
 * One browser for a whole spec file: started before its tests, closed after them. `onStart` gets
 * the harness (again after each `restart`, which keeps the profile: what a browser restart does).
 */
export function useHarness(onStart: (harness: Harness) => void, options: HarnessOptions = {}): { restart(): Promise<void> } {
  let current: Harness | undefined;
  const use = (harness: Harness) => {
    current = harness;
    onStart(harness);
  };
  beforeAll(async () => use(await startHarness(options)));
  afterAll(async () => {
    await current?.close();
  });
  return {
    async restart() {
      if (current) use(await restartHarness(current));
    },
  };
}

/** Opens a URL in a new tab and expects it to load there, unblocked. */
export async function expectToLoad(harness: Harness, url: string, page?: Page): Promise<Page> {
  const tab = page ?? (await harness.context.newPage());
  await visit(tab, url);
  await tab.waitForTimeout(300);
  expect(tab.url()).toBe(url);
  return tab;
}

/** Opens a URL in a new tab and expects the warning page, with the stopped URL and its reasons. */
export async function expectWarning(harness: Harness, url: string, start?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await harness.context.newPage();
  await (start ?? ((tab: Page) => visit(tab, url)))(page);
  const landed = await waitForUrlPrefix(page, harness.warningPageUrl);
  expect(landed.slice(landed.indexOf('#') + 1)).toBe(url);
  await page.getByTestId('warning:reasons').waitFor();
  return page;
}

/** The same profile in a new browser: what a browser restart does. */
export async function restartHarness(harness: Harness): Promise<Harness> {
  await harness.closeBrowser();
  return startHarness({ profileDir: harness.profileDir, server: harness.server, ...(harness.extensionDir ? { extensionDir: harness.extensionDir } : {}) });
}

export const webUrl = (host: string, path = '/') => `http://${host}${path}`;

/** Opens a URL like a typed address; a blocked navigation is not an error here. */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url).catch(() => undefined);
  await page.waitForLoadState('domcontentloaded').catch(() => undefined);
}

/** Polls rather than waiting for a navigation event: the extension aborts some navigations and starts others. */
export async function waitForUrlPrefix(page: Page, prefix: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!page.url().startsWith(prefix)) {
    if (Date.now() > deadline) throw new Error(`the tab shows ${page.url()}, not ${prefix}...`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await page.waitForLoadState('domcontentloaded').catch(() => undefined);
  return page.url();
}

export async function findTabId(harness: Harness, page: Page): Promise<number> {
  const worker = await waitForWorker(harness.context);
  const id = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, page.url());
  if (id === undefined) throw new Error(`no tab shows ${page.url()}`);
  return id;
}

export async function readBadge(harness: Harness, tabId: number): Promise<string> {
  const worker = await waitForWorker(harness.context);
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

export async function openPopup(harness: Harness, tabId: number): Promise<Page> {
  const popup = await harness.context.newPage();
  await popup.goto(`chrome-extension://${harness.extensionId}/src/popup/index.html?tabId=${tabId}`);
  await popup.getByTestId('popup:main').waitFor();
  return popup;
}

export function readBanner(harness: Harness, page: Page): Promise<string | null> {
  return readBannerText(harness.context, page);
}

/** The banner's text once it shows (within 5 s). */
export function waitForBanner(harness: Harness, page: Page): Promise<string> {
  return waitForBannerText(harness.context, page);
}

/** Past the banner's input protection, which ignores clicks in its first moments. */
export const BANNER_ARMING_MS = INPUT_PROTECTION_MS + 100;

/** A real click on the banner's first button (Dismiss), once the banner accepts clicks. */
export async function clickBannerButton(harness: Harness, page: Page): Promise<void> {
  await page.waitForTimeout(BANNER_ARMING_MS);
  return clickBannerButtonAsUser(harness.context, page);
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = `${ARTIFACTS_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
