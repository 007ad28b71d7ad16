// Messages from the popup: what a tab shows and the list's state.
import browser from 'webextension-polyfill';
import type { ListStatus, TabView } from '../../shared/protocol.ts';
import { readMeta } from '../db.ts';
import type { Engine } from '../engine.ts';
import { getHost } from '../checker.ts';
import type { HandlerTable } from '../router.ts';
import type { Services } from '../services.ts';
import { findCoveringSite } from '../site-sets.ts';
import { getDescribedUrl, refreshTabVerdict } from '../tab-verdict.ts';
import { validateEmpty, validateTabRequest } from '../validate.ts';

export async function describeList(engine: Engine): Promise<ListStatus> {
  const { list } = engine;
  const lastSync = (await readMeta(engine.db, 'lastSync')) ?? null;
  return { version: list.version, entryCount: list.entryCount, origin: list.origin, updatedAt: list.installedAt, lastSync };
}

export function createPopupHandlers(services: Services): Pick<HandlerTable, 'tab.describe' | 'list.status'> {
  return {
    'tab.describe': {
      tier: 'extension',
      validate: validateTabRequest,
      async handle({ tabId }): Promise<TabView> {
        const engine = await services.getEngine();
        const tab = await browser.tabs.get(tabId);
        const url = getDescribedUrl(services, tab.url);
        const host = url === null ? null : getHost(url);
        const verdict = url === null ? null : await refreshTabVerdict(services, tabId, url);
        const isTrusted = host !== null && findCoveringSite(engine.allowlist, host) !== undefined;
        return { tabId, url, host, verdict, isTrusted, list: await describeList(engine) };
      },
    },
    'list.status': {
      tier: 'extension',
      validate: validateEmpty,
      async handle() {
        return describeList(await services.getEngine());
      },
    },
  };
}
