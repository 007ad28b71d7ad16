import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openDatabase, readMeta } from '../../../src/background/db.ts';
import { installListChange, installListState, readActiveList, readShardsDomains, rebaseList } from '../../../src/background/list-store.ts';
import { applyOverlayChanges, EMPTY_OVERLAY } from '../../../src/background/rules/overlay.ts';
import { planShards } from '../../../src/background/rules/shard-plan.ts';
import { domains, freshDatabaseName, makePayload } from './support/lists.ts';

const NOW = new Date('2025-03-01T10:00:00Z');

describe('database schema', () => {
  it('creates every store on a new profile and keeps data when opened again', async () => {
    const name = freshDatabaseName();
    const db = await openDatabase(name);
    expect([...db.objectStoreNames].sort()).toEqual(['allowlist', 'dismissals', 'lists', 'meta', 'reports', 'shards']);
    await db.put('allowlist', { host: 'kept.test', added: NOW.toISOString() });
    db.close();
    const again = await openDatabase(name);
    expect(await again.get('allowlist', 'kept.test')).toEqual({ host: 'kept.test', added: NOW.toISOString() });
    expect(again.version).toBe(DB_VERSION);
  });

  it('refuses to open a profile written by a newer version instead of damaging it', async () => {
    const name = freshDatabaseName();
    (await openDB(name, DB_VERSION + 1)).close();
    await expect(openDatabase(name)).rejects.toThrow();
  });
});

describe('installListState', () => {
  it('stores the whole list and makes it active', async () => {
    const db = await openDatabase(freshDatabaseName());
    const { list: state } = await installListState(db, makePayload(3, domains(500), { allowDomains: ['good.test'] }), NOW);
    const active = await readActiveList(db);
    expect(active).toEqual(state);
    expect(active?.index).toEqual(new Uint8Array([3, 1, 2, 3]));
    expect(active?.installedAt).toBe(NOW.toISOString());
    const stored = await readShardsDomains(db, active?.shards ?? []);
    expect(stored.flat().sort()).toEqual(domains(500).sort());
  });

  it('switches to a new version in one step and drops the old one and its unused shards', async () => {
    const db = await openDatabase(freshDatabaseName());
    await installListState(db, makePayload(1, domains(300)), NOW);
    const { list: next } = await installListState(db, makePayload(2, [...domains(300), 'added.test']), NOW, { lastSync: { at: NOW.toISOString(), isOk: true, code: null, message: null } });
    expect((await readActiveList(db))?.version).toBe(2);
    expect(await db.count('lists')).toBe(1);
    expect(await db.count('shards')).toBe(next.shards.length);
    expect(await readMeta(db, 'lastSync')).toMatchObject({ isOk: true });
  });

  it('leaves the previous list active and intact when writing the new one fails halfway', async () => {
    const db = await openDatabase(freshDatabaseName());
    const { list: first } = await installListState(db, makePayload(1, domains(200)), NOW);
    // A function cannot be stored: the write fails inside the transaction, after the shards were put.
    const broken = makePayload(2, domains(400), { indicators: [() => undefined] as never });
    await expect(installListState(db, broken, NOW)).rejects.toThrow();
    expect(await readActiveList(db)).toEqual(first);
    expect(await db.count('shards')).toBe(first.shards.length);
  });
});

describe('installListChange', () => {
  it('stores a delta\'s index and overlay on the same base, touching no shard record', async () => {
    const db = await openDatabase(freshDatabaseName());
    const { list: base } = await installListState(db, makePayload(1, domains(300)), NOW);
    const shardsBefore = await db.getAll('shards');
    const overlay = applyOverlayChanges(EMPTY_OVERLAY, { added: ['new.test'], removed: ['scam-0.test'] }, new Set([...domains(300).slice(1), 'new.test']));
    const later = new Date(NOW.getTime() + 60_000);
    const change = { version: 2, entryCount: 300, index: new Uint8Array([2]), allowDomains: [], indicators: [], overlay };
    const next = await installListChange(db, base, change, later, { lastSync: { at: later.toISOString(), isOk: true, code: null, message: null } });
    expect(await readActiveList(db)).toEqual(next);
    expect(next).toMatchObject({ version: 2, origin: 'feed', shards: base.shards, overlay, installedAt: later.toISOString() });
    expect(await db.getAll('shards')).toEqual(shardsBefore);
    expect(await db.count('lists')).toBe(1);
  });
});

describe('rebaseList', () => {
  it('moves the active list onto new shards and empties its overlay', async () => {
    const db = await openDatabase(freshDatabaseName());
    const { list } = await installListState(db, makePayload(1, domains(100)), NOW);
    const rebased = await rebaseList(db, list, planShards([...domains(100), 'folded.test']));
    expect(await readActiveList(db)).toEqual(rebased);
    expect(rebased.overlay).toEqual(EMPTY_OVERLAY);
    expect((await readShardsDomains(db, rebased.shards)).flat()).toContain('folded.test');
    expect(await db.count('shards')).toBe(rebased.shards.length);
  });

  it('refuses, changing nothing, when another list became active meanwhile', async () => {
    const db = await openDatabase(freshDatabaseName());
    const { list: old } = await installListState(db, makePayload(1, domains(100)), NOW);
    const { list: current } = await installListState(db, makePayload(2, domains(120)), new Date(NOW.getTime() + 1000));
    await expect(rebaseList(db, old, planShards(domains(100)))).rejects.toThrow(/another list became active/);
    expect(await readActiveList(db)).toEqual(current);
    expect((await readShardsDomains(db, current.shards)).flat().sort()).toEqual(domains(120).sort());
  });
});
