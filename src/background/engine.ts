// The background's working state, rebuilt from IndexedDB each time the service worker starts:
// the active list's index (loaded from its stored bytes, never rebuilt), the user's host lists
// and settings. Handlers await it; writes go to IndexedDB first, then to this cache.
import type { BlocklistIndex } from '../core/blocklist/index.ts';
import type { FeedState } from '../core/feed/index.ts';
import type { AllowedSite, Settings } from '../shared/protocol.ts';
import { getWarningPageUrl } from '../shared/warning-url.ts';
import { openDatabase, type ScamWarnerDb, type StoredListState } from './db.ts';
import type { CheckContext } from './checker.ts';
import { emptyList, loadIndex, readFeedState } from './list-index.ts';
import { installListState, readActiveList } from './list-store.ts';
import { isBaseApplied, syncListRules, syncUserAllowRule } from './rules/dnr-writer.ts';
import { EMPTY_OVERLAY } from './rules/overlay.ts';
import { syncOverlayRules } from './rules/overlay-writer.ts';
import { createSerialQueue } from './serial-queue.ts';
import type { DomainShard } from './rules/shard-plan.ts';
import { loadSeed } from './seed.ts';
import { listHosts } from './site-sets.ts';
import { readSettings } from './settings.ts';
import { getBuiltInFeedConfig, type FeedConfig } from './sync/feed-config.ts';

export interface Engine extends CheckContext {
  db: ScamWarnerDb;
  /** Origin `none` (kept in memory only) while no list could be installed: the bundled one was refused. */
  list: StoredListState;
  index: BlocklistIndex;
  /**
   * The active list as core's feed state, every listed domain included, for a delta to apply to:
   * kept while the worker lives, read from storage on first need after a start.
   */
  feedState: Promise<FeedState> | null;
  allowlist: AllowedSite[];
  dismissals: AllowedSite[];
  settings: Settings;
  sensitivity: Settings['sensitivity'];
  feed: FeedConfig;
  warningPageUrl: string;
  /**
   * Since when the browser's rules express this list: its base (dynamic rules) and its overlay
   * (session rules). 0: since before this worker started; Infinity: not yet, or writing them
   * failed. The browser did not redirect a navigation that started before then to a domain they
   * hold: navigation.ts stops it itself.
   */
  baseRulesSince: number;
  overlayRulesSince: number;
}

export interface EngineOptions {
  /** `runtime.getURL('/')`. */
  extensionRoot: string;
  now: () => Date;
  databaseName?: string;
  /** The build's feed settings unless given (tests). */
  feed?: Partial<FeedConfig>;
}

/**
 * Work that changes the list in use or the browser's rules for it runs one job at a time, in order:
 * a compaction never interleaves with an update, and rules are written in the order lists came.
 */
export const serializeListWork = createSerialQueue();

/** Rule writing after the engine answers (a large first write must not delay verdicts); a failure is logged and retried at the next start. */
export function queueRuleWork(work: () => Promise<unknown>): Promise<unknown> {
  return serializeListWork(work).catch((error: unknown) => console.error('Scam Warner: updating blocking rules failed', error));
}

/** The active list's feed state: the one kept in memory, or read from storage once per worker life. */
export function getFeedState(engine: Engine): Promise<FeedState> {
  const { list, index } = engine;
  engine.feedState ??= readFeedState(engine.db, list, index).catch((error: unknown) => {
    engine.feedState = null;
    throw error;
  });
  return engine.feedState;
}

interface OpenedList {
  list: StoredListState;
  index: BlocklistIndex;
  feedState: FeedState | null;
  shards?: DomainShard[];
}

/** The bundled seed, verified like any download, installed when the profile has no usable list. */
async function installSeed(db: ScamWarnerDb, options: EngineOptions, feed: FeedConfig): Promise<OpenedList> {
  const now = options.now();
  try {
    const seed = await loadSeed(options.extensionRoot, feed, now);
    const { list, shards } = await installListState(db, seed.payload, now, { feedSync: seed.feedSync });
    return { list, index: seed.state.index, feedState: seed.state, shards };
  } catch (error) {
    // No list is better than a list nobody vouched for: the engine starts empty and the sync fetches one.
    console.error('Scam Warner: the bundled list was refused; the first update will come from the network', error);
    const list = emptyList(now);
    return { list, index: loadIndex(list.index), feedState: null };
  }
}

async function openActiveList(db: ScamWarnerDb, options: EngineOptions, feed: FeedConfig): Promise<OpenedList> {
  const stored = await readActiveList(db);
  if (stored) {
    try {
      return { list: stored, index: loadIndex(stored.index), feedState: null };
    } catch (error) {
      // An index format this version cannot read (an older build's): start again from the bundled list.
      console.warn('Scam Warner: the stored list cannot be read; installing the bundled list', error);
    }
  }
  return installSeed(db, options, feed);
}

export async function startEngine(options: EngineOptions): Promise<Engine> {
  const db = await openDatabase(options.databaseName);
  const feed = getBuiltInFeedConfig(options.feed);
  const opened = await openActiveList(db, options, feed);
  const [allowlist, dismissals, settings] = await Promise.all([listHosts(db, 'allowlist'), listHosts(db, 'dismissals'), readSettings(db)]);
  const { list, index } = opened;
  const warningPageUrl = getWarningPageUrl(options.extensionRoot);
  const feedState = opened.feedState ? Promise.resolve(opened.feedState) : null;
  const engine: Engine = { db, list, index, feedState, allowlist, dismissals, settings, sensitivity: settings.sensitivity, feed, warningPageUrl, baseRulesSince: Infinity, overlayRulesSince: Infinity };
  if (list.origin !== 'none') {
    // Session rules vanish when the browser closes: the overlay is back before anything is answered.
    const [isBaseHeld] = await Promise.all([
      isBaseApplied(db, list, warningPageUrl),
      queueRuleWork(async () => {
        const isWritten = await syncOverlayRules(list.overlay ?? EMPTY_OVERLAY, warningPageUrl);
        engine.overlayRulesSince = isWritten ? Date.now() : 0;
      }),
    ]);
    // The base's dynamic rules outlive the browser; a first install's (or an interrupted write's) come later.
    if (isBaseHeld) engine.baseRulesSince = 0;
    void queueRuleWork(async () => {
      await syncListRules(db, list, warningPageUrl, opened.shards);
      engine.baseRulesSince = Math.min(engine.baseRulesSince, Date.now());
    });
  }
  void queueRuleWork(() => syncUserAllowRule(db, allowlist.map((site) => site.host)));
  return engine;
}
