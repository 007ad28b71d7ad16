// Who may use the review page, and how its forms resist cross-site requests. A maintainer signs in
// once with the review token; the session cookie is HttpOnly and SameSite=Strict, and every form
// that changes something must also carry a per-session CSRF token and come from this very origin.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'sw_review';
const SESSION_HOURS = 8;
const SESSION_MS = SESSION_HOURS * 3_600_000;
const MAX_SESSIONS = 1000;

export interface ReviewAuth {
  isTokenRight(given: string): boolean;
  /** A new session id, and the Set-Cookie header that carries it. */
  startSession(req: IncomingMessage): { id: string; cookie: string };
  endSession(req: IncomingMessage): string;
  /** The signed-in session of this request, or null. */
  sessionOf(req: IncomingMessage): string | null;
  csrfTokenFor(session: string): string;
  isCsrfTokenRight(session: string, given: string): boolean;
}

export function createReviewAuth(token: string, now: () => number = Date.now): ReviewAuth {
  const secret = randomBytes(32);
  const sessions = new Map<string, number>();
  const tokenDigest = digest(token);
  const csrfTokenFor = (session: string) => createHmac('sha256', secret).update(session).digest('base64url');
  return {
    isTokenRight: (given) => timingSafeEqual(digest(given), tokenDigest),
    startSession(req) {
      for (const [id, expires] of sessions) if (expires <= now() || sessions.size >= MAX_SESSIONS) sessions.delete(id);
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, now() + SESSION_MS);
      return { id, cookie: cookieHeader(req, id, SESSION_MS / 1000) };
    },
    endSession(req) {
      const id = readCookie(req, SESSION_COOKIE);
      if (id) sessions.delete(id);
      return cookieHeader(req, '', 0);
    },
    sessionOf(req) {
      const id = readCookie(req, SESSION_COOKIE);
      const expires = id === null ? undefined : sessions.get(id);
      return id !== null && expires !== undefined && expires > now() ? id : null;
    },
    csrfTokenFor,
    isCsrfTokenRight: (session, given) => timingSafeEqual(digest(csrfTokenFor(session)), digest(given)),
  };
}

/**
 * A state-changing request must come from a page of this server: browsers send `Origin` with every
 * form POST, so one that is missing or names another origin is refused.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (origin === undefined || host === undefined) return false;
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return false;
  return origin === `http://${host}` || origin === `https://${host}`;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function cookieHeader(req: IncomingMessage, value: string, maxAgeSeconds: number): string {
  const secure = 'encrypted' in req.socket || req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; Path=/review; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}
