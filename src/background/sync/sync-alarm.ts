// The one alarm that drives feed checks. Alarms outlive the service worker (and, in Chromium, the
// browser session), so a check is never lost to a stopped worker: a repeating alarm also retries
// a check that a stopped worker left unfinished.
import browser from 'webextension-polyfill';
import type { NextCheck } from './schedule.ts';

export const SYNC_ALARM = 'feed-sync';

export async function scheduleCheck(next: NextCheck): Promise<void> {
  await browser.alarms.create(SYNC_ALARM, next);
}

export async function clearScheduledCheck(): Promise<void> {
  await browser.alarms.clear(SYNC_ALARM);
}
