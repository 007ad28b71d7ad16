// Launches Debian's Chromium with the built extension, every made-up host resolved to one local
// server: shared by `npm start`, the end-to-end tests and the extension benchmark.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST_DIR = new URL('../../dist/', import.meta.url).pathname;

export class ChromiumMissingError extends Error {
  constructor() {
    super(`Chromium is not installed at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
}

export interface LaunchOptions {
  serverPort: number;
  extensionDir?: string;
  /** Reuse a profile (a browser restart); a fresh one otherwise. */
  profileDir?: string;
  isHeadless?: boolean;
  /** The browser's UI language, e.g. `ar`. */
  uiLanguage?: string;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  profileDir: string;
}

/** Chromium's flags for the extension in `extensionDir`, every host resolved to the local server (for launchers without Playwright too). */
export function buildArgs(options: Pick<LaunchOptions, 'serverPort' | 'uiLanguage'>, extensionDir: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(options.uiLanguage ? [`--lang=${options.uiLanguage}`] : []),
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Every host goes to the local server; nothing reaches the network.
    `--host-resolver-rules=MAP *.googleapis.com ~NOTFOUND, MAP *.google.com ~NOTFOUND, MAP * 127.0.0.1:${options.serverPort}, EXCLUDE localhost`,
  ];
}

export async function launchWithExtension(options: LaunchOptions): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH)) throw new ChromiumMissingError();
  const extensionDir = options.extensionDir ?? DIST_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension in ${extensionDir}: run npm run build first`);
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'scam-warner-profile-'));
  const language = options.uiLanguage ? { LANGUAGE: options.uiLanguage, LANG: `${options.uiLanguage}.UTF-8`, LC_ALL: '' } : {};
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.isHeadless ?? true,
    args: buildArgs(options, extensionDir),
    env: { ...process.env, ...language },
    ...(options.uiLanguage ? { locale: options.uiLanguage } : {}),
  });
  const worker = await waitForWorker(context);
  return { context, extensionId: new URL(worker.url()).host, worker, profileDir };
}

export async function waitForWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().filter((worker) => worker.url().startsWith('chrome-extension://'));
  return running.at(-1) ?? context.waitForEvent('serviceworker', { timeout: 30_000 });
}

/** Waits until the bundled list's redirect rules are in place (written once on a new profile). */
export async function waitForListRules(worker: Worker, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await worker.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).filter((rule) => rule.action.type === 'redirect').length);
    if (count > 0) return count;
    if (Date.now() > deadline) throw new Error('the extension wrote no blocking rules');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Stops the extension's service worker the way Chromium does when it idles, and waits until it has (DevTools protocol). */
export async function stopServiceWorkers(context: BrowserContext, page: Page, timeoutMs = 10_000): Promise<void> {
  const session = await context.newCDPSession(page);
  const statuses = new Map<string, string>();
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) statuses.set(version.versionId, version.runningStatus);
  });
  try {
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + timeoutMs;
    while (statuses.size === 0 || [...statuses.values()].some((status) => status !== 'stopped')) {
      if (Date.now() > deadline) throw new Error(`service workers did not stop: ${JSON.stringify([...statuses])}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await session.detach();
  }
}
