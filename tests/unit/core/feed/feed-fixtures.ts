// Shared builders for the feed tests: real keys, real signatures, crafted manifests.
import { generateSigningKey, importPublicKey, type PinnedKey, type SigningKey } from '../../../../src/core/feed/keys.ts';
import type { FeedManifest } from '../../../../src/core/feed/manifest.ts';
import type { ListEntry } from '../../../../src/core/types.ts';

export const NOW = Date.parse('2025-03-01T12:00:00Z');
export const FEED_ID = '0123456789abcdef';

export async function makeKeys(): Promise<{ signing: SigningKey; pinned: PinnedKey }> {
  const signing = await generateSigningKey();
  return { signing, pinned: await importPublicKey(signing.publicKey) };
}

export function makeManifest(overrides: Partial<FeedManifest> = {}): FeedManifest {
  return {
    format: 1,
    feed: FEED_ID,
    version: 5,
    issuedAt: '2025-03-01T00:00:00Z',
    expiresAt: '2025-03-08T00:00:00Z',
    minPollSeconds: 1800,
    snapshot: { name: 'snapshot-5-aaaaaaaa.json', sha256: 'a'.repeat(64), size: 1000 },
    deltas: [{ from: 4, name: 'delta-4-5-bbbbbbbb.json', sha256: 'b'.repeat(64), size: 100 }],
    ...overrides,
  };
}

export function entry(value: string, overrides: Partial<ListEntry> = {}): ListEntry {
  return { kind: 'domain', value, category: 'phishing', source: 'test', added: '2025-01-01', ...overrides };
}
