// `npm run bench extension`: the built extension in real Chromium taking signed feed updates from a
// local `serve`. Figures: a 1k-change delta (verify, index, store, overlay rules) on a 1M-entry list
// against the same delta on a 1k-entry list, in a running worker and in one just restarted (which
// reads the list's state back from storage); a full 1M-entry snapshot; a one-entry change; the
// compaction a large delta brings; and how fast a stopped worker answers again with 1M entries
// against the small list. Each is one "Check now" (the sync.now message) timed from an extension
// page until the rules are in, with the worker's own stage timings (sync/timing.ts) beside it.
// Printed, never asserted: the machine is shared.
import type { Page } from 'playwright-core';
import { readSigningKey } from '../../src/cli/publish/key-files.ts';
import type { SigningKey } from '../../src/core/feed/index.ts';
import type { ListEntry } from '../../src/core/types.ts';
import { launchWithExtension, stopServiceWorkers, waitForListRules, waitForWorker, type LaunchedBrowser } from '../../src/tools/chromium.ts';
import { startDemoServer } from '../../src/tools/demo-server.ts';
import { startFeedSide, type FeedSide } from '../e2e/support/feed-side.ts';
import { TestFeedHost } from '../unit/background/support/test-feed.ts';

const BIG_LIST = 1_000_000;
const SMALL_LIST = 1_000;
const CHANGES = 1_000;
const RESTARTS = 5;
/** Past the overlay's bound (rules/overlay.ts), so the delta is followed by a compaction. */
const COMPACTING_CHANGES = 30_000;
const entries = (values: string[]): ListEntry[] => values.map((value) => ({ kind: 'domain', value, category: 'phishing', source: 'bench', added: '2025-01-01' }));
const domains = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i.toString(36)}-scam.test`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Issue times only move forward, across lineages too (a lineage switch needs a newer one). */
let lastIssued = 0;
const nextIssuedAt = () => new Date((lastIssued = Math.max(lastIssued + 1000, Date.now()))).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One lineage of the bench's feed, written into the folder `serve` serves (feed.json last). */
class BenchFeed {
  private readonly host = new TestFeedHost('');
  constructor(
    private readonly side: FeedSide,
    private readonly key: SigningKey,
    private readonly id: string,
  ) {}

  async publish(version: number, values: string[], deltasFrom: number[] = []): Promise<void> {
    await this.host.publish({ feed: this.id, version, entries: entries(values), issuedAt: nextIssuedAt(), key: this.key, deltasFrom });
    for (const [name, bytes] of this.host.files) if (name !== 'feed.json') this.side.writeFile(name, bytes);
    this.side.writeFile('feed.json', this.host.files.get('feed.json') ?? '');
  }
}

/** "Check now" from an extension page: resolves once the new list is stored and its rules are in. */
async function timeCheck(page: Page): Promise<{ ms: number; version: number }> {
  return page.evaluate(async () => {
    const start = performance.now();
    const reply = (await chrome.runtime.sendMessage({ name: 'sync.now', request: {} })) as { ok: boolean; value?: { version: number; lastSync: { isOk: boolean; message: string | null } } };
    if (!reply.ok || !reply.value?.lastSync.isOk) throw new Error(`the check failed: ${JSON.stringify(reply)}`);
    return { ms: performance.now() - start, version: reply.value.version };
  });
}

/** The worker's stage timings of the last check (`scam-warner:<stage>` measures), in ms. */
async function readStages(launched: LaunchedBrowser): Promise<string> {
  const worker = await waitForWorker(launched.context);
  const stages = await worker.evaluate(() =>
    performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith('scam-warner:')).map((entry) => [entry.name.slice('scam-warner:'.length), entry.duration] as const),
  );
  return stages.map(([name, ms]) => `${name} ${Math.round(ms)}`).join(', ');
}

async function stopWorker(launched: LaunchedBrowser): Promise<void> {
  const blank = await launched.context.newPage();
  await stopServiceWorkers(launched.context, blank);
  await blank.close();
}

/** Until the overlay's session rules are gone (the compaction's last step), from an extension page. */
async function timeCompaction(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const start = performance.now();
    while ((await chrome.declarativeNetRequest.getSessionRules()).some((rule) => rule.id > 2_000_000_000)) await new Promise((resolve) => setTimeout(resolve, 20));
    return performance.now() - start;
  });
}

async function timeWakes(launched: LaunchedBrowser, page: Page): Promise<number> {
  const blank = await launched.context.newPage();
  const wakes: number[] = [];
  for (let round = 0; round < RESTARTS; round++) {
    await stopServiceWorkers(launched.context, blank);
    wakes.push(await page.evaluate(async () => {
      const start = performance.now();
      await chrome.runtime.sendMessage({ name: 'list.status', request: {} });
      return performance.now() - start;
    }));
  }
  await blank.close();
  return median(wakes);
}

/** A delta of `count` changes: half the list's domains replaced by new ones. */
function changed(values: string[], prefix: string, count: number): string[] {
  return [...values.slice(count / 2), ...domains(prefix, count / 2)];
}

async function measureSmall(side: FeedSide, key: SigningKey, launched: LaunchedBrowser, page: Page): Promise<{ delta: number; wake: number }> {
  const small = new BenchFeed(side, key, '5a115a115a115a11');
  const smallValues = domains('small', SMALL_LIST);
  await small.publish(1, smallValues);
  await timeCheck(page);
  const wake = await timeWakes(launched, page);
  await small.publish(2, changed(smallValues, 'small-new', CHANGES), [1]);
  const delta = await timeCheck(page);
  console.log(`${CHANGES}-change delta on a ${SMALL_LIST.toLocaleString('en')}-entry list: ${s(delta.ms)}`);
  return { delta: delta.ms, wake };
}

async function measure(side: FeedSide, launched: LaunchedBrowser, page: Page): Promise<void> {
  const key = await readSigningKey(side.keyFile);
  const small = await measureSmall(side, key, launched, page);
  const big = new BenchFeed(side, key, 'b16b16b16b16b16b');
  const bigValues = domains('big', BIG_LIST);
  await big.publish(1, bigValues);
  const snapshot = await timeCheck(page);
  console.log(`full ${BIG_LIST.toLocaleString('en')}-entry snapshot (download, verify, index build, store, all rule shards): ${s(snapshot.ms)} (target 10 s) [${await readStages(launched)}]`);
  const second = changed(bigValues, 'big-new', CHANGES);
  await big.publish(2, second, [1]);
  const delta = await timeCheck(page);
  console.log(`${CHANGES}-change delta on the ${BIG_LIST.toLocaleString('en')}-entry list: ${s(delta.ms)} (target 1 s), ${(delta.ms / small.delta).toFixed(1)}x the small list's [${await readStages(launched)}]`);
  const third = [...second, 'one-more-scam.test'];
  await big.publish(3, third, [2]);
  const one = await timeCheck(page);
  console.log(`1-change delta on the ${BIG_LIST.toLocaleString('en')}-entry list: ${s(one.ms)} [${await readStages(launched)}]`);
  const fourth = changed(third, 'big-later', CHANGES);
  await big.publish(4, fourth, [3]);
  await stopWorker(launched);
  const cold = await timeCheck(page);
  console.log(`${CHANGES}-change delta on the ${BIG_LIST.toLocaleString('en')}-entry list in a worker just started (state read back from storage): ${s(cold.ms)} [${await readStages(launched)}]`);
  await big.publish(5, changed(fourth, 'big-bulk', COMPACTING_CHANGES), [4]);
  const bulk = await timeCheck(page);
  const compaction = await timeCompaction(page);
  console.log(`${COMPACTING_CHANGES.toLocaleString('en')}-change delta: ${s(bulk.ms)} enforced [${await readStages(launched)}], then its compaction into the base ${s(compaction)} more`);
  const bigWake = await timeWakes(launched, page);
  console.log(`stopped worker to first answer: ${bigWake.toFixed(0)} ms with ${BIG_LIST.toLocaleString('en')} entries, ${(bigWake / small.wake).toFixed(2)}x the small list's ${small.wake.toFixed(0)} ms`);
  console.log('publish to enforced: at most one sync interval (30 min, or feed.json\'s minPollSeconds if longer) plus the apply time above');
}

export async function run(): Promise<void> {
  const side = await startFeedSide();
  const server = await startDemoServer();
  const launched = await launchWithExtension({ serverPort: server.port, extensionDir: side.extensionDir });
  try {
    await waitForListRules(launched.worker);
    const page = await launched.context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/src/options/index.html`);
    await measure(side, launched, page);
  } finally {
    await launched.context.close();
    await server.close();
    await side.close();
  }
}
