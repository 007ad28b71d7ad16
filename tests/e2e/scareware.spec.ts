// Scareware that grabs the screen is contained the way browsers' own scareware blockers do it: the
// page is taken out of fullscreen (and kept out) and its tab is muted, besides the banner.
import { describe, expect, it } from 'vitest';
import { DEMO_HOSTS, findTabId, readBanner, useHarness, visit, webUrl, type Harness } from './support/harness.ts';

let harness: Harness;
useHarness((started) => (harness = started));

async function isTabMuted(tabId: number): Promise<boolean> {
  return harness.worker.evaluate(async (id) => (await chrome.tabs.get(id)).mutedInfo?.muted ?? false, tabId);
}

describe('scareware that locks the screen', () => {
  it('is taken out of fullscreen, kept out, and muted', async () => {
    const page = await harness.context.newPage();
    await visit(page, webUrl(DEMO_HOSTS.scamPageHost, '/tech-support-locked'));
    const tabId = await findTabId(harness, page);
    // A key press is the user gesture the page waits for (a click might land on the banner's buttons).
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.fullscreenElement !== null, undefined, { timeout: 5_000 });
    // The main-world counters report the grab; the content script rescans and the verdict contains it.
    await page.waitForFunction(() => document.fullscreenElement === null, undefined, { timeout: 10_000 });
    expect(await isTabMuted(tabId)).toBe(true);
    expect(await readBanner(harness, page)).toContain('this page may be a scam');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    await page.close();
  });

  it('leaves a scareware page that only talks unmuted', async () => {
    const page = await harness.context.newPage();
    await visit(page, webUrl(DEMO_HOSTS.scamPageHost, '/tech-support'));
    for (let attempt = 0; attempt < 50 && (await readBanner(harness, page)) === null; attempt++) await page.waitForTimeout(100);
    expect(await readBanner(harness, page)).toContain('this page may be a scam');
    expect(await isTabMuted(await findTabId(harness, page))).toBe(false);
    await page.close();
  });
});
