// The background's working state, rebuilt from IndexedDB each time the service worker starts:
// the active list's index (loaded from its stored bytes, never rebuilt), the user's host lists
// and settings. Handlers await it; writes go to IndexedDB first, then to this cache.
import type { AllowedSite, Settings } from '../shared/protocol.ts';
import { getWarningPageUrl } from '../shared/warning-url.ts';
import { openDatabase, type ScamWarnerDb, type StoredListState } from './db.ts';
import type { CheckContext, UrlIndex } from './checker.ts';
import { loadIndex } from './list-index.ts';
import { installListState, readActiveList } from './list-store.ts';
import { syncListRules, syncUserAllowRule } from './rules/dnr-writer.ts';
import { loadSeed } from './seed.ts';
import { listHosts } from './site-sets.ts';
import { readSettings } from './settings.ts';

export interface Engine extends CheckContext {
  db: ScamWarnerDb;
  list: StoredListState;
  index: UrlIndex;
  allowlist: AllowedSite[];
  dismissals: AllowedSite[];
  settings: Settings;
  sensitivity: Settings['sensitivity'];
}

export interface EngineOptions {
  /** `runtime.getURL('/')`. */
  extensionRoot: string;
  now: () => Date;
  databaseName?: string;
}

let ruleWork: Promise<unknown> = Promise.resolve();

/** DNR writes run one at a time, in order, after the engine answers: a large first write must not delay verdicts. */
export function queueRuleWork(work: () => Promise<unknown>): Promise<unknown> {
  ruleWork = ruleWork.then(work).catch((error: unknown) => console.error('Scam Warner: updating blocking rules failed', error));
  return ruleWork;
}

export async function startEngine(options: EngineOptions): Promise<Engine> {
  const db = await openDatabase(options.databaseName);
  const list = (await readActiveList(db)) ?? (await installListState(db, await loadSeed(options.extensionRoot), options.now()));
  const [allowlist, dismissals, settings] = await Promise.all([listHosts(db, 'allowlist'), listHosts(db, 'dismissals'), readSettings(db)]);
  const engine: Engine = { db, list, index: loadIndex(list.index), allowlist, dismissals, settings, sensitivity: settings.sensitivity };
  const warningPageUrl = getWarningPageUrl(options.extensionRoot);
  void queueRuleWork(() => syncListRules(db, list, warningPageUrl));
  void queueRuleWork(() => syncUserAllowRule(db, allowlist.map((site) => site.host)));
  return engine;
}
