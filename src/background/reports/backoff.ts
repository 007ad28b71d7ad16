// When a report that did not get through is tried again: exponential back-off with jitter, so the
// extensions that queued reports while the server was down do not all come back at the same second,
// and never before the server's own Retry-After.

/** The first retry's ceiling; Chromium fires no alarm sooner than 30 s anyway. */
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 60 * 60_000;
/** A Retry-After beyond this is read as this: a wrong header must not park a report for months. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/** The wait after the `attempts`-th failed attempt (1 for the first), in milliseconds. */
export function computeRetryDelay(attempts: number, random: () => number, retryAfterMs: number | null = null): number {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  // "Equal jitter": at least half the step, so the waits still grow while they spread out.
  const backoff = ceiling / 2 + random() * (ceiling / 2);
  return Math.max(backoff, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/** A Retry-After header (delta-seconds or an HTTP date) in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  // An HTTP date always ends in GMT (`Sat, 01 Mar 2025 10:05:00 GMT`); Date.parse alone would read '-5' as a year.
  const time = /GMT$/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(time) ? null : Math.max(0, time - now.getTime());
}
