// The feed sync over a real engine (fake-indexeddb, the fake browser's alarms, a DNR stand-in) and a
// feed host in memory: from the seed's lineage to the live feed, deltas that rewrite only the rule
// shards they touch, ETags, the schedule, and a worker stopped midway.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readShardsDomains } from '../../../../src/background/list-store.ts';
import { OVERLAY_ALLOW_RULE_ID, OVERLAY_REDIRECT_RULE_ID } from '../../../../src/background/rules/rule-build.ts';
import { syncFeed } from '../../../../src/background/sync/run-sync.ts';
import { removeFakeChrome } from '../../shared/support/fake-chrome.ts';
import { SEED_FEED, SEED_ISSUED_AT, TEST_NOW } from '../support/background.ts';
import { TestFeedHost } from '../support/test-feed.ts';
import { LIVE_FEED, liveVersion, pictureState, readLastSync, readSyncAlarm, readSyncState, sessionRule, startSyncBench, verdictOf, type SyncBench } from './sync-support.ts';

let bench: SyncBench;

beforeEach(() => {
  bench = startSyncBench();
});

afterEach(() => {
  removeFakeChrome();
  vi.restoreAllMocks();
});

const MINUTE = 60_000;

describe('the first sync', () => {
  it('moves from the verified seed to the live feed, and the new list is enforced', async () => {
    const engine = await bench.services.getEngine();
    expect(engine.list).toMatchObject({ feed: SEED_FEED, version: 7, origin: 'seed' });
    expect(await readSyncState(bench)).toMatchObject({ listIssuedAt: SEED_ISSUED_AT, etag: null, failures: 0 });
    await bench.feedHost.publish(liveVersion(1, ['live-one.test']));
    await syncFeed(bench.services, 'schedule');
    expect(engine.list).toMatchObject({ feed: LIVE_FEED, version: 1, origin: 'feed' });
    expect(await verdictOf(bench, 'http://www.live-one.test/')).toBe('dangerous');
    expect([...bench.dnr.dynamic.values()].some((rule) => rule.condition.requestDomains?.includes('live-one.test'))).toBe(true);
    expect(await readLastSync(bench)).toEqual({ at: TEST_NOW.toISOString(), isOk: true, code: null, message: null });
    expect(await readSyncState(bench)).toMatchObject({ url: bench.feedHost.baseUrl + 'feed.json', etag: expect.any(String), listIssuedAt: '2025-02-21T00:00:00Z' });
  });
});

describe('a later version', () => {
  it('comes as a delta: new domains blocked, removed ones open, by session rules only (the dynamic base is not touched)', async () => {
    await bench.feedHost.publish(liveVersion(1, ['removed-later.test']));
    await syncFeed(bench.services, 'user');
    const engine = await bench.services.getEngine();
    const indicators = engine.list.indicators;
    const writesBefore = bench.dnr.dynamicWrites.length;
    bench.feedHost.requests.length = 0;
    await bench.feedHost.publish({ ...liveVersion(2, ['added-now.test']), deltasFrom: [1] });
    await syncFeed(bench.services, 'user');
    expect(engine.list.version).toBe(2);
    expect(bench.feedHost.downloads()).toEqual([expect.stringMatching(/^delta-1-2-/)]);
    expect(await verdictOf(bench, 'http://added-now.test/')).toBe('dangerous');
    expect(await verdictOf(bench, 'http://removed-later.test/')).toBe('unknown');
    expect(bench.dnr.dynamicWrites.length).toBe(writesBefore);
    expect(sessionRule(bench, OVERLAY_REDIRECT_RULE_ID)?.condition.requestDomains).toEqual(['added-now.test']);
    expect(sessionRule(bench, OVERLAY_ALLOW_RULE_ID)?.condition.requestDomains).toEqual(['removed-later.test']);
    expect(engine.list.overlay).toEqual({ added: ['added-now.test'], removed: ['removed-later.test'], allowed: ['removed-later.test'], excluded: [] });
    // Unchanged indicators keep their identity, so the page scanner's matcher cache holds.
    expect(engine.list.indicators).toBe(indicators);
  });

  it('is asked for with the ETag; "not modified" downloads nothing and counts as up to date', async () => {
    await bench.feedHost.publish(liveVersion(1, []));
    await syncFeed(bench.services, 'user');
    const { etag } = await readSyncState(bench);
    bench.feedHost.requests.length = 0;
    bench.clock.now = new Date(TEST_NOW.getTime() + 40 * MINUTE);
    await syncFeed(bench.services, 'schedule');
    expect(bench.feedHost.requests).toEqual([{ name: 'feed.json', ifNoneMatch: etag }]);
    expect(await readLastSync(bench)).toMatchObject({ isOk: true, at: bench.clock.now.toISOString() });
  });
});

describe('the schedule', () => {
  it('follows a good check by the regular interval, stretched to what feed.json asks', async () => {
    await bench.feedHost.publish(liveVersion(1, [], { minPollSeconds: 7200 }));
    await syncFeed(bench.services, 'schedule');
    expect(await readSyncAlarm()).toMatchObject({ scheduledTime: TEST_NOW.getTime() + 120 * MINUTE, periodInMinutes: 120 });
  });

  it('skips scheduled checks while automatic updates are off; "Check now" still checks', async () => {
    await bench.feedHost.publish(liveVersion(1, []));
    const engine = await bench.services.getEngine();
    engine.settings = { ...engine.settings, isAutoUpdateOn: false };
    await syncFeed(bench.services, 'schedule');
    expect(bench.feedHost.requests).toEqual([]);
    expect(await readSyncAlarm()).toBeUndefined();
    await syncFeed(bench.services, 'user');
    expect(engine.list.version).toBe(1);
    expect(await readSyncAlarm()).toBeUndefined();
  });

  it('asks a mirror the user set, still trusting only the pinned keys', async () => {
    const mirror = new TestFeedHost('https://mirror.example/feed/');
    const withMirror = startSyncBench({ otherHosts: [mirror] });
    await mirror.publish(liveVersion(1, ['mirrored.test']));
    const engine = await withMirror.services.getEngine();
    engine.settings = { ...engine.settings, feedUrl: `${mirror.baseUrl}feed.json` };
    await syncFeed(withMirror.services, 'user');
    expect(engine.list.version).toBe(1);
    expect(withMirror.feedHost.requests).toEqual([]);
    expect(await verdictOf(withMirror, 'http://mirrored.test/')).toBe('dangerous');
  });
});

describe('a worker stopped midway', () => {
  it('during the download leaves the old list in use, and the next check completes', async () => {
    await bench.feedHost.publish(liveVersion(1, ['next.test']));
    bench.feedHost.override = () => new Response(new ReadableStream({ pull: () => new Promise(() => undefined) }));
    const before = await pictureState(bench);
    void syncFeed(bench.services, 'user');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const restarted = bench.restart();
    expect(await pictureState(restarted)).toEqual(before);
    bench.feedHost.override = null;
    await syncFeed(restarted.services, 'user');
    expect((await restarted.services.getEngine()).list.version).toBe(1);
  });

  it('after the switch but before the rules were written: the next start writes them', async () => {
    await bench.feedHost.publish(liveVersion(1, ['switched.test']));
    await pictureState(bench);
    const dnr = (await import('webextension-polyfill')).default.declarativeNetRequest;
    const write = vi.spyOn(dnr, 'updateDynamicRules').mockRejectedValue(new Error('the worker stopped'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await syncFeed(bench.services, 'user');
    write.mockRestore();
    expect(bench.dnr.dynamic.size).toBeGreaterThan(0);
    expect([...bench.dnr.dynamic.values()].some((rule) => rule.condition.requestDomains?.includes('switched.test'))).toBe(false);
    const restarted = bench.restart();
    expect((await restarted.services.getEngine()).list.version).toBe(1);
    await vi.waitFor(() => expect([...restarted.dnr.dynamic.values()].some((rule) => rule.condition.requestDomains?.includes('switched.test'))).toBe(true));
  });
});

describe('a list whose stored rule domains are damaged', () => {
  it('takes the next version whole instead of failing every check, and its rules are whole again', async () => {
    await bench.feedHost.publish(liveVersion(1, ['kept.test']));
    await syncFeed(bench.services, 'user');
    await pictureState(bench);
    const db = (await bench.services.getEngine()).db;
    const [lostShard] = await db.getAllKeys('shards');
    await db.delete('shards', lostShard!);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const restarted = bench.restart();
    await restarted.feedHost.publish({ ...liveVersion(2, ['kept.test', 'added-now.test']), deltasFrom: [1] });
    restarted.feedHost.requests.length = 0;
    await syncFeed(restarted.services, 'user');
    expect((await restarted.services.getEngine()).list.version).toBe(2);
    expect(restarted.feedHost.downloads()).toEqual([expect.stringMatching(/^delta-1-2-/), expect.stringMatching(/^snapshot-2-/)]);
    expect(await readLastSync(restarted)).toMatchObject({ isOk: true });
    await pictureState(restarted);
    const { shards } = (await restarted.services.getEngine()).list;
    expect(await readShardsDomains(db, shards)).toHaveLength(shards.length);
    expect([...restarted.dnr.dynamic.values()].some((rule) => rule.condition.requestDomains?.includes('added-now.test'))).toBe(true);
  });
});
