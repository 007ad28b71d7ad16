// `verify`: a published folder checked end to end the way a client would (signature against pinned
// keys, expiry, every file's size and hash against feed.json), plus what only the publisher can
// check: every delta applied to the snapshot it starts from gives the current snapshot exactly.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_FEED_LIMITS, applyContentDelta, countValues, decodeDelta, decodeSnapshot, encodeSnapshot, openManifest,
  verifyFile, type FileRef, type PinnedKey, type Snapshot,
} from '../../core/index.ts';
import { MANIFEST_FILE, listSnapshotFiles, readSnapshotFile } from './feed-dir.ts';

export interface VerifyReport {
  version: number;
  feed: string;
  keyId: string;
  expiresAt: string;
  entries: number;
  indicators: number;
  deltas: { from: number; name: string }[];
}

/** Throws the first problem found, as a one-line message; returns what was checked otherwise. */
export async function verifyFeedDir(dir: string, keys: readonly PinnedKey[], now: Date): Promise<VerifyReport> {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new Error(`${dir} has no ${MANIFEST_FILE}`);
  const { manifest, keyId } = await openManifest(new Uint8Array(readFileSync(manifestPath)), { keys, now: now.getTime() });
  const snapshot = decodeSnapshot(await readChecked(dir, manifest.snapshot, DEFAULT_FEED_LIMITS.snapshotBytes));
  if (snapshot.feed !== manifest.feed || snapshot.version !== manifest.version) {
    throw new Error(`${manifest.snapshot.name} is version ${snapshot.version} of feed ${snapshot.feed}, feed.json says ${manifest.version} of ${manifest.feed}`);
  }
  const expected = encodeSnapshot(snapshot);
  const bases = listSnapshotFiles(dir);
  for (const ref of manifest.deltas) {
    const delta = decodeDelta(await readChecked(dir, ref, DEFAULT_FEED_LIMITS.deltaBytes));
    if (delta.feed !== manifest.feed || delta.from !== ref.from || delta.to !== manifest.version) {
      throw new Error(`${ref.name} goes from ${delta.from} to ${delta.to} of feed ${delta.feed}, feed.json says ${ref.from} to ${manifest.version} of ${manifest.feed}`);
    }
    const baseName = bases.get(ref.from);
    if (baseName === undefined) throw new Error(`${ref.name} cannot be checked: the snapshot of version ${ref.from} is gone`);
    const result: Snapshot = { feed: manifest.feed, version: manifest.version, ...applyContentDelta(readSnapshotFile(dir, baseName), delta) };
    if (!isSameBytes(encodeSnapshot(result), expected)) throw new Error(`${ref.name} applied to version ${ref.from} does not give ${manifest.snapshot.name}`);
  }
  return {
    version: manifest.version, feed: manifest.feed, keyId, expiresAt: manifest.expiresAt,
    entries: countValues(snapshot.entries), indicators: countValues(snapshot.indicators),
    deltas: manifest.deltas.map(({ from, name }) => ({ from, name })),
  };
}

async function readChecked(dir: string, ref: FileRef, maxBytes: number): Promise<Uint8Array> {
  const path = join(dir, ref.name);
  if (!existsSync(path)) throw new Error(`${ref.name} is named in feed.json but missing`);
  const bytes = new Uint8Array(readFileSync(path));
  await verifyFile(bytes, ref, maxBytes);
  return bytes;
}

function isSameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
