import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_REPORT_BYTES } from '../../../src/core/index.ts';
import { rawRequest, REPORT_URL, useTestServers } from './test-server.ts';

const startServer = useTestServers();
const ACCEPTABLE = [202, 400, 403, 405, 413, 415];

const TEXT_BODY = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.dictionary(fc.constantFrom('url', 'kind', 'note', 'title', 'signals', 'category', 'feedVersion', 'verdict', '__proto__', 'constructor'),
    fc.oneof(fc.jsonValue(), fc.webUrl(), fc.constant(REPORT_URL))).map((value) => JSON.stringify(value)),
  fc.record({ url: fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()) }).map((value) => JSON.stringify(value)),
);
const BODY = fc.oneof(TEXT_BODY.map((text) => Buffer.from(text)), fc.uint8Array({ maxLength: 500 }).map((bytes) => Buffer.from(bytes)));
const HEADER_VALUE = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 200 });

describe('malformed, random and oversized input', () => {
  it('never gets a 5xx, and the server keeps answering', async () => {
    const { port, base } = await startServer();
    await fc.assert(fc.asyncProperty(
      BODY,
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'multipart/form-data', ''),
      fc.option(HEADER_VALUE),
      fc.constantFrom('POST', 'POST', 'POST', 'PUT', 'GET', 'DELETE', 'PATCH'),
      async (body, contentType, key, method) => {
        const headers: Record<string, string> = { 'Content-Length': String(body.length) };
        if (contentType) headers['Content-Type'] = contentType;
        if (key !== null) headers['Idempotency-Key'] = key;
        const response = await rawRequest(port, { method, headers, chunks: method === 'GET' ? [] : [body] });
        expect(ACCEPTABLE).toContain(response.status);
        expect(() => JSON.parse(response.body) as unknown).not.toThrow();
      }), { numRuns: 300 });
    expect((await fetch(`${base}/health`)).status).toBe(200);
  }, 60_000);

  it('survives bodies built to hurt: deep nesting, huge strings, many keys, a body at exactly the cap', async () => {
    const { port } = await startServer();
    const deep = `{"url":"${REPORT_URL}","signals":${'['.repeat(30_000)}${']'.repeat(30_000)}}`;
    const manyKeys = JSON.stringify(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])));
    const atCap = JSON.stringify({ url: REPORT_URL, note: 'x'.repeat(MAX_REPORT_BYTES) }).slice(0, MAX_REPORT_BYTES);
    const nestedArrays = '['.repeat(MAX_REPORT_BYTES);
    for (const body of [deep, manyKeys, atCap, nestedArrays, '{"url":"' + 'a'.repeat(MAX_REPORT_BYTES - 20) + '"}']) {
      const response = await rawRequest(port, { headers: { 'Content-Type': 'application/json' }, chunks: [body] });
      expect([400, 413]).toContain(response.status);
      expect(JSON.parse(response.body)).toHaveProperty('error');
    }
  }, 30_000);

  it('closes a connection whose body it did not read, so it cannot poison the next request', async () => {
    const { port } = await startServer();
    const { Agent, request } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, headers: Record<string, string>, body: string) => new Promise<{ status: number; connection?: string }>((resolve, reject) => {
      const req = request({ agent, host: '127.0.0.1', port, method, path: '/v1/reports', headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      });
      req.on('error', reject);
      req.end(body);
    });
    // Declares a body it never sends: the 405 must close the connection rather than wait to drain it.
    expect(await send('GET', { 'Content-Length': '40' }, '')).toEqual({ status: 405, connection: 'close' });
    expect((await send('POST', { 'Content-Type': 'application/json' }, JSON.stringify({ url: REPORT_URL }))).status).toBe(202);
    agent.destroy();
  });

  it('answers a request line or headers that are not HTTP with 400, not a crash', async () => {
    const { port, base } = await startServer();
    const { connect } = await import('node:net');
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});
