// Brings the browser's dynamic rules in line with the active list and the user's allowlist,
// rewriting only shards whose digest changed. What was written is recorded after each step, so a
// worker stopped halfway resumes where it stopped on its next start. Callers run these one at a
// time (engine.ts queues them).
import browser, { type DeclarativeNetRequest } from 'webextension-polyfill';
import { readMeta, writeMeta, type AppliedRules, type ScamWarnerDb, type StoredListState } from '../db.ts';
import { readShardDomains } from '../list-store.ts';
import { buildAllowRule, buildRedirectRule, LIST_ALLOW_RULE_ID, USER_ALLOW_RULE_ID } from './rule-build.ts';
import { diffShards, digestDomains } from './shard-plan.ts';

export interface RuleSyncReport {
  written: number[];
  removed: number[];
}

/** Domains written per rules update: one call for a small list; for a large one, steps that record progress. */
const DOMAINS_PER_UPDATE = 100_000;

const NOTHING_APPLIED: AppliedRules = { warningPageUrl: '', shards: {}, listAllowDigest: null, userAllowDigest: null };

async function readAppliedRules(db: ScamWarnerDb): Promise<AppliedRules> {
  return (await readMeta(db, 'appliedRules')) ?? NOTHING_APPLIED;
}

/** Writes one allow rule for `hosts`, or removes it when there are none. */
async function writeAllowRule(ruleId: number, hosts: string[]): Promise<void> {
  const addRules = hosts.length > 0 ? [buildAllowRule(ruleId, hosts)] : [];
  await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: [ruleId], addRules });
}

/** Writes the given shards' redirect rules in batches, recording each batch as applied once it is in. */
async function writeShardRules(db: ScamWarnerDb, shards: StoredListState['shards'], warningPageUrl: string, next: AppliedRules, domainsPerUpdate: number): Promise<void> {
  let batch: { ruleId: number; digest: string; rule: DeclarativeNetRequest.Rule }[] = [];
  let batchDomains = 0;
  const flush = async () => {
    await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: batch.map((item) => item.ruleId), addRules: batch.map((item) => item.rule) });
    for (const item of batch) next.shards[item.ruleId] = item.digest;
    await writeMeta(db, 'appliedRules', next);
    batch = [];
    batchDomains = 0;
  };
  for (const shard of shards) {
    const domains = await readShardDomains(db, shard.ruleId, shard.digest);
    batch.push({ ruleId: shard.ruleId, digest: shard.digest, rule: buildRedirectRule(shard.ruleId, domains, warningPageUrl) });
    batchDomains += domains.length;
    if (batchDomains >= domainsPerUpdate) await flush();
  }
  if (batch.length > 0) await flush();
}

export async function syncListRules(db: ScamWarnerDb, state: StoredListState, warningPageUrl: string, domainsPerUpdate = DOMAINS_PER_UPDATE): Promise<RuleSyncReport> {
  const applied = await readAppliedRules(db);
  // Rules that redirect to another warning page address (another install) are all rewritten.
  const current = applied.warningPageUrl === warningPageUrl ? applied.shards : {};
  const { toWrite } = diffShards(current, state.shards);
  const { toRemove } = diffShards(applied.shards, state.shards);
  const next: AppliedRules = { ...applied, warningPageUrl, shards: { ...current } };
  await writeShardRules(db, state.shards.filter((shard) => toWrite.includes(shard.ruleId)), warningPageUrl, next, domainsPerUpdate);
  if (toRemove.length > 0) {
    await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: toRemove });
    for (const ruleId of toRemove) delete next.shards[ruleId];
  }
  const allowDigest = digestDomains(state.allowDomains);
  if (next.listAllowDigest !== allowDigest) {
    await writeAllowRule(LIST_ALLOW_RULE_ID, state.allowDomains);
    next.listAllowDigest = allowDigest;
  }
  await writeMeta(db, 'appliedRules', next);
  return { written: toWrite, removed: toRemove };
}

/** The user's allowlist as one allow rule, rewritten only when it changed. */
export async function syncUserAllowRule(db: ScamWarnerDb, hosts: readonly string[]): Promise<void> {
  const sorted = [...hosts].sort();
  const digest = digestDomains(sorted);
  const applied = await readAppliedRules(db);
  if (applied.userAllowDigest === digest) return;
  await writeAllowRule(USER_ALLOW_RULE_ID, sorted);
  await writeMeta(db, 'appliedRules', { ...applied, userAllowDigest: digest });
}
