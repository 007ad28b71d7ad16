// How checks are started: "Check now" from extension pages only, the alarm, a browser start or an
// install, and changes to the feed settings.
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYNC_ALARM } from '../../../../src/background/sync/sync-alarm.ts';
import { listenForFeedSync } from '../../../../src/background/sync/sync-listeners.ts';
import { STARTUP_DELAY_MINUTES } from '../../../../src/background/sync/schedule.ts';
import { removeFakeChrome } from '../../shared/support/fake-chrome.ts';
import { contentSender, openTab, pageSender, TEST_NOW } from '../support/background.ts';
import { liveVersion, readSyncAlarm, startSyncBench, type SyncBench } from './sync-support.ts';

const MINUTE = 60_000;
const POPUP = pageSender('src/popup/index.html');
const OPTIONS = pageSender('src/options/index.html');
let bench: SyncBench;

beforeEach(async () => {
  bench = startSyncBench();
  await bench.feedHost.publish(liveVersion(1, ['checked.test']));
});

afterEach(() => removeFakeChrome());

/** The alarm is set for a short random while from now (the tests' random is 0.5). */
const SOON = TEST_NOW.getTime() + ((STARTUP_DELAY_MINUTES.min + STARTUP_DELAY_MINUTES.max) / 2) * MINUTE;

describe('sync.now', () => {
  it('checks at once for an extension page and answers the list state after the check', async () => {
    const reply = await bench.route({ name: 'sync.now', request: {} }, POPUP);
    expect(reply).toMatchObject({ ok: true, value: { version: 1, origin: 'feed', lastSync: { isOk: true, at: TEST_NOW.toISOString() } } });
  });

  it('is refused to a content script, which never makes the extension poll', async () => {
    const url = 'http://page.test/';
    const reply = await bench.route({ name: 'sync.now', request: {} }, contentSender(await openTab(url), url));
    expect(reply).toEqual({ ok: false, error: 'not allowed' });
    expect(await bench.route({ name: 'sync.now', request: { force: true } }, POPUP)).toMatchObject({ ok: false, error: expect.stringMatching(/^bad request/) });
    expect(bench.feedHost.requests).toEqual([]);
  });
});

describe('the alarm and the browser events', () => {
  it('an install or a browser start plans a check soon; the alarm runs it', async () => {
    listenForFeedSync(bench.services);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await expect.poll(readSyncAlarm).toMatchObject({ name: SYNC_ALARM, scheduledTime: SOON, periodInMinutes: 30 });
    await fakeBrowser.alarms.clear(SYNC_ALARM);
    await fakeBrowser.runtime.onStartup.trigger();
    await expect.poll(readSyncAlarm).toMatchObject({ scheduledTime: SOON });
    const alarm = await fakeBrowser.alarms.get(SYNC_ALARM);
    if (!alarm) throw new Error('no sync alarm');
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
    await expect.poll(async () => (await bench.services.getEngine()).list.version).toBe(1);
    await expect.poll(readSyncAlarm).toMatchObject({ scheduledTime: TEST_NOW.getTime() + 30 * MINUTE });
  });
});

describe('the feed settings', () => {
  it('turning automatic updates off removes the planned check; on again, or a new address, plans one soon', async () => {
    await bench.route({ name: 'sync.now', request: {} }, POPUP);
    expect(await readSyncAlarm()).toBeDefined();
    expect(await bench.route({ name: 'settings.set', request: { isAutoUpdateOn: false } }, OPTIONS)).toMatchObject({ ok: true });
    expect(await readSyncAlarm()).toBeUndefined();
    await bench.route({ name: 'settings.set', request: { isAutoUpdateOn: true } }, OPTIONS);
    expect(await readSyncAlarm()).toMatchObject({ scheduledTime: SOON });
    await fakeBrowser.alarms.clear(SYNC_ALARM);
    await bench.route({ name: 'settings.set', request: { feedUrl: 'https://mirror.example/feed.json' } }, OPTIONS);
    expect(await readSyncAlarm()).toMatchObject({ scheduledTime: SOON });
    await fakeBrowser.alarms.clear(SYNC_ALARM);
    await bench.route({ name: 'settings.set', request: { sensitivity: 'high' } }, OPTIONS);
    expect(await readSyncAlarm()).toBeUndefined();
  });
});
