// feed.json on the wire: `{"keyId":"<16 hex>","signature":"<base64>","signed":<payload>}` + newline.
// The signature covers the payload's exact bytes as they stand in the file (never a re-serialization):
// the fixed-length prefix is matched, the bytes between it and the closing brace are the payload,
// verified first and only then parsed.
import { decodeBase64, encodeBase64, encodeUtf8 } from './bytes.ts';
import { FeedError } from './errors.ts';
import { signFeedBytes, verifyFeedBytes, type PinnedKey, type SigningKey } from './keys.ts';
import { DEFAULT_FEED_LIMITS } from './limits.ts';
import { serializeManifest, validateManifest, type FeedManifest } from './manifest.ts';
import { malformed, parseJsonBytes } from './validate.ts';

const PREFIX_PATTERN = /^\{"keyId":"([0-9a-f]{16})","signature":"([A-Za-z0-9+/]{86}==)","signed":/;
const SIGNATURE_BYTES = 64;
const PREFIX_MAX_LENGTH = 160;

export interface OpenManifestOptions {
  /** The keys pinned at build time; any one of them may have signed. */
  keys: readonly PinnedKey[];
  /** Epoch milliseconds. */
  now: number;
  /** The version the client has, to refuse rollback and replay; omit on first install. */
  currentVersion?: number | null;
  maxBytes?: number;
}

export interface OpenedManifest {
  manifest: FeedManifest;
  keyId: string;
}

export async function signManifest(manifest: FeedManifest, key: SigningKey): Promise<Uint8Array> {
  const payload = serializeManifest(manifest);
  const signature = encodeBase64(await signFeedBytes(key, encodeUtf8(payload)));
  return encodeUtf8(`{"keyId":"${key.keyId}","signature":"${signature}","signed":${payload}}\n`);
}

/** Every check the client makes on feed.json, cheapest and most fundamental first. */
export async function openManifest(bytes: Uint8Array, options: OpenManifestOptions): Promise<OpenedManifest> {
  const maxBytes = options.maxBytes ?? DEFAULT_FEED_LIMITS.manifestBytes;
  if (bytes.length > maxBytes) throw new FeedError('too-large', `feed.json is ${bytes.length} bytes (at most ${maxBytes})`);
  const { keyId, signature, payload } = splitEnvelope(bytes);
  const key = options.keys.find((pinned) => pinned.keyId === keyId);
  if (!key) throw new FeedError('unknown-key', `feed.json is signed with key ${keyId}, which is not among the trusted keys`);
  if (!(await verifyFeedBytes(key, payload, signature))) {
    throw new FeedError('bad-signature', `feed.json's signature does not match key ${keyId}`);
  }
  const manifest = validateManifest(parseJsonBytes(payload, 'feed.json'));
  checkFreshness(manifest, options);
  return { manifest, keyId };
}

/**
 * The manifest without checking its signature or freshness: only for the publisher reading back its
 * own output folder. Anything fetched from the network must go through openManifest.
 */
export function readOwnManifest(bytes: Uint8Array): OpenedManifest {
  const { keyId, payload } = splitEnvelope(bytes);
  return { manifest: validateManifest(parseJsonBytes(payload, 'feed.json')), keyId };
}

function splitEnvelope(bytes: Uint8Array): { keyId: string; signature: Uint8Array; payload: Uint8Array } {
  // The prefix is ASCII by construction, so reading bytes as char codes is exact.
  const match = PREFIX_PATTERN.exec(String.fromCharCode(...bytes.subarray(0, PREFIX_MAX_LENGTH)));
  if (!match) throw malformed('feed.json', 'it does not start with the signed envelope');
  let end = bytes.length;
  if (bytes[end - 1] === 0x0a) end--;
  if (bytes[end - 1] !== 0x7d) throw malformed('feed.json', 'it does not end with the envelope\'s closing brace');
  const signature = decodeBase64(match[2] ?? '');
  if (!signature || signature.length !== SIGNATURE_BYTES) throw malformed('feed.json', 'bad signature encoding');
  return { keyId: match[1] ?? '', signature, payload: bytes.subarray(match[0].length, end - 1) };
}

function checkFreshness(manifest: FeedManifest, options: OpenManifestOptions): void {
  const current = options.currentVersion;
  if (current != null && manifest.version < current) {
    throw new FeedError('rollback', `feed.json is version ${manifest.version}, older than the current ${current}`);
  }
  if (current != null && manifest.version === current) {
    throw new FeedError('replay', `feed.json is version ${manifest.version}, which is already applied`);
  }
  if (options.now >= Date.parse(manifest.expiresAt)) {
    throw new FeedError('expired', `feed.json expired at ${manifest.expiresAt}`);
  }
}
