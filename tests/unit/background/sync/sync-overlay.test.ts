// Deltas go into the overlay's session rules, next to a base the dynamic rules hold: they survive a
// worker restart as they are, come back at once after a browser restart, and fold into the base
// when the overlay grows past its bound or the maintainers' allow entries change.
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queueRuleWork } from '../../../../src/background/engine.ts';
import { checkNavigation } from '../../../../src/background/navigation.ts';
import { readActiveList } from '../../../../src/background/list-store.ts';
import { COMPACT_AFTER_DOMAINS, EMPTY_OVERLAY } from '../../../../src/background/rules/overlay.ts';
import { LIST_ALLOW_RULE_ID, OVERLAY_ALLOW_RULE_ID, OVERLAY_REDIRECT_RULE_ID } from '../../../../src/background/rules/rule-build.ts';
import { syncFeed } from '../../../../src/background/sync/run-sync.ts';
import { removeFakeChrome } from '../../shared/support/fake-chrome.ts';
import { openTab, SEED_ENTRIES, WARNING_PAGE, type TestBackground } from '../support/background.ts';
import { isRedirectedByRules as isRedirected } from './rule-ranking.ts';
import { domainEntries, liveVersion, sessionRule, startSyncBench, verdictOf, type SyncBench } from './sync-support.ts';

let bench: SyncBench;

beforeEach(async () => {
  bench = startSyncBench();
  await bench.feedHost.publish(liveVersion(1, ['removed-later.test']));
  await syncFeed(bench.services, 'user');
});

afterEach(() => {
  removeFakeChrome();
  vi.restoreAllMocks();
});

function isRedirectedByRules(target: SyncBench, host: string): boolean {
  return isRedirected([...target.dnr.dynamic.values(), ...target.dnr.session.values()], host);
}

/** Records `describe()` after every rule write the background makes. */
function watchRuleWrites(describe: () => string): string[] {
  const seen: string[] = [];
  const dnr = fakeBrowser.declarativeNetRequest;
  for (const name of ['updateDynamicRules', 'updateSessionRules'] as const) {
    const write = dnr[name].bind(dnr);
    vi.spyOn(dnr, name).mockImplementation(async (options) => {
      await write(options);
      seen.push(describe());
    });
  }
  return seen;
}

async function publishDelta(version: number, extra: string[]): Promise<void> {
  await bench.feedHost.publish({ ...liveVersion(version, extra), deltasFrom: [version - 1] });
  await syncFeed(bench.services, 'user');
}

describe('the overlay', () => {
  it('holds after a worker restart without being written again', async () => {
    await publishDelta(2, ['added-now.test']);
    const sessionWrites = vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateSessionRules');
    const restarted = Object.assign(bench.restart(), { clock: bench.clock });
    expect((await restarted.services.getEngine()).list.version).toBe(2);
    expect(sessionWrites).not.toHaveBeenCalled();
    expect(isRedirectedByRules(restarted, 'added-now.test')).toBe(true);
    expect(isRedirectedByRules(restarted, 'removed-later.test')).toBe(false);
  });

  it('is written again before the engine answers after a browser restart, which empties session rules', async () => {
    await publishDelta(2, ['added-now.test']);
    bench.dnr.session.clear();
    const restarted = Object.assign(bench.restart(), { clock: bench.clock });
    await restarted.services.getEngine();
    expect(sessionRule(restarted, OVERLAY_REDIRECT_RULE_ID)?.condition.requestDomains).toEqual(['added-now.test']);
    expect(sessionRule(restarted, OVERLAY_ALLOW_RULE_ID)?.condition.requestDomains).toEqual(['removed-later.test']);
  });

  it('leaves the proceed rules of open tabs alone', async () => {
    bench.dnr.session.set(5, { id: 5, priority: 4, action: { type: 'allow' }, condition: { requestDomains: ['evil-scam.test'], tabIds: [42] } });
    await publishDelta(2, ['added-now.test']);
    expect(bench.dnr.session.get(5)?.condition.tabIds).toEqual([42]);
  });

  it('applies later deltas from the state kept in memory, never reading the stored base again', async () => {
    await publishDelta(2, ['added-now.test']);
    const engine = await bench.services.getEngine();
    await engine.db.clear('shards');
    await publishDelta(3, ['added-later.test']);
    expect(engine.list.version).toBe(3);
    expect(engine.list.overlay?.added).toEqual(['added-later.test']);
    expect(await verdictOf(bench, 'http://added-now.test/')).toBe('unknown');
  });

  it('is rebuilt from the stored base and overlay after a restart, and the next delta lands on it', async () => {
    await publishDelta(2, ['added-now.test']);
    const restarted = Object.assign(bench.restart(), { clock: bench.clock });
    await restarted.feedHost.publish({ ...liveVersion(3, ['added-now.test', 'added-later.test']), deltasFrom: [2] });
    await syncFeed(restarted.services, 'user');
    const engine = await restarted.services.getEngine();
    expect(engine.list.overlay).toMatchObject({ added: ['added-later.test', 'added-now.test'], removed: ['removed-later.test'] });
    expect((await engine.feedState)?.blockDomains.has('removed-later.test')).toBe(false);
    expect(isRedirectedByRules(restarted, 'added-later.test')).toBe(true);
  });
});

describe("a navigation to a domain whose rule the browser does not hold yet", () => {
  /** The URL the tab shows after the background checked a navigation to `url` that started at `startedAt`. */
  async function navigate(target: TestBackground, url: string, startedAt: number): Promise<string | undefined> {
    const tabId = await openTab(url);
    await checkNavigation(target.services, { tabId, frameId: 0, url, timeStamp: startedAt });
    return (await fakeBrowser.tabs.get(tabId)).url;
  }

  it('is stopped by the background when it started before the worker wrote the overlay again after a browser restart, and left to the rule after', async () => {
    await publishDelta(2, ['added-now.test']);
    bench.dnr.session.clear();
    const restarted = Object.assign(bench.restart(), { clock: bench.clock });
    const { overlayRulesSince } = await restarted.services.getEngine();
    const url = 'http://www.added-now.test/login';
    expect(await navigate(restarted, url, overlayRulesSince - 1000)).toBe(`${WARNING_PAGE}#${url}`);
    expect(await navigate(restarted, url, overlayRulesSince)).toBe(url);
    // The base's domains were redirected throughout: their dynamic rules outlive the browser.
    expect(await navigate(restarted, 'http://evil-scam.test/', overlayRulesSince - 1000)).toBe('http://evil-scam.test/');
  });

  it('is left to the rule after a worker restart, when the browser still held the base and the overlay', async () => {
    await publishDelta(2, ['added-now.test']);
    const restarted = Object.assign(bench.restart(), { clock: bench.clock });
    expect(await restarted.services.getEngine()).toMatchObject({ baseRulesSince: 0, overlayRulesSince: 0 });
    expect(await navigate(restarted, 'http://added-now.test/', 1)).toBe('http://added-now.test/');
  });

  it('is stopped by the background for as long as writing the overlay fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateSessionRules').mockRejectedValue(new Error('rule limit reached'));
    await publishDelta(2, ['added-now.test']);
    const engine = await bench.services.getEngine();
    expect(engine.list.version).toBe(2);
    expect(engine.overlayRulesSince).toBe(Infinity);
    expect(await navigate(bench, 'http://added-now.test/', Date.now())).toBe(`${WARNING_PAGE}#http://added-now.test/`);
    expect(await navigate(bench, 'http://evil-scam.test/', Date.now())).toBe('http://evil-scam.test/');
  });

  it("is stopped by the background for as long as writing a complete list's rules fails", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateDynamicRules').mockRejectedValue(new Error('rule limit reached'));
    await bench.feedHost.publish(liveVersion(2, ['listed-now.test']));
    await syncFeed(bench.services, 'user');
    expect(await bench.services.getEngine()).toMatchObject({ list: { version: 2 }, baseRulesSince: Infinity });
    expect(await navigate(bench, 'http://listed-now.test/', Date.now())).toBe(`${WARNING_PAGE}#http://listed-now.test/`);
  });
});

describe('a compaction', () => {
  it('folds an overlay grown past its bound into the base, and blocking stays the same throughout', async () => {
    const many = Array.from({ length: COMPACT_AFTER_DOMAINS + 10 }, (_, i) => `bulk-${i}.test`);
    const watched = ['added-now.test', 'bulk-7.test', 'removed-later.test', 'evil-scam.test'];
    const seen = watchRuleWrites(() => watched.map((host) => isRedirectedByRules(bench, host)).join());
    await publishDelta(2, ['added-now.test', ...many]);
    const engine = await bench.services.getEngine();
    expect(engine.list.overlay?.added).toHaveLength(many.length + 1);
    await vi.waitFor(() => expect(engine.list.overlay).toEqual(EMPTY_OVERLAY), { timeout: 5000 });
    await queueRuleWork(async () => undefined);
    // The base rewrite, then the overlay emptied: after the delta's own overlay write, every state is the same.
    expect(seen.slice(1).length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen.slice(1))).toEqual(new Set(['true,true,false,true']));
    expect((await readActiveList(engine.db))?.overlay).toEqual(EMPTY_OVERLAY);
    expect(bench.dnr.session.size).toBe(0);
    for (const host of ['added-now.test', 'bulk-0.test', `bulk-${many.length - 1}.test`, 'evil-scam.test']) expect(isRedirectedByRules(bench, host)).toBe(true);
    expect(isRedirectedByRules(bench, 'removed-later.test')).toBe(false);
    expect(await engine.db.count('shards')).toBe(engine.list.shards.length);
  });

  it('leaves a base that later deltas and a restarted worker build on', async () => {
    const many = Array.from({ length: COMPACT_AFTER_DOMAINS + 10 }, (_, i) => `bulk-${i}.test`);
    await publishDelta(2, many);
    const engine = await bench.services.getEngine();
    await vi.waitFor(() => expect(engine.list.overlay).toEqual(EMPTY_OVERLAY), { timeout: 5000 });
    await publishDelta(3, [...many.slice(1), 'after-compaction.test']);
    expect(engine.list.overlay).toMatchObject({ added: ['after-compaction.test'], removed: ['bulk-0.test'] });
    const restarted = Object.assign(bench.restart(), { clock: bench.clock });
    await restarted.feedHost.publish({ ...liveVersion(4, [...many.slice(2), 'after-compaction.test']), deltasFrom: [3] });
    await syncFeed(restarted.services, 'user');
    expect((await restarted.services.getEngine()).list).toMatchObject({ version: 4, overlay: { removed: ['bulk-0.test', 'bulk-1.test'] } });
    expect(isRedirectedByRules(restarted, 'bulk-1.test')).toBe(false);
    expect(isRedirectedByRules(restarted, 'bulk-2.test')).toBe(true);
  });

  it('comes with a change to the maintainers\' allow entries, which needs a dynamic rule write anyway', async () => {
    const allowed = { kind: 'host', value: 'login.evil-scam.test', category: 'phishing', source: 'live feed', added: '2025-02-20', allow: true } as const;
    await bench.feedHost.publish({ ...liveVersion(2, ['added-now.test']), entries: [...SEED_ENTRIES, allowed, ...domainEntries('added-now.test')], deltasFrom: [1] });
    await syncFeed(bench.services, 'user');
    expect(bench.dnr.dynamic.get(LIST_ALLOW_RULE_ID)?.condition.requestDomains).toContain('login.evil-scam.test');
    expect(bench.dnr.session.size).toBe(0);
    expect(isRedirectedByRules(bench, 'added-now.test')).toBe(true);
  });
});
