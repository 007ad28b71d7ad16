import { describe, expect, it } from 'vitest';
import { MAX_REPORT_BYTES } from '../../../src/core/index.ts';
import { postReport, rawRequest, REPORT_URL, useTestServers } from './test-server.ts';

const startServer = useTestServers();
const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

describe('POST /v1/reports', () => {
  it('answers 202 with an id once the report is stored, canonicalized', async () => {
    const { base, store } = await startServer();
    const response = await postReport(base, { url: 'HTTPS://Login.Evil-Scam.test/verify#x', note: 'asked for my PIN' });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    expect(await store.get(id)).toMatchObject({ url: REPORT_URL, note: 'asked for my PIN', status: 'pending' });
  });

  it('gives the same id again for a repeated Idempotency-Key and stores the report once', async () => {
    const { base, store } = await startServer();
    const headers = { 'Idempotency-Key': '9b2c7f3e-1d4a-4c5b-8e6f-0a1b2c3d4e5f' };
    const ids = await Promise.all([1, 2, 3].map(async () => ((await (await postReport(base, { url: REPORT_URL }, headers)).json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(1);
    expect((await store.list({ limit: 10 })).reports).toHaveLength(1);
  });

  it('groups duplicate reports of one URL with a count', async () => {
    const { base, store } = await startServer();
    for (let i = 0; i < 3; i++) await postReport(base, { url: REPORT_URL });
    const { reports } = await store.list({ limit: 10 });
    expect(reports.map((report) => report.duplicates)).toEqual([3, 3, 3]);
    expect((await store.listSites({ limit: 10, perGroup: 10 }))[0]).toMatchObject({ site: 'evil-scam.test', count: 3 });
  });

  it('400 with every refused field for an invalid report', async () => {
    const { base } = await startServer();
    const response = await postReport(base, { url: 'javascript:alert(1)', cookie: 'x' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'the report is not valid',
      errors: [{ field: 'cookie', reason: 'unknown field' }, { field: 'url', reason: 'must be an http or https URL' }],
    });
  });

  it.each([['{"url":'], ['not json'], [''], ['\u0000']])('400 for a body that is not JSON: %j', async (body) => {
    const { base } = await startServer();
    const response = await postReport(base, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'the body is not valid JSON' });
  });

  it('400 for a body that is not UTF-8 and for a malformed idempotency key', async () => {
    const { base, port } = await startServer();
    const latin1 = await rawRequest(port, { headers: { 'Content-Type': 'application/json' }, chunks: [Buffer.from([0x7b, 0xff, 0x7d])] });
    expect([latin1.status, JSON.parse(latin1.body)]).toEqual([400, { error: 'the body is not valid UTF-8' }]);
    const badKey = await postReport(base, { url: REPORT_URL }, { 'Idempotency-Key': 'no spaces allowed' });
    expect(badKey.status).toBe(400);
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['application/json; charset=latin1'], ['application/jsonp']])(
    '415 for Content-Type %s', async (type) => {
      const { base } = await startServer();
      const response = await postReport(base, { url: REPORT_URL }, { 'Content-Type': type });
      expect(response.status).toBe(415);
    });

  it('accepts application/json with a UTF-8 charset', async () => {
    const { base } = await startServer();
    expect((await postReport(base, { url: REPORT_URL }, { 'Content-Type': 'application/json; charset=UTF-8' })).status).toBe(202);
  });

  it('413 from the declared length, without reading the body', async () => {
    const { port } = await startServer();
    const response = await rawRequest(port, { headers: { 'Content-Type': 'application/json', 'Content-Length': String(MAX_REPORT_BYTES + 1) }, chunks: ['{'] });
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
  });

  it('413 for a streamed body, stopping at the cap', async () => {
    const { port, store } = await startServer();
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const response = await rawRequest(port, {
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      chunks: ['{"url":"https://evil-scam.test/","note":"', ...Array.from({ length: 64 }, () => chunk)],
    });
    expect([response.status, JSON.parse(response.body)]).toEqual([413, { error: `the body is larger than ${MAX_REPORT_BYTES} bytes` }]);
    expect((await store.list({ limit: 1 })).reports).toHaveLength(0);
  });

  it('405 for other methods, 404 elsewhere, and a health check', async () => {
    const { base } = await startServer();
    const get = await fetch(`${base}/v1/reports`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST, OPTIONS']);
    expect((await fetch(`${base}/v1/report`)).status).toBe(404);
    expect((await fetch(`${base}/review`)).status).toBe(404);
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ ok: true });
  });
});

describe('CORS', () => {
  it('answers the preflight of an extension origin and names it on the answer', async () => {
    const { base } = await startServer();
    const preflight = await fetch(`${base}/v1/reports`, { method: 'OPTIONS', headers: { Origin: EXTENSION,
      'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Content-Type, Idempotency-Key');
    const firefox = 'moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
    const post = await postReport(base, { url: REPORT_URL }, { Origin: firefox });
    expect([post.status, post.headers.get('access-control-allow-origin')]).toEqual([202, firefox]);
  });

  it.each([['https://evil.example'], ['null'], ['chrome-extension://../x'], ['http://localhost:3000']])(
    'gives a web origin %s nothing: no CORS headers, preflight and post refused', async (origin) => {
      const { base, store } = await startServer();
      const preflight = await fetch(`${base}/v1/reports`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const post = await postReport(base, { url: REPORT_URL }, { Origin: origin });
      expect([post.status, post.headers.get('access-control-allow-origin')]).toEqual([403, null]);
      expect((await store.list({ limit: 1 })).reports).toHaveLength(0);
    });
});

describe('rate limiting', () => {
  it('429 with Retry-After once a client has spent its burst; other routes are not limited', async () => {
    const { base, store } = await startServer({ ratePerMinute: 6, rateBurst: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await postReport(base, { url: `${REPORT_URL}/${i}` })).status);
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    const refused = await postReport(base, { url: REPORT_URL });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    expect(await refused.json()).toEqual({ error: 'too many reports: try again later' });
    expect((await store.list({ limit: 10 })).reports).toHaveLength(3);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('behind a trusted proxy, limits each forwarded client on its own', async () => {
    const { base } = await startServer({ ratePerMinute: 1, rateBurst: 1, trustProxy: true });
    const from = (address: string) => postReport(base, { url: REPORT_URL }, { 'X-Forwarded-For': `203.0.113.9, ${address}` });
    expect((await from('198.51.100.1')).status).toBe(202);
    expect((await from('198.51.100.1')).status).toBe(429);
    expect((await from('198.51.100.2')).status).toBe(202);
  });
});
