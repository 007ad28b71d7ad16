// After an extension update, the package may bring a newer seed than the one installed. It replaces
// the installed list only if that list is a seed of the same lineage (same signing key) with a
// lower version: a user who already has a live feed keeps it (the feed is at least as new), and a
// seed of another lineage says nothing about which is newer.
import type { FeedManifest } from '../../core/feed/index.ts';
import type { StoredListState } from '../db.ts';
import { loadSeed, readSeedManifest } from '../seed.ts';
import type { Services } from '../services.ts';
import { applyFullList } from './apply-update.ts';

function isOlderSeed(list: StoredListState, bundled: Pick<FeedManifest, 'feed' | 'version'>): boolean {
  return list.origin === 'seed' && list.feed === bundled.feed && list.version < bundled.version;
}

/** Installs the bundled seed if it supersedes the list in use; says whether it did. */
export async function installNewerSeed(services: Services): Promise<boolean> {
  const engine = await services.getEngine();
  const now = services.now();
  const manifest = await readSeedManifest(services.extensionRoot, engine.feed, now);
  if (!isOlderSeed(engine.list, manifest)) return false;
  const seed = await loadSeed(services.extensionRoot, engine.feed, now);
  // Checked again as the list is switched: a feed update may have landed meanwhile.
  return applyFullList(engine, seed.state, 'seed', now, { feedSync: seed.feedSync }, (list) => isOlderSeed(list, seed.manifest));
}
