// The seed the build bundles: signed, verified against the keys the build pins before it is bundled,
// and never signed by a key the build does not pin.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeNewKeyPair } from '../../../src/cli/publish/key-files.ts';
import { decodeSnapshot, importPublicKey, openManifest, sha256Hex } from '../../../src/core/feed/index.ts';
import { getSeedLineage } from '../../../src/background/sync/seed-lineage.ts';
import { buildSeedFeed, getSeedVersion, resolveSeedSigning, SEED_SOURCES_DIR } from '../../../src/tools/seed.ts';

const BUILT_AT = new Date('2025-03-01T10:00:00Z');
const folders: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'scam-warner-seed-test-'));
  folders.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('which key signs the seed', () => {
  it('in a development build: a throwaway key, made once, kept and pinned alone', async () => {
    const devKeyDir = join(tempDir(), 'dev-key');
    const first = await resolveSeedSigning({}, { isRelease: false, devKeyDir });
    const again = await resolveSeedSigning({}, { isRelease: false, devKeyDir });
    expect(first.isDevelopmentKey).toBe(true);
    expect(again.key.keyId).toBe(first.key.keyId);
    expect(first.pinnedKeys).toEqual([first.key.publicKey]);
  });

  it('a release build refuses to make one up', async () => {
    await expect(resolveSeedSigning({}, { isRelease: true, devKeyDir: tempDir() })).rejects.toThrow(/SCAM_WARNER_FEED_KEYS/);
  });

  it('with pinned keys: the seed key file is required, and bad pins are refused', async () => {
    const keys = await writeNewKeyPair(tempDir());
    await expect(resolveSeedSigning({ SCAM_WARNER_FEED_KEYS: keys.publicKey }, { isRelease: true })).rejects.toThrow(/SCAM_WARNER_SEED_KEY/);
    await expect(resolveSeedSigning({ SCAM_WARNER_FEED_KEYS: 'not-a-key', SCAM_WARNER_SEED_KEY: keys.privateKeyFile }, { isRelease: true })).rejects.toThrow(/not an Ed25519 public key/);
    const signing = await resolveSeedSigning({ SCAM_WARNER_FEED_KEYS: ` ${keys.publicKey} `, SCAM_WARNER_SEED_KEY: keys.privateKeyFile }, { isRelease: true });
    expect(signing).toMatchObject({ isDevelopmentKey: false, pinnedKeys: [keys.publicKey], key: { keyId: keys.keyId } });
  });
});

describe('buildSeedFeed', () => {
  it('signs the project sources as a feed version the extension verifies, valid for the life of the build', async () => {
    const keys = await writeNewKeyPair(tempDir());
    const other = await writeNewKeyPair(tempDir());
    const env = { SCAM_WARNER_FEED_KEYS: `${other.publicKey},${keys.publicKey}`, SCAM_WARNER_SEED_KEY: keys.privateKeyFile };
    const files = await buildSeedFeed(fileURLToPath(SEED_SOURCES_DIR), BUILT_AT, await resolveSeedSigning(env, { isRelease: true }));
    expect(files.map((file) => file.name)).toEqual(['feed.json', expect.stringMatching(/^seed-1740823200-[0-9a-f]{8}\.json$/)]);
    const [manifestFile, snapshotFile] = files;
    const tenYearsOn = BUILT_AT.getTime() + 9.9 * 365 * 24 * 3600 * 1000;
    const { manifest, keyId } = await openManifest(manifestFile!.bytes, { keys: [await importPublicKey(keys.publicKey)], now: tenYearsOn });
    expect(keyId).toBe(keys.keyId);
    expect(manifest.snapshot).toEqual({ name: snapshotFile!.name, sha256: await sha256Hex(snapshotFile!.bytes), size: snapshotFile!.bytes.length });
    const snapshot = decodeSnapshot(snapshotFile!.bytes);
    expect(snapshot.entries.flatMap((group) => group.values)).toContain('evil-scam.test');
    expect(snapshot).toMatchObject({ feed: manifest.feed, version: manifest.version });
  });

  it('puts every build of one key in that key\'s seed lineage, a later build at a higher version', async () => {
    const keys = await writeNewKeyPair(tempDir());
    const signing = await resolveSeedSigning({ SCAM_WARNER_FEED_KEYS: keys.publicKey, SCAM_WARNER_SEED_KEY: keys.privateKeyFile }, { isRelease: true });
    const pinned = [await importPublicKey(keys.publicKey)];
    const open = async (builtAt: Date) => {
      const [manifestFile] = await buildSeedFeed(fileURLToPath(SEED_SOURCES_DIR), builtAt, signing);
      return (await openManifest(manifestFile!.bytes, { keys: pinned, now: builtAt.getTime() })).manifest;
    };
    const later = new Date(BUILT_AT.getTime() + 86_400_000);
    const [first, second] = [await open(BUILT_AT), await open(later)];
    expect(first).toMatchObject({ feed: await getSeedLineage(keys.keyId), version: getSeedVersion(BUILT_AT), deltas: [] });
    expect(second).toMatchObject({ feed: first.feed, version: getSeedVersion(later) });
    expect(second.version).toBeGreaterThan(first.version);
  });

  it('refuses to bundle a seed signed by a key the build does not pin', async () => {
    const pinned = await writeNewKeyPair(tempDir());
    const stranger = await writeNewKeyPair(tempDir());
    const signing = await resolveSeedSigning({ SCAM_WARNER_FEED_KEYS: pinned.publicKey, SCAM_WARNER_SEED_KEY: stranger.privateKeyFile }, { isRelease: true });
    await expect(buildSeedFeed(fileURLToPath(SEED_SOURCES_DIR), BUILT_AT, signing)).rejects.toThrow(/refusing to bundle the seed: .*not among the trusted keys/);
  });
});
