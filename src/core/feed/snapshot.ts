// The snapshot file: the whole list of one version. It ships the entries (not the client's compiled
// index) because the domain strings are needed anyway for the browser's redirect rules, because the
// index only holds hashes, and because the index's binary layout belongs to the extension's code
// version while the feed must serve every installed version alike.
import { encodeUtf8 } from './bytes.ts';
import { FEED_FORMAT } from './limits.ts';
import { FEED_ID_PATTERN } from './manifest.ts';
import { toWireGroups, validateEntryGroups, validateIndicatorGroups, type FeedContent } from './content.ts';
import { expectInteger, expectLiteral, expectObject, expectString, parseJsonBytes } from './validate.ts';

export interface Snapshot extends FeedContent {
  feed: string;
  version: number;
}

export function encodeSnapshot(snapshot: Snapshot): Uint8Array {
  return encodeUtf8(
    `${JSON.stringify({
      format: FEED_FORMAT,
      type: 'snapshot',
      feed: snapshot.feed,
      version: snapshot.version,
      entries: toWireGroups(snapshot.entries),
      indicators: toWireGroups(snapshot.indicators),
    })}\n`,
  );
}

export function decodeSnapshot(bytes: Uint8Array): Snapshot {
  const object = expectObject(parseJsonBytes(bytes, 'snapshot'), 'snapshot');
  expectLiteral(object.format, FEED_FORMAT, 'snapshot format');
  expectLiteral(object.type, 'snapshot', 'snapshot type');
  return {
    feed: expectString(object.feed, 'snapshot feed', FEED_ID_PATTERN),
    version: expectInteger(object.version, 'snapshot version', 1),
    entries: validateEntryGroups(object.entries, 'snapshot entries'),
    indicators: validateIndicatorGroups(object.indicators, 'snapshot indicators'),
  };
}
