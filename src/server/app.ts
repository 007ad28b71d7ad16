// The maintainers' server: report intake, the review page and the static feed, on Node's `http`.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createIntakeHandler } from './intake.ts';
import { createRateLimiter, type RateLimiter } from './rate-limit.ts';
import type { ReportStore } from './report-store.ts';
import { sendError, sendJson, requestPath, type RequestHandler } from './respond.ts';
import { createReviewAuth } from './review/auth.ts';
import { createReviewHandler } from './review/routes.ts';
import { errorMessage } from '../core/error-message.ts';

export interface ServerOptions {
  store: ReportStore;
  /** Serves the published feed (the feed engineer's `createFeedHandler(dir)`); mounted after our routes. */
  feedHandler?: RequestHandler;
  /** Reports per minute per client after a burst of `rateBurst`; 0 turns rate limiting off. */
  ratePerMinute: number;
  rateBurst: number;
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry. */
  trustProxy?: boolean;
  /** The maintainer token for the review page; without one the page is off. */
  reviewToken?: string;
  sourcesDir?: string;
  now?: () => Date;
}

/** Long enough that guessing it over the network, five tries a minute, is hopeless. */
export const MIN_REVIEW_TOKEN_LENGTH = 16;
const LOGIN_BURST = 5;
/** Slow clients may not hold connections open: whole request within 10 s, headers within 5 s. */
const REQUEST_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 5_000;

export function createReportServer(options: ServerOptions): Server {
  const handlers = buildHandlers(options);
  const server = createServer((req, res) => {
    for (const handle of handlers) if (handle(req, res)) return;
    sendError(res, 404, 'not found');
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

function buildHandlers(options: ServerOptions): RequestHandler[] {
  if (options.reviewToken !== undefined && options.reviewToken.length < MIN_REVIEW_TOKEN_LENGTH) {
    throw new Error(`the review token must be at least ${MIN_REVIEW_TOKEN_LENGTH} characters`);
  }
  const clientAddress = options.trustProxy ? forwardedAddress : socketAddress;
  const limiter: RateLimiter | undefined = options.ratePerMinute > 0
    ? createRateLimiter({ burst: options.rateBurst, perMinute: options.ratePerMinute }) : undefined;
  const handlers: RequestHandler[] = [
    healthHandler,
    createIntakeHandler({ store: options.store, clientAddress, ...(limiter ? { limiter } : {}), ...(options.now ? { now: options.now } : {}),
      onStoreError: (error) => console.error(`reports: storing failed: ${errorMessage(error)}`) }),
  ];
  if (options.reviewToken !== undefined) {
    handlers.push(createReviewHandler({
      store: options.store, auth: createReviewAuth(options.reviewToken), clientAddress,
      loginLimiter: createRateLimiter({ burst: LOGIN_BURST, perMinute: LOGIN_BURST }),
      ...(options.sourcesDir ? { sourcesDir: options.sourcesDir } : {}), ...(options.now ? { now: options.now } : {}),
    }));
  }
  if (options.feedHandler) handlers.push(options.feedHandler);
  return handlers;
}

const healthHandler: RequestHandler = (req, res) => {
  if (requestPath(req) !== '/health' || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  sendJson(res, 200, { ok: true });
  return true;
};

function socketAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

function forwardedAddress(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded ?? '').split(',').at(-1)?.trim();
  return last || socketAddress(req);
}

/** Listens and resolves with the port (0 picks a free one). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Connections still busy this long after a shutdown starts are cut. */
const SHUTDOWN_GRACE_MS = 5_000;

/** Stops taking connections and lets requests in flight finish (for a while), closing idle keep-alive sockets. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
