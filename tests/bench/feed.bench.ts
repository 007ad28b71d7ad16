// `npm run bench feed`: the feed's costs at a million entries. Publishing (time, bytes), delta sizes
// for 1, 1k and 100k changes, what a client downloads for a one-entry change, and the client's time
// to verify and apply a 1k-change delta or load a whole snapshot in Node. Figures, never assertions;
// each printed next to a peer measured in the same run.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  BlocklistIndex, applyDelta, decodeDelta, decodeSnapshot, diffContent, encodeDelta, generateSigningKey, importPublicKey, openManifest,
  readOwnManifest, sha256Hex, stateFromSnapshot, verifyFile, type Snapshot,
} from '../../src/core/index.ts';
import { publishFeed } from '../../src/cli/publish/publish-feed.ts';

const ENTRIES = 1_000_000;
const TLDS = ['com', 'net', 'org', 'xyz', 'top', 'info', 'online', 'site', 'shop', 'live'];
const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2025-03-01T00:00:00Z');

/** Deterministic names: the same million every run. */
function generateDomains(count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  const names = new Set<string>();
  while (names.size < count) names.add(`${next().toString(36)}${(next() % 1000).toString(36)}.${TLDS[next() % TLDS.length]}`);
  return [...names];
}

/** Wall time, and this process's CPU time, which other work on a shared machine does not inflate as much. */
async function time<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number; cpuMs: number }> {
  const [start, cpuStart] = [performance.now(), process.cpuUsage()];
  const value = await work();
  const cpu = process.cpuUsage(cpuStart);
  return { value, ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function run(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'feed-bench-'));
  try {
    await measure(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function measure(root: string): Promise<void> {
  const key = await generateSigningKey();
  const keys = [await importPublicKey(key.publicKey)];
  const sources = join(root, 'sources');
  const out = join(root, 'out');
  mkdirSync(sources);
  const domains = generateDomains(ENTRIES + 100_000, 7);
  const base = domains.slice(0, ENTRIES);
  const sourceText = `# category: phishing\n# source: generated\n${base.join('\n')}\n`;
  writeFileSync(join(sources, 'generated.txt'), sourceText);

  const first = await time(() => publishFeed({ sources, out, privateKey: key, now: new Date(T0) }));
  const snapshotBytes = new Uint8Array(readFileSync(join(out, first.value.snapshot.name)));
  const peerParse = await time(() => sourceText.split('\n').length);
  console.log(`publish ${ENTRIES.toLocaleString('en')} entries: ${s(first.ms)} (reading the source text alone: ${peerParse.ms.toFixed(0)} ms)`);
  console.log(`snapshot: ${mb(snapshotBytes.length)}, ${(snapshotBytes.length / ENTRIES).toFixed(1)} bytes/entry; gzip ${mb(gzipSync(snapshotBytes).length)}; source list ${mb(sourceText.length)}`);

  writeFileSync(join(sources, 'generated.txt'), `${sourceText}${domains[ENTRIES]}\n`);
  const second = await time(() => publishFeed({ sources, out, privateKey: key, now: new Date(T0 + DAY) }));
  console.log(`re-publish with one change: ${s(second.ms)}, version ${second.value.version}, deltas ${second.value.deltas.map((d) => `${d.from}->${second.value.version}: ${d.size} B`).join(', ')}`);

  const previous = decodeSnapshot(snapshotBytes);
  console.log('\ndelta sizes (half additions, half removals; one change = one addition):');
  const deltas = new Map<number, Uint8Array>();
  for (const changes of [1, 1000, 100_000]) {
    const next = changedSnapshot(previous, domains, changes);
    const bytes = encodeDelta({ feed: previous.feed, from: 1, to: 2, ...diffContent(previous, next) });
    deltas.set(changes, bytes);
    console.log(`  ${changes.toLocaleString('en').padStart(7)} changes: ${kb(bytes.length).padStart(10)} (gzip ${kb(gzipSync(bytes).length)}), ${(snapshotBytes.length / bytes.length).toFixed(0)}x smaller than the snapshot`);
  }

  const manifestBytes = readFileSync(join(out, 'feed.json'));
  const oneDelta = second.value.deltas[0]?.size ?? 0;
  const fullManifest = await manifestWithDeltas(root, key, 8);
  console.log(`\nclient download for a one-entry change: feed.json ${manifestBytes.length} B + delta ${oneDelta} B = ${manifestBytes.length + oneDelta} B`);
  console.log(`  with 8 deltas listed (the default), feed.json is ${fullManifest} B: ${fullManifest + oneDelta} B in total (budget 2048 B)`);

  await measureClient(previous, snapshotBytes, deltas.get(1000) ?? new Uint8Array(), keys, manifestBytes);
}

/** The previous content with `changes` changes: half the entries removed, half new ones added. */
function changedSnapshot(previous: Snapshot, domains: string[], changes: number): Snapshot {
  const [group] = previous.entries;
  if (!group) throw new Error('empty snapshot');
  const removed = Math.floor(changes / 2);
  const added = domains.slice(ENTRIES, ENTRIES + changes - removed);
  const values = [...group.values.slice(removed), ...added].sort();
  return { ...previous, version: 2, entries: [{ ...group, values }] };
}

/** feed.json's size once it lists `count` deltas: a small feed published `count + 1` times. */
async function manifestWithDeltas(root: string, key: Awaited<ReturnType<typeof generateSigningKey>>, count: number): Promise<number> {
  const sources = join(root, 'small-sources');
  const out = join(root, 'small-out');
  mkdirSync(sources);
  for (let version = 1; version <= count + 1; version++) {
    writeFileSync(join(sources, 'list.txt'), `${Array.from({ length: version }, (_, i) => `site-${i}.test`).join('\n')}\n`);
    await publishFeed({ sources, out, privateKey: key, now: new Date(T0 + version * DAY) });
  }
  return readFileSync(join(out, 'feed.json')).length;
}

async function measureClient(previous: Snapshot, snapshotBytes: Uint8Array, deltaBytes: Uint8Array, keys: Awaited<ReturnType<typeof importPublicKey>>[], manifestBytes: Uint8Array): Promise<void> {
  const load = await time(async () => {
    await verifyFile(snapshotBytes, { name: 's', sha256: await sha256Hex(snapshotBytes), size: snapshotBytes.length }, 96 * 1024 * 1024);
    return stateFromSnapshot(decodeSnapshot(snapshotBytes));
  });
  const peer = await time(() => JSON.parse(new TextDecoder().decode(snapshotBytes)) as unknown);
  console.log(`\nclient (Node): load the full ${ENTRIES.toLocaleString('en')}-entry snapshot (hash, parse, validate, build index and rule sets): ${s(load.ms)} (CPU ${s(load.cpuMs)}); JSON.parse alone ${peer.ms.toFixed(0)} ms (${(load.ms / peer.ms).toFixed(1)}x)`);
  const trusted = await time(() => BlocklistIndex.fromGroups(previous.entries, { normalized: true }));
  const checked = await time(() => BlocklistIndex.fromGroups(previous.entries));
  console.log(`  of which the index: ${trusted.ms.toFixed(0)} ms (CPU ${trusted.cpuMs.toFixed(0)} ms), its entries' shape checked; normalizing each again would take ${s(checked.ms)} (CPU ${s(checked.cpuMs)})`);
  const deltaSha = await sha256Hex(deltaBytes);
  const apply = await time(async () => {
    await openManifest(manifestBytes, { keys, now: T0 + DAY });
    await verifyFile(deltaBytes, { name: 'd', sha256: deltaSha, size: deltaBytes.length }, 24 * 1024 * 1024);
    return applyDelta(load.value, decodeDelta(deltaBytes));
  });
  console.log(`client (Node): verify and apply a 1,000-change delta to it: ${apply.ms.toFixed(0)} ms (${(load.ms / apply.ms).toFixed(1)}x faster than loading the snapshot)`);
  const stored = load.value.index.serialize();
  console.log(`  index ${mb(stored.length)} (${(stored.length / ENTRIES).toFixed(1)} bytes/entry); manifest version ${readOwnManifest(manifestBytes).manifest.version}`);
}
