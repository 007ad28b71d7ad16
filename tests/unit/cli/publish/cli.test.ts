// keygen, publish and verify end to end through the real CLI entry, as maintainers run them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../../src/cli/bin.js', import.meta.url));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SCAM_WARNER_FEED_KEYS: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

describe('scam-warner keygen, publish, verify', { timeout: 30_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'feed-cli-'));
  const keys = join(root, 'keys');
  const sources = join(root, 'sources');
  const out = join(root, 'out');

  it('keygen prints the public key as the extension pins it and keeps the private key private', () => {
    const result = cli('keygen', '--out', keys);
    expect(result.code).toBe(0);
    const printed = result.json();
    expect(printed.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(printed.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(statSync(printed.privateKeyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(printed.publicKeyFile, 'utf8').trim()).toBe(printed.publicKey);
    const again = cli('keygen', '--out', keys);
    expect(again.code).not.toBe(0);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('publish reports bad lines one per line on stderr and a JSON summary on stdout', () => {
    mkdirSync(sources);
    writeFileSync(join(sources, 'list.txt'), '# category: phishing\nevil-scam.test\nnot a domain\ncom\n');
    const result = cli('publish', '--sources', sources, '--out', out, '--key', join(keys, 'feed-signing-key.pem'), '--now', '2025-03-01T00:00:00Z');
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ version: 1, changed: true, entries: 1, refused: 2 });
    expect(result.stderr.trim().split('\n')).toEqual([
      'list.txt:3: expected one value per line, found 3',
      'list.txt:4: com is a public suffix: listing it would block every site under it',
    ]);
  });

  it('verify accepts the feed with the key file, and refuses with another key or once expired', () => {
    const ok = cli('verify', out, '--keys', join(keys, 'feed-public-key.txt'), '--now', '2025-03-02T00:00:00Z');
    expect(ok.code).toBe(0);
    expect(ok.json()).toMatchObject({ ok: true, version: 1, entries: 1 });
    const other = cli('keygen', '--out', join(root, 'other')).json().publicKey;
    const wrongKey = cli('verify', out, '--key', other, '--now', '2025-03-02T00:00:00Z');
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/^scam-warner: feed refused: feed\.json is signed with key [0-9a-f]{16}, which is not among the trusted keys\n$/);
    const expired = cli('verify', out, '--keys', join(keys, 'feed-public-key.txt'), '--now', '2025-04-01T00:00:00Z');
    expect(expired.code).toBe(1);
    expect(expired.stderr).toMatch(/expired/);
  });

  it('fails with one line for missing options and unusable inputs', () => {
    expect(cli('publish', '--sources', sources).stderr).toBe('scam-warner: missing required option --out\n');
    const badKey = cli('publish', '--sources', sources, '--out', out, '--key', join(keys, 'feed-public-key.txt'));
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toMatch(/^scam-warner: cannot use .* as the signing key: .* is not a PEM private key\n$/);
    expect(cli('verify', out).stderr).toMatch(/give the public key/);
    writeFileSync(join(sources, 'bad.txt'), '# format: yaml\n');
    const fatal = cli('publish', '--sources', sources, '--out', out, '--key', join(keys, 'feed-signing-key.pem'));
    expect(fatal.code).toBe(1);
    expect(fatal.stderr).toBe('bad.txt:1: unknown format "yaml" (auto, domains, hosts, adblock, urls, csv, indicators)\nscam-warner: nothing published: 1 source problem(s) above must be fixed first\n');
  });
});
