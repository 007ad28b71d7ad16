// The published folder: feed.json plus files named by version and content hash, so a cache can never
// serve one version's file for another's. Writes are atomic (temp file, then rename) and feed.json
// goes last, so a server never hands out a manifest naming a file that is not there yet.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSnapshot, readOwnManifest, type FeedManifest, type Snapshot } from '../../core/index.ts';

export const MANIFEST_FILE = 'feed.json';
const LOCK_FILE = '.publish.lock';
const SNAPSHOT_NAME = /^snapshot-(\d+)-[0-9a-f]{8}\.json$/;
const DELTA_NAME = /^delta-(\d+)-(\d+)-[0-9a-f]{8}\.json$/;

export interface PublishedFeed {
  manifest: FeedManifest;
  keyId: string;
  /** The current snapshot's exact bytes, to tell whether new content differs. */
  snapshotBytes: Uint8Array;
}

export function snapshotFileName(version: number, sha256: string): string {
  return `snapshot-${version}-${sha256.slice(0, 8)}.json`;
}

export function deltaFileName(from: number, to: number, sha256: string): string {
  return `delta-${from}-${to}-${sha256.slice(0, 8)}.json`;
}

/** The feed already published in a folder, or null for a fresh one. */
export function readPublishedFeed(dir: string): PublishedFeed | null {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  const { manifest, keyId } = readOwnManifest(new Uint8Array(readFileSync(path)));
  return { manifest, keyId, snapshotBytes: new Uint8Array(readFileSync(join(dir, manifest.snapshot.name))) };
}

/** Snapshot files by version, for the versions a new delta may start from. */
export function listSnapshotFiles(dir: string): Map<number, string> {
  const files = new Map<number, string>();
  for (const name of readdirSync(dir).sort()) {
    const match = SNAPSHOT_NAME.exec(name);
    if (match) files.set(Number(match[1]), name);
  }
  return files;
}

export function readSnapshotFile(dir: string, name: string): Snapshot {
  return decodeSnapshot(new Uint8Array(readFileSync(join(dir, name))));
}

export function writeFileAtomic(dir: string, name: string, bytes: Uint8Array): void {
  const temp = join(dir, `.${name}.tmp`);
  writeFileSync(temp, bytes);
  renameSync(temp, join(dir, name));
}

/** Deletes the feed's own files (never anything else) that no manifest or future delta needs. */
export function pruneFeedFiles(dir: string, keep: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (keep.has(name) || !(SNAPSHOT_NAME.test(name) || DELTA_NAME.test(name))) continue;
    rmSync(join(dir, name));
    removed.push(name);
  }
  return removed.sort();
}

/** One publish at a time per folder (a cron run overlapping a manual one would interleave versions). */
export async function withPublishLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const lock = join(dir, LOCK_FILE);
  try {
    closeSync(openSync(lock, 'wx'));
  } catch {
    throw new Error(`${lock} exists: another publish is running (if none is, a crashed one left it: delete it)`);
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}
