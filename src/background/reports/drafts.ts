// Report drafts: built in the background from what it holds for the tab (its address and title as
// the browser reports them, the verdict with the page's own evidence), never from what a page says
// about itself, and kept in storage.session until sent, so what is queued is exactly what the user
// was shown, however the page changes its title meanwhile.
import browser from 'webextension-polyfill';
import { buildReport, createIdempotencyKey, validateReport, type Report, type ReportKind } from '../../core/report/index.ts';
import type { Verdict } from '../../core/types.ts';
import type { ReportDraft } from '../../shared/protocol.ts';
import { checkUrlNow } from '../checker.ts';
import { createSerialQueue } from '../serial-queue.ts';
import type { Services } from '../services.ts';
import { getDescribedUrl, refreshTabVerdict } from '../tab-verdict.ts';

const DRAFTS_KEY = 'report-drafts';
/** Drafts kept at once; an abandoned one is dropped once this many newer ones exist. */
const MAX_DRAFTS = 10;

export interface DraftRequest {
  kind: ReportKind;
  url: string;
  /** The tab showing `url`: its title and page evidence join the report while it still shows it. */
  tabId?: number;
}

interface PageFacts {
  title?: string;
  verdict: Verdict;
}

/** Read-modify-writes of the drafts record run one at a time. */
const serialize = createSerialQueue();

async function readDrafts(): Promise<Record<string, Report>> {
  return ((await browser.storage.session.get(DRAFTS_KEY))[DRAFTS_KEY] as Record<string, Report> | undefined) ?? {};
}

async function readFacts(services: Services, request: DraftRequest): Promise<PageFacts> {
  const tab = request.tabId === undefined ? undefined : await browser.tabs.get(request.tabId).catch(() => undefined);
  if (tab?.id !== undefined && getDescribedUrl(services, tab.url) === request.url) {
    const verdict = await refreshTabVerdict(services, tab.id, request.url);
    // A tab on our warning page shows our title, not the stopped page's.
    return tab.url === request.url && tab.title ? { title: tab.title, verdict } : { verdict };
  }
  return { verdict: checkUrlNow(request.url, await services.getEngine()) };
}

export async function createDraft(services: Services, request: DraftRequest): Promise<ReportDraft> {
  const [facts, engine] = await Promise.all([readFacts(services, request), services.getEngine()]);
  const built = buildReport({
    url: request.url,
    kind: request.kind,
    ...facts,
    extensionVersion: browser.runtime.getManifest().version,
    feedVersion: engine.list.version,
    now: services.now(),
  });
  const checked = validateReport(built);
  if (!checked.ok) throw new Error(`this page cannot be reported: ${checked.errors.map((error) => `${error.field} ${error.reason}`).join('; ')}`);
  const draft: ReportDraft = { id: createIdempotencyKey(), report: checked.report };
  await serialize(async () => {
    const kept = Object.entries(await readDrafts()).slice(-(MAX_DRAFTS - 1));
    await browser.storage.session.set({ [DRAFTS_KEY]: Object.fromEntries([...kept, [draft.id, draft.report]]) });
  });
  return draft;
}

export async function readDraft(id: string): Promise<Report | null> {
  return (await readDrafts())[id] ?? null;
}

export function removeDraft(id: string): Promise<void> {
  return serialize(async () => {
    const { [id]: _sent, ...rest } = await readDrafts();
    await browser.storage.session.set({ [DRAFTS_KEY]: rest });
  });
}
