// One sync step for the extension's service worker, with the network left to the caller: given the
// current state and the feed.json bytes just fetched, verify it, fetch what the plan needs through
// `fetchFile`, verify that, and return the next state. Throws a FeedError on any refusal; the caller
// keeps its current state and shows `feed_error_<code>`.
import { decodeDelta } from './delta.ts';
import { openManifest } from './envelope.ts';
import { isFeedError } from './errors.ts';
import { planUpdate, verifyFile } from './files.ts';
import type { PinnedKey } from './keys.ts';
import { DEFAULT_FEED_LIMITS, type FeedLimits } from './limits.ts';
import type { FeedManifest } from './manifest.ts';
import { decodeSnapshot } from './snapshot.ts';
import { applyDelta, compareStates, stateFromSnapshot, type FeedState, type StateChanges } from './state.ts';
import { FeedError } from './errors.ts';

export interface UpdateOptions {
  keys: readonly PinnedKey[];
  /** Epoch milliseconds. */
  now: number;
  /** Fetches a file named in feed.json (relative to it); should stop reading past `maxBytes`. */
  fetchFile(name: string, maxBytes: number): Promise<Uint8Array>;
  limits?: FeedLimits;
}

export type UpdateResult =
  | { type: 'current'; manifest: FeedManifest }
  | {
      type: 'updated';
      via: 'delta' | 'snapshot';
      manifest: FeedManifest;
      keyId: string;
      state: FeedState;
      changes: StateChanges;
      /** Bytes of the file downloaded after feed.json. */
      downloaded: number;
    };

export async function updateFeed(state: FeedState | null, manifestBytes: Uint8Array, options: UpdateOptions): Promise<UpdateResult> {
  const limits = options.limits ?? DEFAULT_FEED_LIMITS;
  let opened;
  try {
    opened = await openManifest(manifestBytes, { keys: options.keys, now: options.now, currentVersion: state?.version ?? null, maxBytes: limits.manifestBytes });
  } catch (error) {
    // The version the client already has, re-signed or re-served: nothing to do, nothing wrong.
    if (isFeedError(error, 'replay') && state) return { type: 'current', manifest: await manifestOf(manifestBytes, options, limits) };
    throw error;
  }
  const { manifest, keyId } = opened;
  const plan = planUpdate(state, manifest, limits);
  const bytes = await options.fetchFile(plan.file.name, plan.maxBytes);
  await verifyFile(bytes, plan.file, plan.maxBytes);
  if (plan.type === 'delta' && state) {
    const { state: next, changes } = applyDelta(state, decodeDelta(bytes));
    checkVersion(next, manifest);
    return { type: 'updated', via: 'delta', manifest, keyId, state: next, changes, downloaded: bytes.length };
  }
  const snapshot = decodeSnapshot(bytes);
  if (snapshot.feed !== manifest.feed) throw new FeedError('malformed', `the snapshot belongs to feed ${snapshot.feed}, feed.json to ${manifest.feed}`);
  const next = stateFromSnapshot(snapshot);
  checkVersion(next, manifest);
  return { type: 'updated', via: 'snapshot', manifest, keyId, state: next, changes: compareStates(state, next), downloaded: bytes.length };
}

function checkVersion(state: FeedState, manifest: FeedManifest): void {
  if (state.version !== manifest.version) {
    throw new FeedError('malformed', `the downloaded file leads to version ${state.version}, feed.json says ${manifest.version}`);
  }
}

/** The signed manifest of the current version (signature and expiry still checked). */
async function manifestOf(bytes: Uint8Array, options: UpdateOptions, limits: FeedLimits): Promise<FeedManifest> {
  return (await openManifest(bytes, { keys: options.keys, now: options.now, maxBytes: limits.manifestBytes })).manifest;
}
