// Bundled seeds form a lineage of their own per signing key: every build's seed is the next version
// of it (its version is the build time in seconds), so an extension update can tell that its seed is
// newer than the one installed. The id is derived from the key in a way `publish` never uses, which
// marks a manifest as a seed: a seed is installed only from the package, never adopted from the
// network, where a newer build's long-lived seed manifest could otherwise be replayed to take a
// client off the live feed.
import { encodeUtf8, sha256Hex, type PinnedKey } from '../../core/feed/index.ts';

export async function getSeedLineage(keyId: string): Promise<string> {
  return (await sha256Hex(encodeUtf8(`scam-warner bundled seed lineage\n${keyId}`))).slice(0, 16);
}

/** Whether `feed` is the seed lineage of one of the pinned keys. */
export async function isSeedLineage(feed: string, keys: readonly Pick<PinnedKey, 'keyId'>[]): Promise<boolean> {
  const lineages = await Promise.all(keys.map((key) => getSeedLineage(key.keyId)));
  return lineages.includes(feed);
}
