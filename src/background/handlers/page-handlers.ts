// Messages from content scripts: always about the sender's own tab and URL.
import browser from 'webextension-polyfill';
import { shouldContainScareware, validatePageSnapshot } from '../../core/scanner/index.ts';
import type { PageSnapshot } from '../../core/types.ts';
import type { PageVerdict } from '../../shared/protocol.ts';
import { getHost } from '../checker.ts';
import type { Caller, HandlerTable } from '../router.ts';
import type { Services } from '../services.ts';
import { addHost } from '../site-sets.ts';
import { isBannerDue, toPageVerdict } from '../page-verdict.ts';
import { keepStrongerScan, scanSnapshot } from '../page-scan.ts';
import { readPageEvidence, writePageEvidence } from '../tab-state.ts';
import { refreshTabVerdict, stopInTab } from '../tab-verdict.ts';
import { readRecord, validateEmpty, ValidationError } from '../validate.ts';
import { errorMessage } from '../../core/error-message.ts';

/**
 * A snapshot is capped field by field (core's SNAPSHOT_LIMITS); this bounds the whole message before
 * that. It is above what a snapshot within those limits can reach even with every character escaped
 * by JSON (about 4.3 M characters), so a page cannot push its own snapshot over it to escape the scan.
 */
const MAX_SNAPSHOT_MESSAGE = 8 * 1024 * 1024;

function requireContent(caller: Caller): Extract<Caller, { kind: 'content' }> {
  if (caller.kind !== 'content') throw new Error('not a content script');
  return caller;
}

/** The verdict a page gets: URL evidence plus the page's own scan; a listed page is sent to the warning page. */
async function answerPage(services: Services, caller: Caller, snapshot: PageSnapshot | null): Promise<PageVerdict> {
  const { tabId, url } = requireContent(caller);
  const engine = await services.getEngine();
  // The scan is about the sender's URL, whatever URL the snapshot claims.
  const scan = snapshot === null ? null : keepStrongerScan(await readPageEvidence(tabId, url), scanSnapshot(engine, url, snapshot));
  if (scan !== null) await writePageEvidence(tabId, url, scan);
  const verdict = await refreshTabVerdict(services, tabId, url, snapshot === null);
  const isStopping = verdict.verdict === 'dangerous' && (await stopInTab(services, tabId, url));
  const shouldShowBanner = isBannerDue(engine, url, verdict);
  const shouldContain = shouldShowBanner && scan !== null && shouldContainScareware(scan);
  if (shouldContain) await browser.tabs.update(tabId, { muted: true });
  return toPageVerdict(verdict, { shouldShowBanner, isStopping, shouldContain });
}

function validateScanRequest(value: unknown): { snapshot: PageSnapshot } {
  try {
    return { snapshot: validatePageSnapshot(readRecord(value, ['snapshot']).snapshot) };
  } catch (error) {
    throw error instanceof ValidationError ? error : new ValidationError(errorMessage(error));
  }
}

export function createPageHandlers(services: Services): Pick<HandlerTable, 'verdict.get' | 'page.scan' | 'banner.dismiss'> {
  return {
    'verdict.get': {
      tier: 'content-top',
      validate: validateEmpty,
      handle: (_request, caller) => answerPage(services, caller, null),
    },
    'page.scan': {
      tier: 'content-top',
      maxSize: MAX_SNAPSHOT_MESSAGE,
      validate: validateScanRequest,
      handle: ({ snapshot }, caller) => answerPage(services, caller, snapshot),
    },
    'banner.dismiss': {
      tier: 'content-top',
      validate: validateEmpty,
      async handle(_request, caller) {
        const host = getHost(requireContent(caller).url);
        if (host === null) throw new Error('not a web page');
        const engine = await services.getEngine();
        engine.dismissals = await addHost(engine.db, 'dismissals', host, services.now());
        return null;
      },
    },
  };
}
