// The list bundled with the extension, so it protects from the first second and offline: a signed
// feed version of src/sources made when the extension is built (src/tools/seed.ts), verified here by
// the very path a download takes (signature against the pinned keys, expiry, hash, size, caps).
import { DEFAULT_FEED_LIMITS, openManifest, type FeedManifest, type FeedState } from '../core/feed/index.ts';
import { payloadFromState } from './list-index.ts';
import type { ListPayload } from './list-store.ts';
import { importPinnedKeys, type FeedConfig } from './sync/feed-config.ts';
import { stepFeed } from './sync/feed-step.ts';
import { fetchFileCapped } from './sync/fetch-capped.ts';
import { SEED_DIR, SEED_MANIFEST } from './sync/seed-files.ts';
import { syncStateOf, type FeedSyncState } from './sync/sync-state.ts';

export interface VerifiedSeed {
  payload: ListPayload;
  state: FeedState;
  feedSync: FeedSyncState;
  manifest: FeedManifest;
}

function fetchSeedFile(extensionRoot: string, feed: FeedConfig, name: string, maxBytes: number): Promise<Uint8Array> {
  return fetchFileCapped(feed.fetch, new URL(name, new URL(SEED_DIR, extensionRoot)).href, maxBytes);
}

export async function loadSeed(extensionRoot: string, feed: FeedConfig, now: Date): Promise<VerifiedSeed> {
  const fetchFile = (name: string, maxBytes: number) => fetchSeedFile(extensionRoot, feed, name, maxBytes);
  const manifestBytes = await fetchFile(SEED_MANIFEST, DEFAULT_FEED_LIMITS.manifestBytes);
  const result = await stepFeed(null, manifestBytes, { keys: await importPinnedKeys(feed), now: now.getTime(), fetchFile, source: 'bundle' });
  if (result.type !== 'updated') throw new Error('the bundled list did not lead to a list');
  return { payload: payloadFromState(result.state, 'seed'), state: result.state, feedSync: syncStateOf(result.manifest, null, null), manifest: result.manifest };
}

/** The bundled seed's feed.json, signature and expiry checked, without its snapshot. */
export async function readSeedManifest(extensionRoot: string, feed: FeedConfig, now: Date): Promise<FeedManifest> {
  const bytes = await fetchSeedFile(extensionRoot, feed, SEED_MANIFEST, DEFAULT_FEED_LIMITS.manifestBytes);
  return (await openManifest(bytes, { keys: await importPinnedKeys(feed), now: now.getTime() })).manifest;
}
