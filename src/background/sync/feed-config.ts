// What the feed sync trusts and where it looks, fixed at build time (src/shared/build-settings.ts);
// tests pass their own keys, address and fetch.
import { parsePinnedKeys, type PinnedKey } from '../../core/feed/index.ts';
import { FEED_KEYS, FEED_URL } from '../../shared/build-settings.ts';
import type { FetchFunction } from './fetch-capped.ts';

export interface FeedConfig {
  /** The built-in feed.json address; the user may set a mirror instead. */
  url: string;
  /** The pinned public keys (base64 of raw Ed25519 keys). */
  keys: readonly string[];
  fetch: FetchFunction;
  /** For start-up delays and jitter. */
  random: () => number;
}

/** The feed as this build knows it. */
export function getBuiltInFeedConfig(overrides: Partial<FeedConfig> = {}): FeedConfig {
  return { url: FEED_URL, keys: FEED_KEYS, fetch: (input, init) => fetch(input, init), random: Math.random, ...overrides };
}

/** Without a pinned key nothing can be verified, not even the bundled seed: say so plainly. */
export function importPinnedKeys(config: FeedConfig): Promise<PinnedKey[]> {
  if (config.keys.length === 0) return Promise.reject(new Error('this build pins no feed keys (SCAM_WARNER_FEED_KEYS), so no list can be verified'));
  return parsePinnedKeys(config.keys.join(','));
}
