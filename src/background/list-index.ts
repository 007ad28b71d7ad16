// Turns a verified feed state (core's stateFromSnapshot / applyDelta, from the bundled seed or a
// download) into a list to install, and a stored list back into a working index or a whole feed
// state. The index is built once, when a list is installed; every later start loads its stored
// bytes as they are.
import { BlocklistIndex } from '../core/blocklist/index.ts';
import type { FeedState } from '../core/feed/index.ts';
import type { ScamWarnerDb, StoredListState } from './db.ts';
import { readShardDomains, type ListPayload } from './list-store.ts';

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

/** The stored list as core's feed state, for a delta to apply to: its domains come from its shards. */
export async function readFeedState(db: ScamWarnerDb, list: StoredListState, index: BlocklistIndex): Promise<FeedState> {
  const shards = await Promise.all(list.shards.map((shard) => readShardDomains(db, shard.ruleId, shard.digest)));
  return {
    feed: list.feed,
    version: list.version,
    index,
    blockDomains: new Set(shards.flat()),
    allowDomains: new Set(list.allowDomains),
    indicators: list.indicators,
  };
}
