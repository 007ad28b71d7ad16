// One verified step from the list in use to a feed.json, with the rule for moving to another
// lineage (the seed's lineage to the live feed's): a full snapshot only, signed by a pinned key,
// unexpired, and issued no earlier than the list in use.
import { describe, expect, it, vi } from 'vitest';
import { stepFeed, type CurrentList, type StepOptions } from '../../../../src/background/sync/feed-step.ts';
import { getSeedLineage } from '../../../../src/background/sync/seed-lineage.ts';
import { decodeSnapshot, importPublicKey, isFeedError, stateFromSnapshot } from '../../../../src/core/feed/index.ts';
import type { ListEntry } from '../../../../src/core/types.ts';
import { STRANGER_KEY, TEST_KEY, TestFeedHost } from '../support/test-feed.ts';

const SEED = '5eed5eed5eed5eed';
const LIVE = '11fe11fe11fe11fe';
const SEED_ISSUED = '2025-02-01T00:00:00Z';
const NOW = Date.parse('2025-03-01T10:00:00Z');
const PINNED = [await importPublicKey(TEST_KEY.publicKey)];
const entries = (...values: string[]): ListEntry[] => values.map((value) => ({ kind: 'domain', value, category: 'phishing', source: 'test', added: '2025-01-01' }));
const COMMON = Array.from({ length: 40 }, (_, i) => `common-${i}.test`);

async function seedList(host: TestFeedHost): Promise<CurrentList & { loads: () => number }> {
  const manifest = await host.publish({ feed: SEED, version: 7, entries: entries(...COMMON, 'seed-only.test'), issuedAt: SEED_ISSUED });
  const state = stateFromSnapshot(decodeSnapshot(host.files.get(manifest.snapshot.name)!));
  host.requests.length = 0;
  const loadState = vi.fn(async () => state);
  return { position: { feed: SEED, version: 7, issuedAt: SEED_ISSUED }, loadState, loads: () => loadState.mock.calls.length };
}

function optionsFor(host: TestFeedHost, source: StepOptions['source'] = 'network'): StepOptions {
  return { keys: PINNED, now: NOW, source, fetchFile: async (name) => new Uint8Array(await (await host.fetch(`${host.baseUrl}${name}`)).arrayBuffer()) };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (isFeedError(error) ? error.code : error));

describe('moving from the seed lineage to the live feed', () => {
  it('takes a newer lineage as a full snapshot, whatever its version number', async () => {
    const host = new TestFeedHost('https://feed.test/');
    const current = await seedList(host);
    await host.publish({ feed: LIVE, version: 1, entries: entries(...COMMON, 'live-only.test'), issuedAt: '2025-02-20T00:00:00Z' });
    const result = await stepFeed(current, host.files.get('feed.json')!, optionsFor(host));
    expect(result).toMatchObject({ type: 'updated', via: 'snapshot', state: { feed: LIVE, version: 1 } });
    expect(result.type === 'updated' && result.state.blockDomains.has('live-only.test')).toBe(true);
    expect(result.type === 'updated' && result.state.blockDomains.has('seed-only.test')).toBe(false);
    expect(host.downloads()).toEqual([expect.stringMatching(/^snapshot-1-/)]);
    expect(current.loads()).toBe(0);
  });

  it('never applies a delta across lineages, even one that claims to start from the version in use', async () => {
    const host = new TestFeedHost('https://feed.test/');
    const current = await seedList(host);
    // The same host publishing another lineage at version 8 with a "delta from 7" (from the seed's own snapshot).
    const manifest = await host.publish({ feed: LIVE, version: 8, entries: entries(...COMMON, 'live-only.test'), issuedAt: '2025-02-20T00:00:00Z', deltasFrom: [7] });
    expect(manifest.deltas.map((delta) => delta.from)).toEqual([7]);
    const result = await stepFeed(current, host.files.get('feed.json')!, optionsFor(host));
    expect(result).toMatchObject({ type: 'updated', via: 'snapshot', state: { feed: LIVE, version: 8 } });
    expect(host.downloads().every((name) => name.startsWith('snapshot-'))).toBe(true);
  });

  it('refuses a lineage issued before the list in use (an old feed replayed), downloading nothing', async () => {
    const host = new TestFeedHost('https://feed.test/');
    const current = await seedList(host);
    await host.publish({ feed: LIVE, version: 30, entries: entries('old.test'), issuedAt: '2025-01-31T23:59:59Z' });
    expect(await refusal(stepFeed(current, host.files.get('feed.json')!, optionsFor(host)))).toBe('rollback');
    expect(host.downloads()).toEqual([]);
  });

  it('refuses another lineage signed by a key that is not pinned, or expired', async () => {
    const host = new TestFeedHost('https://feed.test/');
    const current = await seedList(host);
    await host.publish({ feed: LIVE, version: 1, entries: entries('x.test'), issuedAt: '2025-02-20T00:00:00Z', key: STRANGER_KEY });
    expect(await refusal(stepFeed(current, host.files.get('feed.json')!, optionsFor(host)))).toBe('unknown-key');
    await host.publish({ feed: LIVE, version: 1, entries: entries('x.test'), issuedAt: '2025-02-20T00:00:00Z', expiresAt: '2025-02-27T00:00:00Z' });
    expect(await refusal(stepFeed(current, host.files.get('feed.json')!, optionsFor(host)))).toBe('expired');
    expect(host.downloads()).toEqual([]);
  });
});

describe('within one lineage', () => {
  it('answers "current" to the version in use served again, without reading the stored list', async () => {
    const host = new TestFeedHost('https://feed.test/');
    const current = await seedList(host);
    await host.publish({ feed: SEED, version: 7, entries: entries(...COMMON, 'seed-only.test'), issuedAt: '2025-02-25T00:00:00Z' });
    expect(await stepFeed(current, host.files.get('feed.json')!, optionsFor(host))).toMatchObject({ type: 'current', manifest: { version: 7 } });
    expect(current.loads()).toBe(0);
    expect(host.downloads()).toEqual([]);
  });

  it('refuses an older version, and applies a newer one by its delta', async () => {
    const host = new TestFeedHost('https://feed.test/');
    const current = await seedList(host);
    await host.publish({ feed: SEED, version: 6, entries: entries('x.test'), issuedAt: '2025-02-25T00:00:00Z' });
    expect(await refusal(stepFeed(current, host.files.get('feed.json')!, optionsFor(host)))).toBe('rollback');
    await host.publish({ feed: SEED, version: 8, entries: entries(...COMMON, 'new.test'), issuedAt: '2025-02-26T00:00:00Z', deltasFrom: [7] });
    const result = await stepFeed(current, host.files.get('feed.json')!, optionsFor(host));
    expect(result).toMatchObject({ type: 'updated', via: 'delta', state: { version: 8 }, changes: { blockDomains: { added: ['new.test'], removed: ['seed-only.test'] } } });
    expect(current.loads()).toBe(1);
  });
});

describe('a delta after a worker start', () => {
  it('is downloaded while the list in use is read back, and fetched only once', async () => {
    const host = new TestFeedHost('https://feed.test/');
    const current = await seedList(host);
    const state = await current.loadState();
    let downloadsWhenRead: string[] = [];
    const slowList: CurrentList = {
      position: current.position,
      loadState: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        downloadsWhenRead = host.downloads();
        return state;
      },
    };
    await host.publish({ feed: SEED, version: 8, entries: entries(...COMMON, 'new.test'), issuedAt: '2025-02-26T00:00:00Z', deltasFrom: [7] });
    expect(await stepFeed(slowList, host.files.get('feed.json')!, optionsFor(host))).toMatchObject({ type: 'updated', via: 'delta' });
    expect(downloadsWhenRead).toEqual([expect.stringMatching(/^delta-7-8-/)]);
    expect(host.downloads()).toHaveLength(1);
  });
});

describe('a list in use that cannot be read back', () => {
  it('is replaced by the whole snapshot instead of failing every check, and an older version is still refused', async () => {
    const host = new TestFeedHost('https://feed.test/');
    const current = await seedList(host);
    const damaged: CurrentList = { position: current.position, loadState: () => Promise.reject(new Error('list shard 3 is missing from storage')) };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await host.publish({ feed: SEED, version: 8, entries: entries(...COMMON, 'new.test'), issuedAt: '2025-02-26T00:00:00Z', deltasFrom: [7] });
    const result = await stepFeed(damaged, host.files.get('feed.json')!, optionsFor(host));
    expect(result).toMatchObject({ type: 'updated', via: 'snapshot', state: { feed: SEED, version: 8 } });
    expect(result.type === 'updated' && result.state.blockDomains.has('new.test')).toBe(true);
    const ahead: CurrentList = { ...damaged, position: { ...damaged.position, version: 9 } };
    expect(await refusal(stepFeed(ahead, host.files.get('feed.json')!, optionsFor(host)))).toBe('rollback');
  });
});

describe('a bundled seed lineage', () => {
  it('is refused from the network however new (a later build\'s long-lived seed replayed), downloading nothing', async () => {
    const host = new TestFeedHost('https://feed.test/');
    const current = await seedList(host);
    const seedLineage = await getSeedLineage(TEST_KEY.keyId);
    await host.publish({ feed: seedLineage, version: 1_900_000_000, entries: entries('x.test'), issuedAt: '2025-02-28T00:00:00Z', expiresAt: '2035-02-28T00:00:00Z' });
    const refused = await stepFeed(current, host.files.get('feed.json')!, optionsFor(host)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'rollback', message: expect.stringContaining('installed only from the extension') });
    expect(await refusal(stepFeed(null, host.files.get('feed.json')!, optionsFor(host)))).toBe('rollback');
    expect(host.downloads()).toEqual([]);
  });

  it('is installed from the package itself', async () => {
    const host = new TestFeedHost('https://feed.test/');
    await host.publish({ feed: await getSeedLineage(TEST_KEY.keyId), version: 1_900_000_000, entries: entries('x.test'), issuedAt: '2025-02-28T00:00:00Z' });
    expect(await stepFeed(null, host.files.get('feed.json')!, optionsFor(host, 'bundle'))).toMatchObject({ type: 'updated', via: 'snapshot' });
  });

  it('is a lineage of its own per key, which no other key\'s seed shares', async () => {
    const [mine, stranger] = await Promise.all([getSeedLineage(TEST_KEY.keyId), getSeedLineage(STRANGER_KEY.keyId)]);
    expect(mine).toMatch(/^[0-9a-f]{16}$/);
    expect(mine).not.toBe(stranger);
    expect(await getSeedLineage(TEST_KEY.keyId)).toBe(mine);
  });
});
