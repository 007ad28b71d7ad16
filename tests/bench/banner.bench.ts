// `npm run bench banner`: how soon the in-page banner shows on lookalike pages, in Chromium with no
// automation attached (DevTools slows every page load, so the end-to-end figure runs high): typical
// pages first, then minimal ones, the worst case (banner-pages.ts). The pages time themselves: the
// content script's `scam-warner:banner` measure is on the page's own performance timeline. The peer
// is the browser itself: the page asks it one question of its own (a permission's state) as it
// starts, and the time that answer takes shows how busy the browser is with the page's load; the
// extension's messages wait in the same queue. Printed, never asserted.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArgs, CHROMIUM_PATH, ChromiumMissingError, DIST_DIR } from '../../src/tools/chromium.ts';
import { DEMO_HOSTS } from '../../src/tools/demo-pages.ts';
import { servePage, type PageKind, type PageTiming } from './banner-pages.ts';

/** Per kind: enough pages that a run's median depends little on a few slow pages (the machine's load still moves it). */
const PAGES = 150;
const TIMEOUT_MS = 300_000;

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
      const served = servePage(url.pathname, PAGES);
      if (served === null) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': served.type, 'cache-control': 'no-store' }).end(served.body);
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
  const args = ['--headless=new', `--user-data-dir=${profile}`, ...buildArgs({ serverPort: (server.address() as AddressInfo).port }, DIST_DIR), `http://${DEMO_HOSTS.lookalike}/typical/0`];
  // Its own process group, so the whole browser (renderers, helpers) goes when the run ends.
  const browser = spawn(CHROMIUM_PATH, args, { stdio: 'ignore', detached: true });
  try {
    const deadline = Date.now() + TIMEOUT_MS;
    while (timings.length < 2 * (PAGES + 1) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
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
  const first = timings.find((timing) => timing.kind === 'typical' && timing.page === 0);
  for (const kind of ['typical', 'minimal'] as const) printKind(kind, timings);
  console.log(`first page after the browser starts (the worker starting and installing its list meanwhile): ${first && first.banner >= 0 ? ms(first.banner) : 'no banner'}`);
}

const LABELS: Record<PageKind, string> = {
  typical: 'typical pages (a stylesheet and a script in the head, 30 KB of markup, images)',
  minimal: 'minimal pages (600 bytes, loaded before the verdict can arrive: the worst case)',
};

/** One kind's figures; its first page is left out (after the browser starts, or after the other kind's last page). */
function printKind(kind: PageKind, timings: PageTiming[]): void {
  const pages = timings.filter((timing) => timing.kind === kind && timing.page > 0);
  const shown = pages.filter((timing) => timing.banner >= 0);
  console.log(`\n${LABELS[kind]}:`);
  if (shown.length === 0) throw new Error(`no banner timings came back for the ${kind} pages (${pages.length} reported)`);
  const banners = shown.map((timing) => timing.banner);
  const pushed = shown.filter((timing) => timing.source === 'push').length;
  console.log(`  ${shown.length} of ${pages.length} pages showed the banner; the verdict came by the background's push at commit on ${pushed}, by the answer to the page's request on ${shown.length - pushed}`);
  console.log(`  banner after the content script started: median ${ms(quantile(banners, 0.5))}, p90 ${ms(quantile(banners, 0.9))}, max ${ms(Math.max(...banners))} (target: 20 ms on a typical page)`);
  const answers = shown.filter((timing) => timing.browserAnswer > 0);
  const ratios = answers.map((timing) => timing.banner / timing.browserAnswer);
  console.log(`  peer, the browser answering the page's own first question (asked as the page starts): median ${ms(quantile(answers.map((timing) => timing.browserAnswer), 0.5))} after the content script started; banner / that answer, per page: median ${quantile(ratios, 0.5).toFixed(2)}x, p90 ${quantile(ratios, 0.9).toFixed(2)}x`);
  console.log(`  from the navigation's start: the content script starts at median ${ms(quantile(shown.map((timing) => timing.scriptStart), 0.5))}, the page's DOMContentLoaded at ${ms(quantile(shown.map((timing) => timing.parsed), 0.5))}; the banner at ${ms(quantile(shown.map((timing) => timing.scriptStart + timing.banner), 0.5))}`);
}
