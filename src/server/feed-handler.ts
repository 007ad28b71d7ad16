// Serves a published feed folder over HTTP: how `serve` hosts it for development and tests, and a
// model of what any static host or CDN should do. feed.json is revalidated on every use (a cheap 304
// by ETag) while shared caches may keep it a minute; version-named files never change, so they are
// cached for a year as immutable. Only the feed's own file names are served, nothing else in the folder.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { createHash } from 'node:crypto';

export type FeedRequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface FeedHandlerOptions {
  /** Where the feed sits in the URL space, e.g. `/feed/`; `/` by default. */
  basePath?: string;
}

const MANIFEST = 'feed.json';
const CONTENT_FILE = /^(snapshot-\d+|delta-\d+-\d+)-[0-9a-f]{8}\.json$/;
const MANIFEST_CACHE = 'public, max-age=0, must-revalidate, s-maxage=60';
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Below this, compression costs more than it saves. */
const MIN_GZIP_BYTES = 1024;
const BASE_HEADERS: OutgoingHttpHeaders = {
  'Content-Type': 'application/json; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
  // Public data, signed: any origin may read it (the extension's origin differs per browser and install).
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
};

export function createFeedHandler(dir: string, options: FeedHandlerOptions = {}): FeedRequestHandler {
  const basePath = options.basePath ?? '/';
  return (req, res) => {
    const name = feedFileName(req.url ?? '', basePath);
    if (name === null) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendStatus(res, 405, { Allow: 'GET, HEAD' });
      return true;
    }
    try {
      serveFile(req, res, dir, name);
    } catch (error) {
      const isMissing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      sendStatus(res, isMissing ? 404 : 500, {});
    }
    return true;
  };
}

/** The feed file a request names, or null when the path is not one of the feed's names. */
function feedFileName(url: string, basePath: string): string | null {
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  if (!path.startsWith(basePath)) return null;
  const name = path.slice(basePath.length);
  return name === MANIFEST || CONTENT_FILE.test(name) ? name : null;
}

function serveFile(req: IncomingMessage, res: ServerResponse, dir: string, name: string): void {
  if (name === MANIFEST) serveManifest(req, res, join(dir, name));
  else serveContentFile(req, res, dir, name);
}

function serveManifest(req: IncomingMessage, res: ServerResponse, path: string): void {
  // Read once and answer from those bytes: a publish may swap the file between two reads.
  const body = readFileSync(path);
  const headers = { ETag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`, 'Cache-Control': MANIFEST_CACHE };
  if (matchesEtag(req.headers['if-none-match'], headers.ETag)) return sendStatus(res, 304, headers);
  res.writeHead(200, { ...BASE_HEADERS, ...headers, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function serveContentFile(req: IncomingMessage, res: ServerResponse, dir: string, name: string): void {
  const path = join(dir, name);
  const size = statSync(path).size;
  const isGzip = size >= MIN_GZIP_BYTES && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  // The name carries the content hash, so name and size identify the bytes.
  const etag = `"${name.slice(-13, -5)}-${size.toString(16)}${isGzip ? '-gz' : ''}"`;
  const headers = { ETag: etag, 'Cache-Control': IMMUTABLE_CACHE, Vary: 'Accept-Encoding' };
  if (matchesEtag(req.headers['if-none-match'], etag)) return sendStatus(res, 304, headers);
  res.writeHead(200, { ...BASE_HEADERS, ...headers, ...(isGzip ? { 'Content-Encoding': 'gzip' } : { 'Content-Length': size }) });
  if (req.method === 'HEAD') return void res.end();
  const stream = createReadStream(path);
  stream.on('error', () => res.destroy());
  (isGzip ? stream.pipe(createGzip()) : stream).pipe(res);
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}

function sendStatus(res: ServerResponse, status: number, headers: OutgoingHttpHeaders): void {
  res.writeHead(status, status === 304 ? headers : { ...BASE_HEADERS, 'Cache-Control': 'no-store', ...headers });
  res.end();
}
