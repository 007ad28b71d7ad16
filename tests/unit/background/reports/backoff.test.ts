// Back-off with jitter and Retry-After, as numbers.
import { describe, expect, it } from 'vitest';
import { computeRetryDelay, FIRST_RETRY_MS, MAX_RETRY_AFTER_MS, MAX_RETRY_MS, parseRetryAfter } from '../../../../src/background/reports/backoff.ts';

const NOW = new Date('2025-03-01T10:00:00Z');

describe('computeRetryDelay', () => {
  it('doubles the step with each failure up to the cap, spreading each wait over its upper half', () => {
    const steps = [1, 2, 3, 4, 10, 40].map((attempts) => [computeRetryDelay(attempts, () => 0), computeRetryDelay(attempts, () => 1)]);
    expect(steps).toEqual([
      [FIRST_RETRY_MS / 2, FIRST_RETRY_MS],
      [FIRST_RETRY_MS, FIRST_RETRY_MS * 2],
      [FIRST_RETRY_MS * 2, FIRST_RETRY_MS * 4],
      [FIRST_RETRY_MS * 4, FIRST_RETRY_MS * 8],
      [MAX_RETRY_MS / 2, MAX_RETRY_MS],
      [MAX_RETRY_MS / 2, MAX_RETRY_MS],
    ]);
  });

  it('never retries before Retry-After, and reads a huge one as a day', () => {
    expect(computeRetryDelay(1, () => 0.5, 5 * 60_000)).toBe(5 * 60_000);
    expect(computeRetryDelay(1, () => 0.5, 1000)).toBe(FIRST_RETRY_MS * 0.75);
    expect(computeRetryDelay(1, () => 0.5, 400 * 24 * 3600_000)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Sat, 01 Mar 2025 10:05:00 GMT', NOW)).toBe(300_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 09:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter('-5', NOW)).toBeNull();
  });
});
