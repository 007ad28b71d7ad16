// `npm run bench banner`: how soon the in-page banner shows on a lookalike page, in Chromium with no
// automation attached (DevTools slows every page load, so the end-to-end figure runs high). The
// pages time themselves: the content script's `scam-warner:banner` measure is on the page's own
// performance timeline. The peer is the browser itself: the page asks it one question of its own
// (a permission's state) as it starts, and the time that answer takes shows how busy the browser
// is with the page's load; the extension's messages wait in the same queue. Printed, never asserted.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArgs, CHROMIUM_PATH, ChromiumMissingError, DIST_DIR } from '../../src/tools/chromium.ts';
import { DEMO_HOSTS } from '../../src/tools/demo-pages.ts';

/** Enough pages that a run's median depends little on a few slow pages (the machine's load still moves it). */
const PAGES = 200;
const TIMEOUT_MS = 180_000;

interface PageTiming {
  page: number;
  /** From the content script's start to the banner in the page. */
  banner: number;
  /** When the content script started, and the page's DOMContentLoaded, from the navigation's start. */
  scriptStart: number;
  parsed: number;
  /** The browser's answer to the page's own first question, from the content script's start. */
  browserAnswer: number;
  source: string;
}

/** A sign-in page that reports its timings once the banner is up, then goes on to the next page. */
function lookalikePage(page: number): string {
  return `<!doctype html><meta charset="utf-8"><title>PayPal: sign in</title><h1>Sign in to PayPal</h1>
<form><input name="email"><input type="password" name="password"><button>Log in</button></form>
<script>
  const started = performance.now();
  let answeredAt = -1;
  navigator.permissions.query({ name: 'notifications' }).then(() => { answeredAt = performance.now(); });
  const report = () => {
    const banner = performance.getEntriesByName('scam-warner:banner')[0];
    if ((!banner || answeredAt < 0) && performance.now() - started < 3000) return setTimeout(report, 20);
    const parsed = performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? -1;
    const timing = banner ? { page: ${page}, banner: banner.duration, scriptStart: banner.startTime, parsed, browserAnswer: answeredAt - banner.startTime, source: String(banner.detail) } : { page: ${page}, banner: -1, scriptStart: -1, parsed, browserAnswer: -1, source: 'none' };
    fetch('/timing', { method: 'POST', body: JSON.stringify(timing) }).finally(() => setTimeout(() => { if (${page} < ${PAGES}) location.href = '/page/${page + 1}'; }, 300));
  };
  addEventListener('load', report);
</script>`;
}

function collect(timings: PageTiming[]) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://local');
      if (request.method === 'POST' && url.pathname === '/timing') {
        timings.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as PageTiming);
        response.writeHead(204).end();
        return;
      }
      const page = Number(/^\/page\/(\d+)$/.exec(url.pathname)?.[1] ?? Number.NaN);
      if (Number.isNaN(page)) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(lookalikePage(page));
    });
  };
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? Number.NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) throw new ChromiumMissingError();
  // The extension as the code stands now, as `npm run build` makes it.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  const timings: PageTiming[] = [];
  const server = createServer(collect(timings));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const profile = mkdtempSync(join(tmpdir(), 'scam-warner-bench-'));
  const args = ['--headless=new', `--user-data-dir=${profile}`, ...buildArgs({ serverPort: (server.address() as AddressInfo).port }, DIST_DIR), `http://${DEMO_HOSTS.lookalike}/page/0`];
  // Its own process group, so the whole browser (renderers, helpers) goes when the run ends.
  const browser = spawn(CHROMIUM_PATH, args, { stdio: 'ignore', detached: true });
  try {
    const deadline = Date.now() + TIMEOUT_MS;
    while (timings.length <= PAGES && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    if (browser.exitCode === null && browser.signalCode === null && browser.pid !== undefined) {
      const exited = new Promise((resolve) => browser.once('exit', resolve));
      process.kill(-browser.pid, 'SIGTERM');
      await exited;
    }
    server.closeAllConnections();
    server.close();
    // A helper still closing may write into the profile a moment longer: a leftover in tmp is no reason to lose the figures.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      console.warn(`could not remove the benchmark's browser profile ${profile}: ${String(error)}`);
    }
  }
  const [first, ...rest] = timings.sort((a, b) => a.page - b.page);
  const shown = rest.filter((timing) => timing.banner >= 0);
  if (first === undefined || shown.length === 0) throw new Error(`no banner timings came back (${timings.length} pages reported)`);
  const banners = shown.map((timing) => timing.banner);
  const pushed = shown.filter((timing) => timing.source === 'push').length;
  console.log(`${shown.length} of ${rest.length} pages after the first showed the banner; the verdict came by the background's push at commit on ${pushed}, by the answer to the page's request on ${shown.length - pushed}`);
  console.log(`banner after the content script started: median ${ms(quantile(banners, 0.5))}, p90 ${ms(quantile(banners, 0.9))}, max ${ms(Math.max(...banners))} (target 20 ms)`);
  const answers = shown.filter((timing) => timing.browserAnswer > 0);
  const ratios = answers.map((timing) => timing.banner / timing.browserAnswer);
  console.log(`peer, the browser answering the page's own first question (asked as the page starts): median ${ms(quantile(answers.map((timing) => timing.browserAnswer), 0.5))} after the content script started; banner / that answer, per page: median ${quantile(ratios, 0.5).toFixed(2)}x, p90 ${quantile(ratios, 0.9).toFixed(2)}x`);
  console.log(`from the navigation's start: the content script starts at median ${ms(quantile(shown.map((timing) => timing.scriptStart), 0.5))}, the page's DOMContentLoaded at ${ms(quantile(shown.map((timing) => timing.parsed), 0.5))}; the banner at ${ms(quantile(shown.map((timing) => timing.scriptStart + timing.banner), 0.5))}`);
  console.log(`first page after the browser starts (the worker starting and installing its list meanwhile): ${first.banner >= 0 ? ms(first.banner) : 'no banner'}`);
}
