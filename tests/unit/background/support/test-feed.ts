// A feed publisher and its host in memory, for the background's seed and sync tests: real Ed25519
// signatures and real file formats (core's encoders), an ETag per feed.json answered with 304, and
// switches to go offline or serve something else in place of a file.
import {
  diffContent, encodeDelta, encodeSnapshot, generateSigningKey, groupEntries, groupIndicators, sha256Hex, signManifest,
  type FeedManifest, type FileRef, type SigningKey, type Snapshot,
} from '../../../../src/core/feed/index.ts';
import type { Indicator, ListEntry } from '../../../../src/core/types.ts';

export const TEST_KEY = await generateSigningKey();
/** A key the extension does not pin. */
export const STRANGER_KEY = await generateSigningKey();

export interface VersionSpec {
  feed: string;
  version: number;
  entries: ListEntry[];
  indicators?: Indicator[];
  issuedAt: string;
  expiresAt?: string;
  minPollSeconds?: number;
  key?: SigningKey;
  /** Earlier versions (published on this host) to write deltas from. */
  deltasFrom?: number[];
}

export interface HostRequest {
  name: string;
  ifNoneMatch: string | null;
}

export class TestFeedHost {
  readonly files = new Map<string, Uint8Array>();
  readonly requests: HostRequest[] = [];
  isOnline = true;
  /** Answers in place of the file when it returns a response. */
  override: ((name: string) => Response | null) | null = null;
  private readonly snapshots = new Map<number, Snapshot>();

  constructor(readonly baseUrl: string) {}

  async publish(spec: VersionSpec): Promise<FeedManifest> {
    const snapshot: Snapshot = { feed: spec.feed, version: spec.version, entries: groupEntries(spec.entries), indicators: groupIndicators(spec.indicators ?? []) };
    this.snapshots.set(spec.version, snapshot);
    const deltas = [];
    for (const from of spec.deltasFrom ?? []) {
      const base = this.snapshots.get(from);
      if (!base) throw new Error(`no version ${from} to make a delta from`);
      const bytes = encodeDelta({ feed: spec.feed, from, to: spec.version, ...diffContent(base, snapshot) });
      deltas.push({ from, ...(await this.put(`delta-${from}-${spec.version}`, bytes)) });
    }
    const manifest: FeedManifest = {
      format: 1,
      feed: spec.feed,
      version: spec.version,
      issuedAt: spec.issuedAt,
      expiresAt: spec.expiresAt ?? '2035-01-01T00:00:00Z',
      minPollSeconds: spec.minPollSeconds ?? 1800,
      snapshot: await this.put(`snapshot-${spec.version}`, encodeSnapshot(snapshot)),
      deltas,
    };
    this.files.set('feed.json', await signManifest(manifest, spec.key ?? TEST_KEY));
    return manifest;
  }

  /** What the fetch of the extension sees. */
  readonly fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    if (!input.startsWith(this.baseUrl)) throw new TypeError(`unexpected address ${input}`);
    const name = input.slice(this.baseUrl.length);
    const ifNoneMatch = new Headers(init?.headers).get('If-None-Match');
    this.requests.push({ name, ifNoneMatch });
    if (!this.isOnline) throw new TypeError('Failed to fetch');
    const replaced = this.override?.(name);
    if (replaced) return replaced;
    const bytes = this.files.get(name);
    if (!bytes) return new Response('not found', { status: 404 });
    const etag = `"${(await sha256Hex(bytes)).slice(0, 16)}"`;
    if (ifNoneMatch === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
    return new Response(bytes.slice(), { status: 200, headers: { ETag: etag, 'Content-Length': String(bytes.length) } });
  };

  /** Files the client downloaded, feed.json left out. */
  downloads(): string[] {
    return this.requests.map((request) => request.name).filter((name) => name !== 'feed.json');
  }

  private async put(stem: string, bytes: Uint8Array): Promise<FileRef> {
    const sha256 = await sha256Hex(bytes);
    const name = `${stem}-${sha256.slice(0, 8)}.json`;
    this.files.set(name, bytes);
    return { name, sha256, size: bytes.length };
  }
}
