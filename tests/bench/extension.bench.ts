// `npm run bench extension`: the built extension in real Chromium with a 1M-entry list. Figures:
// how long the first install takes, and how fast a stopped service worker answers again (it loads
// the stored index bytes; it never rebuilds), as a ratio against the same extension with the small
// bundled list measured in the same run. Printed, never asserted: the machine is shared.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { encodeSnapshot } from '../../src/core/feed/index.ts';
import { DIST_DIR, launchWithExtension, stopServiceWorkers, type LaunchedBrowser } from '../../src/tools/chromium.ts';
import { startDemoServer } from '../../src/tools/demo-server.ts';

const BIG_LIST = 1_000_000;
const RESTARTS = 5;
const META = { category: 'phishing', source: 'bench', added: '2025-01-01' } as const;

function buildExtensionCopy(entries: number | null): string {
  if (!existsSync(join(DIST_DIR, 'manifest.json'))) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'scam-warner-bench-'));
  cpSync(DIST_DIR, dir, { recursive: true });
  if (entries !== null) {
    const values = Array.from({ length: entries }, (_, i) => `bench-${i.toString(36)}-scam.test`);
    const snapshot = encodeSnapshot({ feed: 'be7c4be7c4be7c40', version: 1, entries: [{ kind: 'domain', allow: false, ...META, values }], indicators: [] });
    writeFileSync(join(dir, 'seed', 'snapshot.json'), snapshot);
  }
  return dir;
}

/** Until the last shard's redirect rule exists (shards are written in rule id order). */
async function waitForInstall(launched: LaunchedBrowser, lastShardRuleId: number): Promise<void> {
  for (;;) {
    const rules = await launched.worker.evaluate((id) => chrome.declarativeNetRequest.getDynamicRules({ ruleIds: [id] }).then((found) => found.length), lastShardRuleId);
    if (rules > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A message from an extension page to the stopped worker: its start, its reading of storage, its answer. */
async function timeWake(launched: LaunchedBrowser, page: Page, blank: Page): Promise<number> {
  await stopServiceWorkers(launched.context, blank);
  return page.evaluate(async () => {
    const start = performance.now();
    const reply = (await chrome.runtime.sendMessage({ name: 'list.status', request: {} })) as { ok: boolean };
    if (!reply.ok) throw new Error('no list status');
    return performance.now() - start;
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function measure(label: string, entries: number | null): Promise<number> {
  const server = await startDemoServer();
  const dir = buildExtensionCopy(entries);
  const started = performance.now();
  const launched = await launchWithExtension({ serverPort: server.port, extensionDir: dir });
  try {
    await waitForInstall(launched, 128);
    console.log(`${label}: first install (worker start, index built once, rules written) ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const page = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/src/options/index.html`);
    const blank = await launched.context.newPage();
    const wakes: number[] = [];
    for (let round = 0; round < RESTARTS; round++) wakes.push(await timeWake(launched, page, blank));
    console.log(`${label}: stopped worker to first answer ${wakes.map((ms) => ms.toFixed(0)).join(' / ')} ms (median ${median(wakes).toFixed(0)} ms)`);
    return median(wakes);
  } finally {
    await launched.context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(launched.profileDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const small = await measure('bundled list (about 1k entries)', null);
  const big = await measure(`${BIG_LIST.toLocaleString('en')} entries`, BIG_LIST);
  console.log(`service worker ready after a restart with ${BIG_LIST.toLocaleString('en')} entries: ${big.toFixed(0)} ms, ${(big / small).toFixed(2)}x the small list's ${small.toFixed(0)} ms`);
}
