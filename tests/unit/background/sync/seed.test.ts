// The bundled seed goes through the same verification as a download before it is installed: a seed
// that is not signed by a pinned key, or whose snapshot was changed, is never installed.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/background/db.ts';
import { readActiveList } from '../../../../src/background/list-store.ts';
import { SEED_DIR, SEED_MANIFEST } from '../../../../src/background/sync/seed-files.ts';
import { removeFakeChrome } from '../../shared/support/fake-chrome.ts';
import { ROOT, SEED_ENTRIES, SEED_FEED, SEED_ISSUED_AT, makeSeedHost, startTestBackground } from '../support/background.ts';
import { freshDatabaseName } from '../support/lists.ts';
import { STRANGER_KEY, TestFeedHost } from '../support/test-feed.ts';

afterEach(() => removeFakeChrome());

async function startWithSeed(seedHost: TestFeedHost) {
  const databaseName = freshDatabaseName();
  const background = startTestBackground(databaseName, undefined, { seedHost });
  const started = await background.services.getEngine().then(() => null, (error: unknown) => error);
  return { started, stored: await readActiveList(await openDatabase(databaseName)) };
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

  it('signed by a key this build does not pin is refused, and nothing is installed', async () => {
    const seedHost = new TestFeedHost(`${ROOT}${SEED_DIR}`);
    await seedHost.publish({ feed: SEED_FEED, version: 7, entries: SEED_ENTRIES, issuedAt: SEED_ISSUED_AT, key: STRANGER_KEY });
    const { started, stored } = await startWithSeed(seedHost);
    expect(started).toMatchObject({ name: 'FeedError', code: 'unknown-key' });
    expect(stored).toBeUndefined();
  });

  it('whose snapshot was changed after signing is refused', async () => {
    const seedHost = await makeSeedHost();
    const name = [...seedHost.files.keys()].find((file) => file.startsWith('snapshot-')) ?? '';
    const text = new TextDecoder().decode(seedHost.files.get(name));
    seedHost.files.set(name, new TextEncoder().encode(text.replace('evil-scam.test', 'evil-scam.tesx')));
    const { started, stored } = await startWithSeed(seedHost);
    expect(started).toMatchObject({ code: 'hash-mismatch' });
    expect(stored).toBeUndefined();
  });
});
