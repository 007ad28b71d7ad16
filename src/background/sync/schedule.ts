// When the next feed check happens. Pure, so the bounds are unit-tested: the regular interval is
// 30 minutes unless feed.json asks for longer; failures back off exponentially with jitter (so a
// million clients that lost the feed at once do not return at once); nothing is ever scheduled
// sooner than feed.json's minPollSeconds allows.

export const DEFAULT_POLL_MINUTES = 30;
/** After the browser starts or the extension is installed: soon, but not all clients in the same second. */
export const STARTUP_DELAY_MINUTES = { min: 0.5, max: 2 } as const;
/** The first retry after a failure; each further failure doubles it, up to the cap. */
export const RETRY_BASE_MINUTES = 1;
export const RETRY_MAX_MINUTES = 240;
const MINUTE_MS = 60_000;

/** The regular interval in minutes: the default, or feed.json's minimum when that is longer. */
export function getPollMinutes(minPollSeconds: number): number {
  return Math.max(DEFAULT_POLL_MINUTES, minPollSeconds / 60);
}

/**
 * The wait after `failures` failed checks in a row: base * 2^(failures-1), capped, then "equal
 * jitter" (a uniform draw in the upper half), so the wait grows for sure and the crowd spreads.
 */
export function getRetryDelayMinutes(failures: number, minPollSeconds: number, random: () => number): number {
  const ceiling = Math.min(RETRY_MAX_MINUTES, RETRY_BASE_MINUTES * 2 ** Math.max(0, failures - 1));
  const jittered = ceiling / 2 + (ceiling / 2) * random();
  return Math.max(jittered, minPollSeconds / 60);
}

export function getStartupDelayMinutes(random: () => number): number {
  return STARTUP_DELAY_MINUTES.min + (STARTUP_DELAY_MINUTES.max - STARTUP_DELAY_MINUTES.min) * random();
}

export interface NextCheck {
  /** Epoch milliseconds. */
  when: number;
  /** The alarm repeats at this interval, so a worker stopped mid-check still gets its retry. */
  periodInMinutes: number;
}

/** The next check after one that left `failures` failures in a row (0: it went well). */
export function planNextCheck(now: number, failures: number, minPollSeconds: number, random: () => number): NextCheck {
  const periodInMinutes = getPollMinutes(minPollSeconds);
  const delay = failures > 0 ? getRetryDelayMinutes(failures, minPollSeconds, random) : periodInMinutes;
  return { when: now + delay * MINUTE_MS, periodInMinutes };
}
