// Checking a downloaded file against feed.json: the declared size against the cap before download,
// then the real size, and only then the hash (a hash over an unbounded body would be the attack).
import { sha256Hex } from './bytes.ts';
import { FeedError } from './errors.ts';
import { DEFAULT_FEED_LIMITS, type FeedLimits } from './limits.ts';
import type { DeltaRef, FeedManifest, FileRef } from './manifest.ts';

export type UpdatePlan = { type: 'delta'; file: DeltaRef; maxBytes: number } | { type: 'snapshot'; file: FileRef; maxBytes: number };

export interface ClientPosition {
  feed: string;
  version: number;
}

/**
 * What to download to reach the manifest's version: the delta from the client's own version when
 * the feed has one (and it is smaller), otherwise the snapshot. Refuses files over their caps up front.
 */
export function planUpdate(current: ClientPosition | null, manifest: FeedManifest, limits: FeedLimits = DEFAULT_FEED_LIMITS): UpdatePlan {
  const delta = current && current.feed === manifest.feed ? manifest.deltas.find((ref) => ref.from === current.version) : undefined;
  if (delta && delta.size <= limits.deltaBytes && delta.size < manifest.snapshot.size) {
    return { type: 'delta', file: delta, maxBytes: limits.deltaBytes };
  }
  checkDeclaredSize(manifest.snapshot, limits.snapshotBytes);
  return { type: 'snapshot', file: manifest.snapshot, maxBytes: limits.snapshotBytes };
}

export function checkDeclaredSize(ref: FileRef, maxBytes: number): void {
  if (ref.size > maxBytes) throw new FeedError('too-large', `${ref.name} is declared as ${ref.size} bytes (at most ${maxBytes})`);
}

export async function verifyFile(bytes: Uint8Array, ref: FileRef, maxBytes: number): Promise<void> {
  checkDeclaredSize(ref, maxBytes);
  if (bytes.length > maxBytes) throw new FeedError('too-large', `${ref.name} is ${bytes.length} bytes (at most ${maxBytes})`);
  if (bytes.length !== ref.size) {
    throw new FeedError('size-mismatch', `${ref.name} is ${bytes.length} bytes, feed.json says ${ref.size}`);
  }
  const sha256 = await sha256Hex(bytes);
  if (sha256 !== ref.sha256) throw new FeedError('hash-mismatch', `${ref.name}'s SHA-256 is ${sha256}, feed.json says ${ref.sha256}`);
}
