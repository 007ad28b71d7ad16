// The feed handler serving a real published folder over real HTTP.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, readOwnManifest } from '../../../../src/core/index.ts';
import { publishFeed } from '../../../../src/cli/publish/publish-feed.ts';
import { createFeedHandler } from '../../../../src/server/feed-handler.ts';

let server: Server;
let port = 0;
let out = '';

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'serve-feed-'));
  mkdirSync(join(root, 'sources'));
  const many = Array.from({ length: 300 }, (_, i) => `scam-site-${i}.test`).join('\n');
  writeFileSync(join(root, 'sources', 'list.txt'), `${many}\n`);
  out = join(root, 'out');
  await publishFeed({ sources: join(root, 'sources'), out, privateKey: await generateSigningKey(), now: new Date('2025-03-01T00:00:00Z') });
  writeFileSync(join(out, 'feed-signing-key.pem'), 'never served');
  const handle = createFeedHandler(out);
  const mounted = createFeedHandler(out, { basePath: '/feed/' });
  server = createServer((req, res) => {
    if (handle(req, res) || mounted(req, res)) return;
    res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createFeedHandler', () => {
  it('serves feed.json to be revalidated every time, with an ETag that answers 304', async () => {
    const first = await get('/feed.json');
    expect(first.status).toBe(200);
    expect(first.body.equals(readFileSync(join(out, 'feed.json')))).toBe(true);
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate, s-maxage=60');
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    const again = await get('/feed.json', { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await get('/feed/feed.json?t=1')).status).toBe(200);
  });

  it('serves version-named files as immutable, gzipped when asked, and HEAD without a body', async () => {
    const name = readOwnManifest(readFileSync(join(out, 'feed.json'))).manifest.snapshot.name;
    const plain = await get(`/${name}`);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.equals(readFileSync(join(out, name)))).toBe(true);
    const zipped = await get(`/${name}`, { 'Accept-Encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    expect((await get(`/${name}`, { 'If-None-Match': `W/${plain.headers.etag}` })).status).toBe(304);
    const head = await get(`/${name}`, {}, 'HEAD');
    expect([head.status, head.body.length, head.headers['content-length']]).toEqual([200, 0, String(plain.body.length)]);
  });

  it('answers only for the feed\'s own file names', async () => {
    expect((await get('/feed-signing-key.pem')).status).toBe(418);
    expect((await get('/../feed.json')).status).toBe(418);
    expect((await get('/v1/reports')).status).toBe(418);
    expect((await get('/snapshot-99-0123abcd.json')).status).toBe(404);
    const post = await get('/feed.json', {}, 'POST');
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
  });
});
