import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { forgetBadge, showBadge } from '../../../src/background/badge.ts';
import { openDatabase } from '../../../src/background/db.ts';
import { DEFAULT_SETTINGS, readSettings, updateSettings } from '../../../src/background/settings.ts';
import { addHost, findCoveringSite, listHosts, removeHost } from '../../../src/background/site-sets.ts';
import { installFakeChrome, removeFakeChrome } from '../shared/support/fake-chrome.ts';
import { freshDatabaseName } from './support/lists.ts';

const NOW = new Date('2025-03-01T10:00:00Z');

afterEach(removeFakeChrome);

describe('host sets', () => {
  it('adds once, lists sorted, removes, and covers subdomains', async () => {
    const db = await openDatabase(freshDatabaseName());
    await addHost(db, 'allowlist', 'b.test', NOW);
    await addHost(db, 'allowlist', 'a.test', NOW);
    const sites = await addHost(db, 'allowlist', 'b.test', new Date('2026-01-01'));
    expect(sites).toEqual([
      { host: 'a.test', added: NOW.toISOString() },
      { host: 'b.test', added: NOW.toISOString() },
    ]);
    expect(findCoveringSite(sites, 'www.a.test')?.host).toBe('a.test');
    expect(findCoveringSite(sites, 'aa.test')).toBeUndefined();
    expect(await removeHost(db, 'allowlist', 'a.test')).toEqual([{ host: 'b.test', added: NOW.toISOString() }]);
    expect(await listHosts(db, 'dismissals')).toEqual([]);
  });
});

describe('settings', () => {
  it('starts from the defaults and keeps a patch', async () => {
    const db = await openDatabase(freshDatabaseName());
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    await updateSettings(db, { sensitivity: 'low' });
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, sensitivity: 'low' });
  });
});

describe('badge', () => {
  it('shows distinct text and colour for dangerous and suspicious, and clears otherwise', async () => {
    installFakeChrome('en');
    await showBadge(7, 'dangerous');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('!');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe('Scam Warner: dangerous site');
    const dangerousColor = await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 7 });
    await showBadge(8, 'suspicious');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('?');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 8 })).not.toEqual(dangerousColor);
    await showBadge(7, 'unknown');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('asks the browser only when the badge changes, and again for a new document', async () => {
    installFakeChrome('en');
    const setText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    await showBadge(10, 'suspicious');
    await showBadge(10, 'suspicious');
    expect(setText).toHaveBeenCalledTimes(1);
    await showBadge(10, 'safe');
    await showBadge(10, null);
    expect(setText).toHaveBeenCalledTimes(2);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 10 })).toBe('');
    forgetBadge(10);
    await showBadge(10, null);
    expect(setText).toHaveBeenCalledTimes(3);
    vi.restoreAllMocks();
  });

  it('uses the Arabic question mark under the Arabic UI', async () => {
    installFakeChrome('ar');
    await showBadge(9, 'suspicious');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 9 })).toBe('؟');
  });
});
