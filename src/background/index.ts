// The service worker: wiring only. Every listener is registered synchronously at start (a worker
// woken by an event must find its listener); state comes from IndexedDB through the engine.
import browser, { type Runtime } from 'webextension-polyfill';
import { WARNING_PAGE_PATH } from '../shared/warning-url.ts';
import { forgetBadge } from './badge.ts';
import { createHandlers } from './handlers/index.ts';
import { listenToNavigation } from './navigation.ts';
import { prepareMatchers } from './page-scan.ts';
import { forgetTabRules } from './proceed.ts';
import { createReportQueue, REPORT_ALARM } from './reports/queue.ts';
import { createRouter, readOrigin } from './router.ts';
import { createServices } from './services.ts';
import { listenForFeedSync } from './sync/sync-listeners.ts';
import { forgetPageEvidence } from './tab-state.ts';

const startedAt = performance.now();
const extensionRoot = browser.runtime.getURL('/');
const services = createServices({ extensionRoot, now: () => new Date() });
const reports = createReportQueue(services);
const router = createRouter(createHandlers(services, reports), {
  runtimeId: browser.runtime.id,
  // A page opened by its dynamic URL (use_dynamic_url) has that origin instead of the static one.
  extensionOrigins: [extensionRoot, browser.runtime.getURL(WARNING_PAGE_PATH)].map((url) => readOrigin(url) ?? url),
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => router(message, sender));
listenToNavigation(services);
const logError = (what: string) => (error: unknown) => console.error(`Scam Warner: ${what} failed`, error);
browser.tabs.onRemoved.addListener((tabId) => {
  forgetTabRules(tabId).catch(logError('forgetting a closed tab\'s rules'));
  forgetPageEvidence(tabId).catch(logError('forgetting a closed tab\'s page evidence'));
  forgetBadge(tabId);
});
browser.runtime.onInstalled.addListener(() => void services.getEngine().catch(logError('starting after an install or update')));
listenForFeedSync(services);
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REPORT_ALARM) void flushReports();
});

/** Delivers the reports that are due; at every worker start too, so a stopped worker's queue resumes. */
function flushReports(): Promise<void> {
  return reports.flush().catch((error: unknown) => console.error('Scam Warner: sending reports failed', error));
}
void flushReports();

services.getEngine().then(
  (engine) => {
    console.info(`Scam Warner: ready in ${Math.round(performance.now() - startedAt)} ms (list version ${engine.list.version}, ${engine.list.entryCount} entries)`);
    setTimeout(() => prepareMatchers(engine), 0);
  },
  (error: unknown) => console.error('Scam Warner: could not start', error),
);
