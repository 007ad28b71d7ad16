// Helpers for the feed sync tests: a background with a clock the test moves, the live feed's
// versions, and a picture of everything a refused update must leave untouched.
import { fakeBrowser } from '@webext-core/fake-browser';
import { checkUrlNow } from '../../../../src/background/checker.ts';
import { readMeta } from '../../../../src/background/db.ts';
import { queueRuleWork } from '../../../../src/background/engine.ts';
import { readActiveList } from '../../../../src/background/list-store.ts';
import { SYNC_ALARM } from '../../../../src/background/sync/sync-alarm.ts';
import { readFeedSync } from '../../../../src/background/sync/sync-state.ts';
import type { ListEntry } from '../../../../src/core/types.ts';
import { SEED_ENTRIES, TEST_NOW, startTestBackground, type TestBackground, type TestBackgroundOptions } from '../support/background.ts';
import type { VersionSpec } from '../support/test-feed.ts';

export const LIVE_FEED = '11fe11fe11fe11fe';
/** Enough entries in every version that a delta is smaller than the snapshot, as in any real feed. */
export const FILLER = Array.from({ length: 300 }, (_, i) => `filler-${i}.test`);

export interface SyncBench extends TestBackground {
  clock: { now: Date };
}

export function startSyncBench(options: Omit<TestBackgroundOptions, 'now'> = {}): SyncBench {
  const clock = { now: new Date(TEST_NOW) };
  return Object.assign(startTestBackground(undefined, undefined, { ...options, now: () => clock.now }), { clock });
}

export function domainEntries(...values: string[]): ListEntry[] {
  return values.map((value) => ({ kind: 'domain', value, category: 'phishing', source: 'live feed', added: '2025-02-20' }));
}

/** A version of the live feed: the seed's entries, the filler and `extra` domains. */
export function liveVersion(version: number, extra: string[], overrides: Partial<VersionSpec> = {}): VersionSpec {
  return {
    feed: LIVE_FEED,
    version,
    entries: [...SEED_ENTRIES, ...domainEntries(...FILLER, ...extra)],
    issuedAt: `2025-02-2${Math.min(version, 8)}T00:00:00Z`,
    ...overrides,
  };
}

export async function verdictOf(bench: TestBackground, url: string): Promise<string> {
  return checkUrlNow(url, await bench.services.getEngine()).verdict;
}

export async function readLastSync(bench: TestBackground) {
  return readMeta((await bench.services.getEngine()).db, 'lastSync');
}

export async function readSyncState(bench: TestBackground) {
  return readFeedSync((await bench.services.getEngine()).db);
}

export async function readSyncAlarm() {
  return fakeBrowser.alarms.get(SYNC_ALARM);
}

/** Everything an update may change: the stored and in-memory list, and the browser's rules (once written). */
export async function pictureState(bench: TestBackground) {
  const engine = await bench.services.getEngine();
  await queueRuleWork(async () => undefined);
  const stored = await readActiveList(engine.db);
  return {
    storedId: stored?.id,
    storedVersion: stored?.version,
    memoryId: engine.list.id,
    shardCount: await engine.db.count('shards'),
    rules: JSON.stringify([...bench.dnr.dynamic.entries()].sort(([a], [b]) => a - b)),
    sessionRules: JSON.stringify([...bench.dnr.session.entries()].sort(([a], [b]) => a - b)),
  };
}

export function sessionRule(bench: TestBackground, ruleId: number) {
  return bench.dnr.session.get(ruleId);
}
