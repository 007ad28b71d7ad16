// Folds the overlay into the base: the dynamic shards are rewritten to the whole list (one call),
// then the list is stored on its new base and the overlay's session rules emptied. In that order,
// every moment has the browser enforce the list in use: first old base + overlay, then new base +
// overlay (the overlay's domains are in the new base already), then new base alone. Runs as list
// work (engine.ts), after the update that grew the overlay is enforced; costs what a full snapshot's
// rules cost (about 2.5 s for 1M domains in Chromium).
import { getFeedState, type Engine } from '../engine.ts';
import { rebaseList } from '../list-store.ts';
import { syncListRules } from './dnr-writer.ts';
import { EMPTY_OVERLAY } from './overlay.ts';
import { writeOverlayRules } from './overlay-writer.ts';
import { planShards } from './shard-plan.ts';

export async function compactList(engine: Engine): Promise<void> {
  const list = engine.list;
  const state = await getFeedState(engine);
  const shards = planShards(state.blockDomains);
  const base = { shards: shards.map(({ ruleId, digest }) => ({ ruleId, digest })), allowDomains: list.allowDomains };
  await syncListRules(engine.db, base, engine.warningPageUrl, shards);
  const rebased = await rebaseList(engine.db, list, shards);
  engine.list = rebased;
  await writeOverlayRules(EMPTY_OVERLAY, engine.warningPageUrl);
}
