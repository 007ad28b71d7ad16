// The list bundled with the extension, so it protects from the first second and offline: a signed
// feed version of src/sources made when the extension is built (src/tools/seed.ts), verified here by
// the very path a download takes (signature against the pinned keys, expiry, hash, size, caps).
import { DEFAULT_FEED_LIMITS, type FeedManifest } from '../core/feed/index.ts';
import { payloadFromState } from './list-index.ts';
import type { ListPayload } from './list-store.ts';
import { importPinnedKeys, type FeedConfig } from './sync/feed-config.ts';
import { stepFeed } from './sync/feed-step.ts';
import { fetchFileCapped } from './sync/fetch-capped.ts';
import { SEED_DIR, SEED_MANIFEST } from './sync/seed-files.ts';
import { syncStateOf, type FeedSyncState } from './sync/sync-state.ts';


export interface VerifiedSeed {
  payload: ListPayload;
  feedSync: FeedSyncState;
  manifest: FeedManifest;
}

export async function loadSeed(extensionRoot: string, feed: FeedConfig, now: Date): Promise<VerifiedSeed> {
  const base = new URL(SEED_DIR, extensionRoot);
  const fetchFile = (name: string, maxBytes: number) => fetchFileCapped(feed.fetch, new URL(name, base).href, maxBytes);
  const manifestBytes = await fetchFile(SEED_MANIFEST, DEFAULT_FEED_LIMITS.manifestBytes);
  const result = await stepFeed(null, manifestBytes, { keys: await importPinnedKeys(feed), now: now.getTime(), fetchFile });
  if (result.type !== 'updated') throw new Error('the bundled list did not lead to a list');
  return { payload: payloadFromState(result.state, 'seed'), feedSync: syncStateOf(result.manifest, null, null), manifest: result.manifest };
}
