// The engine's start: the stored list as it is, or the bundled seed when the stored index is one
// this version cannot read (an older build's format), which must never leave the extension unable
// to start.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../src/background/db.ts';
import { readActiveList } from '../../../src/background/list-store.ts';
import { removeFakeChrome } from '../shared/support/fake-chrome.ts';
import { SEED_FEED, startTestBackground } from './support/background.ts';
import { freshDatabaseName } from './support/lists.ts';
import { verdictOf } from './sync/sync-support.ts';

afterEach(() => {
  removeFakeChrome();
  vi.restoreAllMocks();
});

describe('startEngine', () => {
  it('loads the stored list on a later start without fetching the seed again', async () => {
    const databaseName = freshDatabaseName();
    const first = startTestBackground(databaseName);
    const { list } = await first.services.getEngine();
    const again = first.restart();
    expect((await again.services.getEngine()).list.id).toBe(list.id);
    expect(again.seedFetches()).toBe(0);
  });

  it('falls back to the bundled seed when the stored index cannot be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const databaseName = freshDatabaseName();
    const first = startTestBackground(databaseName);
    const { list } = await first.services.getEngine();
    const db = await openDatabase(databaseName);
    await db.put('lists', { ...list, index: new Uint8Array([0xde, 0xad, 0xbe, 0xef]) });
    const again = first.restart();
    const engine = await again.services.getEngine();
    expect(engine.list).toMatchObject({ feed: SEED_FEED, origin: 'seed' });
    expect(again.seedFetches()).toBe(1);
    expect(await verdictOf(again, 'http://evil-scam.test/')).toBe('dangerous');
    expect((await readActiveList(db))?.index).toEqual(list.index);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('cannot be read'), expect.anything());
  });
});
