// The background's lasting state in IndexedDB. The service worker can be stopped at any moment,
// so everything that matters is here, not in module variables. One upgrade branch per version:
// a profile at any old version is brought forward step by step.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Indicator } from '../core/types.ts';
import type { AllowedSite, ReportState, Settings, SyncResult } from '../shared/protocol.ts';
import type { ListOverlay } from './rules/overlay.ts';
import type { FeedSyncState } from './sync/sync-state.ts';

export const DB_NAME = 'scam-warner';
export const DB_VERSION = 2;

/** One complete list: written whole, then made active in the same transaction. */
export interface StoredListState {
  id: string;
  feed: string;
  version: number;
  /** `none`: no list could be installed yet (held in memory, never stored). */
  origin: 'seed' | 'feed' | 'none';
  installedAt: string;
  entryCount: number;
  /** The blocklist index's serialized bytes: loaded as they are, never rebuilt on start. */
  index: Uint8Array;
  /** Which DNR shard rules hold the list's base; their domains are in the `shards` store. */
  shards: { ruleId: number; digest: string }[];
  /** What changed since the base, as session rules (none on lists stored before overlays existed). */
  overlay?: ListOverlay;
  /** Domains and hosts the maintainers allow, written as one DNR allow rule. */
  allowDomains: string[];
  indicators: Indicator[];
}

/** A shard's domains, stored by content: lists that share a shard share its record. */
export interface StoredShard {
  /** `<ruleId>:<digest>` */
  key: string;
  ruleId: number;
  digest: string;
  domains: string[];
}

/** What the browser's dynamic rules hold, so a restart or an update rewrites only what differs. */
export interface AppliedRules {
  warningPageUrl: string;
  shards: Record<number, string>;
  listAllowDigest: string | null;
  userAllowDigest: string | null;
}

export interface MetaValues {
  activeListId: string;
  lastSync: SyncResult;
  appliedRules: AppliedRules;
  settings: Settings;
  feedSync: FeedSyncState;
}

export interface ScamWarnerSchema extends DBSchema {
  meta: { key: keyof MetaValues; value: MetaValues[keyof MetaValues] };
  lists: { key: string; value: StoredListState };
  shards: { key: string; value: StoredShard };
  allowlist: { key: string; value: AllowedSite };
  dismissals: { key: string; value: AllowedSite };
  /** The report queue and its recent history (version 2), keyed by each report's idempotency key. */
  reports: { key: string; value: ReportState };
}

export type ScamWarnerDb = IDBPDatabase<ScamWarnerSchema>;

export function openDatabase(name = DB_NAME): Promise<ScamWarnerDb> {
  return openDB<ScamWarnerSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        db.createObjectStore('lists', { keyPath: 'id' });
        db.createObjectStore('shards', { keyPath: 'key' });
        db.createObjectStore('allowlist', { keyPath: 'host' });
        db.createObjectStore('dismissals', { keyPath: 'host' });
      }
      if (oldVersion < 2) {
        db.createObjectStore('reports', { keyPath: 'id' });
      }
      // Version 3 and later: add `if (oldVersion < 3) { ... }` here; never edit the branches above.
    },
  });
}

export async function readMeta<K extends keyof MetaValues>(db: ScamWarnerDb, key: K): Promise<MetaValues[K] | undefined> {
  return (await db.get('meta', key)) as MetaValues[K] | undefined;
}

export async function writeMeta<K extends keyof MetaValues>(db: ScamWarnerDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.put('meta', value, key);
}
