// The bundled seed goes through the same verification as a download before it is installed: a seed
// that is not signed by a pinned key, or whose snapshot was changed, is never installed, and the
// extension then starts with no list and takes its first one from the network. An extension update
// brings a newer seed to users who are still on an older seed of the same lineage.
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../../src/background/db.ts';
import { readActiveList } from '../../../../src/background/list-store.ts';
import { syncFeed } from '../../../../src/background/sync/run-sync.ts';
import { SEED_DIR, SEED_MANIFEST } from '../../../../src/background/sync/seed-files.ts';
import { getSeedLineage } from '../../../../src/background/sync/seed-lineage.ts';
import { installNewerSeed } from '../../../../src/background/sync/seed-update.ts';
import { listenForFeedSync } from '../../../../src/background/sync/sync-listeners.ts';
import { removeFakeChrome } from '../../shared/support/fake-chrome.ts';
import { ROOT, SEED_ENTRIES, SEED_FEED, SEED_ISSUED_AT, makeSeedHost, pageSender, startTestBackground } from '../support/background.ts';
import { freshDatabaseName } from '../support/lists.ts';
import { STRANGER_KEY, TEST_KEY, TestFeedHost } from '../support/test-feed.ts';
import { domainEntries, liveVersion, verdictOf } from './sync-support.ts';

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  removeFakeChrome();
  vi.restoreAllMocks();
});

const POPUP = pageSender('src/popup/index.html');
const SEED_V1 = 1_740_000_000;
const lineage = await getSeedLineage(TEST_KEY.keyId);

async function startWithSeed(seedHost: TestFeedHost) {
  const databaseName = freshDatabaseName();
  const background = startTestBackground(databaseName, undefined, { seedHost });
  const started = await background.services.getEngine().then(() => null, (error: unknown) => error);
  return { background, started, stored: await readActiveList(await openDatabase(databaseName)) };
}

async function refusedSeedHost(): Promise<TestFeedHost> {
  const seedHost = new TestFeedHost(`${ROOT}${SEED_DIR}`);
  await seedHost.publish({ feed: SEED_FEED, version: 7, entries: SEED_ENTRIES, issuedAt: SEED_ISSUED_AT, key: STRANGER_KEY });
  return seedHost;
}

describe('the bundled seed', () => {
  it('is read from the package as feed.json and the snapshot it names, and installed once verified', async () => {
    const seedHost = await makeSeedHost();
    expect(seedHost.baseUrl).toBe(`${ROOT}${SEED_DIR}`);
    const { started, stored } = await startWithSeed(seedHost);
    expect(started).toBeNull();
    expect(stored).toMatchObject({ feed: SEED_FEED, version: 7, origin: 'seed', entryCount: SEED_ENTRIES.length });
    expect(seedHost.requests.map((request) => request.name)).toEqual([SEED_MANIFEST, expect.stringMatching(/^snapshot-7-[0-9a-f]{8}\.json$/)]);
  });

  it('signed by a key this build does not pin is refused: nothing is installed, the popup says there is no list yet', async () => {
    const { background, started, stored } = await startWithSeed(await refusedSeedHost());
    expect(started).toBeNull();
    expect(stored).toBeUndefined();
    expect(await background.route({ name: 'list.status', request: {} }, POPUP)).toMatchObject({ ok: true, value: { origin: 'none', entryCount: 0, version: 0 } });
    expect(await verdictOf(background, 'http://evil-scam.test/')).toBe('unknown');
    expect(background.dnr.dynamic.size).toBe(0);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('the bundled list was refused'), expect.objectContaining({ code: 'unknown-key' }));
  });

  it('whose snapshot was changed after signing is refused the same way', async () => {
    const seedHost = await makeSeedHost();
    const name = [...seedHost.files.keys()].find((file) => file.startsWith('snapshot-')) ?? '';
    const text = new TextDecoder().decode(seedHost.files.get(name));
    seedHost.files.set(name, new TextEncoder().encode(text.replace('evil-scam.test', 'evil-scam.tesx')));
    const { started, stored, background } = await startWithSeed(seedHost);
    expect(started).toBeNull();
    expect(stored).toBeUndefined();
    expect((await background.services.getEngine()).list.origin).toBe('none');
  });

  it('once refused, leaves the first list to the network: the sync installs the live feed and blocks its domains', async () => {
    const { background } = await startWithSeed(await refusedSeedHost());
    await background.feedHost.publish(liveVersion(1, ['from-network.test']));
    await syncFeed(background.services, 'user');
    expect((await background.services.getEngine()).list).toMatchObject({ origin: 'feed', version: 1 });
    expect(await verdictOf(background, 'http://from-network.test/')).toBe('dangerous');
    expect([...background.dnr.dynamic.values()].some((rule) => rule.condition.requestDomains?.includes('from-network.test'))).toBe(true);
    expect(await background.route({ name: 'list.status', request: {} }, POPUP)).toMatchObject({ value: { origin: 'feed', lastSync: { isOk: true } } });
  });
});

describe('an extension update', () => {

  async function lineageSeedHost(version: number, extra: string[]): Promise<TestFeedHost> {
    const host = new TestFeedHost(`${ROOT}${SEED_DIR}`);
    await host.publish({ feed: lineage, version, entries: [...SEED_ENTRIES, ...domainEntries(...extra)], issuedAt: new Date(version * 1000).toISOString().replace(/\.\d+Z$/, 'Z') });
    return host;
  }

  async function updateTo(seedHost: TestFeedHost, databaseName: string) {
    const updated = startTestBackground(databaseName, undefined, { seedHost });
    listenForFeedSync(updated.services);
    await updated.services.getEngine();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    return updated;
  }

  it('installs a newer seed of the same lineage over the older seed in use', async () => {
    const databaseName = freshDatabaseName();
    await startTestBackground(databaseName, undefined, { seedHost: await lineageSeedHost(SEED_V1, ['old-build.test']) }).services.getEngine();
    const updated = await updateTo(await lineageSeedHost(SEED_V1 + 86_400, ['new-build.test']), databaseName);
    await expect.poll(async () => (await updated.services.getEngine()).list.version).toBe(SEED_V1 + 86_400);
    expect((await updated.services.getEngine()).list).toMatchObject({ origin: 'seed', feed: lineage });
    expect(await verdictOf(updated, 'http://new-build.test/')).toBe('dangerous');
    await expect.poll(() => [...updated.dnr.dynamic.values()].some((rule) => rule.condition.requestDomains?.includes('new-build.test'))).toBe(true);
    expect(await verdictOf(updated, 'http://old-build.test/')).toBe('unknown');
  });

  it('keeps a live feed, and a seed that is not older, as they are', async () => {
    const databaseName = freshDatabaseName();
    const first = startTestBackground(databaseName, undefined, { seedHost: await lineageSeedHost(SEED_V1, []) });
    await first.feedHost.publish(liveVersion(1, ['live.test'], { issuedAt: '2025-02-28T00:00:00Z' }));
    await syncFeed(first.services, 'user');
    const newer = await updateTo(await lineageSeedHost(SEED_V1 + 86_400, ['new-build.test']), databaseName);
    expect(await installNewerSeed(newer.services)).toBe(false);
    expect((await newer.services.getEngine()).list).toMatchObject({ origin: 'feed', version: 1 });

    const onSeed = freshDatabaseName();
    await startTestBackground(onSeed, undefined, { seedHost: await lineageSeedHost(SEED_V1, []) }).services.getEngine();
    const same = startTestBackground(onSeed, undefined, { seedHost: await lineageSeedHost(SEED_V1, ['same-version.test']) });
    expect(await installNewerSeed(same.services)).toBe(false);
    expect(await verdictOf(same, 'http://same-version.test/')).toBe('unknown');
  });

  it('does not replace a seed of another lineage, which says nothing about which is newer', async () => {
    const databaseName = freshDatabaseName();
    await startTestBackground(databaseName, undefined, { seedHost: await makeSeedHost() }).services.getEngine();
    const updated = startTestBackground(databaseName, undefined, { seedHost: await lineageSeedHost(SEED_V1 + 86_400, ['new-build.test']) });
    expect(await installNewerSeed(updated.services)).toBe(false);
    expect((await updated.services.getEngine()).list).toMatchObject({ feed: SEED_FEED, version: 7 });
  });
});
