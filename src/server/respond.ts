// How the server answers: JSON with a reason for every refusal, and headers that keep browsers
// from sniffing or framing anything it sends.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** A route: true when it handled the request (the feed handler has the same shape). */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const BASE_HEADERS: OutgoingHttpHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    ...closeIfBodyUnread(res),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** A refusal: `{ "error": reason }`, plus any detail (the refused fields). */
export function sendError(res: ServerResponse, status: number, reason: string, headers: OutgoingHttpHeaders = {}, detail: object = {}): void {
  sendJson(res, status, { error: reason, ...detail }, headers);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    ...closeIfBodyUnread(res),
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(html);
}

export function sendMethodNotAllowed(res: ServerResponse, allowed: string[], headers: OutgoingHttpHeaders = {}): void {
  sendError(res, 405, `method not allowed (use ${allowed.join(', ')})`, { Allow: allowed.join(', '), ...headers });
}

/**
 * Answering before the request body has arrived (a refusal) must not leave the rest of the body to
 * be drained, however long, nor read as the next request on a kept-alive connection: close instead.
 */
function closeIfBodyUnread(res: ServerResponse): OutgoingHttpHeaders {
  const { headers, complete } = res.req;
  const hasBody = headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
  return hasBody && !complete ? { Connection: 'close' } : {};
}

/** The request path without its query, or null when the target is not a path. */
export function requestPath(req: IncomingMessage): string | null {
  const target = req.url ?? '';
  if (!target.startsWith('/')) return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}
