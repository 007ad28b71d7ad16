// Chromium stops an idle service worker at any moment: afterwards listed sites are still blocked
// (the rules live in the browser), the popup still answers and overrides still hold.
import { describe, expect, it } from 'vitest';
import { stopServiceWorkers } from '../../src/tools/chromium.ts';
import { DEMO_HOSTS, expectToLoad, expectWarning, findTabId, openPopup, useHarness, waitForUrlPrefix, webUrl, type Harness } from './support/harness.ts';

let harness: Harness;
useHarness((started) => (harness = started));

/** Stops the worker and waits until it is really stopped; the next event starts a new one. */
async function stopWorker(): Promise<void> {
  const page = await harness.context.newPage();
  await stopServiceWorkers(harness.context, page);
  await page.close();
}

describe('after the service worker is stopped', () => {
  it('a listed site is still blocked, a proceeded tab still proceeds, and the popup still answers', async () => {
    const proceeded = await expectWarning(harness, webUrl(DEMO_HOSTS.listed, '/before-stop'));
    await proceeded.getByTestId('warning:proceed').click();
    await waitForUrlPrefix(proceeded, webUrl(DEMO_HOSTS.listed, '/before-stop'));

    await stopWorker();

    const url = webUrl(`shop.${DEMO_HOSTS.listed}`, '/after-stop');
    const page = await expectWarning(harness, url);
    expect(harness.server.requests(`shop.${DEMO_HOSTS.listed}`)).toEqual([]);

    await expectToLoad(harness, webUrl(DEMO_HOSTS.listed, '/after-stop-proceeded'), proceeded);

    await stopWorker();
    const popup = await openPopup(harness, await findTabId(harness, page));
    await popup.getByTestId('ui:verdict').waitFor();
    expect(await popup.getByTestId('ui:verdict').getAttribute('data-verdict')).toBe('dangerous');
    expect(await popup.getByTestId('popup:url').textContent()).toBe(url);
    await Promise.all([popup.close(), page.close(), proceeded.close()]);
  });
});
