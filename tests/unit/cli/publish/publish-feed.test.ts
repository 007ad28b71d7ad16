import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  decodeDelta, decodeSnapshot, encodeUtf8, expandEntries, generateSigningKey, importPublicKey, signManifest, sha256Hex,
  readOwnManifest, type SigningKey,
} from '../../../../src/core/index.ts';
import { PublishError, publishFeed } from '../../../../src/cli/publish/publish-feed.ts';
import { verifyFeedDir } from '../../../../src/cli/publish/verify-feed.ts';

const DAY = 24 * 3600 * 1000;
const T0 = new Date('2025-03-01T00:00:00Z');
const key = await generateSigningKey();
const pinned = [await importPublicKey(key.publicKey)];

function makeDirs(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'publish-'));
  const sources = join(root, 'sources');
  mkdirSync(sources);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(sources, name), text);
  return { sources, out: join(root, 'out'), write: (name: string, text: string) => writeFileSync(join(sources, name), text) };
}

const publish = (dirs: { sources: string; out: string }, now = T0, extra: { deltaCount?: number; privateKey?: SigningKey } = {}) =>
  publishFeed({ sources: dirs.sources, out: dirs.out, privateKey: key, now, ...extra });
const snapshotOf = (out: string) => decodeSnapshot(readFileSync(join(out, readOwnManifest(readFileSync(join(out, 'feed.json'))).manifest.snapshot.name)));
const listed = (out: string) => [...expandEntries(snapshotOf(out).entries)].map((entry) => `${entry.allow ? 'allow ' : ''}${entry.kind} ${entry.value}`).sort();
const filesIn = (out: string) => Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]));

describe('publishFeed', () => {
  it('publishes version 1: normalized, de-duplicated, refusals said with file, line and source', async () => {
    const dirs = makeDirs({
      'block.txt': '# category: phishing\n# source: Test list\nEVIL-SCAM.test\nhttp://evil-scam.test/\nco.uk\npaypal.com\ngood.shared.test\n',
      'allow.txt': '# list: allow\ngood.shared.test\n',
      'community-reports.csv': 'url,category,source,added,action\nsites.google.com/view/fake-prize,prize,community report,2025-02-01,block\n',
    });
    const result = await publish(dirs);
    expect(result).toMatchObject({ version: 1, changed: true, entries: 3, refused: 3, deltas: [] });
    expect(result.problems.map((p) => `${p.file}:${p.line}`)).toEqual(['block.txt:5', 'block.txt:6', 'block.txt:7']);
    expect(result.problems[2]?.message).toBe('refused good.shared.test from "Test list": good.shared.test is on the allow list of "allow"');
    expect(result.problems[1]?.message).toMatch(/paypal\.com belongs to PayPal/);
    expect(listed(dirs.out)).toEqual(['allow domain good.shared.test', 'domain evil-scam.test', 'url-prefix sites.google.com/view/fake-prize']);
    expect(await verifyFeedDir(dirs.out, pinned, T0)).toMatchObject({ version: 1, entries: 3 });
  });

  it('lists internationalized names in punycode, as the index and the browser see them', async () => {
    const dirs = makeDirs({ 'a.txt': 'пример-мошенник.test\nhttps://Bücher-scam.test/Login\n' });
    await publish(dirs);
    expect(listed(dirs.out)).toEqual(['domain xn----itbbjdmjckaignd7j.test', 'url-prefix xn--bcher-scam-9db.test/Login']);
  });

  it('drops a host entry beside a domain entry of the same value', async () => {
    const dirs = makeDirs({ 'a.txt': 'evil-scam.test\n', 'b.txt': '# kind: host\nevil-scam.test\nlogin.other.test\n' });
    expect((await publish(dirs)).entries).toBe(2);
    expect(listed(dirs.out)).toEqual(['domain evil-scam.test', 'host login.other.test']);
  });

  it('makes no new version from unchanged sources, and re-signs only when half the lifetime has passed', async () => {
    const dirs = makeDirs({ 'a.txt': 'evil-scam.test\n' });
    await publish(dirs);
    const before = filesIn(dirs.out);
    expect(await publish(dirs, new Date(T0.getTime() + DAY))).toMatchObject({ version: 1, changed: false, signed: false });
    expect(filesIn(dirs.out)).toEqual(before);
    const later = new Date(T0.getTime() + 4 * DAY);
    expect(await publish(dirs, later)).toMatchObject({ version: 1, changed: false, signed: true });
    expect(readOwnManifest(readFileSync(join(dirs.out, 'feed.json'))).manifest.issuedAt).toBe('2025-03-05T00:00:00Z');
    expect(await verifyFeedDir(dirs.out, pinned, new Date(T0.getTime() + 10 * DAY))).toMatchObject({ version: 1 });
  });

  it('is deterministic given now', async () => {
    const files = { 'a.txt': 'evil-scam.test\npaypa1-login.test\n', 'i.txt': '# format: indicators\nwallet 0x1111111111111111111111111111111111111111\n' };
    const a = makeDirs(files);
    const b = makeDirs(files);
    await publish(a);
    await publish(b);
    expect(filesIn(a.out)).toEqual(filesIn(b.out));
  });

  it('writes deltas from each recent version, keeps added dates, and prunes what no delta needs', async () => {
    const dirs = makeDirs({ 'a.txt': 'one.test\n' });
    await publish(dirs);
    const values = ['one.test'];
    for (let step = 2; step <= 5; step++) {
      values.push(`site-${step}.test`);
      dirs.write('a.txt', `${values.join('\n')}\n`);
      await publish(dirs, new Date(T0.getTime() + step * DAY), { deltaCount: 3 });
    }
    const manifest = readOwnManifest(readFileSync(join(dirs.out, 'feed.json'))).manifest;
    expect(manifest.version).toBe(5);
    expect(manifest.deltas.map((delta) => delta.from)).toEqual([4, 3, 2]);
    const added = Object.fromEntries([...expandEntries(snapshotOf(dirs.out).entries)].map((entry) => [entry.value, entry.added]));
    expect(added).toEqual({ 'one.test': '2025-03-01', 'site-2.test': '2025-03-03', 'site-3.test': '2025-03-04', 'site-4.test': '2025-03-05', 'site-5.test': '2025-03-06' });
    const delta = decodeDelta(readFileSync(join(dirs.out, manifest.deltas[0]?.name ?? '')));
    expect([...expandEntries(delta.add.entries)].map((entry) => entry.value)).toEqual(['site-5.test']);
    expect(readdirSync(dirs.out).filter((name) => name.startsWith('snapshot-')).map((name) => name.split('-')[1])).toEqual(['2', '3', '4', '5']);
    // The previous manifest's deltas stay too: a client may have fetched it a moment before.
    const deltaFiles = readdirSync(dirs.out).filter((name) => name.startsWith('delta-')).map((name) => name.split('-').slice(1, 3).join('>'));
    expect(deltaFiles.sort()).toEqual(['1>4', '2>4', '2>5', '3>4', '3>5', '4>5']);
    expect(await verifyFeedDir(dirs.out, pinned, new Date(T0.getTime() + 5 * DAY))).toMatchObject({ version: 5 });
  });

  it('refuses to publish when a source file cannot be read as declared, and writes nothing', async () => {
    const dirs = makeDirs({ 'a.txt': '# category: scams\nevil-scam.test\n' });
    await expect(publish(dirs)).rejects.toThrow(PublishError);
    await expect(publish(dirs)).rejects.toThrow('a.txt:1: unknown category "scams"');
  });

  it('refuses to run while another publish holds the folder', async () => {
    const dirs = makeDirs({ 'a.txt': 'evil-scam.test\n' });
    mkdirSync(dirs.out);
    writeFileSync(join(dirs.out, '.publish.lock'), '');
    await expect(publish(dirs)).rejects.toThrow(/another publish is running/);
    expect(readdirSync(dirs.out)).toEqual(['.publish.lock']);
  });

  it('re-signs with a new key for rotation without a new version', async () => {
    const dirs = makeDirs({ 'a.txt': 'evil-scam.test\n' });
    await publish(dirs);
    const next = await generateSigningKey();
    expect(await publish(dirs, T0, { privateKey: next })).toMatchObject({ version: 1, signed: true });
    await expect(verifyFeedDir(dirs.out, pinned, T0)).rejects.toMatchObject({ code: 'unknown-key' });
    expect(await verifyFeedDir(dirs.out, [...pinned, await importPublicKey(next.publicKey)], T0)).toMatchObject({ version: 1 });
  });
});

describe('the project\'s own sources', () => {
  it('publish cleanly: every line accepted, demo entries and indicators present', async () => {
    const out = mkdtempSync(join(tmpdir(), 'own-sources-'));
    const result = await publishFeed({ sources: fileURLToPath(new URL('../../../../src/sources', import.meta.url)), out, privateKey: key, now: T0 });
    expect(result.problems).toEqual([]);
    expect(result.entries).toBeGreaterThan(1000);
    expect(listed(out)).toEqual(expect.arrayContaining([
      'domain evil-scam.test', 'domain paypa1-login.test', 'url-prefix free-sites.test/view/prize-winner', 'allow domain allowed.evil-scam.test',
    ]));
    expect(result.indicators).toBe(6);
  });
});

describe('verifyFeedDir', () => {
  async function published() {
    const dirs = makeDirs({ 'a.txt': 'one.test\n' });
    await publish(dirs);
    dirs.write('a.txt', 'one.test\ntwo.test\n');
    await publish(dirs, new Date(T0.getTime() + DAY));
    return dirs.out;
  }

  it('refuses a file changed after publishing', async () => {
    const out = await published();
    const manifest = readOwnManifest(readFileSync(join(out, 'feed.json'))).manifest;
    writeFileSync(join(out, manifest.snapshot.name), readFileSync(join(out, manifest.snapshot.name), 'utf8').replace('two.test', 'two.tess'));
    await expect(verifyFeedDir(out, pinned, T0)).rejects.toMatchObject({ code: 'hash-mismatch' });
  });

  it('refuses a correctly signed delta that does not lead to the snapshot', async () => {
    const out = await published();
    const manifest = readOwnManifest(readFileSync(join(out, 'feed.json'))).manifest;
    const [ref] = manifest.deltas;
    const wrong = encodeUtf8(readFileSync(join(out, ref?.name ?? ''), 'utf8').replace('two.test', 'three.test'));
    writeFileSync(join(out, ref?.name ?? ''), wrong);
    const resigned = { ...manifest, deltas: [{ from: 1, name: ref?.name ?? '', sha256: await sha256Hex(wrong), size: wrong.length }] };
    writeFileSync(join(out, 'feed.json'), await signManifest(resigned, key));
    await expect(verifyFeedDir(out, pinned, T0)).rejects.toThrow(/applied to version 1 does not give/);
  });
});
