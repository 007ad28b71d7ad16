// One feed check, from feed.json to enforced rules. Nothing changes what is blocked unless it
// verified; on any refusal or failure the list in use stays exactly as it was and the reason is
// recorded for the popup. A new list is stored and switched to in one transaction (with the ETag and
// manifest times it came under), then enforced (apply-update.ts).
import { DEFAULT_FEED_LIMITS, FeedError, type UpdateResult } from '../../core/feed/index.ts';
import type { SyncResult } from '../../shared/protocol.ts';
import { writeMeta } from '../db.ts';
import { getFeedState, type Engine } from '../engine.ts';
import type { Services } from '../services.ts';
import { applyFullList, applyListDelta } from './apply-update.ts';
import { importPinnedKeys } from './feed-config.ts';
import { stepFeed, type CurrentList, type StepOptions } from './feed-step.ts';
import { fetchCapped, fetchFileCapped } from './fetch-capped.ts';
import { planNextCheck } from './schedule.ts';
import { clearScheduledCheck, scheduleCheck } from './sync-alarm.ts';
import { describeFailure, describeSuccess, logFailure } from './sync-result.ts';
import { readFeedSync, syncStateOf, writeFeedSync, type FeedSyncState } from './sync-state.ts';
import { clearStages, timeStage } from './timing.ts';

/** `schedule`: the alarm, skipped while automatic updates are off; `user`: "Check now". */
export type SyncTrigger = 'schedule' | 'user';

/** The check running in each worker life (its services), if any. */
const running = new WeakMap<Services, Promise<void>>();

/** Runs one check; a check asked for while one runs joins it rather than starting another. */
export function syncFeed(services: Services, trigger: SyncTrigger): Promise<void> {
  let check = running.get(services);
  if (!check) {
    check = checkOnce(services, trigger).finally(() => running.delete(services));
    running.set(services, check);
  }
  return check;
}

async function checkOnce(services: Services, trigger: SyncTrigger): Promise<void> {
  const engine = await services.getEngine();
  if (trigger === 'schedule' && !engine.settings.isAutoUpdateOn) return clearScheduledCheck();
  const before = await readFeedSync(engine.db);
  const now = services.now();
  let after: FeedSyncState;
  try {
    after = await checkFeed(engine, before, now);
  } catch (error) {
    logFailure(error);
    after = { ...before, failures: before.failures + 1 };
    await Promise.all([writeMeta(engine.db, 'lastSync', describeFailure(error, now)), writeFeedSync(engine.db, after)]);
  }
  if (engine.settings.isAutoUpdateOn) await scheduleCheck(planNextCheck(services.now().getTime(), after.failures, after.minPollSeconds, engine.feed.random));
}

/** The list in use as the step from it needs it: where it stands and, on demand, its whole state. */
function describeCurrent(engine: Engine, before: FeedSyncState): CurrentList | null {
  const { list } = engine;
  if (list.origin === 'none') return null;
  return { position: { feed: list.feed, version: list.version, issuedAt: before.listIssuedAt }, loadState: () => timeStage('read-state', () => getFeedState(engine)) };
}

/** Downloads from the network, next to feed.json at `url`, each timed as a stage. */
async function networkOptions(engine: Engine, url: string, now: Date): Promise<StepOptions> {
  const fetchFile = (name: string, maxBytes: number) => timeStage('download-file', () => fetchFileCapped(engine.feed.fetch, new URL(name, url).href, maxBytes));
  return { keys: await importPinnedKeys(engine.feed), now: now.getTime(), source: 'network', fetchFile };
}

/** The check itself; throws on any refusal or failure, having changed nothing. */
async function checkFeed(engine: Engine, before: FeedSyncState, now: Date): Promise<FeedSyncState> {
  clearStages();
  const url = engine.settings.feedUrl ?? engine.feed.url;
  const download = await timeStage('download-manifest', () => fetchCapped(engine.feed.fetch, url, DEFAULT_FEED_LIMITS.manifestBytes, before.url === url ? before.etag : null));
  if (!download.isModified) {
    // The same signed bytes as before: only the clock can make them wrong (a frozen feed).
    if (now.getTime() >= Date.parse(before.expiresAt)) throw new FeedError('expired', `${url} is unchanged since it expired at ${before.expiresAt}`);
    return recordCurrent(engine, { ...before, failures: 0 }, now);
  }
  const from = engine.list;
  const options = await networkOptions(engine, url, now);
  const result = await timeStage('verify-and-apply', () => stepFeed(describeCurrent(engine, before), download.bytes, options));
  const after = syncStateOf(result.manifest, url, download.etag);
  if (result.type === 'current') return recordCurrent(engine, after, now);
  await applyUpdate(engine, from, result, { lastSync: describeSuccess(now), feedSync: after }, now);
  return after;
}

async function recordCurrent(engine: Engine, after: FeedSyncState, now: Date): Promise<FeedSyncState> {
  await Promise.all([writeMeta(engine.db, 'lastSync', describeSuccess(now)), writeFeedSync(engine.db, after)]);
  return after;
}

type Updated = Extract<UpdateResult, { type: 'updated' }>;

async function applyUpdate(engine: Engine, from: Engine['list'], result: Updated, records: { lastSync: SyncResult; feedSync: FeedSyncState }, now: Date): Promise<void> {
  if (result.via === 'delta') return applyListDelta(engine, from, result.state, result.changes, now, records);
  const isApplied = await applyFullList(engine, result.state, 'feed', now, records, (list) => list.id === from.id);
  if (!isApplied) throw new Error('the list in use changed while the update was verified');
}
