// Signed list updates end to end: the extension built to pin a test key, the real `publish` and
// `serve`, real Chromium. The extension starts on its verified seed, moves to the live feed, takes a
// delta, refuses every kind of bad update while its list keeps blocking, keeps a delta's session
// rules through a worker restart and a browser restart and folds them into the base when they grow,
// and survives a worker stopped in the middle of an update.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSigningKey } from '../../src/cli/publish/key-files.ts';
import { readOwnManifest, signManifest } from '../../src/core/feed/index.ts';
import { stopServiceWorkers, waitForWorker } from '../../src/tools/chromium.ts';
import { isRedirectedByRules } from '../unit/background/sync/rule-ranking.ts';
import { startFeedSide, type FeedSide } from './support/feed-side.ts';
import { expectToLoad, expectWarning, findTabId, restartHarness, startHarness, webUrl, type Harness } from './support/harness.ts';

let feed: FeedSide;
let harness: Harness;
/** Each version's feed.json as it was published, to replay an old one. */
const manifests = new Map<number, Uint8Array>();
/** A popup open on a tab of its own, the way the harness opens it; reloaded for each check. */
let popup: Page;

/** The popup describing a tab of its own, which the status checks reload. */
async function openStatusPopup(): Promise<Page> {
  const page = await expectToLoad(harness, webUrl('start-page.test'));
  const opened = await harness.context.newPage();
  await opened.goto(`chrome-extension://${harness.extensionId}/src/popup/index.html?tabId=${await findTabId(harness, page)}`);
  return opened;
}

beforeAll(async () => {
  feed = await startFeedSide();
  harness = await startHarness({ extensionDir: feed.extensionDir });
  popup = await openStatusPopup();
}, 120_000);

afterAll(async () => {
  await harness?.close();
  await feed?.close();
});

/** "Check for updates now" in the popup, as the user clicks it; returns the list state it then shows. */
async function checkNow(): Promise<string> {
  await popup.reload();
  await popup.getByTestId('popup:check-now').click();
  await popup.locator('[data-testid="popup:check-now"][data-state="done"]').waitFor({ timeout: 60_000 });
  await popup.reload();
  return (await popup.getByTestId('ui:list-status').textContent()) ?? '';
}

/** The alarm path, shortened: the sync alarm set to fire now, as the schedule would in half an hour. */
async function fireSyncAlarm(): Promise<void> {
  const worker = await waitForWorker(harness.context);
  await worker.evaluate(() => chrome.alarms.create('feed-sync', { when: Date.now(), periodInMinutes: 30 }));
}

async function waitUntilBlocked(host: string, timeoutMs = 20_000): Promise<number> {
  const started = performance.now();
  while (!(await isRuleWritten(popup, host))) {
    if (performance.now() - started > timeoutMs) throw new Error(`${host} was not blocked within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.now() - started;
}

const closeAll = (...pages: Page[]) => Promise.all(pages.map((page) => page.close()));

describe('a signed update', () => {
  it('moves the extension from its verified seed to the live feed, whose domains are then blocked', async () => {
    // The bundled seed (built from the project's sources, signed by the same key) blocks the demo domain.
    await (await expectWarning(harness, webUrl('evil-scam.test', '/seed'))).close();
    manifests.set((await feed.publish(['feed-stays.test', 'feed-removed.test'])).version, feed.readFile('feed.json'));
    const status = await checkNow();
    expect(status).toContain('signed update');
    expect(status).toMatch(/2 entries, version 2/);
    await closeAll(await expectWarning(harness, webUrl('www.feed-stays.test', '/login')), await expectWarning(harness, webUrl('feed-removed.test')));
    await (await expectToLoad(harness, webUrl('evil-scam.test', '/after-switch'))).close();
  });

  it('of one domain added and one removed arrives by the alarm: the new one is blocked, the removed one loads', async () => {
    const published = await feed.publish(['feed-stays.test', 'feed-added.test']);
    expect(published).toMatchObject({ version: 3, changed: true });
    const started = performance.now();
    await fireSyncAlarm();
    await waitUntilBlocked('feed-added.test');
    console.log(`e2e: published to enforced through the sync alarm in ${Math.round(performance.now() - started)} ms`);
    await closeAll(await expectWarning(harness, webUrl('feed-added.test', '/pay')), await expectWarning(harness, webUrl('feed-stays.test')));
    await (await expectToLoad(harness, webUrl('feed-removed.test', '/now-open'))).close();
  });
});

describe('a bad update', () => {
  const REFUSALS: [what: string, spoil: (good: Uint8Array) => Promise<void>, says: string][] = [
    ['tampered with', async (good) => feed.writeFile('feed.json', new TextDecoder().decode(good).replace('"minPollSeconds":1800', '"minPollSeconds":1801')), "The update's signature does not match."],
    ['rolled back to an older version', async () => feed.writeFile('feed.json', manifests.get(2) ?? ''), 'The update is older than the list you have.'],
    ['expired (a frozen feed)', async (good) => feed.writeFile('feed.json', await resign(good, { issuedAt: '2025-01-01T00:00:00Z', expiresAt: '2025-01-08T00:00:00Z' })), 'The update has expired'],
    ['truncated', async (good) => truncateFiles(good), 'does not have the size the update announced'],
    ['oversized', async (good) => feed.writeFile('feed.json', padManifest(good, 70_000)), 'larger than allowed'],
  ];
  let goodManifest: Uint8Array;
  const contentFiles = new Map<string, Uint8Array>();

  beforeAll(async () => {
    await feed.publish(['feed-stays.test', 'feed-added.test', 'feed-next.test']);
    goodManifest = feed.readFile('feed.json');
    const { manifest } = readOwnManifest(goodManifest);
    for (const ref of [manifest.snapshot, ...manifest.deltas]) contentFiles.set(ref.name, feed.readFile(ref.name));
  });

  function truncateFiles(good: Uint8Array): void {
    feed.writeFile('feed.json', good);
    for (const [name, bytes] of contentFiles) feed.writeFile(name, bytes.slice(0, bytes.length - 100));
  }

  async function resign(good: Uint8Array, times: { issuedAt: string; expiresAt: string }): Promise<Uint8Array> {
    return signManifest({ ...readOwnManifest(good).manifest, ...times }, await readSigningKey(feed.keyFile));
  }

  it.each(REFUSALS)('%s is refused: the popup says why and the list in use still blocks', async (_what, spoil, says) => {
    await spoil(goodManifest);
    const status = await checkNow();
    expect(status).toContain('Update refused.');
    expect(status).toContain(says);
    expect(status).toMatch(/version 3/);
    await closeAll(await expectWarning(harness, webUrl('feed-added.test', '/still')));
    await (await expectToLoad(harness, webUrl('feed-next.test', '/not-yet'))).close();
  });

  it('once the feed is sound again, the next check applies it', async () => {
    feed.writeFile('feed.json', goodManifest);
    for (const [name, bytes] of contentFiles) feed.writeFile(name, bytes);
    expect(await checkNow()).toMatch(/Last checked .*: up to date/);
    await closeAll(await expectWarning(harness, webUrl('feed-next.test', '/now')));
  });
});

describe('a delta in session rules', () => {
  // Enough entries that a delta is smaller than the snapshot, as in any real feed (else the snapshot is taken).
  const KEPT = ['feed-stays.test', 'feed-added.test', 'feed-next.test', ...Array.from({ length: 300 }, (_, i) => `filler-${i}.test`)];
  const ADDED = 'overlay-added.test';
  const REMOVED = 'overlay-removed.test';

  /** The added domain is stopped before any request reaches it (it never loaded), the removed one loads. */
  async function expectDeltaEnforced(label: string): Promise<void> {
    await closeAll(await expectWarning(harness, webUrl(`www.${ADDED}`, `/${label}`)));
    expect(harness.server.requests(ADDED)).toEqual([]);
    await (await expectToLoad(harness, webUrl(REMOVED, `/${label}`))).close();
    await closeAll(await expectWarning(harness, webUrl('feed-stays.test', `/${label}`)));
  }

  it('blocks the domain it adds and opens the one it removes, by session rules next to the untouched base', async () => {
    await feed.publish([...KEPT, REMOVED]);
    expect(await checkNow()).toMatch(/version 5/);
    const dynamicBefore = await readDynamicRules();
    await feed.publish([...KEPT, ADDED]);
    expect(await checkNow()).toMatch(/version 6/);
    expect(await readDynamicRules()).toEqual(dynamicBefore);
    await expectDeltaEnforced('delta');
  });

  it('still does after the service worker restarts', async () => {
    const blank = await harness.context.newPage();
    await stopServiceWorkers(harness.context, blank);
    await blank.close();
    await expectDeltaEnforced('after-worker-restart');
  });

  it('still does after the browser restarts with the same profile: the worker writes the session rules again at once', async () => {
    await popup.close();
    const launchedAt = performance.now();
    harness = await restartHarness(harness);
    popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/src/options/index.html`);
    await waitUntilBlocked(ADDED, 10_000);
    console.log(`e2e: browser launched to the delta's session rules back in ${Math.round(performance.now() - launchedAt)} ms (the launch included)`);
    await expectDeltaEnforced('after-browser-restart');
    await popup.close();
    popup = await openStatusPopup();
    expect(await checkNow()).toMatch(/version 6/);
  }, 90_000);

  it('grown past its bound, is folded into the base, and blocking stays the same', async () => {
    const bulk = Array.from({ length: 25_000 }, (_, i) => `compact-${i.toString(36)}.test`);
    await feed.publish([...KEPT, ADDED, 'compact-added.test', ...bulk]);
    expect(await checkNow()).toMatch(/version 7/);
    const compacted = performance.now();
    while ((await popup.evaluate(() => chrome.declarativeNetRequest.getSessionRules())).some((rule) => rule.id > 2_000_000_000)) {
      if (performance.now() - compacted > 30_000) throw new Error('the overlay was not folded into the base');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    console.log(`e2e: a 25,000-domain overlay folded into the base in ${Math.round(performance.now() - compacted)} ms`);
    expect(await isRuleWritten(popup, 'compact-added.test')).toBe(true);
    await closeAll(await expectWarning(harness, webUrl('compact-added.test')), await expectWarning(harness, webUrl(`${bulk[24_999]}`, '/')));
    expect(harness.server.requests('compact-added.test')).toEqual([]);
    await expectDeltaEnforced('after-compaction');
  }, 90_000);
});

describe('a service worker stopped during an update', () => {
  const bulk = (prefix: string) => Array.from({ length: 150_000 }, (_, i) => `${prefix}-${i.toString(36)}-scam.test`);
  const KEPT = ['feed-stays.test', 'feed-added.test', 'feed-next.test'];

  async function stopWorker(): Promise<void> {
    const blank = await harness.context.newPage();
    await stopServiceWorkers(harness.context, blank);
    await blank.close();
  }

  it('while it downloads and applies: the list in use keeps working, and the next check completes the update', async () => {
    await feed.publish([...KEPT, 'feed-big.test', ...bulk('one')]);
    await fireSyncAlarm();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await stopWorker();
    console.log(`e2e: worker stopped ${(await isRuleWritten(popup, 'feed-big.test')) ? 'after' : 'before'} the new list's rules were in`);
    await closeAll(await expectWarning(harness, webUrl('feed-next.test', '/during')));
    expect(await checkNow()).toMatch(/version 8/);
    await waitUntilBlocked('feed-big.test', 60_000);
    await closeAll(await expectWarning(harness, webUrl('feed-big.test')));
  }, 120_000);

  it('right after the switch, while its rules are written: blocking holds, and the next start finishes the rules', async () => {
    const before = await readActiveListId(popup);
    await feed.publish([...KEPT, 'feed-bigger.test', ...bulk('two')]);
    await fireSyncAlarm();
    while ((await readActiveListId(popup)) === before) await new Promise((resolve) => setTimeout(resolve, 10));
    await stopWorker();
    console.log(`e2e: worker stopped ${(await isRuleWritten(popup, 'feed-bigger.test')) ? 'after' : 'before'} the switched list's rules were all in`);
    await closeAll(await expectWarning(harness, webUrl('feed-stays.test', '/mid-rules')));
    // Any event starts a new worker; it finds the new list active and finishes its rules, with no new check.
    await popup.reload();
    await waitUntilBlocked('feed-bigger.test', 60_000);
    expect(await isRuleWritten(popup, 'feed-big.test')).toBe(false);
    await closeAll(await expectWarning(harness, webUrl('feed-bigger.test')), await expectToLoad(harness, webUrl('feed-big.test', '/gone')));
  }, 120_000);
});

/** The list the extension uses, read from its database by an extension page (same origin), without waking the worker. */
function readActiveListId(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      new Promise<string | undefined>((resolve, reject) => {
        const opening = indexedDB.open('scam-warner');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const reading = db.transaction('meta').objectStore('meta').get('activeListId');
          reading.onsuccess = () => {
            db.close();
            resolve(reading.result as string | undefined);
          };
          reading.onerror = () => reject(reading.error);
        };
      }),
  );
}

/** Whether the browser's rules (dynamic and session, as ranked) redirect `host`; read from an extension page, so a stopped worker is not woken by the question. */
async function isRuleWritten(page: Page, host: string): Promise<boolean> {
  return isRedirectedByRules(await readRules(page), host);
}

/** Each dynamic rule's id with its domains, in id order. */
async function readDynamicRules(): Promise<string[]> {
  const rules = await popup.evaluate(() => chrome.declarativeNetRequest.getDynamicRules());
  return rules.sort((a, b) => a.id - b.id).map((rule) => `${rule.id} ${rule.priority} ${(rule.condition.requestDomains ?? []).join(' ')}`);
}

function readRules(page: Page) {
  return page.evaluate(async () => [...(await chrome.declarativeNetRequest.getDynamicRules()), ...(await chrome.declarativeNetRequest.getSessionRules())]);
}

function padManifest(good: Uint8Array, size: number): Uint8Array {
  const text = new TextDecoder().decode(good).trimEnd();
  return new TextEncoder().encode(`${text.slice(0, -1)}${' '.repeat(size)}}\n`);
}
