// Turns a verified feed state (core's stateFromSnapshot / applyDelta, from the bundled seed or a
// download) into a list to install, and a stored list back into a working index or a whole feed
// state. The index is built once, when a list is installed; every later start loads its stored
// bytes as they are.
import { BlocklistIndex } from '../core/blocklist/index.ts';
import type { FeedState } from '../core/feed/index.ts';
import type { ScamWarnerDb, StoredListState } from './db.ts';
import { readShardsDomains, type ListPayload } from './list-store.ts';
import { EMPTY_OVERLAY } from './rules/overlay.ts';

export function loadIndex(bytes: Uint8Array): BlocklistIndex {
  return BlocklistIndex.load(bytes);
}

export function payloadFromState(state: FeedState, origin: ListPayload['origin']): ListPayload {
  return {
    feed: state.feed,
    version: state.version,
    origin,
    entryCount: state.index.size,
    index: state.index.serialize(),
    // Only whole registrable domains fit the DNR rules; hosts and URL prefixes are checked on navigation.
    blockDomains: state.blockDomains,
    allowDomains: [...state.allowDomains],
    indicators: [...state.indicators],
  };
}

/** No list at all (the bundled one was refused and none came yet): held in memory only, never stored. */
export function emptyList(now: Date): StoredListState {
  return {
    id: 'none',
    feed: '',
    version: 0,
    origin: 'none',
    installedAt: now.toISOString(),
    entryCount: 0,
    index: BlocklistIndex.build([]).serialize(),
    shards: [],
    overlay: EMPTY_OVERLAY,
    allowDomains: [],
    indicators: [],
  };
}

/** The stored list as core's feed state, for a delta to apply to: its domains are the base shards' with the overlay applied. */
export async function readFeedState(db: ScamWarnerDb, list: StoredListState, index: BlocklistIndex): Promise<FeedState> {
  const shards = await readShardsDomains(db, list.shards);
  const overlay = list.overlay ?? EMPTY_OVERLAY;
  const blockDomains = new Set<string>();
  for (const domains of shards) for (const domain of domains) blockDomains.add(domain);
  for (const domain of overlay.removed) blockDomains.delete(domain);
  for (const domain of overlay.added) blockDomains.add(domain);
  return {
    feed: list.feed,
    version: list.version,
    index,
    blockDomains,
    allowDomains: new Set(list.allowDomains),
    indicators: list.indicators,
  };
}
