// Schema version 2 adds the report queue; a profile written by version 1 keeps all it had.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/background/db.ts';
import { freshDatabaseName } from '../support/lists.ts';

const ADDED = '2025-02-01T09:00:00.000Z';

/** A profile exactly as schema version 1 left it, with data in every store. */
async function createVersionOneProfile(name: string): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(v1) {
      v1.createObjectStore('meta');
      v1.createObjectStore('lists', { keyPath: 'id' });
      v1.createObjectStore('shards', { keyPath: 'key' });
      v1.createObjectStore('allowlist', { keyPath: 'host' });
      v1.createObjectStore('dismissals', { keyPath: 'host' });
    },
  });
  await db.put('meta', 'list-7', 'activeListId');
  await db.put('meta', { sensitivity: 'high', feedUrl: null, isAutoUpdateOn: false }, 'settings');
  await db.put('lists', { id: 'list-7', version: 7, index: new Uint8Array([1, 2, 3]) });
  await db.put('shards', { key: '1:abc', ruleId: 1, digest: 'abc', domains: ['evil-scam.test'] });
  await db.put('allowlist', { host: 'kept.test', added: ADDED });
  await db.put('dismissals', { host: 'quiet.test', added: ADDED });
  db.close();
}

describe('schema version 2', () => {
  it('upgrades a version 1 profile: every store and record kept, an empty report queue added', async () => {
    const name = freshDatabaseName();
    await createVersionOneProfile(name);
    const db = await openDatabase(name);
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames]).toContain('reports');
    expect(await db.getAll('reports')).toEqual([]);
    expect(await db.get('meta', 'activeListId')).toBe('list-7');
    expect(await db.get('meta', 'settings')).toEqual({ sensitivity: 'high', feedUrl: null, isAutoUpdateOn: false });
    expect(await db.get('lists', 'list-7')).toEqual({ id: 'list-7', version: 7, index: new Uint8Array([1, 2, 3]) });
    expect(await db.get('shards', '1:abc')).toMatchObject({ domains: ['evil-scam.test'] });
    expect(await db.get('allowlist', 'kept.test')).toEqual({ host: 'kept.test', added: ADDED });
    expect(await db.get('dismissals', 'quiet.test')).toEqual({ host: 'quiet.test', added: ADDED });
    db.close();
  });

  it('keeps queued reports when the profile is opened again', async () => {
    const name = freshDatabaseName();
    const db = await openDatabase(name);
    const report = { url: 'http://evil-scam.test/', kind: 'scam' as const };
    await db.put('reports', { id: 'report-key-1', report, state: 'queued', queuedAt: ADDED, attempts: 0, nextAttemptAt: ADDED, lastProblem: null, serverId: null, settledAt: null, refusal: null });
    db.close();
    const again = await openDatabase(name);
    expect(await again.get('reports', 'report-key-1')).toMatchObject({ report, state: 'queued' });
    again.close();
  });
});
