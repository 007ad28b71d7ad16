// Every refusal, each with a crafted feed: the list in use stays exactly as it was (storage, memory,
// browser rules), the popup's record says why in plain words, and the next check backs off.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syncFeed } from '../../../../src/background/sync/run-sync.ts';
import { readLocale, removeFakeChrome } from '../../shared/support/fake-chrome.ts';
import { getSeedLineage } from '../../../../src/background/sync/seed-lineage.ts';
import { STRANGER_KEY, TEST_KEY } from '../support/test-feed.ts';
import { domainEntries, liveVersion, pictureState, readLastSync, readSyncAlarm, readSyncState, startSyncBench, verdictOf, type SyncBench } from './sync-support.ts';

const ENGLISH = readLocale('en');
const MINUTE = 60_000;
let bench: SyncBench;

/** A list from the live feed at version 3 in use, its rules written. */
beforeEach(async () => {
  bench = startSyncBench();
  await bench.feedHost.publish(liveVersion(3, ['kept.test']));
  await syncFeed(bench.services, 'user');
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  removeFakeChrome();
  vi.restoreAllMocks();
});

const replaceFile = (name: string, change: (bytes: Uint8Array) => Uint8Array) => {
  const bytes = bench.feedHost.files.get(name);
  if (!bytes) throw new Error(`no ${name}`);
  bench.feedHost.files.set(name, change(bytes));
};
const editText = (name: string, from: string, to: string) =>
  replaceFile(name, (bytes) => new TextEncoder().encode(new TextDecoder().decode(bytes).replace(from, to)));
const deltaName = () => [...bench.feedHost.files.keys()].find((name) => name.startsWith('delta-3-4-')) ?? '';

const CRAFTED: [code: string, craft: () => Promise<void>][] = [
  ['bad-signature', async () => {
    await bench.feedHost.publish({ ...liveVersion(4, ['next.test']), deltasFrom: [3] });
    editText('feed.json', '"minPollSeconds":1800', '"minPollSeconds":1801');
  }],
  ['unknown-key', async () => void (await bench.feedHost.publish({ ...liveVersion(4, ['next.test']), key: STRANGER_KEY }))],
  ['rollback', async () => void (await bench.feedHost.publish(liveVersion(2, ['older.test'], { issuedAt: '2025-02-28T00:00:00Z' })))],
  ['expired', async () => void (await bench.feedHost.publish(liveVersion(4, ['next.test'], { expiresAt: '2025-03-01T09:00:00Z' })))],
  ['hash-mismatch', async () => {
    await bench.feedHost.publish({ ...liveVersion(4, ['next.test']), deltasFrom: [3] });
    editText(deltaName(), 'next.test', 'nexx.test');
  }],
  ['size-mismatch', async () => {
    await bench.feedHost.publish({ ...liveVersion(4, ['next.test']), deltasFrom: [3] });
    replaceFile(deltaName(), (bytes) => bytes.slice(0, bytes.length - 40));
  }],
  ['too-large', async () => {
    await bench.feedHost.publish(liveVersion(4, ['next.test']));
    replaceFile('feed.json', (bytes) => new Uint8Array([...bytes.slice(0, -2), ...new TextEncoder().encode(' '.repeat(70_000)), ...bytes.slice(-2)]));
  }],
  ['malformed', async () => void bench.feedHost.files.set('feed.json', new TextEncoder().encode('<html>maintenance</html>'))],
];

describe('a refused update', () => {
  it.each(CRAFTED)('%s: keeps the list intact and says why', async (code, craft) => {
    const before = await pictureState(bench);
    await craft();
    bench.clock.now = new Date(bench.clock.now.getTime() + 31 * MINUTE);
    await syncFeed(bench.services, 'schedule');
    expect(await pictureState(bench)).toEqual(before);
    expect(await verdictOf(bench, 'http://kept.test/')).toBe('dangerous');
    expect(await verdictOf(bench, 'http://next.test/')).toBe('unknown');
    const reason = ENGLISH[`feed_error_${code.replace(/-/g, '_')}`]?.message;
    expect(await readLastSync(bench)).toEqual({ at: bench.clock.now.toISOString(), isOk: false, code, message: `Update refused. ${reason}` });
    expect((await readSyncState(bench)).failures).toBe(1);
    expect(console.warn).toHaveBeenCalledTimes(1);
  });
});

describe('a bundled seed served from the network', () => {
  it('is refused however new, as a newer build\'s ten-year seed replayed would be: the live feed stays', async () => {
    const before = await pictureState(bench);
    const seedLineage = await getSeedLineage(TEST_KEY.keyId);
    await bench.feedHost.publish({ feed: seedLineage, version: 1_900_000_000, entries: domainEntries('seeded.test'), issuedAt: '2025-03-01T09:00:00Z', expiresAt: '2035-03-01T00:00:00Z' });
    await syncFeed(bench.services, 'user');
    expect(await pictureState(bench)).toEqual(before);
    expect(await readLastSync(bench)).toMatchObject({ isOk: false, code: 'rollback' });
    expect(bench.feedHost.downloads()).toEqual([expect.stringMatching(/^snapshot-3-/)]);
    expect(await verdictOf(bench, 'http://seeded.test/')).toBe('unknown');
  });
});

describe('a frozen feed', () => {
  it('that answers "not modified" past its expiry is refused as expired', async () => {
    await bench.feedHost.publish(liveVersion(4, [], { expiresAt: '2025-03-02T00:00:00Z' }));
    await syncFeed(bench.services, 'user');
    const before = await pictureState(bench);
    bench.clock.now = new Date('2025-03-02T00:00:01Z');
    bench.feedHost.requests.length = 0;
    await syncFeed(bench.services, 'schedule');
    expect(bench.feedHost.requests).toEqual([{ name: 'feed.json', ifNoneMatch: expect.any(String) }]);
    expect(await readLastSync(bench)).toMatchObject({ isOk: false, code: 'expired' });
    expect(await pictureState(bench)).toEqual(before);
  });
});

describe('offline', () => {
  it('is quiet: no console output, a plain note, and checks that back off', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    bench.feedHost.isOnline = false;
    await syncFeed(bench.services, 'schedule');
    expect(await readLastSync(bench)).toMatchObject({ isOk: false, code: 'offline', message: 'The update server could not be reached (offline?).' });
    expect(console.warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    const start = bench.clock.now.getTime();
    expect((await readSyncAlarm())?.scheduledTime).toBe(start + 30 * MINUTE);
    for (let failure = 2; failure <= 8; failure++) await syncFeed(bench.services, 'schedule');
    expect((await readSyncState(bench)).failures).toBe(8);
    // 2^7 minutes with "equal jitter" at 0.5: three quarters of it, above feed.json's 30-minute floor.
    expect((await readSyncAlarm())?.scheduledTime).toBe(start + 96 * MINUTE);
    bench.feedHost.isOnline = true;
    await syncFeed(bench.services, 'schedule');
    expect((await readSyncState(bench)).failures).toBe(0);
    expect((await readSyncAlarm())?.scheduledTime).toBe(start + 30 * MINUTE);
  });
});
