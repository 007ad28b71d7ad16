// Scareware that grabs the screen is contained the way browsers' own scareware blockers do it: the
// page is kept out of fullscreen (as every page with the banner up is) and its tab is muted.
import { describe, expect, it } from 'vitest';
import { DEMO_HOSTS, findTabId, useHarness, visit, waitForBanner, webUrl, type Harness } from './support/harness.ts';

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
    expect(await waitForBanner(harness, page)).toContain('this page may be a scam');
    // A key press is the user gesture the page waits for (a click might land on the banner's buttons).
    // The banner is up, so the page is sent out of fullscreen at once; the main-world counters report
    // the grab, the content script rescans and the verdict contains it: the tab is muted.
    await page.keyboard.press('Space');
    for (let attempt = 0; attempt < 100 && !(await isTabMuted(tabId)); attempt++) await page.waitForTimeout(100);
    expect(await isTabMuted(tabId)).toBe(true);
    expect(await page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    expect(await waitForBanner(harness, page)).toContain('this page may be a scam');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    await page.close();
  });

  it('leaves a scareware page that only talks unmuted', async () => {
    const page = await harness.context.newPage();
    await visit(page, webUrl(DEMO_HOSTS.scamPageHost, '/tech-support'));
    expect(await waitForBanner(harness, page)).toContain('this page may be a scam');
    expect(await isTabMuted(await findTabId(harness, page))).toBe(false);
    await page.close();
  });
});
