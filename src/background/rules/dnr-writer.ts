// Brings the browser's dynamic rules in line with the active list's base and the user's allowlist,
// rewriting only shards whose digest changed, all in one updateDynamicRules call: Chromium
// re-indexes the whole dynamic rule set on every call (one 8k-domain shard next to 1M listed
// domains costs about as much as all of them), and a call is applied whole or not at all. What was
// written is recorded right after, so a worker stopped before that writes it again on its next
// start. Callers run these one at a time (engine.ts queues them).
import browser, { type DeclarativeNetRequest } from 'webextension-polyfill';
import { readMeta, writeMeta, type AppliedRules, type ScamWarnerDb, type StoredListState } from '../db.ts';
import { getShardKey, readShardsDomains } from '../list-store.ts';
import { buildAllowRule, buildRedirectRule, LIST_ALLOW_RULE_ID, PRIORITY_ALLOWLIST, USER_ALLOW_RULE_ID } from './rule-build.ts';
import { diffShards, digestDomains, type DomainShard } from './shard-plan.ts';

export interface RuleSyncReport {
  written: number[];
  removed: number[];
}

const NOTHING_APPLIED: AppliedRules = { warningPageUrl: '', shards: {}, listAllowDigest: null, userAllowDigest: null };

async function readAppliedRules(db: ScamWarnerDb): Promise<AppliedRules> {
  return (await readMeta(db, 'appliedRules')) ?? NOTHING_APPLIED;
}

/** An allow rule's digest names its priority too, so rules written under another ranking are rewritten. */
function digestAllowRule(hosts: readonly string[]): string {
  return `p${PRIORITY_ALLOWLIST}-${digestDomains(hosts)}`;
}

/** One allow rule for `hosts`, or its removal when there are none. */
function allowRuleUpdate(ruleId: number, hosts: string[]): { removeRuleIds: number[]; addRules: DeclarativeNetRequest.Rule[] } {
  return { removeRuleIds: [ruleId], addRules: hosts.length > 0 ? [buildAllowRule(ruleId, hosts)] : [] };
}

type BaseState = Pick<StoredListState, 'shards' | 'allowDomains'>;

interface BasePlan {
  applied: AppliedRules;
  /** What was written for this install's warning page address (rules redirecting elsewhere are all rewritten). */
  current: Record<number, string>;
  toWrite: number[];
  toRemove: number[];
  allowDigest: string;
  isAllowChanged: boolean;
}

async function planBaseRules(db: ScamWarnerDb, state: BaseState, warningPageUrl: string): Promise<BasePlan> {
  const applied = await readAppliedRules(db);
  const current = applied.warningPageUrl === warningPageUrl ? applied.shards : {};
  const { toWrite } = diffShards(current, state.shards);
  const { toRemove } = diffShards(applied.shards, state.shards);
  const allowDigest = digestAllowRule(state.allowDomains);
  return { applied, current, toWrite, toRemove, allowDigest, isAllowChanged: applied.listAllowDigest !== allowDigest };
}

function isPlanEmpty(plan: BasePlan): boolean {
  return plan.toWrite.length === 0 && plan.toRemove.length === 0 && !plan.isAllowChanged;
}

/** The browser's dynamic rules already express this base (recorded as written, for this warning page address). */
export async function isBaseApplied(db: ScamWarnerDb, state: BaseState, warningPageUrl: string): Promise<boolean> {
  return isPlanEmpty(await planBaseRules(db, state, warningPageUrl));
}

/** Rule writes for the base of `state`; `planned` shards (just planned, in memory) spare reading their domains back. */
export async function syncListRules(db: ScamWarnerDb, state: BaseState, warningPageUrl: string, planned: readonly DomainShard[] = []): Promise<RuleSyncReport> {
  const plan = await planBaseRules(db, state, warningPageUrl);
  const { applied, current, toWrite, toRemove, allowDigest, isAllowChanged } = plan;
  if (isPlanEmpty(plan)) return { written: [], removed: [] };
  const shards = state.shards.filter((shard) => toWrite.includes(shard.ruleId));
  const keyOf = (shard: { ruleId: number; digest: string }) => getShardKey(shard.ruleId, shard.digest);
  const domains = new Map(planned.map((shard) => [keyOf(shard), shard.domains]));
  const missing = shards.filter((shard) => !domains.has(keyOf(shard)));
  (await readShardsDomains(db, missing)).forEach((stored, i) => domains.set(keyOf(missing[i]!), stored));
  const addRules = shards.map((shard) => buildRedirectRule(shard.ruleId, domains.get(keyOf(shard)) ?? [], warningPageUrl));
  const allow = isAllowChanged ? allowRuleUpdate(LIST_ALLOW_RULE_ID, state.allowDomains) : { removeRuleIds: [], addRules: [] };
  await browser.declarativeNetRequest.updateDynamicRules({
    removeRuleIds: [...toWrite, ...toRemove, ...allow.removeRuleIds],
    addRules: [...addRules, ...allow.addRules],
  });
  const written = Object.fromEntries(shards.map((shard) => [shard.ruleId, shard.digest]));
  const kept = Object.fromEntries(Object.entries(current).filter(([ruleId]) => !toRemove.includes(Number(ruleId))));
  await writeMeta(db, 'appliedRules', { ...applied, warningPageUrl, shards: { ...kept, ...written }, listAllowDigest: allowDigest });
  return { written: toWrite, removed: toRemove };
}

/** The user's allowlist as one allow rule, rewritten only when it changed. */
export async function syncUserAllowRule(db: ScamWarnerDb, hosts: readonly string[]): Promise<void> {
  const sorted = [...hosts].sort();
  const digest = digestAllowRule(sorted);
  const applied = await readAppliedRules(db);
  if (applied.userAllowDigest === digest) return;
  await browser.declarativeNetRequest.updateDynamicRules(allowRuleUpdate(USER_ALLOW_RULE_ID, sorted));
  await writeMeta(db, 'appliedRules', { ...applied, userAllowDigest: digest });
}
