import { describe, expect, it } from 'vitest';
import { encodeUtf8, encodeBase64, decodeUtf8 } from '../../../../src/core/feed/bytes.ts';
import { openManifest, signManifest } from '../../../../src/core/feed/envelope.ts';
import { isFeedError, type FeedErrorCode } from '../../../../src/core/feed/errors.ts';
import { parsePinnedKeys, signFeedBytes } from '../../../../src/core/feed/keys.ts';
import { FEED_ID, NOW, makeKeys, makeManifest } from './feed-fixtures.ts';

const { signing, pinned } = await makeKeys();
const other = await makeKeys();

async function refusal(promise: Promise<unknown>): Promise<FeedErrorCode | 'accepted'> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (isFeedError(error)) return error.code;
    throw error;
  }
}

/** A feed.json whose payload is any text, signed for real: to test checks that run after the signature. */
async function signRaw(payload: string, key = signing): Promise<Uint8Array> {
  const signature = encodeBase64(await signFeedBytes(key, encodeUtf8(payload)));
  return encodeUtf8(`{"keyId":"${key.keyId}","signature":"${signature}","signed":${payload}}\n`);
}

describe('feed.json envelope', () => {
  it('round-trips a signed manifest and says which key signed it', async () => {
    const bytes = await signManifest(makeManifest(), signing);
    const opened = await openManifest(bytes, { keys: [pinned], now: NOW, currentVersion: 4 });
    expect(opened.manifest).toEqual(makeManifest());
    expect(opened.keyId).toBe(signing.keyId);
    expect(JSON.parse(decodeUtf8(bytes)).signed.version).toBe(5);
  });

  it('accepts any of several pinned keys, so keys can rotate', async () => {
    const bytes = await signManifest(makeManifest(), other.signing);
    const opened = await openManifest(bytes, { keys: [pinned, other.pinned], now: NOW });
    expect(opened.keyId).toBe(other.signing.keyId);
  });

  it('refuses a key the extension does not pin', async () => {
    const bytes = await signManifest(makeManifest(), other.signing);
    expect(await refusal(openManifest(bytes, { keys: [pinned], now: NOW }))).toBe('unknown-key');
  });

  it('refuses a payload changed after signing', async () => {
    const text = decodeUtf8(await signManifest(makeManifest(), signing)).replace('"version":5', '"version":9');
    expect(await refusal(openManifest(encodeUtf8(text), { keys: [pinned], now: NOW }))).toBe('bad-signature');
  });

  it('refuses a signature by another key that claims a pinned key id', async () => {
    const forged = await signManifest(makeManifest(), { ...other.signing, keyId: signing.keyId });
    expect(await refusal(openManifest(forged, { keys: [pinned], now: NOW }))).toBe('bad-signature');
  });

  it('refuses an older version (rollback) and the same version (replay)', async () => {
    const bytes = await signManifest(makeManifest({ version: 5 }), signing);
    expect(await refusal(openManifest(bytes, { keys: [pinned], now: NOW, currentVersion: 6 }))).toBe('rollback');
    expect(await refusal(openManifest(bytes, { keys: [pinned], now: NOW, currentVersion: 5 }))).toBe('replay');
  });

  it('refuses an expired manifest (a frozen feed)', async () => {
    const bytes = await signManifest(makeManifest(), signing);
    const expiry = Date.parse(makeManifest().expiresAt);
    expect(await refusal(openManifest(bytes, { keys: [pinned], now: expiry - 1 }))).toBe('accepted');
    expect(await refusal(openManifest(bytes, { keys: [pinned], now: expiry }))).toBe('expired');
  });

  it('refuses an oversized feed.json before looking at it', async () => {
    const bytes = await signManifest(makeManifest(), signing);
    expect(await refusal(openManifest(bytes, { keys: [pinned], now: NOW, maxBytes: bytes.length - 1 }))).toBe('too-large');
    const huge = new Uint8Array(100_000).fill(0x20);
    expect(await refusal(openManifest(huge, { keys: [pinned], now: NOW }))).toBe('too-large');
  });

  it('refuses truncated, non-JSON and mis-enveloped bytes as malformed', async () => {
    const bytes = await signManifest(makeManifest(), signing);
    for (const bad of [bytes.subarray(0, bytes.length - 20), encodeUtf8('<html>not found</html>'), new Uint8Array(0)]) {
      expect(await refusal(openManifest(bad, { keys: [pinned], now: NOW }))).toBe('malformed');
    }
    const reordered = decodeUtf8(bytes).replace(/^\{"keyId":("[0-9a-f]+"),/, '{"keyId" : $1,');
    expect(await refusal(openManifest(encodeUtf8(reordered), { keys: [pinned], now: NOW }))).toBe('malformed');
  });

  it('refuses a correctly signed payload with bad fields, naming the field', async () => {
    const good = JSON.parse(decodeUtf8(await signManifest(makeManifest(), signing))).signed;
    const cases: [string, unknown][] = [
      ['format', 2],
      ['feed', 'NOT-HEX'],
      ['version', -1],
      ['expiresAt', '2025-02-01T00:00:00Z'],
      ['minPollSeconds', 1],
      ['snapshot', { name: '../etc/passwd', sha256: 'a'.repeat(64), size: 1 }],
      ['deltas', [{ from: 5, name: 'd.json', sha256: 'b'.repeat(64), size: 1 }]],
      ['deltas', [{ from: 3, name: 'd.json', sha256: 'b'.repeat(64), size: 1 }, { from: 3, name: 'e.json', sha256: 'c'.repeat(64), size: 1 }]],
    ];
    for (const [field, value] of cases) {
      const bytes = await signRaw(JSON.stringify({ ...good, [field]: value }));
      await expect(openManifest(bytes, { keys: [pinned], now: NOW })).rejects.toMatchObject({ code: 'malformed', message: expect.stringContaining(field) });
    }
    expect(await refusal(openManifest(await signRaw('{"version":'), { keys: [pinned], now: NOW }))).toBe('malformed');
    expect(await refusal(openManifest(await signRaw(JSON.stringify({ ...good, feed: FEED_ID })), { keys: [pinned], now: NOW }))).toBe('accepted');
  });
});

describe('pinned keys', () => {
  it('parses the comma-separated build setting and derives each key id', async () => {
    const keys = await parsePinnedKeys(`${signing.publicKey}, ${other.signing.publicKey}\n`);
    expect(keys.map((key) => key.keyId)).toEqual([signing.keyId, other.signing.keyId]);
  });

  it('refuses anything that is not a 32-byte key', async () => {
    await expect(parsePinnedKeys('')).rejects.toThrow(/no feed public keys/);
    await expect(parsePinnedKeys('abc')).rejects.toThrow(/not an Ed25519 public key/);
    await expect(parsePinnedKeys(encodeBase64(new Uint8Array(31)))).rejects.toThrow(/32 bytes/);
  });
});
