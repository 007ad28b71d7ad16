// One feed check, from feed.json to enforced rules. Nothing changes what is blocked unless it
// verified; on any refusal or failure the list in use stays exactly as it was and the reason is
// recorded for the popup. A new list is stored whole and switched to in one transaction (with the
// ETag and manifest times it came under), then only the rule shards that changed are rewritten.
import { DEFAULT_FEED_LIMITS, FeedError, type UpdateResult } from '../../core/feed/index.ts';
import { writeMeta } from '../db.ts';
import { adoptList, type Engine } from '../engine.ts';
import { payloadFromState, readFeedState } from '../list-index.ts';
import { installListState } from '../list-store.ts';
import type { Services } from '../services.ts';
import { importPinnedKeys } from './feed-config.ts';
import { stepFeed } from './feed-step.ts';
import { fetchCapped, fetchFileCapped } from './fetch-capped.ts';
import { planNextCheck } from './schedule.ts';
import { clearScheduledCheck, scheduleCheck } from './sync-alarm.ts';
import { describeFailure, describeSuccess, logFailure } from './sync-result.ts';
import { readFeedSync, syncStateOf, writeFeedSync, type FeedSyncState } from './sync-state.ts';

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

/** The check itself; throws on any refusal or failure, having changed nothing. */
async function checkFeed(engine: Engine, before: FeedSyncState, now: Date): Promise<FeedSyncState> {
  const url = engine.settings.feedUrl ?? engine.feed.url;
  const download = await fetchCapped(engine.feed.fetch, url, DEFAULT_FEED_LIMITS.manifestBytes, before.url === url ? before.etag : null);
  if (!download.isModified) {
    // The same signed bytes as before: only the clock can make them wrong (a frozen feed).
    if (now.getTime() >= Date.parse(before.expiresAt)) throw new FeedError('expired', `${url} is unchanged since it expired at ${before.expiresAt}`);
    return recordCurrent(engine, { ...before, failures: 0 }, now);
  }
  const result = await stepFeed(
    { position: { feed: engine.list.feed, version: engine.list.version, issuedAt: before.listIssuedAt }, loadState: () => readFeedState(engine.db, engine.list, engine.index) },
    download.bytes,
    { keys: await importPinnedKeys(engine.feed), now: now.getTime(), fetchFile: (name, maxBytes) => fetchFileCapped(engine.feed.fetch, new URL(name, url).href, maxBytes) },
  );
  const after = syncStateOf(result.manifest, url, download.etag);
  if (result.type === 'current') return recordCurrent(engine, after, now);
  await applyUpdate(engine, result, after, now);
  return after;
}

async function recordCurrent(engine: Engine, after: FeedSyncState, now: Date): Promise<FeedSyncState> {
  await Promise.all([writeMeta(engine.db, 'lastSync', describeSuccess(now)), writeFeedSync(engine.db, after)]);
  return after;
}

async function applyUpdate(engine: Engine, result: Extract<UpdateResult, { type: 'updated' }>, feedSync: FeedSyncState, now: Date): Promise<void> {
  const payload = payloadFromState(result.state, 'feed');
  // The scanner's matcher is cached on the indicators array itself: the same array keeps it.
  if (!result.changes.indicatorsChanged) payload.indicators = engine.list.indicators;
  const list = await installListState(engine.db, payload, now, { lastSync: describeSuccess(now), feedSync });
  await adoptList(engine, list, result.state.index);
}
