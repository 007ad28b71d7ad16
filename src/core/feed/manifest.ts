// feed.json's signed payload: which version is current, until when it may be trusted, and the files
// (one snapshot, deltas from recent versions) with the SHA-256 and size each must have.
import { FEED_FORMAT, MAX_DELTAS } from './limits.ts';
import { FeedError } from './errors.ts';
import {
  expectArray, expectInteger, expectLiteral, expectObject, expectString, expectTimestamp, malformed,
} from './validate.ts';

export interface FileRef {
  /** A plain file name next to feed.json (no slashes), unique per content. */
  name: string;
  sha256: string;
  size: number;
}

export interface DeltaRef extends FileRef {
  /** The version this delta starts from; it always leads to the manifest's version. */
  from: number;
}

export interface FeedManifest {
  format: typeof FEED_FORMAT;
  /** The feed's lineage: deltas only apply to a state of the same feed. */
  feed: string;
  version: number;
  issuedAt: string;
  expiresAt: string;
  minPollSeconds: number;
  snapshot: FileRef;
  deltas: DeltaRef[];
}

export const FEED_ID_PATTERN = /^[0-9a-f]{16}$/;
const FILE_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,119}$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;
const MAX_FILE_SIZE = 2 ** 40;
const MAX_POLL_SECONDS = 7 * 24 * 3600;

/** The exact payload bytes' text, keys in a fixed order so publishing is deterministic. */
export function serializeManifest(manifest: FeedManifest): string {
  const fileRef = (ref: FileRef) => ({ name: ref.name, sha256: ref.sha256, size: ref.size });
  return JSON.stringify({
    format: manifest.format,
    feed: manifest.feed,
    version: manifest.version,
    issuedAt: manifest.issuedAt,
    expiresAt: manifest.expiresAt,
    minPollSeconds: manifest.minPollSeconds,
    snapshot: fileRef(manifest.snapshot),
    deltas: manifest.deltas.map((delta) => ({ from: delta.from, ...fileRef(delta) })),
  });
}

/** Checks every field of an already-parsed payload; throws a `malformed` FeedError naming the field. */
export function validateManifest(value: unknown): FeedManifest {
  const object = expectObject(value, 'feed.json');
  const version = expectInteger(object.version, 'feed.json version', 1);
  const issuedAt = expectString(object.issuedAt, 'feed.json issuedAt');
  const expiresAt = expectString(object.expiresAt, 'feed.json expiresAt');
  if (expectTimestamp(expiresAt, 'feed.json expiresAt') <= expectTimestamp(issuedAt, 'feed.json issuedAt')) {
    throw malformed('feed.json', 'expiresAt is not after issuedAt');
  }
  const deltas = expectArray(object.deltas, 'feed.json deltas').map((delta, i) => validateDeltaRef(delta, i, version));
  if (deltas.length > MAX_DELTAS) throw new FeedError('too-large', `feed.json lists ${deltas.length} deltas (at most ${MAX_DELTAS})`);
  if (new Set(deltas.map((delta) => delta.from)).size !== deltas.length) throw malformed('feed.json deltas', 'two deltas start from one version');
  return {
    format: expectLiteral(object.format, FEED_FORMAT, 'feed.json format'),
    feed: expectString(object.feed, 'feed.json feed', FEED_ID_PATTERN),
    version,
    issuedAt,
    expiresAt,
    minPollSeconds: expectInteger(object.minPollSeconds, 'feed.json minPollSeconds', 60, MAX_POLL_SECONDS),
    snapshot: validateFileRef(object.snapshot, 'feed.json snapshot'),
    deltas,
  };
}

function validateFileRef(value: unknown, what: string): FileRef {
  const object = expectObject(value, what);
  return {
    name: expectString(object.name, `${what} name`, FILE_NAME_PATTERN),
    sha256: expectString(object.sha256, `${what} sha256`, SHA256_PATTERN),
    size: expectInteger(object.size, `${what} size`, 0, MAX_FILE_SIZE),
  };
}

function validateDeltaRef(value: unknown, index: number, version: number): DeltaRef {
  const what = `feed.json deltas[${index}]`;
  const from = expectInteger(expectObject(value, what).from, `${what} from`, 1, version - 1);
  return { from, ...validateFileRef(value, what) };
}
