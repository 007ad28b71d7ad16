// `npm start`: builds the extension (the npm script does that first), serves made-up scam and honest
// sites locally, opens Chromium with the extension, visits them and says what happened, with
// screenshots under .demo/. Headed when there is a display, headless otherwise.
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { ChromiumMissingError, launchWithExtension, waitForListRules } from './chromium.ts';
import { DEMO_HOSTS } from './demo-pages.ts';
import { startDemoServer, type DemoServer } from './demo-server.ts';
import { readBannerText } from './inspect-page.ts';

const DEMO_DIR = new URL('../../.demo/', import.meta.url).pathname;
const SETTLE_MS = 1500;

interface Scenario {
  title: string;
  url: string;
  /** How the visit starts (default: the address typed in). */
  start?: (page: Page, url: string) => Promise<void>;
}

const web = (host: string, path = '/') => `http://${host}${path}`;

const SCENARIOS: Scenario[] = [
  { title: 'An honest site', url: web(DEMO_HOSTS.honest) },
  { title: 'A listed scam site, typed in', url: web(DEMO_HOSTS.listed, '/login') },
  {
    title: 'A link on an honest page to a listed site',
    url: web(`wallet.${DEMO_HOSTS.listed}`, '/claim'),
    start: async (page, url) => {
      await page.goto(web(DEMO_HOSTS.honest, `/link?to=${encodeURIComponent(url)}`));
      await page.click('#go');
    },
  },
  { title: 'A listed scam page on a shared host', url: web(DEMO_HOSTS.listedPageHost, `${DEMO_HOSTS.listedPagePath}/claim`) },
  { title: 'A PayPal lookalike on no list', url: web(DEMO_HOSTS.lookalike, '/signin') },
  { title: 'A tech-support scam page on no list', url: web(DEMO_HOSTS.scamPageHost, '/tech-support') },
];

async function describeOutcome(context: BrowserContext, page: Page, warningPage: string, server: DemoServer, url: string): Promise<string> {
  const host = new URL(url).hostname;
  if (page.url().startsWith(warningPage)) {
    const reasons = await page.getByTestId('warning:reasons').textContent({ timeout: 3000 }).catch(() => '');
    const requests = server.requests(host).filter((request) => request.host === host).length;
    // Rules stop listed domains before any request; a page listed by its address alone is stopped as its navigation starts.
    const how = requests === 0 ? 'no request reached' : 'stopped as the navigation started; requests that reached';
    return `BLOCKED: warning page shown; ${how} ${host}${requests === 0 ? '' : `: ${requests}`}\n      why: ${reasons}`;
  }
  const banner = await readBannerText(context, page);
  if (banner !== null) return `WARNED: in-page banner\n      ${banner}`;
  return 'loaded, no warning (nothing is known against it)';
}

async function runScenario(context: BrowserContext, warningPage: string, server: DemoServer, scenario: Scenario, index: number): Promise<void> {
  const page = await context.newPage();
  await (scenario.start ?? ((tab: Page, url: string) => tab.goto(url)))(page, scenario.url).catch(() => undefined);
  await page.waitForTimeout(SETTLE_MS);
  const outcome = await describeOutcome(context, page, warningPage, server, scenario.url);
  const screenshot = `${DEMO_DIR}${index + 1}-${scenario.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`;
  await page.screenshot({ path: screenshot });
  console.log(`\n${index + 1}. ${scenario.title}\n   ${scenario.url}\n   ${outcome}\n   screenshot: ${screenshot}`);
}

async function waitForInterrupt(): Promise<void> {
  console.log('\nThe browser stays open to try more sites (every host resolves to the demo server). Press Ctrl+C to end.');
  await new Promise((resolve) => process.once('SIGINT', resolve));
}

async function main(): Promise<number> {
  mkdirSync(DEMO_DIR, { recursive: true });
  const server = await startDemoServer();
  const isHeadless = !process.env.DISPLAY;
  try {
    const { context, extensionId, worker } = await launchWithExtension({ serverPort: server.port, isHeadless });
    const rules = await waitForListRules(worker);
    console.log(`Scam Warner ${extensionId} loaded in Chromium (${isHeadless ? 'headless' : 'headed'}), ${rules} blocking rules in place; demo sites served on 127.0.0.1:${server.port}`);
    const warningPage = `chrome-extension://${extensionId}/src/warning/index.html`;
    for (const [index, scenario] of SCENARIOS.entries()) await runScenario(context, warningPage, server, scenario, index);
    if (!isHeadless) await waitForInterrupt();
    await context.close();
    return 0;
  } catch (error) {
    console.error(error instanceof ChromiumMissingError ? error.message : error);
    return 1;
  } finally {
    await server.close();
  }
}

process.exitCode = await main();
