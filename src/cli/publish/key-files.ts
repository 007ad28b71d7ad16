// Key files on disk: the private key as PKCS#8 PEM (what openssl reads too), written with mode 0600,
// never overwritten; the public key as one line of base64, the form SCAM_WARNER_FEED_KEYS takes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKey, importSigningKey, type SigningKey } from '../../core/index.ts';

export const PRIVATE_KEY_FILE = 'feed-signing-key.pem';
export const PUBLIC_KEY_FILE = 'feed-public-key.txt';
const PEM_LABEL = 'PRIVATE KEY';

export interface WrittenKeys {
  keyId: string;
  publicKey: string;
  privateKeyFile: string;
  publicKeyFile: string;
}

export async function writeNewKeyPair(dir: string): Promise<WrittenKeys> {
  const key = await generateSigningKey();
  const privateKeyFile = join(dir, PRIVATE_KEY_FILE);
  const publicKeyFile = join(dir, PUBLIC_KEY_FILE);
  const existing = [privateKeyFile, publicKeyFile].find((file) => existsSync(file));
  if (existing) throw Object.assign(new Error(`${existing} exists`), { code: 'EEXIST' });
  // 'wx' fails if the file exists: losing a signing key to an overwrite would strand every client.
  writeFileSync(privateKeyFile, encodePem(key.pkcs8), { mode: 0o600, flag: 'wx' });
  writeFileSync(publicKeyFile, `${key.publicKey}\n`, { flag: 'wx' });
  return { keyId: key.keyId, publicKey: key.publicKey, privateKeyFile, publicKeyFile };
}

export async function readSigningKey(file: string): Promise<SigningKey> {
  const text = readFileSync(file, 'utf8');
  const match = new RegExp(`-----BEGIN ${PEM_LABEL}-----([A-Za-z0-9+/=\\s]+)-----END ${PEM_LABEL}-----`).exec(text);
  if (!match) throw new Error(`${file} is not a PEM private key`);
  return importSigningKey(new Uint8Array(Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64')));
}

function encodePem(der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${PEM_LABEL}-----\n${lines.join('\n')}\n-----END ${PEM_LABEL}-----\n`;
}
