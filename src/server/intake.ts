// POST /v1/reports: the seam the extension's report queue delivers to (DESIGN.md). Every refusal is
// a 4xx with a JSON reason; a 202 is sent only once the report is committed to storage.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { IDEMPOTENCY_HEADER, isIdempotencyKey, MAX_REPORT_BYTES, validateReport } from '../core/index.ts';
import { corsHeaders, isWebOrigin, preflightHeaders } from './cors.ts';
import type { RateLimiter } from './rate-limit.ts';
import { readBody } from './read-body.ts';
import type { ReportStore } from './report-store.ts';
import { requestPath, sendError, sendJson, sendMethodNotAllowed, type RequestHandler } from './respond.ts';

export const REPORTS_PATH = '/v1/reports';
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

export interface IntakeOptions {
  store: ReportStore;
  /** Absent: no rate limit (benchmarks, or a proxy in front that limits). */
  limiter?: RateLimiter;
  /** The client's address for rate limiting (the socket's, or a trusted proxy's header). */
  clientAddress: (req: IncomingMessage) => string;
  now?: () => Date;
  /** Called when storing fails for reasons of the server's own (disk full): logged, answered with 503. */
  onStoreError?: (error: unknown) => void;
}

export function createIntakeHandler(options: IntakeOptions): RequestHandler {
  return (req, res) => {
    if (requestPath(req) !== REPORTS_PATH) return false;
    if (req.method === 'OPTIONS') answerPreflight(req, res);
    else if (req.method !== 'POST') sendMethodNotAllowed(res, ['POST', 'OPTIONS'], corsHeaders(req));
    else void receiveReport(req, res, options);
    return true;
  };
}

function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const headers = preflightHeaders(req, ['POST'], ['Content-Type', IDEMPOTENCY_HEADER]);
  if (!headers) return sendError(res, 403, 'cross-origin requests are accepted from the extension only', { Vary: 'Origin' });
  res.writeHead(204, headers).end();
}

async function receiveReport(req: IncomingMessage, res: ServerResponse, options: IntakeOptions): Promise<void> {
  const cors = corsHeaders(req);
  const refuse = (status: number, reason: string, extra: Record<string, string> = {}, detail: object = {}) =>
    sendError(res, status, reason, { ...cors, ...extra }, detail);
  if (isWebOrigin(req.headers.origin)) return refuse(403, 'reports are accepted from the extension only, not from web pages');
  const limit = options.limiter?.take(options.clientAddress(req));
  if (limit && !limit.ok) return refuse(429, 'too many reports: try again later', { 'Retry-After': String(limit.retryAfterSeconds) });
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) return refuse(415, 'the body must be application/json (UTF-8)');
  const key = req.headers[IDEMPOTENCY_HEADER.toLowerCase()];
  if (key !== undefined && !isIdempotencyKey(key)) {
    return refuse(400, `${IDEMPOTENCY_HEADER} must be 8 to 128 letters, digits or ._:- characters`);
  }
  const body = await readBody(req, MAX_REPORT_BYTES);
  if (!body.ok) return refuse(body.status, body.reason);
  const parsed = parseJson(body.text);
  if (!parsed.ok) return refuse(400, 'the body is not valid JSON');
  const result = validateReport(parsed.value);
  if (!result.ok) return refuse(400, 'the report is not valid', {}, { errors: result.errors });
  try {
    const now = options.now?.() ?? new Date();
    const stored = await options.store.add(result.report, { receivedAt: now, ...(key === undefined ? {} : { idempotencyKey: key }) });
    sendJson(res, 202, { id: stored.id }, cors);
  } catch (error) {
    options.onStoreError?.(error);
    sendError(res, 503, 'the report could not be stored: try again later', { ...cors, 'Retry-After': '30' });
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
