// Listed sites never load: typed, clicked, posted to or redirected to, they land on the warning
// page and the site receives no request at all.
import { describe, expect, it } from 'vitest';
import { DEMO_HOSTS, expectToLoad, expectWarning, findTabId, readBadge, readBanner, useHarness, visit, webUrl, type Harness } from './support/harness.ts';

let harness: Harness;
useHarness((started) => (harness = started));

const listedRequests = () => harness.server.requests(DEMO_HOSTS.listed).filter((request) => request.host !== DEMO_HOSTS.allowedSubdomain);

describe('a listed domain', () => {
  it('and its subdomains, typed in, land on the warning page', async () => {
    for (const url of [webUrl(DEMO_HOSTS.listed), webUrl(`www.${DEMO_HOSTS.listed}`, '/login?next=%2Fhome'), webUrl(`a.b.${DEMO_HOSTS.listed}`, '/x')]) {
      await (await expectWarning(harness, url)).close();
    }
    expect(listedRequests()).toEqual([]);
  });

  it('is stopped when a page links, posts a form or redirects to it', async () => {
    const linked = webUrl(DEMO_HOSTS.listed, '/from-link');
    const fromLink = await expectWarning(harness, linked, async (page) => {
      await visit(page, webUrl(DEMO_HOSTS.honest, `/link?to=${encodeURIComponent(linked)}`));
      await page.click('#go');
    });
    const posted = webUrl(DEMO_HOSTS.listed, '/collect');
    const fromForm = await expectWarning(harness, posted, async (page) => {
      await visit(page, webUrl(DEMO_HOSTS.honest, `/form?action=${encodeURIComponent(posted)}`));
      await page.click('#send');
    });
    const redirected = webUrl(`login.${DEMO_HOSTS.listed}`, '/after-redirect');
    const fromRedirect = await expectWarning(harness, redirected, (page) => visit(page, webUrl(DEMO_HOSTS.honest, `/redirect?to=${encodeURIComponent(redirected)}`)));
    expect(listedRequests()).toEqual([]);
    expect(harness.server.requests(DEMO_HOSTS.honest).map((request) => request.path)).toContain(`/redirect?to=${encodeURIComponent(redirected)}`);
    await Promise.all([fromLink.close(), fromForm.close(), fromRedirect.close()]);
  });

  it('gets a warning page that says what it is and why, with the safe choice focused and the dangerous badge', async () => {
    const page = await expectWarning(harness, webUrl(DEMO_HOSTS.listed, '/wallet'));
    expect(await page.getByTestId('warning:category').textContent()).toBe('Phishing');
    const reasons = await page.getByTestId('warning:reasons').textContent();
    expect(reasons).toContain(`Listed as Phishing: ${DEMO_HOSTS.listed}`);
    expect(reasons).toContain('source: Scam Warner demo');
    expect(await page.getByTestId('warning:explain').textContent()).toContain('steal your password');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('warning:back');
    expect(await readBadge(harness, await findTabId(harness, page))).toBe('!');
    await page.close();
  });
});

describe('entries the rules cannot express', () => {
  it('a listed page on a shared host is stopped on navigation, and the rest of the host loads', async () => {
    await (await expectWarning(harness, webUrl(DEMO_HOSTS.listedPageHost, `${DEMO_HOSTS.listedPagePath}/claim`))).close();
    await (await expectToLoad(harness, webUrl(DEMO_HOSTS.listedPageHost, '/view/a-cooking-blog'))).close();
  });

  it('a single-page app moving to a listed page is stopped when its address changes', async () => {
    const listed = webUrl(DEMO_HOSTS.listedPageHost, `${DEMO_HOSTS.listedPagePath}/in-app`);
    const page = await expectWarning(harness, listed, async (tab) => {
      await expectToLoad(harness, webUrl(DEMO_HOSTS.listedPageHost, `/spa?to=${encodeURIComponent(new URL(listed).pathname)}`), tab);
      await tab.click('#push');
    });
    await page.close();
  });
});

describe('sites that are not listed', () => {
  it('load with no warning, no banner and no badge', async () => {
    const page = await expectToLoad(harness, webUrl(DEMO_HOSTS.honest, '/news'));
    await page.waitForTimeout(300);
    expect(await readBanner(harness, page)).toBeNull();
    expect(await readBadge(harness, await findTabId(harness, page))).toBe('');
    await page.close();
  });

  it('include a subdomain the maintainers allow under a listed domain', async () => {
    await (await expectToLoad(harness, webUrl(DEMO_HOSTS.allowedSubdomain, '/'))).close();
    expect(harness.server.requests(DEMO_HOSTS.allowedSubdomain)).not.toEqual([]);
  });
});
