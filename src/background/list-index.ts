// Turns a feed snapshot (the bundled seed now, signed feed updates later) into a list to install,
// and a stored list back into a working index. The index is built once, when a list is installed;
// every later start loads its stored bytes as they are.
import { BlocklistIndex } from '../core/blocklist/index.ts';
import { expandEntries, expandIndicators, type Snapshot } from '../core/feed/index.ts';
import type { ListPayload } from './list-store.ts';

export function loadIndex(bytes: Uint8Array): BlocklistIndex {
  return BlocklistIndex.load(bytes);
}

export function buildListPayload(snapshot: Snapshot, origin: ListPayload['origin']): ListPayload {
  const entries = [...expandEntries(snapshot.entries)];
  const index = BlocklistIndex.build(entries);
  return {
    version: snapshot.version,
    origin,
    entryCount: index.size,
    index: index.serialize(),
    // Only whole registrable domains fit the DNR rules; hosts and URL prefixes are checked on navigation.
    blockDomains: entries.filter((entry) => entry.kind === 'domain' && entry.allow !== true).map((entry) => entry.value),
    allowDomains: entries.filter((entry) => entry.kind !== 'url-prefix' && entry.allow === true).map((entry) => entry.value),
    indicators: [...expandIndicators(snapshot.indicators)],
  };
}
