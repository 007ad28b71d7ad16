// A real report server on a free port, with a real SQLite store in a temporary folder.
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { closeServer, createReportServer, listen, type ServerOptions } from '../../../src/server/app.ts';
import type { ReportStore } from '../../../src/server/report-store.ts';
import { openSqliteStore } from '../../../src/server/sqlite-store.ts';
import { useTempDirs } from './temp-dir.ts';

export interface TestServer {
  base: string;
  port: number;
  store: ReportStore;
  dir: string;
}

export function useTestServers(): (options?: Partial<ServerOptions>) => Promise<TestServer> {
  const makeDir = useTempDirs();
  const running: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of running.splice(0)) await stop();
  });
  return async (options = {}) => {
    const dir = makeDir();
    const store = openSqliteStore(join(dir, 'reports.sqlite'));
    const server = createReportServer({ store, ratePerMinute: 0, rateBurst: 1, ...options });
    const port = await listen(server, 0, '127.0.0.1');
    running.push(async () => {
      await closeServer(server);
      await store.close();
    });
    return { base: `http://127.0.0.1:${port}`, port, store, dir };
  };
}

export const REPORT_URL = 'https://login.evil-scam.test/verify';

export function postReport(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/v1/reports`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A request with full control over what is sent (fetch forbids some headers and bodies); the
 * body may be streamed in chunks and the answer arrive before it is all sent.
 */
export function rawRequest(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; chunks?: (string | Buffer)[] }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time (no agent), so one test case can never disturb the next.
    const req = request({ agent: false, host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? '/v1/reports', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    // The server may close the connection while a large body is still being sent: that is the
    // point, as long as an answer came first.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.on('close', () => setImmediate(() => reject(new Error('the connection closed without an answer'))));
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}
