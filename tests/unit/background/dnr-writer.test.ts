import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { openDatabase, readMeta } from '../../../src/background/db.ts';
import { installListState } from '../../../src/background/list-store.ts';
import { syncListRules, syncUserAllowRule } from '../../../src/background/rules/dnr-writer.ts';
import { LIST_ALLOW_RULE_ID, USER_ALLOW_RULE_ID } from '../../../src/background/rules/rule-build.ts';
import { getShardRuleId } from '../../../src/background/rules/shard-plan.ts';
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
    const state = await installListState(db, makePayload(1, domains(2000), { allowDomains: ['fine.test'] }), NOW);
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
    await syncListRules(db, await installListState(db, makePayload(1, [...domains(2000), 'gone.test']), NOW), WARNING);
    const next = await installListState(db, makePayload(2, [...domains(2000), 'new-scam.test']), NOW);
    const report = await syncListRules(db, next, WARNING);
    const touched = new Set([getShardRuleId('new-scam.test'), getShardRuleId('gone.test')]);
    expect(new Set([...report.written, ...report.removed])).toEqual(touched);
    expect(blockedDomains()).toContain('new-scam.test');
    expect(blockedDomains()).not.toContain('gone.test');
  });

  it('resumes after a stop halfway: shards recorded as written are not written again', async () => {
    const db = await openDatabase(freshDatabaseName());
    const state = await installListState(db, makePayload(1, domains(3000)), NOW);
    const dnrApi = fakeBrowser.declarativeNetRequest;
    const update = dnrApi.updateDynamicRules;
    let calls = 0;
    Object.assign(dnrApi, {
      updateDynamicRules: async (options: never) => {
        if (++calls > 5) throw new Error('worker stopped');
        return update(options);
      },
    });
    // About 23 domains a shard: batches of two or three shards, five batches written before the stop.
    await expect(syncListRules(db, state, WARNING, 50)).rejects.toThrow('worker stopped');
    const appliedBefore = Object.keys((await readMeta(db, 'appliedRules'))?.shards ?? {}).length;
    expect(appliedBefore).toBeGreaterThanOrEqual(10);
    expect(appliedBefore).toBeLessThanOrEqual(15);
    Object.assign(dnrApi, { updateDynamicRules: update });
    const resumed = await syncListRules(db, state, WARNING, 50);
    expect(resumed.written).toHaveLength(state.shards.length - appliedBefore);
    expect(blockedDomains().sort()).toEqual(domains(3000).sort());
  });

  it('writes a small list in a single rules update', async () => {
    const db = await openDatabase(freshDatabaseName());
    await syncListRules(db, await installListState(db, makePayload(1, domains(5000)), NOW), WARNING);
    expect(dnr.dynamicWrites.filter((ids) => ids.length > 0 && ids[0] !== LIST_ALLOW_RULE_ID)).toHaveLength(1);
  });

  it('rewrites every shard when the warning page moved (another install of the extension)', async () => {
    const db = await openDatabase(freshDatabaseName());
    const state = await installListState(db, makePayload(1, domains(100)), NOW);
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
