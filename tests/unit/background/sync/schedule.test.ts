import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLL_MINUTES, RETRY_MAX_MINUTES, STARTUP_DELAY_MINUTES, getPollMinutes, getRetryDelayMinutes, getStartupDelayMinutes, planNextCheck,
} from '../../../../src/background/sync/schedule.ts';

const NOW = Date.parse('2025-03-01T10:00:00Z');
const MINUTE = 60_000;

describe('the regular interval', () => {
  it('is 30 minutes, or longer when feed.json asks for it, never shorter', () => {
    expect(getPollMinutes(60)).toBe(DEFAULT_POLL_MINUTES);
    expect(getPollMinutes(1800)).toBe(30);
    expect(getPollMinutes(7200)).toBe(120);
  });

  it('follows a good check, and the alarm repeats at it', () => {
    expect(planNextCheck(NOW, 0, 3600, () => 0)).toEqual({ when: NOW + 60 * MINUTE, periodInMinutes: 60 });
  });
});

describe('back-off after failures', () => {
  it('doubles with each failure, with jitter in the upper half of each step', () => {
    for (const failures of [1, 2, 3, 4, 5]) {
      const ceiling = 2 ** (failures - 1);
      expect(getRetryDelayMinutes(failures, 60, () => 0)).toBe(Math.max(ceiling / 2, 1));
      expect(getRetryDelayMinutes(failures, 60, () => 0.999999)).toBeCloseTo(Math.max(ceiling, 1), 3);
    }
    expect(getRetryDelayMinutes(5, 0, () => 0)).toBe(8);
    expect(getRetryDelayMinutes(5, 0, () => 1)).toBe(16);
  });

  it('spreads clients: many draws cover the step, none outside it', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const delays = Array.from({ length: 2000 }, () => getRetryDelayMinutes(6, 0, random));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...delays)).toBeLessThanOrEqual(32);
    expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(14);
  });

  it('stops growing at the cap, and never comes sooner than feed.json allows', () => {
    expect(getRetryDelayMinutes(40, 0, () => 1)).toBe(RETRY_MAX_MINUTES);
    expect(getRetryDelayMinutes(1000, 0, () => 0)).toBe(RETRY_MAX_MINUTES / 2);
    expect(getRetryDelayMinutes(1, 3600, () => 0)).toBe(60);
    const next = planNextCheck(NOW, 3, 900, () => 0.5);
    expect(next.when - NOW).toBe(15 * MINUTE);
    expect(next.periodInMinutes).toBe(30);
  });
});

describe('the first check after a start', () => {
  it('comes after a short random delay', () => {
    expect(getStartupDelayMinutes(() => 0)).toBe(STARTUP_DELAY_MINUTES.min);
    expect(getStartupDelayMinutes(() => 1)).toBe(STARTUP_DELAY_MINUTES.max);
    expect(STARTUP_DELAY_MINUTES.min).toBeGreaterThanOrEqual(0.5);
  });
});
