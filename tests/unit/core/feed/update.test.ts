// One sync step end to end in memory: a publisher's files, a client state, every refusal.
import { describe, expect, it } from 'vitest';
import { encodeUtf8, sha256Hex } from '../../../../src/core/feed/bytes.ts';
import { groupEntries, groupIndicators } from '../../../../src/core/feed/content.ts';
import { encodeDelta } from '../../../../src/core/feed/delta.ts';
import { diffContent } from '../../../../src/core/feed/diff.ts';
import { signManifest } from '../../../../src/core/feed/envelope.ts';
import type { FeedManifest, FileRef } from '../../../../src/core/feed/manifest.ts';
import { encodeSnapshot, type Snapshot } from '../../../../src/core/feed/snapshot.ts';
import { stateFromSnapshot } from '../../../../src/core/feed/state.ts';
import { updateFeed, type UpdateOptions } from '../../../../src/core/feed/update.ts';
import { FEED_ID, NOW, entry, makeKeys, makeManifest } from './feed-fixtures.ts';

const { signing, pinned } = await makeKeys();

/** Enough unchanged entries that a delta is smaller than the snapshot, as in any real feed. */
const COMMON = Array.from({ length: 50 }, (_, i) => `listed-${i}.test`);

function snapshot(version: number, values: string[]): Snapshot {
  return { feed: FEED_ID, version, entries: groupEntries([...COMMON, ...values].map((value) => entry(value))), indicators: groupIndicators([]) };
}

async function fileRef(name: string, bytes: Uint8Array): Promise<FileRef> {
  return { name, sha256: await sha256Hex(bytes), size: bytes.length };
}

/** Version 1 and 2 of a feed as a server would hold them, and a client at version 1. */
async function makeFeed() {
  const v1 = snapshot(1, ['evil-scam.test', 'removed-later.test']);
  const v2 = snapshot(2, ['evil-scam.test', 'paypa1-login.test']);
  const files = new Map<string, Uint8Array>([
    ['snapshot-2.json', encodeSnapshot(v2)],
    ['delta-1-2.json', encodeDelta({ feed: FEED_ID, from: 1, to: 2, ...diffContent(v1, v2) })],
  ]);
  const manifest: FeedManifest = makeManifest({
    version: 2,
    snapshot: await fileRef('snapshot-2.json', files.get('snapshot-2.json')!),
    deltas: [{ from: 1, ...(await fileRef('delta-1-2.json', files.get('delta-1-2.json')!)) }],
  });
  const fetched: string[] = [];
  const options: UpdateOptions = {
    keys: [pinned],
    now: NOW,
    fetchFile: async (name) => {
      fetched.push(name);
      const bytes = files.get(name);
      if (!bytes) throw new Error(`404 ${name}`);
      return bytes;
    },
  };
  return { state: stateFromSnapshot(v1), files, manifest, options, fetched, bytes: await signManifest(manifest, signing) };
}

describe('updateFeed', () => {
  it('takes the delta from the client version, and a one-entry change costs under 2 KB in total', async () => {
    const feed = await makeFeed();
    const result = await updateFeed(feed.state, feed.bytes, feed.options);
    expect(result.type === 'updated' && result.via).toBe('delta');
    if (result.type !== 'updated') return;
    expect(result.state.version).toBe(2);
    expect([...result.state.blockDomains].sort()).toEqual(['evil-scam.test', ...COMMON, 'paypa1-login.test'].sort());
    expect(result.changes.blockDomains).toEqual({ added: ['paypa1-login.test'], removed: ['removed-later.test'] });
    expect(feed.bytes.length + result.downloaded).toBeLessThan(2048);
    expect(feed.state.version).toBe(1);
  });

  it('takes the snapshot on first install', async () => {
    const feed = await makeFeed();
    const result = await updateFeed(null, feed.bytes, feed.options);
    expect(result).toMatchObject({ type: 'updated', via: 'snapshot', state: { version: 2 } });
    expect(feed.fetched).toEqual(['snapshot-2.json']);
  });

  it('does nothing for the version the client has', async () => {
    const feed = await makeFeed();
    const current = { ...feed.state, version: 2 };
    expect(await updateFeed(current, feed.bytes, feed.options)).toMatchObject({ type: 'current' });
    expect(feed.fetched).toEqual([]);
  });

  it('refuses rollback, tampering, truncation and oversized files, fetching nothing it need not', async () => {
    const feed = await makeFeed();
    await expect(updateFeed({ ...feed.state, version: 3 }, feed.bytes, feed.options)).rejects.toMatchObject({ code: 'rollback' });
    const tampered = new Map(feed.files);
    tampered.set('delta-1-2.json', encodeUtf8(new TextDecoder().decode(feed.files.get('delta-1-2.json')).replace('paypa1', 'paypal')));
    const fetchTampered = async (name: string) => tampered.get(name) ?? new Uint8Array();
    await expect(updateFeed(feed.state, feed.bytes, { ...feed.options, fetchFile: fetchTampered })).rejects.toMatchObject({ code: 'hash-mismatch' });
    const truncated = async (name: string) => (feed.files.get(name) ?? new Uint8Array()).subarray(0, 10);
    await expect(updateFeed(feed.state, feed.bytes, { ...feed.options, fetchFile: truncated })).rejects.toMatchObject({ code: 'size-mismatch' });
    const limits = { manifestBytes: 65536, deltaBytes: 10, snapshotBytes: 10 };
    await expect(updateFeed(feed.state, feed.bytes, { ...feed.options, limits })).rejects.toMatchObject({ code: 'too-large' });
    expect(feed.fetched).toEqual([]);
  });

  it('refuses an expired or foreign-signed feed.json before fetching anything', async () => {
    const feed = await makeFeed();
    await expect(updateFeed(feed.state, feed.bytes, { ...feed.options, now: Date.parse('2025-04-01T00:00:00Z') })).rejects.toMatchObject({ code: 'expired' });
    const other = await makeKeys();
    await expect(updateFeed(feed.state, await signManifest(feed.manifest, other.signing), feed.options)).rejects.toMatchObject({ code: 'unknown-key' });
    expect(feed.fetched).toEqual([]);
  });
});
