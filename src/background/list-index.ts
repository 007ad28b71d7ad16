// Turns a verified feed state (core's stateFromSnapshot / applyDelta, from the bundled seed or a
// download) into a list to install, and a stored list back into a working index or a whole feed
// state. The index is built once, when a list is installed; every later start loads its stored
// bytes as they are.
import { BlocklistIndex } from '../core/blocklist/index.ts';
import type { FeedState } from '../core/feed/index.ts';
import { LayeredSet } from '../core/feed/layered-set.ts';
import type { ScamWarnerDb, StoredListState } from './db.ts';
import { readShardsDomains, type ListPayload } from './list-store.ts';
import { EMPTY_OVERLAY } from './rules/overlay.ts';
import { ShardedDomainSet } from './rules/shard-set.ts';

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

/**
 * The stored list as core's feed state, for a delta to apply to: its domains are the base shards'
 * as stored (searched in place, never copied into a Set) with the overlay layered over them.
 */
export async function readFeedState(db: ScamWarnerDb, list: StoredListState, index: BlocklistIndex): Promise<FeedState> {
  const shards = await readShardsDomains(db, list.shards);
  const base = new ShardedDomainSet(list.shards.map(({ ruleId }, at) => ({ ruleId, domains: shards[at] ?? [] })));
  const overlay = list.overlay ?? EMPTY_OVERLAY;
  // The overlay's added domains are outside the base and its removed ones inside it, as a layer's must be.
  const blockDomains = LayeredSet.change(base, new Set(overlay.added), new Set(overlay.removed));
  return {
    feed: list.feed,
    version: list.version,
    index,
    blockDomains,
    allowDomains: new Set(list.allowDomains),
    indicators: list.indicators,
  };
}
