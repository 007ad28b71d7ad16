import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { openDatabase, readMeta, writeMeta } from '../../../src/background/db.ts';
import { installListState } from '../../../src/background/list-store.ts';
import { syncListRules, syncUserAllowRule } from '../../../src/background/rules/dnr-writer.ts';
import { LIST_ALLOW_RULE_ID, PRIORITY_ALLOWLIST, USER_ALLOW_RULE_ID } from '../../../src/background/rules/rule-build.ts';
import { digestDomains, getShardRuleId } from '../../../src/background/rules/shard-plan.ts';
import { installFakeDnr, type FakeDnr } from './support/fake-dnr.ts';
import { domains, freshDatabaseName, makePayload } from './support/lists.ts';

const WARNING = 'chrome-extension://abc/src/warning/index.html';
const NOW = new Date('2025-03-01T10:00:00Z');
let dnr: FakeDnr;

beforeEach(() => {
  dnr = installFakeDnr();
});

function blockedDomains(): string[] {
  return [...dnr.dynamic.values()].filter((rule) => rule.action.type === 'redirect').flatMap((rule) => rule.condition.requestDomains ?? []);
}

describe('syncListRules', () => {
  it('writes every shard of a new list, then nothing on a restart with the same list', async () => {
    const db = await openDatabase(freshDatabaseName());
    const { list: state } = await installListState(db, makePayload(1, domains(2000), { allowDomains: ['fine.test'] }), NOW);
    const first = await syncListRules(db, state, WARNING);
    expect(first.written).toHaveLength(state.shards.length);
    expect(blockedDomains().sort()).toEqual(domains(2000).sort());
    expect(dnr.dynamic.get(LIST_ALLOW_RULE_ID)?.condition.requestDomains).toEqual(['fine.test']);
    dnr.dynamicWrites.length = 0;
    expect(await syncListRules(db, state, WARNING)).toEqual({ written: [], removed: [] });
    expect(dnr.dynamicWrites).toEqual([]);
  });

  it('rewrites only the shard an update touches and removes emptied shards', async () => {
    const db = await openDatabase(freshDatabaseName());
    await syncListRules(db, (await installListState(db, makePayload(1, [...domains(2000), 'gone.test']), NOW)).list, WARNING);
    const { list: next } = await installListState(db, makePayload(2, [...domains(2000), 'new-scam.test']), NOW);
    const report = await syncListRules(db, next, WARNING);
    const touched = new Set([getShardRuleId('new-scam.test'), getShardRuleId('gone.test')]);
    expect(new Set([...report.written, ...report.removed])).toEqual(touched);
    expect(blockedDomains()).toContain('new-scam.test');
    expect(blockedDomains()).not.toContain('gone.test');
  });

  it('writes every change in one rules update, and a failed one again at the next sync', async () => {
    const db = await openDatabase(freshDatabaseName());
    const { list: state } = await installListState(db, makePayload(1, domains(5000), { allowDomains: ['fine.test'] }), NOW);
    const dnrApi = fakeBrowser.declarativeNetRequest;
    const update = dnrApi.updateDynamicRules;
    Object.assign(dnrApi, { updateDynamicRules: async () => Promise.reject(new Error('worker stopped')) });
    await expect(syncListRules(db, state, WARNING)).rejects.toThrow('worker stopped');
    expect(await readMeta(db, 'appliedRules')).toBeUndefined();
    Object.assign(dnrApi, { updateDynamicRules: update });
    const resumed = await syncListRules(db, state, WARNING);
    expect(resumed.written).toHaveLength(state.shards.length);
    expect(dnr.dynamicWrites).toHaveLength(1);
    expect(dnr.dynamicWrites[0]).toHaveLength(state.shards.length + 1);
    expect(blockedDomains().sort()).toEqual(domains(5000).sort());
  });

  it('takes the domains of shards just planned from memory instead of storage', async () => {
    const db = await openDatabase(freshDatabaseName());
    const { list, shards } = await installListState(db, makePayload(1, domains(300)), NOW);
    await db.clear('shards');
    await syncListRules(db, list, WARNING, shards);
    expect(blockedDomains().sort()).toEqual(domains(300).sort());
  });

  it('rewrites allow rules written under an older ranking of priorities', async () => {
    const db = await openDatabase(freshDatabaseName());
    const { list } = await installListState(db, makePayload(1, domains(10), { allowDomains: ['fine.test'] }), NOW);
    await syncListRules(db, list, WARNING);
    const applied = await readMeta(db, 'appliedRules');
    await writeMeta(db, 'appliedRules', { ...applied!, listAllowDigest: digestDomains(['fine.test']) });
    dnr.dynamicWrites.length = 0;
    await syncListRules(db, list, WARNING);
    expect(dnr.dynamicWrites).toEqual([[LIST_ALLOW_RULE_ID]]);
    expect(dnr.dynamic.get(LIST_ALLOW_RULE_ID)?.priority).toBe(PRIORITY_ALLOWLIST);
  });

  it('rewrites every shard when the warning page moved (another install of the extension)', async () => {
    const db = await openDatabase(freshDatabaseName());
    const { list: state } = await installListState(db, makePayload(1, domains(100)), NOW);
    await syncListRules(db, state, WARNING);
    const moved = await syncListRules(db, state, 'chrome-extension://xyz/src/warning/index.html');
    expect(moved.written).toHaveLength(state.shards.length);
    const redirect = dnr.dynamic.get(state.shards[0]?.ruleId ?? 0)?.action.redirect?.regexSubstitution;
    expect(redirect).toBe('chrome-extension://xyz/src/warning/index.html#\\1');
  });
});

describe('syncUserAllowRule', () => {
  it('keeps one allow rule for the user allowlist, removed when the list empties', async () => {
    const db = await openDatabase(freshDatabaseName());
    await syncUserAllowRule(db, ['b.test', 'a.test']);
    expect(dnr.dynamic.get(USER_ALLOW_RULE_ID)?.condition.requestDomains).toEqual(['a.test', 'b.test']);
    dnr.dynamicWrites.length = 0;
    await syncUserAllowRule(db, ['a.test', 'b.test']);
    expect(dnr.dynamicWrites).toEqual([]);
    await syncUserAllowRule(db, []);
    expect(dnr.dynamic.has(USER_ALLOW_RULE_ID)).toBe(false);
  });
});
