// Makes a verified list the one in use: stored and switched to in one transaction, then enforced.
// A full list (snapshot, bundled seed) brings a new base: its rule shards are rewritten. A delta
// keeps the base and goes into the overlay's session rules, computed from the delta's own changes;
// only the index bytes, the overlay and the sync records are written. Each step is list work
// (engine.ts), so a compaction or another update never interleaves with it.
import type { FeedState, StateChanges } from '../../core/feed/index.ts';
import { serializeListWork, queueRuleWork, type Engine } from '../engine.ts';
import { payloadFromState } from '../list-index.ts';
import { installListChange, installListState, type InstallRecords } from '../list-store.ts';
import { compactList } from '../rules/compaction.ts';
import { syncListRules } from '../rules/dnr-writer.ts';
import { applyOverlayChanges, EMPTY_OVERLAY, shouldCompact } from '../rules/overlay.ts';
import { writeOverlayRules } from '../rules/overlay-writer.ts';
import type { StoredListState } from '../db.ts';
import { timeStage } from './timing.ts';

/** The rules an update rewrites: the overlay always, the base for a complete list. */
type RuleParts = 'overlay' | 'base and overlay';

/** Until its rules are written, the browser does not redirect the domains the new list adds. */
function adopt(engine: Engine, list: StoredListState, state: FeedState, parts: RuleParts): void {
  engine.list = list;
  engine.index = state.index;
  engine.feedState = Promise.resolve(state);
  engine.overlayRulesSince = Infinity;
  if (parts === 'base and overlay') engine.baseRulesSince = Infinity;
}

/** Rule writing for the adopted list; once it succeeds, the browser enforces what it wrote. */
function writeRules(engine: Engine, parts: RuleParts, write: () => Promise<void>): Promise<unknown> {
  return queueRuleWork(() =>
    timeStage('rules', async () => {
      await write();
      engine.overlayRulesSince = Date.now();
      if (parts === 'base and overlay') engine.baseRulesSince = engine.overlayRulesSince;
    }),
  );
}

/** A complete list replaces the one in use; resolves once its rules are written (a failure there is logged and retried at the next start). */
export async function applyFullList(engine: Engine, state: FeedState, origin: StoredListState['origin'], now: Date, records: InstallRecords, accept: (current: StoredListState) => boolean = () => true): Promise<boolean> {
  const installed = await serializeListWork(async () => {
    if (!accept(engine.list)) return null;
    const result = await timeStage('store', () => installListState(engine.db, payloadFromState(state, origin), now, records));
    adopt(engine, result.list, state, 'base and overlay');
    return result;
  });
  if (!installed) return false;
  await writeRules(engine, 'base and overlay', async () => {
    await syncListRules(engine.db, installed.list, engine.warningPageUrl, installed.shards);
    await writeOverlayRules(EMPTY_OVERLAY, engine.warningPageUrl);
  });
  return true;
}

/**
 * A delta's result on top of `from` (the list it was applied to). The base's rules stay; the overlay
 * is rewritten. A change to the maintainers' allow entries needs a dynamic rule write, so it comes
 * with a compaction, as does an overlay grown past its bound (later, once this update is enforced).
 */
export async function applyListDelta(engine: Engine, from: StoredListState, state: FeedState, changes: StateChanges, now: Date, records: InstallRecords): Promise<void> {
  const list = await serializeListWork(async () => {
    // A compaction meanwhile keeps the list (and its id) but moves its base: the overlay is taken from the list as it is now.
    const current = engine.list;
    if (current.id !== from.id) throw new Error('the list in use changed while the update was verified');
    const overlay = applyOverlayChanges(current.overlay ?? EMPTY_OVERLAY, changes.blockDomains, state.blockDomains);
    const change = { version: state.version, entryCount: state.index.size, index: state.index.serialize(), allowDomains: [...state.allowDomains].sort(), indicators: [...state.indicators], overlay };
    // The scanner's matcher is cached on the indicators array itself: the same array keeps it.
    if (!changes.indicatorsChanged) change.indicators = current.indicators;
    const installed = await timeStage('store', () => installListChange(engine.db, current, change, now, records));
    adopt(engine, installed, state, 'overlay');
    return installed;
  });
  const isAllowChanged = changes.allowDomains.added.length > 0 || changes.allowDomains.removed.length > 0;
  if (isAllowChanged) {
    await writeRules(engine, 'overlay', () => compactList(engine));
    return;
  }
  await writeRules(engine, 'overlay', () => writeOverlayRules(list.overlay ?? EMPTY_OVERLAY, engine.warningPageUrl));
  if (shouldCompact(list.overlay ?? EMPTY_OVERLAY)) compactSoon(engine);
}

/**
 * A compaction's planning is a long synchronous stretch (every listed domain hashed into its shard):
 * it waits a moment, so the update's answer and any verdict asked meanwhile go out first.
 */
const COMPACTION_DELAY_MS = 500;

function compactSoon(engine: Engine): void {
  // Several updates in a row each ask for one; the first does it.
  const compactIfStillDue = async () => (shouldCompact(engine.list.overlay ?? EMPTY_OVERLAY) ? compactList(engine) : undefined);
  setTimeout(() => void queueRuleWork(compactIfStillDue), COMPACTION_DELAY_MS);
}
