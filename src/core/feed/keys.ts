// Ed25519 keys for the feed, through WebCrypto only. The extension pins public keys at build time
// (SCAM_WARNER_FEED_KEYS: comma-separated base64 of the 32-byte raw public keys); a key's id is derived
// from the key itself, so a pin cannot name one key and carry another.
import { concatBytes, decodeBase64, encodeBase64, encodeUtf8, sha256Hex } from './bytes.ts';

const ED25519 = { name: 'Ed25519' } as const;
const RAW_PUBLIC_KEY_BYTES = 32;
const KEY_ID_HEX_CHARS = 16;
/** Domain separation: a feed signature can never be replayed as a signature over anything else. */
const SIGNING_CONTEXT = encodeUtf8('scam-warner feed v1\n');

export interface PinnedKey {
  keyId: string;
  /** Base64 of the raw 32-byte key, the form SCAM_WARNER_FEED_KEYS takes. */
  publicKey: string;
  cryptoKey: CryptoKey;
}

export interface SigningKey {
  keyId: string;
  publicKey: string;
  privateKey: CryptoKey;
}

export async function deriveKeyId(rawPublicKey: Uint8Array): Promise<string> {
  return (await sha256Hex(rawPublicKey)).slice(0, KEY_ID_HEX_CHARS);
}

/** One pinned key from its base64 form; throws a clear error on anything else. */
export async function importPublicKey(base64: string): Promise<PinnedKey> {
  const raw = decodeBase64(base64.trim());
  if (!raw || raw.length !== RAW_PUBLIC_KEY_BYTES) {
    throw new Error(`not an Ed25519 public key (expected base64 of 32 bytes): "${base64.slice(0, 60)}"`);
  }
  const cryptoKey = await crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, ED25519, true, ['verify']);
  return { keyId: await deriveKeyId(raw), publicKey: encodeBase64(raw), cryptoKey };
}

/** The keys of SCAM_WARNER_FEED_KEYS (or a key file): separated by commas, spaces or new lines. */
export async function parsePinnedKeys(text: string): Promise<PinnedKey[]> {
  const parts = text.split(/[\s,]+/).filter((part) => part !== '');
  if (parts.length === 0) throw new Error('no feed public keys given');
  return Promise.all(parts.map(importPublicKey));
}

export async function generateSigningKey(): Promise<SigningKey & { pkcs8: Uint8Array }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { keyId: await deriveKeyId(raw), publicKey: encodeBase64(raw), privateKey: pair.privateKey, pkcs8 };
}

/** A private key from its PKCS#8 bytes, with the public half recovered from its JWK form. */
export async function importSigningKey(pkcs8: Uint8Array): Promise<SigningKey> {
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, ED25519, true, ['sign']);
  } catch {
    throw new Error('not an Ed25519 private key (PKCS#8)');
  }
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  const raw = jwk.x === undefined ? null : decodeBase64(base64UrlToBase64(jwk.x));
  if (!raw || raw.length !== RAW_PUBLIC_KEY_BYTES) throw new Error('the private key does not carry its public key');
  return { keyId: await deriveKeyId(raw), publicKey: encodeBase64(raw), privateKey };
}

export async function signFeedBytes(key: SigningKey, payload: Uint8Array): Promise<Uint8Array> {
  const message = concatBytes(SIGNING_CONTEXT, payload) as Uint8Array<ArrayBuffer>;
  return new Uint8Array(await crypto.subtle.sign(ED25519, key.privateKey, message));
}

export async function verifyFeedBytes(key: PinnedKey, payload: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const message = concatBytes(SIGNING_CONTEXT, payload) as Uint8Array<ArrayBuffer>;
  return crypto.subtle.verify(ED25519, key.cryptoKey, signature as Uint8Array<ArrayBuffer>, message);
}

function base64UrlToBase64(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return base64 + '='.repeat((4 - (base64.length % 4)) % 4);
}
