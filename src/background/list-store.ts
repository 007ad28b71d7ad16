// Installs a complete list (from the bundled seed or a verified feed update) and switches to it in
// one IndexedDB transaction: a worker stopped halfway leaves the previous list active and intact.
import type { Indicator } from '../core/types.ts';
import type { SyncResult } from '../shared/protocol.ts';
import type { IDBPObjectStore } from 'idb';
import { readMeta, type ScamWarnerDb, type ScamWarnerSchema, type StoredListState, type StoredShard } from './db.ts';
import { planShards, type DomainShard } from './rules/shard-plan.ts';
import { FEED_SYNC_KEY, toMetaValue, type FeedSyncState } from './sync/sync-state.ts';

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

type ShardStore = IDBPObjectStore<ScamWarnerSchema, ['lists', 'shards', 'meta'], 'shards', 'readwrite'>;

/** Puts the shards this list needs that are not stored yet and deletes those it no longer needs. */
async function writeShards(store: ShardStore, shards: DomainShard[]): Promise<void> {
  const wantedKeys = new Set(shards.map((shard) => getShardKey(shard.ruleId, shard.digest)));
  const storedKeys = new Set(await store.getAllKeys());
  for (const shard of shards) {
    const key = getShardKey(shard.ruleId, shard.digest);
    if (!storedKeys.has(key)) await store.put({ key, ...shard } satisfies StoredShard);
  }
  for (const key of storedKeys) if (!wantedKeys.has(key)) await store.delete(key);
}

export async function installListState(db: ScamWarnerDb, payload: ListPayload, now: Date, records: InstallRecords = {}): Promise<StoredListState> {
  const shards = planShards(payload.blockDomains);
  const state: StoredListState = {
    id: `${payload.origin}-${payload.version}-${now.getTime()}`,
    feed: payload.feed,
    version: payload.version,
    origin: payload.origin,
    installedAt: now.toISOString(),
    entryCount: payload.entryCount,
    index: payload.index,
    shards: shards.map(({ ruleId, digest }) => ({ ruleId, digest })),
    allowDomains: [...payload.allowDomains].sort(),
    indicators: payload.indicators,
  };
  const tx = db.transaction(['lists', 'shards', 'meta'], 'readwrite');
  try {
    await writeShards(tx.objectStore('shards'), shards);
    const meta = tx.objectStore('meta');
    const previousId = (await meta.get('activeListId')) as string | undefined;
    await tx.objectStore('lists').put(state);
    await meta.put(state.id, 'activeListId');
    if (records.lastSync) await meta.put(records.lastSync, 'lastSync');
    if (records.feedSync) await meta.put(toMetaValue(records.feedSync), FEED_SYNC_KEY);
    if (previousId !== undefined && previousId !== state.id) await tx.objectStore('lists').delete(previousId);
  } catch (error) {
    // A request that throws (a value that cannot be stored) does not abort the transaction by itself.
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
  return state;
}

export async function readActiveList(db: ScamWarnerDb): Promise<StoredListState | undefined> {
  const id = await readMeta(db, 'activeListId');
  return id === undefined ? undefined : db.get('lists', id);
}

export async function readShardDomains(db: ScamWarnerDb, ruleId: number, digest: string): Promise<string[]> {
  const shard = await db.get('shards', getShardKey(ruleId, digest));
  if (!shard) throw new Error(`list shard ${ruleId} (${digest}) is missing from storage`);
  return shard.domains;
}
