// The publish pipeline as a library (the CLI's `publish`, and the extension build's bundled seed):
// read the sources, resolve them, and write the next signed version with deltas from recent ones.
// Deterministic given `now`: the same sources and folder give the same bytes.
import {
  diffContent, encodeDelta, encodeUtf8, encodeSnapshot, groupEntries,
  groupIndicators, sha256Hex, signManifest, type DeltaRef, type FeedManifest, type FileRef, type SigningKey, type Snapshot,
} from '../../core/index.ts';
import { DEFAULT_RESOLVERS } from './default-resolvers.ts';
import {
  MANIFEST_FILE, deltaFileName, listSnapshotFiles, pruneFeedFiles, readPublishedFeed, readSnapshotFile,
  snapshotFileName, withPublishLock, writeFileAtomic, type PublishedFeed,
} from './feed-dir.ts';
import { readSources } from './read-sources.ts';
import { resolveReading, type Resolvers } from './resolve.ts';
import { formatProblem, type Problem, type SourceReading } from './source-types.ts';
import { mkdirSync } from 'node:fs';

export interface PublishOptions {
  sources: string;
  out: string;
  privateKey: SigningKey;
  now: Date;
  /** How many earlier versions get a delta to the new one. */
  deltaCount?: number;
  lifetimeDays?: number;
  minPollSeconds?: number;
  resolvers?: Resolvers;
}

export interface PublishResult {
  version: number;
  feed: string;
  /** False when the sources gave the same content as the current version. */
  changed: boolean;
  /** Whether feed.json was (re)signed. */
  signed: boolean;
  entries: number;
  indicators: number;
  /** Lines refused, each also in `problems`. */
  refused: number;
  problems: Problem[];
  snapshot: FileRef;
  deltas: DeltaRef[];
  pruned: string[];
}

/** Fatal problems: nothing was written. */
export class PublishError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`cannot publish: ${problems.map(formatProblem).join('; ')}`);
  }
}

const DAY_MS = 24 * 3600 * 1000;

export async function publishFeed(options: PublishOptions): Promise<PublishResult> {
  const reading = readSources(options.sources);
  const fatal = reading.problems.filter((problem) => problem.fatal);
  if (fatal.length > 0) throw new PublishError(fatal);
  mkdirSync(options.out, { recursive: true });
  return withPublishLock(options.out, () => publishLocked(options, reading));
}

async function publishLocked(options: PublishOptions, reading: SourceReading): Promise<PublishResult> {
  const previous = readPublishedFeed(options.out);
  const resolved = resolveReading(reading, options.resolvers ?? DEFAULT_RESOLVERS, {
    today: options.now.toISOString().slice(0, 10),
    previouslyAdded: previous ? readAddedDates(options.out, previous) : () => undefined,
  });
  const content = { entries: groupEntries(resolved.entries), indicators: groupIndicators(resolved.indicators) };
  const counts = { entries: resolved.entries.length, indicators: resolved.indicators.length, refused: resolved.problems.length };
  if (previous && isSameContent(previous, content)) {
    const { version, feed, snapshot, deltas } = previous.manifest;
    const signed = await refreshIfDue(options, previous);
    return { version, feed, changed: false, signed, ...counts, snapshot, deltas, pruned: [], problems: resolved.problems };
  }
  const { version, feed, snapshot, deltas, pruned } = await writeVersion(options, previous, content);
  return { version, feed, changed: true, signed: true, ...counts, snapshot, deltas, pruned, problems: resolved.problems };
}

async function writeVersion(options: PublishOptions, previous: PublishedFeed | null, content: Omit<Snapshot, 'feed' | 'version'>) {
  const version = (previous?.manifest.version ?? 0) + 1;
  const issued = timesOf(options);
  const feed = previous?.manifest.feed ?? (await deriveFeedId(options.privateKey.keyId, issued.issuedAt, content));
  const snapshotBytes = encodeSnapshot({ feed, version, ...content });
  const snapshot = await writeContentFile(options.out, snapshotBytes, (sha) => snapshotFileName(version, sha));
  const deltas = await writeDeltas(options, { feed, version, ...content }, previous);
  const manifest: FeedManifest = { format: 1, feed, version, ...issued, snapshot, deltas };
  writeFileAtomic(options.out, MANIFEST_FILE, await signManifest(manifest, options.privateKey));
  const keep = new Set([snapshot.name, ...deltas.map((delta) => delta.name), ...namesIn(previous?.manifest)]);
  for (const [old, name] of listSnapshotFiles(options.out)) if (old >= version - deltaCountOf(options)) keep.add(name);
  return { version, feed, snapshot, deltas, pruned: pruneFeedFiles(options.out, keep) };
}

async function writeDeltas(options: PublishOptions, next: Snapshot, previous: PublishedFeed | null): Promise<DeltaRef[]> {
  if (!previous) return [];
  const deltas: DeltaRef[] = [];
  const files = listSnapshotFiles(options.out);
  for (let from = next.version - 1; from >= Math.max(1, next.version - deltaCountOf(options)); from--) {
    const name = files.get(from);
    const base = name === undefined ? null : readSnapshotFile(options.out, name);
    if (!base || base.feed !== next.feed) continue;
    const bytes = encodeDelta({ feed: next.feed, from, to: next.version, ...diffContent(base, next) });
    deltas.push({ from, ...(await writeContentFile(options.out, bytes, (sha) => deltaFileName(from, next.version, sha))) });
  }
  return deltas;
}

async function writeContentFile(dir: string, bytes: Uint8Array, nameOf: (sha256: string) => string): Promise<FileRef> {
  const sha256 = await sha256Hex(bytes);
  const name = nameOf(sha256);
  writeFileAtomic(dir, name, bytes);
  return { name, sha256, size: bytes.length };
}

/** Same sources, same version: re-sign only when the manifest is half-way to expiry or the key changed. */
async function refreshIfDue(options: PublishOptions, previous: PublishedFeed): Promise<boolean> {
  const { manifest, keyId } = previous;
  const issuedAt = Date.parse(manifest.issuedAt);
  const halfLife = (Date.parse(manifest.expiresAt) - issuedAt) / 2;
  const isDue = options.now.getTime() >= issuedAt + halfLife || keyId !== options.privateKey.keyId || manifest.minPollSeconds !== minPollOf(options);
  if (!isDue) return false;
  const refreshed: FeedManifest = { ...manifest, ...timesOf(options) };
  writeFileAtomic(options.out, MANIFEST_FILE, await signManifest(refreshed, options.privateKey));
  return true;
}

function isSameContent(previous: PublishedFeed, content: Omit<Snapshot, 'feed' | 'version'>): boolean {
  const { feed, version } = previous.manifest;
  const bytes = encodeSnapshot({ feed, version, ...content });
  return bytes.length === previous.snapshotBytes.length && bytes.every((byte, i) => byte === previous.snapshotBytes[i]);
}

/** A new lineage's id: distinct for every first publish, yet the same bytes for the same inputs. */
async function deriveFeedId(keyId: string, issuedAt: string, content: Omit<Snapshot, 'feed' | 'version'>): Promise<string> {
  const contentSha = await sha256Hex(encodeSnapshot({ feed: '0'.repeat(16), version: 1, ...content }));
  return (await sha256Hex(encodeUtf8(`${keyId}\n${issuedAt}\n${contentSha}`))).slice(0, 16);
}

/** When each item of the current version was added: one value map per kind, no object per entry. */
function readAddedDates(dir: string, previous: PublishedFeed): (kind: string, value: string) => string | undefined {
  const snapshot = readSnapshotFile(dir, previous.manifest.snapshot.name);
  const dates = new Map<string, Map<string, string>>();
  for (const group of [...snapshot.entries, ...snapshot.indicators]) {
    const values = dates.get(group.kind) ?? new Map<string, string>();
    dates.set(group.kind, values);
    for (const value of group.values) values.set(value, group.added);
  }
  return (kind, value) => dates.get(kind)?.get(value);
}

function timesOf(options: PublishOptions): Pick<FeedManifest, 'issuedAt' | 'expiresAt' | 'minPollSeconds'> {
  const issued = Math.floor(options.now.getTime() / 1000) * 1000;
  const iso = (time: number) => new Date(time).toISOString().replace('.000Z', 'Z');
  return { issuedAt: iso(issued), expiresAt: iso(issued + (options.lifetimeDays ?? 7) * DAY_MS), minPollSeconds: minPollOf(options) };
}

const deltaCountOf = (options: PublishOptions) => options.deltaCount ?? 8;
const minPollOf = (options: PublishOptions) => options.minPollSeconds ?? 1800;
const namesIn = (manifest: FeedManifest | undefined) => (manifest ? [manifest.snapshot.name, ...manifest.deltas.map((delta) => delta.name)] : []);
