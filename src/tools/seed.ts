// The list bundled with the extension: a signed feed version of src/sources, made at build time by
// the very publish pipeline maintainers run, so the seed and the feed can never disagree, and
// checked here with the extension's own verification before it is bundled.
//
// Which key signs it (and which keys the build pins, SCAM_WARNER_FEED_KEYS):
// - SCAM_WARNER_FEED_KEYS set (a real build): SCAM_WARNER_SEED_KEY must name the private key file
//   (from `scam-warner keygen`) that signs the seed, and the build refuses a seed whose key is not pinned.
// - unset (development): a throwaway key kept in node_modules/.cache (never committed) signs the
//   seed and is the only key pinned; `vite build --mode release` refuses to build that way.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSigningKey, writeNewKeyPair, PRIVATE_KEY_FILE } from '../cli/publish/key-files.ts';
import { publishFeed } from '../cli/publish/publish-feed.ts';
import { MANIFEST_FILE } from '../cli/publish/feed-dir.ts';
import { getSeedLineage } from '../background/sync/seed-lineage.ts';
import {
  decodeSnapshot, encodeSnapshot, openManifest, parsePinnedKeys, readOwnManifest, sha256Hex, signManifest, type FeedManifest, type SigningKey,
} from '../core/index.ts';
import { errorMessage } from '../core/error-message.ts';

export const SEED_SOURCES_DIR = new URL('../sources/', import.meta.url);
export const DEV_KEY_DIR = fileURLToPath(new URL('../../node_modules/.cache/scam-warner/dev-feed-key/', import.meta.url));
/** The package is what vouches for its seed, so its manifest must not expire during the build's life. */
const SEED_LIFETIME_DAYS = 3650;

export interface SeedSigning {
  key: SigningKey;
  /** Base64 public keys to pin (what SCAM_WARNER_FEED_KEYS becomes in the build). */
  pinnedKeys: string[];
  isDevelopmentKey: boolean;
}

export interface SeedFile {
  name: string;
  bytes: Uint8Array;
}

/** Build time: SOURCE_DATE_EPOCH (seconds) for reproducible builds, else now. */
export function getBuildTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
}

export async function resolveSeedSigning(env: NodeJS.ProcessEnv, options: { isRelease: boolean; devKeyDir?: string }): Promise<SeedSigning> {
  const pinned = (env.SCAM_WARNER_FEED_KEYS ?? '').trim();
  if (pinned === '') {
    if (options.isRelease) throw new Error('a release build needs SCAM_WARNER_FEED_KEYS (the feed\'s public keys) and SCAM_WARNER_SEED_KEY (the private key file that signs the bundled list)');
    const key = await loadOrCreateDevKey(options.devKeyDir ?? DEV_KEY_DIR);
    return { key, pinnedKeys: [key.publicKey], isDevelopmentKey: true };
  }
  const keyFile = env.SCAM_WARNER_SEED_KEY?.trim();
  if (!keyFile) throw new Error('SCAM_WARNER_FEED_KEYS is set, so SCAM_WARNER_SEED_KEY must name the private key file (from `scam-warner keygen`) that signs the bundled list');
  const pinnedKeys = (await parsePinnedKeys(pinned)).map((key) => key.publicKey);
  return { key: await readSigningKey(keyFile), pinnedKeys, isDevelopmentKey: false };
}

/**
 * feed.json and the snapshot it names, verified against the pinned keys exactly as the extension
 * will. The sources go through `publish`; the result is then moved into the signing key's seed
 * lineage (src/background/sync/seed-lineage.ts) as version "build time in seconds", so each build's
 * seed is the next version of the last one and the extension never takes a seed from the network.
 */
export async function buildSeedFeed(sourcesDir: string, now: Date, signing: SeedSigning): Promise<SeedFile[]> {
  const out = mkdtempSync(join(tmpdir(), 'scam-warner-seed-'));
  try {
    const result = await publishFeed({ sources: sourcesDir, out, privateKey: signing.key, now, lifetimeDays: SEED_LIFETIME_DAYS });
    const published = readOwnManifest(new Uint8Array(readFileSync(join(out, MANIFEST_FILE)))).manifest;
    const seed = await moveToSeedLineage(published, new Uint8Array(readFileSync(join(out, result.snapshot.name))), signing.key, now);
    try {
      await openManifest(seed[0].bytes, { keys: await parsePinnedKeys(signing.pinnedKeys.join(',')), now: now.getTime() });
    } catch (error) {
      throw new Error(`refusing to bundle the seed: ${errorMessage(error)}`);
    }
    return seed;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The published version re-signed as the seed lineage's version for this build time. */
async function moveToSeedLineage(published: FeedManifest, snapshotBytes: Uint8Array, key: SigningKey, now: Date): Promise<[SeedFile, SeedFile]> {
  const feed = await getSeedLineage(key.keyId);
  const version = getSeedVersion(now);
  const snapshot = encodeSnapshot({ ...decodeSnapshot(snapshotBytes), feed, version });
  const sha256 = await sha256Hex(snapshot);
  const name = `seed-${version}-${sha256.slice(0, 8)}.json`;
  const manifest: FeedManifest = { ...published, feed, version, snapshot: { name, sha256, size: snapshot.length }, deltas: [] };
  return [
    { name: MANIFEST_FILE, bytes: await signManifest(manifest, key) },
    { name, bytes: snapshot },
  ];
}

/** Seconds since 1970: a later build's seed is always a higher version of the lineage. */
export function getSeedVersion(builtAt: Date): number {
  return Math.floor(builtAt.getTime() / 1000);
}

async function loadOrCreateDevKey(dir: string): Promise<SigningKey> {
  const file = join(dir, PRIVATE_KEY_FILE);
  try {
    return await readSigningKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true });
  try {
    await writeNewKeyPair(dir);
  } catch (error) {
    // Another build made it meanwhile: use that one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readSigningKey(file);
}
