// Size caps, checked before anything is hashed or parsed. They bound what a hostile network or a
// compromised host can make a client download, hold in memory or parse.

export interface FeedLimits {
  manifestBytes: number;
  snapshotBytes: number;
  deltaBytes: number;
}

export const DEFAULT_FEED_LIMITS: Readonly<FeedLimits> = {
  manifestBytes: 64 * 1024,
  // A 1M-entry snapshot is about 20 MB; leave room to grow to a few million entries.
  snapshotBytes: 96 * 1024 * 1024,
  deltaBytes: 24 * 1024 * 1024,
};

/** At most this many deltas in one feed.json. */
export const MAX_DELTAS = 64;
export const MAX_ENTRY_VALUE_LENGTH = 2048;
export const MAX_INDICATOR_VALUE_LENGTH = 512;
export const MAX_SOURCE_NAME_LENGTH = 120;
export const FEED_FORMAT = 1;
