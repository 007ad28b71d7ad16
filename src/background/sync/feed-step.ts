// One verified step from the list in use to what a feed.json offers, for downloads and the bundled
// seed alike. Core's updateFeed checks everything within one feed lineage (signature, rollback,
// replay, expiry, hash, size, caps); this adds the rule for moving between lineages, which a client
// on the seed must do to reach the live feed:
//   a different lineage is accepted only as a full snapshot (never a delta), under a manifest signed
//   by a pinned key, unexpired, and issued no earlier than the manifest the current list came with.
// Version numbers of two lineages say nothing about each other; signed issue times do, so an old
// lineage's manifest cannot be replayed to take a client back in time. A seed lineage's manifest
// (seed-lineage.ts) is accepted from the bundle only.
import {
  DEFAULT_FEED_LIMITS, FeedError, isFeedError, openManifest, planUpdate, updateFeed, type FeedManifest, type FeedState, type UpdateOptions, type UpdateResult,
} from '../../core/feed/index.ts';
import { isSeedLineage } from './seed-lineage.ts';

/** Where the active list stands: its lineage, its version and the issue time of its manifest. */
export interface FeedPosition {
  feed: string;
  version: number;
  issuedAt: string;
}

/** The list in use: where it stands, and (read only when a delta or a comparison needs it) its whole state. */
export interface CurrentList {
  position: FeedPosition;
  loadState(): Promise<FeedState>;
}

export interface StepOptions extends UpdateOptions {
  /** Where feed.json comes from: only the extension's own package may hold a seed. */
  source: 'bundle' | 'network';
}

export async function stepFeed(current: CurrentList | null, manifestBytes: Uint8Array, options: StepOptions): Promise<UpdateResult> {
  const maxBytes = (options.limits ?? DEFAULT_FEED_LIMITS).manifestBytes;
  // Signature and expiry first, before anything in the payload is believed.
  const { manifest } = await openManifest(manifestBytes, { keys: options.keys, now: options.now, maxBytes });
  if (options.source === 'network' && (await isSeedLineage(manifest.feed, options.keys))) {
    throw new FeedError('rollback', `feed.json is a bundled list (seed lineage ${manifest.feed}, issued ${manifest.issuedAt}), which is installed only from the extension itself`);
  }
  if (current === null) return updateFeed(null, manifestBytes, options);
  const { position } = current;
  if (manifest.feed !== position.feed) {
    checkLineageSwitch(manifest, position);
    return updateFeed(null, manifestBytes, options);
  }
  try {
    await openManifest(manifestBytes, { keys: options.keys, now: options.now, maxBytes, currentVersion: position.version });
  } catch (error) {
    // The version in use, re-signed or served again: up to date, and the stored list is not read.
    if (isFeedError(error, 'replay')) return { type: 'current', manifest };
    throw error;
  }
  // The download starts before the state is read (after a worker start, reading it back is most of
  // the work): the two overlap, and updateFeed then takes the file already on its way.
  const plan = planUpdate(position, manifest, options.limits);
  const download = options.fetchFile(plan.file.name, plan.maxBytes);
  download.catch(() => undefined);
  const fetchFile = (name: string, maxBytes: number) => (name === plan.file.name && maxBytes === plan.maxBytes ? download : options.fetchFile(name, maxBytes));
  const state = await current.loadState().catch((error: unknown) => {
    // Its stored domains are damaged: a delta has nothing to apply to, and failing here would fail
    // every check from now on. The whole snapshot replaces the list instead (rollback is checked above).
    console.warn('Scam Warner: the list in use cannot be read back; taking the whole snapshot', error);
    return null;
  });
  return updateFeed(state, manifestBytes, state === null ? options : { ...options, fetchFile });
}

export function checkLineageSwitch(manifest: FeedManifest, position: FeedPosition): void {
  if (Date.parse(manifest.issuedAt) < Date.parse(position.issuedAt)) {
    throw new FeedError(
      'rollback',
      `feed.json belongs to feed ${manifest.feed} and was issued ${manifest.issuedAt}, before the list in use (feed ${position.feed}, issued ${position.issuedAt})`,
    );
  }
}
