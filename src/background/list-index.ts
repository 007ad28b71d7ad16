// Turns a feed state (from the bundled seed's snapshot now, from signed feed updates later: core's
// stateFromSnapshot / applyDelta) into a list to install, and a stored list back into a working
// index. The index is built once, when a list is installed; every later start loads its stored
// bytes as they are.
import { BlocklistIndex } from '../core/blocklist/index.ts';
import type { FeedState } from '../core/feed/index.ts';
import type { ListPayload } from './list-store.ts';

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
