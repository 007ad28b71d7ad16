// The review page's routes, under /review: sign in, see pending reports by site, approve or reject.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isCategory } from '../../core/types.ts';
import { decideReport } from '../decide.ts';
import type { RateLimiter } from '../rate-limit.ts';
import { readBody } from '../read-body.ts';
import type { ReportStore } from '../report-store.ts';
import { requestPath, sendError, sendHtml, sendMethodNotAllowed, type RequestHandler } from '../respond.ts';
import { isSameOrigin, type ReviewAuth } from './auth.ts';
import { summarizeGroup } from './group-summary.ts';
import { pickLocale, translatorFor } from './messages.ts';
import { NOTICES, renderLoginPage, renderReviewPage, type Notice } from './page.ts';
import { REVIEW_CSS } from './style.ts';
import { errorMessage } from '../../core/error-message.ts';

const MAX_FORM_BYTES = 4096;
const MAX_GROUPS = 100;
const REPORTS_PER_GROUP = 50;
const CSP = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const PAGE_HEADERS = { 'Content-Security-Policy': CSP, 'X-Frame-Options': 'DENY' };

export interface ReviewOptions {
  store: ReportStore;
  auth: ReviewAuth;
  /** Sign-in attempts per client, so the token cannot be guessed quickly. */
  loginLimiter: RateLimiter;
  clientAddress: (req: IncomingMessage) => string;
  sourcesDir?: string;
  now?: () => Date;
}

export function createReviewHandler(options: ReviewOptions): RequestHandler {
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
    'GET /review': (req, res) => showReview(req, res, options),
    'GET /review/style.css': async (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=300', 'X-Content-Type-Options': 'nosniff' });
      res.end(REVIEW_CSS);
    },
    'POST /review/login': (req, res) => signIn(req, res, options),
    'POST /review/logout': (req, res) => signOut(req, res, options),
    'POST /review/decide': (req, res) => decide(req, res, options),
  };
  return (req, res) => {
    const path = requestPath(req);
    if (path === null || !(path === '/review' || path.startsWith('/review/'))) return false;
    const route = routes[`${req.method === 'HEAD' ? 'GET' : req.method ?? ''} ${path}`];
    if (route) route(req, res).catch((error: unknown) => answerFault(res, error));
    else if (Object.keys(routes).some((key) => key.endsWith(` ${path}`))) sendMethodNotAllowed(res, methodsFor(routes, path));
    else sendError(res, 404, 'not found');
    return true;
  };
}

async function showReview(req: IncomingMessage, res: ServerResponse, options: ReviewOptions): Promise<void> {
  const tr = translatorFor(pickLocale(req));
  const session = options.auth.sessionOf(req);
  if (!session) return sendHtml(res, 200, renderLoginPage(tr, false), PAGE_HEADERS);
  const groups = await options.store.listSites({ limit: MAX_GROUPS + 1, perGroup: REPORTS_PER_GROUP });
  const notice = new URL(req.url ?? '/', 'http://review.invalid').searchParams.get('notice');
  sendHtml(res, 200, renderReviewPage(tr, {
    groups: groups.slice(0, MAX_GROUPS).flatMap((group) => summarizeGroup(group) ?? []),
    csrf: options.auth.csrfTokenFor(session),
    notice: (NOTICES as readonly string[]).includes(notice ?? '') ? (notice as Notice) : null,
    canApprove: options.sourcesDir !== undefined,
    isTruncated: groups.length > MAX_GROUPS,
  }), PAGE_HEADERS);
}

async function signIn(req: IncomingMessage, res: ServerResponse, options: ReviewOptions): Promise<void> {
  if (!isSameOrigin(req)) return sendError(res, 403, 'cross-site request refused');
  const limit = options.loginLimiter.take(options.clientAddress(req));
  if (!limit.ok) return sendError(res, 429, 'too many sign-in attempts', { 'Retry-After': String(limit.retryAfterSeconds) });
  const form = await readForm(req);
  if (!form || !options.auth.isTokenRight(form.get('token') ?? '')) {
    return sendHtml(res, 403, renderLoginPage(translatorFor(pickLocale(req)), true), PAGE_HEADERS);
  }
  const { cookie } = options.auth.startSession(req);
  res.writeHead(303, { Location: '/review', 'Set-Cookie': cookie, 'Cache-Control': 'no-store' }).end();
}

async function signOut(req: IncomingMessage, res: ServerResponse, options: ReviewOptions): Promise<void> {
  const session = await checkForm(req, res, options);
  if (!session) return;
  res.writeHead(303, { Location: '/review', 'Set-Cookie': options.auth.endSession(req), 'Cache-Control': 'no-store' }).end();
}

async function decide(req: IncomingMessage, res: ServerResponse, options: ReviewOptions): Promise<void> {
  const form = await checkForm(req, res, options);
  if (!form) return;
  const action = form.get('action');
  const category = form.get('category');
  if (action !== 'approve' && action !== 'reject') return sendError(res, 400, 'action must be approve or reject');
  const outcome = await decideReport(options.store, {
    id: form.get('id') ?? '',
    action,
    now: options.now?.() ?? new Date(),
    ...(options.sourcesDir ? { sourcesDir: options.sourcesDir } : {}),
    ...(isCategory(category) ? { category } : {}),
  });
  redirectWithNotice(res, outcome.ok ? (action === 'approve' ? 'approved' : 'rejected') : noticeFor(outcome.code, options));
}

/** A signed-in, same-origin form with the right CSRF token, or null once it has answered the refusal. */
async function checkForm(req: IncomingMessage, res: ServerResponse, options: ReviewOptions): Promise<URLSearchParams | null> {
  const session = options.auth.sessionOf(req);
  if (!session) return refuseForm(res, 401, 'sign in first');
  if (!isSameOrigin(req)) return refuseForm(res, 403, 'cross-site request refused');
  const form = await readForm(req);
  if (!form) return refuseForm(res, 400, 'the form must be application/x-www-form-urlencoded, at most 4 KB');
  if (!options.auth.isCsrfTokenRight(session, form.get('csrf') ?? '')) return refuseForm(res, 403, 'the form is stale or forged: reload the page');
  return form;
}

/** A fault of the server's own (storage, sources file): logged, and never blamed on the request. */
function answerFault(res: ServerResponse, error: unknown): void {
  console.error(`review: ${errorMessage(error)}`);
  if (res.headersSent) res.destroy();
  else sendError(res, 500, 'the review could not be completed: see the server log');
}

function refuseForm(res: ServerResponse, status: number, reason: string): null {
  sendError(res, status, reason);
  return null;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) return null;
  const body = await readBody(req, MAX_FORM_BYTES);
  return body.ok ? new URLSearchParams(body.text) : null;
}

function noticeFor(code: 'not-found' | 'already-decided' | 'bad-request', options: ReviewOptions): Notice {
  if (code === 'not-found') return 'not_found';
  if (code === 'already-decided') return 'already';
  return options.sourcesDir ? 'no_entry' : 'no_sources';
}

function redirectWithNotice(res: ServerResponse, notice: Notice): void {
  res.writeHead(303, { Location: `/review?notice=${notice}`, 'Cache-Control': 'no-store' }).end();
}

function methodsFor(routes: Record<string, unknown>, path: string): string[] {
  return Object.keys(routes).filter((key) => key.endsWith(` ${path}`)).map((key) => key.split(' ')[0] ?? '');
}
