// Where the feed sync stands between checks: the ETag of the last feed.json it accepted, what that
// manifest said (issue and expiry time, poll interval) and how many checks in a row have failed. It
// is written in the same transaction as the list it describes, so the ETag can never claim a
// version whose list did not land.
import type { FeedManifest } from '../../core/feed/index.ts';
import { readMeta, writeMeta, type ScamWarnerDb } from '../db.ts';

export interface FeedSyncState {
  /** The feed.json address `etag` belongs to; null for the bundled seed. */
  url: string | null;
  etag: string | null;
  /** issuedAt of the manifest the active list was accepted under: the bar for moving to another feed lineage. */
  listIssuedAt: string;
  /** expiresAt of that manifest: a feed that answers "not modified" past it is frozen. */
  expiresAt: string;
  minPollSeconds: number;
  /** Failed or refused checks since the last good one; drives the back-off. */
  failures: number;
}

/** A profile whose list predates signed seeds knows no issue time: any signed lineage may replace it. */
export const UNKNOWN_SYNC_STATE: Readonly<FeedSyncState> = {
  url: null,
  etag: null,
  listIssuedAt: '1970-01-01T00:00:00Z',
  expiresAt: '1970-01-01T00:00:00Z',
  minPollSeconds: 0,
  failures: 0,
};

export async function readFeedSync(db: ScamWarnerDb): Promise<FeedSyncState> {
  return { ...UNKNOWN_SYNC_STATE, ...(await readMeta(db, 'feedSync')) };
}

export async function writeFeedSync(db: ScamWarnerDb, state: FeedSyncState): Promise<void> {
  await writeMeta(db, 'feedSync', state);
}

/** The state after accepting `manifest` (fetched from `url` with `etag`; both null for the seed). */
export function syncStateOf(manifest: FeedManifest, url: string | null, etag: string | null): FeedSyncState {
  return { url, etag, listIssuedAt: manifest.issuedAt, expiresAt: manifest.expiresAt, minPollSeconds: manifest.minPollSeconds, failures: 0 };
}
