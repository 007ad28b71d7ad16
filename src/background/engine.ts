// The background's working state, rebuilt from IndexedDB each time the service worker starts:
// the active list's index (loaded from its stored bytes, never rebuilt), the user's host lists
// and settings. Handlers await it; writes go to IndexedDB first, then to this cache.
import type { BlocklistIndex } from '../core/blocklist/index.ts';
import type { AllowedSite, Settings } from '../shared/protocol.ts';
import { getWarningPageUrl } from '../shared/warning-url.ts';
import { openDatabase, type ScamWarnerDb, type StoredListState } from './db.ts';
import type { CheckContext } from './checker.ts';
import { loadIndex } from './list-index.ts';
import { installListState, readActiveList } from './list-store.ts';
import { syncListRules, syncUserAllowRule } from './rules/dnr-writer.ts';
import { loadSeed } from './seed.ts';
import { listHosts } from './site-sets.ts';
import { readSettings } from './settings.ts';
import { getBuiltInFeedConfig, type FeedConfig } from './sync/feed-config.ts';

export interface Engine extends CheckContext {
  db: ScamWarnerDb;
  list: StoredListState;
  index: BlocklistIndex;
  allowlist: AllowedSite[];
  dismissals: AllowedSite[];
  settings: Settings;
  sensitivity: Settings['sensitivity'];
  feed: FeedConfig;
  warningPageUrl: string;
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
 * Rule shards rewritten per updateDynamicRules call: all of them at once. Chromium re-indexes the
 * whole dynamic rule set on every call (measured: one 8k-domain shard next to 1M listed domains
 * costs about 1.8 s, the same as all of them), so writing in batches multiplies the cost (a
 * 1k-change delta on 1M entries: 17.6 s in ten batches, 2.3 s in one call) and buys no safety:
 * a call is applied whole or not at all, and what is not recorded as applied is written again.
 */
const SHARD_DOMAINS_PER_CALL = Number.POSITIVE_INFINITY;

let ruleWork: Promise<unknown> = Promise.resolve();

/** DNR writes run one at a time, in order, after the engine answers: a large first write must not delay verdicts. */
export function queueRuleWork(work: () => Promise<unknown>): Promise<unknown> {
  ruleWork = ruleWork.then(work).catch((error: unknown) => console.error('Scam Warner: updating blocking rules failed', error));
  return ruleWork;
}

/** The bundled seed, verified like any download, installed when the profile has no list yet. */
async function installSeed(db: ScamWarnerDb, options: EngineOptions, feed: FeedConfig): Promise<StoredListState> {
  const now = options.now();
  const seed = await loadSeed(options.extensionRoot, feed, now);
  return installListState(db, seed.payload, now, { feedSync: seed.feedSync });
}

export async function startEngine(options: EngineOptions): Promise<Engine> {
  const db = await openDatabase(options.databaseName);
  const feed = getBuiltInFeedConfig(options.feed);
  const list = (await readActiveList(db)) ?? (await installSeed(db, options, feed));
  const [allowlist, dismissals, settings] = await Promise.all([listHosts(db, 'allowlist'), listHosts(db, 'dismissals'), readSettings(db)]);
  const warningPageUrl = getWarningPageUrl(options.extensionRoot);
  const engine: Engine = { db, list, index: loadIndex(list.index), allowlist, dismissals, settings, sensitivity: settings.sensitivity, feed, warningPageUrl };
  void queueRuleWork(() => syncListRules(db, list, warningPageUrl, SHARD_DOMAINS_PER_CALL));
  void queueRuleWork(() => syncUserAllowRule(db, allowlist.map((site) => site.host)));
  return engine;
}

/**
 * Makes a list that was just installed (stored and switched to) the one in use: verdicts follow at
 * once, and the rule shards that changed are rewritten after any rule work already queued. Resolves
 * when the browser's rules match the list.
 */
export async function adoptList(engine: Engine, list: StoredListState, index: BlocklistIndex): Promise<void> {
  engine.list = list;
  engine.index = index;
  await queueRuleWork(() => syncListRules(engine.db, list, engine.warningPageUrl, SHARD_DOMAINS_PER_CALL));
}
