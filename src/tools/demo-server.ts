// One local HTTP server for every made-up demo host (the browser is told to resolve them all to
// 127.0.0.1). It records each request by host, so tests can prove a blocked site got none.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderDemoPage } from './demo-pages.ts';

export interface RecordedRequest {
  host: string;
  method: string;
  path: string;
}

export interface DemoServer {
  port: number;
  /** Requests seen, optionally only those for one host (and its subdomains). */
  requests(host?: string): RecordedRequest[];
  close(): Promise<void>;
}

function handle(request: IncomingMessage, response: ServerResponse, log: RecordedRequest[]): void {
  const host = (request.headers.host ?? 'unknown').replace(/:\d+$/, '').toLowerCase();
  const url = new URL(request.url ?? '/', `http://${host}`);
  log.push({ host, method: request.method ?? 'GET', path: `${url.pathname}${url.search}` });
  // Drain the body (form posts) before answering.
  request.resume();
  request.on('end', () => {
    if (url.pathname === '/favicon.ico') {
      response.writeHead(404).end();
      return;
    }
    const page = renderDemoPage(host, url);
    response.writeHead(page.status, { 'cache-control': 'no-store', ...page.headers }).end(page.body);
  });
}

export async function startDemoServer(port = 0): Promise<DemoServer> {
  const log: RecordedRequest[] = [];
  const server = createServer((request, response) => handle(request, response, log));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests: (host) => log.filter((entry) => host === undefined || entry.host === host || entry.host.endsWith(`.${host}`)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
