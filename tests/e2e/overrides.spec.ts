// The user's overrides: "Proceed anyway" opens the site in that tab only; "Always allow" asks first,
// lasts across a browser restart and can be taken back.
import { describe, expect, it } from 'vitest';
import { DEMO_HOSTS, expectToLoad, expectWarning, findTabId, openPopup, readBadge, useHarness, waitForUrlPrefix, webUrl, type Harness } from './support/harness.ts';

let harness: Harness;
const session = useHarness((started) => (harness = started));

describe('go back to safety', () => {
  it('returns to the page the user came from, and the site still got nothing', async () => {
    const from = webUrl(DEMO_HOSTS.honest, `/link?to=${encodeURIComponent(webUrl(DEMO_HOSTS.listed, '/back'))}`);
    const page = await expectWarning(harness, webUrl(DEMO_HOSTS.listed, '/back'), async (tab) => {
      await expectToLoad(harness, from, tab);
      await tab.click('#go');
    });
    await page.getByTestId('warning:back').click();
    await waitForUrlPrefix(page, from);
    expect(harness.server.requests(DEMO_HOSTS.listed).map((request) => request.path)).not.toContain('/back');
    await page.close();
  });
});

describe('proceed anyway', () => {
  it('opens the site in this tab only, and only after a real click', async () => {
    const url = webUrl(DEMO_HOSTS.listed, '/proceed');
    const page = await expectWarning(harness, url);
    // A scripted click on the warning page does nothing.
    await page.evaluate(() => (document.querySelector('[data-testid="warning:proceed"]') as HTMLButtonElement).click());
    await page.waitForTimeout(300);
    expect(page.url().startsWith(harness.warningPageUrl)).toBe(true);
    await page.getByTestId('warning:proceed').click();
    await waitForUrlPrefix(page, url);
    expect(harness.server.requests(DEMO_HOSTS.listed).map((request) => request.path)).toContain('/proceed');
    // The site stays listed: the badge still says so, and more pages of it open in this tab.
    expect(await readBadge(harness, await findTabId(harness, page))).toBe('!');
    await expectToLoad(harness, webUrl(DEMO_HOSTS.listed, '/proceed-again'), page);
    await (await expectWarning(harness, webUrl(DEMO_HOSTS.listed, '/other-tab'))).close();
    await page.close();
  });
});

describe('always allow', () => {
  it('asks for confirmation, then lets the site load in every tab and after a browser restart', async () => {
    const url = webUrl(DEMO_HOSTS.listed, '/always');
    const page = await expectWarning(harness, url);
    await page.getByTestId('warning:allow').click();
    await page.getByTestId('warning:confirm').waitFor();
    expect(await page.getByTestId('warning:confirm').textContent()).toContain(`Always allow ${DEMO_HOSTS.listed}?`);
    await page.getByTestId('warning:confirm-yes').click();
    await waitForUrlPrefix(page, url);
    await session.restart();
    const again = await expectToLoad(harness, webUrl(`www.${DEMO_HOSTS.listed}`, '/after-restart'));
    const popup = await openPopup(harness, await findTabId(harness, again));
    await popup.getByTestId('popup:trusted').waitFor();
    expect(await popup.getByTestId('ui:verdict').getAttribute('data-verdict')).toBe('safe');
    await Promise.all([popup.close(), again.close()]);
  });

  it('can be taken back from the options page', async () => {
    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/src/options/index.html`);
    await options.getByTestId('options:allowlist-site').first().waitFor();
    expect(await options.getByTestId('options:allowlist-site').textContent()).toContain(DEMO_HOSTS.listed);
    await options.getByRole('button', { name: `Stop trusting ${DEMO_HOSTS.listed}` }).click();
    await options.getByTestId('options:allowlist-empty').waitFor();
    await (await expectWarning(harness, webUrl(DEMO_HOSTS.listed, '/taken-back'))).close();
    await options.close();
  });
});

describe('this is a mistake', () => {
  it('opens the report view with the page filled in', async () => {
    const url = webUrl(DEMO_HOSTS.listed, '/mistake');
    const page = await expectWarning(harness, url);
    const [report] = await Promise.all([harness.context.waitForEvent('page'), page.getByTestId('warning:mistake').click()]);
    await report.getByTestId('report:main').waitFor();
    expect(await report.getByTestId('report:main').getAttribute('data-kind')).toBe('mistake');
    expect(await report.getByTestId('report:url').textContent()).toBe(url);
    await Promise.all([report.close(), page.close()]);
  });
});
