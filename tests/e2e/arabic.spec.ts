// The Arabic UI (Chromium started with --lang=ar) renders right to left everywhere: warning page,
// popup, options page and the in-page banner. Screenshots are kept under test-results/.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_HOSTS, expectWarning, findTabId, openPopup, saveScreenshot, useHarness, visit, waitForBanner, webUrl, type Harness } from './support/harness.ts';

let harness: Harness;
useHarness((started) => (harness = started), { uiLanguage: 'ar' });

const readDirection = (page: Page) => page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));

describe('the Arabic UI', () => {
  it('is the language the browser gives the extension', async () => {
    expect(await harness.worker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^ar/);
  });

  it('shows the warning page right to left, in Arabic', async () => {
    const page = await expectWarning(harness, webUrl(DEMO_HOSTS.listed, '/ar'));
    expect(await readDirection(page)).toEqual({ dir: 'rtl', lang: expect.stringMatching(/^ar/) });
    expect(await page.getByTestId('warning:back').textContent()).toBe('العودة إلى الأمان');
    expect(await page.getByTestId('warning:category').textContent()).toBe('تصيّد احتيالي');
    // Right to left: the main action starts at the right edge of its row.
    const back = await page.getByTestId('warning:back').boundingBox();
    const main = await page.getByTestId('warning:main').boundingBox();
    expect((back?.x ?? 0) + (back?.width ?? 0)).toBeGreaterThan((main?.x ?? 0) + (main?.width ?? 0) / 2);
    await saveScreenshot(page, 'arabic-warning-page');
    await page.close();
  });

  it('shows the popup and the options page right to left', async () => {
    const page = await harness.context.newPage();
    await visit(page, webUrl(DEMO_HOSTS.lookalike, '/ar'));
    const popup = await openPopup(harness, await findTabId(harness, page));
    await popup.getByTestId('ui:verdict').waitFor();
    expect(await readDirection(popup)).toEqual({ dir: 'rtl', lang: expect.stringMatching(/^ar/) });
    expect(await popup.getByTestId('ui:verdict').textContent()).toContain('مريب');
    await saveScreenshot(popup, 'arabic-popup');
    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/src/options/index.html`);
    await options.getByTestId('options:sensitivity').waitFor();
    expect(await readDirection(options)).toEqual({ dir: 'rtl', lang: expect.stringMatching(/^ar/) });
    await saveScreenshot(options, 'arabic-options');
    await Promise.all([options.close(), popup.close(), page.close()]);
  });

  it('shows the banner right to left, in Arabic', async () => {
    const page = await harness.context.newPage();
    await visit(page, webUrl(DEMO_HOSTS.lookalike, '/ar-banner'));
    expect(await waitForBanner(harness, page)).toContain('تجاهل لهذا الموقع');
    expect(await page.locator('scam-warner-banner').evaluate((host) => ({ dir: host.getAttribute('dir'), lang: host.getAttribute('lang') }))).toEqual({
      dir: 'rtl',
      lang: expect.stringMatching(/^ar/),
    });
    await saveScreenshot(page, 'arabic-banner');
    await page.close();
  });
});
