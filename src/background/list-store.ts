// Installs a list (from the bundled seed or a verified feed update) and switches to it in one
// IndexedDB transaction: a worker stopped halfway leaves the previous list active and intact. A full
// list brings a new base (its rule shards' domains, stored by content); a delta keeps the base and
// stores only what is new: the index bytes and the overlay.
import type { Indicator } from '../core/types.ts';
import type { SyncResult } from '../shared/protocol.ts';
import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import { readMeta, type ScamWarnerDb, type ScamWarnerSchema, type StoredListState, type StoredShard } from './db.ts';
import { EMPTY_OVERLAY, type ListOverlay } from './rules/overlay.ts';
import { planShards, type DomainShard } from './rules/shard-plan.ts';
import type { FeedSyncState } from './sync/sync-state.ts';

/** Everything a list source (seed or feed) must provide. */
export interface ListPayload {
  /** The feed's id: a later update must come from the same feed. */
  feed: string;
  version: number;
  origin: StoredListState['origin'];
  entryCount: number;
  index: Uint8Array;
  /** Registrable domains to block with their subdomains (the DNR redirect rules). */
  blockDomains: Iterable<string>;
  /** Domains and hosts the maintainers allow. */
  allowDomains: string[];
  indicators: Indicator[];
}

/** Records that must change together with the list: the sync result and where the feed sync stands. */
export interface InstallRecords {
  lastSync?: SyncResult;
  feedSync?: FeedSyncState;
}

export function getShardKey(ruleId: number, digest: string): string {
  return `${ruleId}:${digest}`;
}

/** A delta's result on top of the list in use: the base shards stay, the rest is new. */
export type ListChange = Pick<StoredListState, 'version' | 'entryCount' | 'index' | 'allowDomains' | 'indicators'> & { overlay: ListOverlay };

type ListTransaction = IDBPTransaction<ScamWarnerSchema, ['lists', 'shards', 'meta'], 'readwrite'>;
type ShardStore = IDBPObjectStore<ScamWarnerSchema, ['lists', 'shards', 'meta'], 'shards', 'readwrite'>;

/** Puts the shards this list needs that are not stored yet and deletes those it no longer needs. */
async function writeShards(store: ShardStore, shards: readonly DomainShard[]): Promise<void> {
  const wantedKeys = new Set(shards.map((shard) => getShardKey(shard.ruleId, shard.digest)));
  const storedKeys = new Set(await store.getAllKeys());
  for (const shard of shards) {
    const key = getShardKey(shard.ruleId, shard.digest);
    if (!storedKeys.has(key)) await store.put({ key, ruleId: shard.ruleId, digest: shard.digest, domains: shard.domains } satisfies StoredShard);
  }
  for (const key of storedKeys) if (!wantedKeys.has(key)) await store.delete(key);
}

/** Runs `write` in one transaction over the list stores; any failure aborts it whole. */
async function writeListTransaction(db: ScamWarnerDb, write: (tx: ListTransaction) => Promise<void>): Promise<void> {
  const tx = db.transaction(['lists', 'shards', 'meta'], 'readwrite');
  try {
    await write(tx);
  } catch (error) {
    // A request that throws (a value that cannot be stored) does not abort the transaction by itself.
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
}

/** Stores `state` as the active list with the records that go with it, and drops the list it replaces. */
async function switchList(tx: ListTransaction, state: StoredListState, records: InstallRecords): Promise<void> {
  const meta = tx.objectStore('meta');
  const previousId = (await meta.get('activeListId')) as string | undefined;
  await tx.objectStore('lists').put(state);
  await meta.put(state.id, 'activeListId');
  if (records.lastSync) await meta.put(records.lastSync, 'lastSync');
  if (records.feedSync) await meta.put(records.feedSync, 'feedSync');
  if (previousId !== undefined && previousId !== state.id) await tx.objectStore('lists').delete(previousId);
}

function listId(origin: StoredListState['origin'], version: number, now: Date): string {
  return `${origin}-${version}-${now.getTime()}`;
}

/** A whole list with a new base: returns it with its shards' domains, for the rules to be written from memory. */
export async function installListState(db: ScamWarnerDb, payload: ListPayload, now: Date, records: InstallRecords = {}): Promise<{ list: StoredListState; shards: DomainShard[] }> {
  const shards = planShards(payload.blockDomains);
  const list: StoredListState = {
    id: listId(payload.origin, payload.version, now),
    feed: payload.feed,
    version: payload.version,
    origin: payload.origin,
    installedAt: now.toISOString(),
    entryCount: payload.entryCount,
    index: payload.index,
    shards: shards.map(({ ruleId, digest }) => ({ ruleId, digest })),
    overlay: EMPTY_OVERLAY,
    allowDomains: [...payload.allowDomains].sort(),
    indicators: payload.indicators,
  };
  await writeListTransaction(db, async (tx) => {
    await writeShards(tx.objectStore('shards'), shards);
    await switchList(tx, list, records);
  });
  return { list, shards };
}

/** A delta on top of `current`: the base shards are not touched, only the list record and its records. */
export async function installListChange(db: ScamWarnerDb, current: StoredListState, change: ListChange, now: Date, records: InstallRecords = {}): Promise<StoredListState> {
  const list: StoredListState = { ...current, ...change, id: listId('feed', change.version, now), origin: 'feed', installedAt: now.toISOString() };
  await writeListTransaction(db, (tx) => switchList(tx, list, records));
  return list;
}

/** The same list on a new base that holds its overlay (a compaction): the overlay empties. */
export async function rebaseList(db: ScamWarnerDb, current: StoredListState, shards: readonly DomainShard[]): Promise<StoredListState> {
  const list: StoredListState = { ...current, shards: shards.map(({ ruleId, digest }) => ({ ruleId, digest })), overlay: EMPTY_OVERLAY };
  await writeListTransaction(db, async (tx) => {
    if ((await tx.objectStore('meta').get('activeListId')) !== current.id) throw new Error('another list became active during the compaction');
    await writeShards(tx.objectStore('shards'), shards);
    await tx.objectStore('lists').put(list);
  });
  return list;
}

export async function readActiveList(db: ScamWarnerDb): Promise<StoredListState | undefined> {
  const id = await readMeta(db, 'activeListId');
  return id === undefined ? undefined : db.get('lists', id);
}

/** The domains of several shards, in their order, read in one transaction (one per shard costs more than the reading). */
export async function readShardsDomains(db: ScamWarnerDb, shards: readonly Pick<StoredShard, 'ruleId' | 'digest'>[]): Promise<string[][]> {
  const store = db.transaction('shards').store;
  return Promise.all(
    shards.map(async ({ ruleId, digest }) => {
      const shard = await store.get(getShardKey(ruleId, digest));
      if (!shard) throw new Error(`list shard ${ruleId} (${digest}) is missing from storage`);
      return shard.domains;
    }),
  );
}
