// Reports from real Chromium to the real report server (`scam-warner serve`, a child process on
// the port this build of the extension points at for reports and for its feed): made while the
// server is down, a report survives a browser restart and arrives exactly once when the retry alarm
// fires after the server is up; "This is a mistake" sends a false-positive report of the page; and
// the loop closes: approved with the CLI and published, the reported domain is blocked after a sync.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, stopServiceWorkers, waitForListRules, type LaunchedBrowser } from '../../src/tools/chromium.ts';
import { startDemoServer, type DemoServer } from '../../src/tools/demo-server.ts';
import { jsonLines } from '../support/cli.ts';
import { buildExtension, cli } from './support/maintainer-cli.ts';
import { spawnServe, type ServeProcess } from '../unit/server/cli-process.ts';
import { waitForBannerText } from '../../src/tools/inspect-page.ts';
import { BANNER_ARMING_MS, DEMO_HOSTS, saveScreenshot, visit, webUrl } from './support/harness.ts';

/** Until the first retry (at most a minute after the first try), plus a browser restart. */
const DELIVERY_TIMEOUT_MS = 100_000;

let work: string;
let reportPort: number;
let extensionDir: string;
let demo: DemoServer;
let browser: LaunchedBrowser;
let serve: ServeProcess | null = null;
let keyFile: string;

async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The extension pinned to a test key, its report and feed addresses on this machine's port. */
async function buildForReports(outDir: string): Promise<void> {
  const keys = JSON.parse((await cli(['keygen', '--out', join(work, 'keys')])).trim()) as { publicKey: string; privateKeyFile: string };
  keyFile = keys.privateKeyFile;
  await buildExtension(outDir, {
    SCAM_WARNER_REPORT_URL: `http://localhost:${reportPort}/v1/reports`,
    SCAM_WARNER_FEED_URL: `http://localhost:${reportPort}/feed.json`,
    SCAM_WARNER_FEED_KEYS: keys.publicKey,
    SCAM_WARNER_SEED_KEY: keys.privateKeyFile,
  });
}

const launch = (profileDir?: string) => launchWithExtension({ serverPort: demo.port, extensionDir, ...(profileDir ? { profileDir } : {}) });
const folder = (name: 'data' | 'feed' | 'sources') => join(work, name);

async function listStoredReports(): Promise<Record<string, unknown>[]> {
  return jsonLines(await cli(['reports', 'list', '--data', folder('data')]));
}

async function openPopup(tabId?: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);
  await popup.getByTestId('popup:main').waitFor();
  return popup;
}

async function findTabId(page: Page): Promise<number> {
  const id = await browser.worker.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, page.url());
  if (id === undefined) throw new Error(`no tab shows ${page.url()}`);
  return id;
}

function waitForBanner(page: Page): Promise<string> {
  return waitForBannerText(browser.context, page);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'scam-warner-report-e2e-'));
  reportPort = await findFreePort();
  extensionDir = join(work, 'extension');
  for (const name of ['feed', 'sources'] as const) mkdirSync(folder(name));
  await buildForReports(extensionDir);
  demo = await startDemoServer();
  browser = await launch();
  await waitForListRules(browser.worker);
}, 120_000);

afterAll(async () => {
  await browser?.context.close();
  serve?.child.kill('SIGTERM');
  await serve?.exited;
  await demo?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a report made while the report server is down', () => {
  const pageUrl = webUrl(DEMO_HOSTS.scamPageHost, '/tech-support');
  let sentBody: Record<string, unknown>;

  it('is queued with exactly what the preview shows, and says the server could not be reached', async () => {
    const page = await browser.context.newPage();
    await visit(page, pageUrl);
    await waitForBanner(page);
    const popup = await openPopup(await findTabId(page));
    await popup.getByTestId('popup:report').click();
    await popup.getByTestId('report:preview').waitFor();
    expect(await popup.locator('dd[data-field="title"]').textContent()).toBe('Windows Defender Alert: your computer is blocked');
    expect(await popup.getByTestId('report:category').inputValue()).toBe('tech-support');
    await popup.getByTestId('report:note').fill('They told me to call and install AnyDesk.');
    sentBody = JSON.parse((await popup.getByTestId('report:body').textContent()) ?? '') as Record<string, unknown>;
    await saveScreenshot(popup, 'report-form');
    expect(sentBody).toMatchObject({ url: pageUrl, kind: 'scam', verdict: 'suspicious', note: 'They told me to call and install AnyDesk.' });
    await popup.getByTestId('report:send').click();
    await popup.getByTestId('report:queued').waitFor();
    await popup.getByText('The report server could not be reached.').waitFor();
    expect((await popup.getByTestId('report:state').getAttribute('data-state'))).toBe('queued');
    await Promise.all([popup.close(), page.close()]);
  });

  it('survives a browser restart and arrives exactly once after the server starts', async () => {
    const { profileDir } = browser;
    await browser.context.close();
    serve = await spawnServe(['--port', String(reportPort), '--data', folder('data'), '--feed', folder('feed')]);
    const started = performance.now();
    browser = await launch(profileDir);
    const popup = await openPopup();
    await popup.locator('[data-testid="report:state"][data-state="sent"]').waitFor({ timeout: DELIVERY_TIMEOUT_MS });
    console.log(`e2e: the queued report was delivered ${Math.round((performance.now() - started) / 1000)} s after the server started (browser restart, then the retry alarm)`);
    await saveScreenshot(popup, 'report-sent');
    const stored = await listStoredReports();
    expect(stored).toHaveLength(1);
    const { id: _id, status, site, receivedAt: _receivedAt, duplicates, ...fields } = stored[0] ?? {};
    expect({ status, site, duplicates }).toEqual({ status: 'pending', site: DEMO_HOSTS.scamPageHost, duplicates: 1 });
    expect(fields).toEqual(sentBody);
    // A stopped worker and a later round send nothing again.
    await stopServiceWorkers(browser.context, popup);
    await popup.reload();
    await popup.locator('[data-testid="report:state"][data-state="sent"]').waitFor();
    expect(await listStoredReports()).toHaveLength(1);
    expect(demo.requests().filter((request) => request.method === 'POST')).toEqual([]);
    await popup.close();
  }, DELIVERY_TIMEOUT_MS + 30_000);
});

describe('"This is a mistake"', () => {
  it('on the warning page sends a false-positive report of the stopped address, with why it was stopped', async () => {
    const pageUrl = webUrl(DEMO_HOSTS.listed, '/honest-shop');
    const page = await browser.context.newPage();
    await visit(page, pageUrl);
    await page.getByTestId('warning:mistake').waitFor();
    const [view] = await Promise.all([browser.context.waitForEvent('page'), page.getByTestId('warning:mistake').click()]);
    await view.getByTestId('report:preview').waitFor();
    await view.getByTestId('report:send').click();
    await view.locator('[data-testid="report:state"][data-state="sent"]').first().waitFor({ timeout: 15_000 });
    const stored = (await listStoredReports()).find((report) => report.url === pageUrl);
    expect(stored).toMatchObject({ kind: 'false-positive', verdict: 'dangerous', signals: [expect.objectContaining({ kind: 'blocklist', name: DEMO_HOSTS.listed })] });
    expect(stored).not.toHaveProperty('title');
    await Promise.all([view.close(), page.close()]);
  });

  it("on the banner opens the report view for that page, and sends a false-positive report with the page's title", async () => {
    const pageUrl = webUrl(DEMO_HOSTS.lookalike, '/login');
    const page = await browser.context.newPage();
    await visit(page, pageUrl);
    await waitForBanner(page);
    await page.waitForTimeout(BANNER_ARMING_MS);
    // The keyboard reaches the banner's buttons after the page's own: Dismiss, then This is a mistake.
    await page.locator('input[name="email"]').focus();
    for (const _control of ['password', 'Log in', 'Dismiss', 'This is a mistake']) await page.keyboard.press('Tab');
    const [view] = await Promise.all([browser.context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await view.getByTestId('report:preview').waitFor();
    expect(await view.getByTestId('report:main').getAttribute('data-kind')).toBe('mistake');
    expect(await view.locator('dd[data-field="title"]').textContent()).toBe('PayPal: log in to your account');
    await view.getByTestId('report:send').click();
    await view.locator('[data-testid="report:state"][data-state="sent"]').first().waitFor({ timeout: 15_000 });
    const stored = (await listStoredReports()).filter((report) => report.url === pageUrl);
    expect(stored).toEqual([expect.objectContaining({ kind: 'false-positive', title: 'PayPal: log in to your account', verdict: 'suspicious' })]);
    await Promise.all([view.close(), page.close()]);
  });
});

describe('the loop back into the feed', () => {
  it('approved with the CLI and published, the reported domain is blocked after a sync', async () => {
    const pageUrl = webUrl(DEMO_HOSTS.scamPageHost, '/tech-support');
    const reported = (await listStoredReports()).find((report) => report.url === pageUrl);
    const [approved] = jsonLines(await cli(['reports', 'approve', String(reported?.id), '--data', folder('data'), '--sources', folder('sources')]));
    expect(approved).toMatchObject({ status: 'approved', row: { url: DEMO_HOSTS.scamPageHost, category: 'tech-support', source: 'community report', action: 'block' } });
    const started = performance.now();
    await cli(['publish', '--sources', folder('sources'), '--out', folder('feed'), '--key', keyFile]);
    const popup = await openPopup();
    await popup.getByTestId('popup:check-now').click();
    await popup.locator('[data-testid="popup:check-now"][data-state="done"]').waitFor({ timeout: 30_000 });
    const page = await browser.context.newPage();
    await visit(page, webUrl(`www.${DEMO_HOSTS.scamPageHost}`, '/tech-support'));
    await page.getByTestId('warning:reasons').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('warning:reasons').textContent()).toContain('community report');
    console.log(`e2e: publish, "Check for updates now" and the blocked visit took ${Math.round(performance.now() - started)} ms`);
    await Promise.all([popup.close(), page.close()]);
  });
});
