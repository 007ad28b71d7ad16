// When the feed is checked: a short random while after the browser starts or the extension is
// installed or updated, then on the sync alarm; and soon after the user changes the feed settings.
// An update of the extension may also bring a newer bundled list (seed-update.ts).
import browser from 'webextension-polyfill';
import type { Services } from '../services.ts';
import { syncFeed } from './run-sync.ts';
import { installNewerSeed } from './seed-update.ts';
import { getPollMinutes, getStartupDelayMinutes } from './schedule.ts';
import { clearScheduledCheck, scheduleCheck, SYNC_ALARM } from './sync-alarm.ts';
import { readFeedSync } from './sync-state.ts';

/** Plans a check a short random while from now, or none while automatic updates are off. */
export async function scheduleSoon(services: Services): Promise<void> {
  const engine = await services.getEngine();
  if (!engine.settings.isAutoUpdateOn) return clearScheduledCheck();
  const { minPollSeconds } = await readFeedSync(engine.db);
  const delayMinutes = getStartupDelayMinutes(engine.feed.random);
  await scheduleCheck({ when: services.now().getTime() + delayMinutes * 60_000, periodInMinutes: getPollMinutes(minPollSeconds) });
}

/** Registered synchronously at worker start, like every listener. */
export function listenForFeedSync(services: Services): void {
  const report = (error: unknown) => console.error('Scam Warner: scheduling the list update failed', error);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncFeed(services, 'schedule').catch(report);
  });
  browser.runtime.onStartup.addListener(() => void scheduleSoon(services).catch(report));
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'update') void installNewerSeed(services).catch((error: unknown) => console.error('Scam Warner: installing the updated bundled list failed', error));
    void scheduleSoon(services).catch(report);
  });
}
