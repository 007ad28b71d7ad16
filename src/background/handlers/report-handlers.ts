// Report messages: drafts and the queue for extension pages; the banner's "This is a mistake" for
// a content script, about its own tab and URL only.
import browser from 'webextension-polyfill';
import { validateReport } from '../../core/report/index.ts';
import type { SubmitResult } from '../../shared/protocol.ts';
import { applyReportChoices, buildReportPath } from '../../shared/report-entry.ts';
import type { ReportQueue } from '../reports/queue.ts';
import { createDraft, readDraft, removeDraft } from '../reports/drafts.ts';
import { MAX_DRAFT_MESSAGE, MAX_SUBMIT_MESSAGE, validateDraftRequest, validateSubmitRequest } from '../reports/validate-requests.ts';
import type { HandlerTable } from '../router.ts';
import type { Services } from '../services.ts';
import { validateEmpty } from '../validate.ts';

type ReportMessages = 'report.draft' | 'report.submit' | 'report.list' | 'banner.mistake';

export function createReportHandlers(services: Services, queue: ReportQueue): Pick<HandlerTable, ReportMessages> {
  return {
    'report.draft': {
      tier: 'extension',
      maxSize: MAX_DRAFT_MESSAGE,
      validate: validateDraftRequest,
      handle: (request) => createDraft(services, request),
    },
    'report.submit': {
      tier: 'extension',
      maxSize: MAX_SUBMIT_MESSAGE,
      validate: validateSubmitRequest,
      async handle({ draftId, ...choices }): Promise<SubmitResult> {
        const draft = await readDraft(draftId);
        if (draft === null) return { isQueued: false, problem: 'expired', errors: [] };
        const checked = validateReport(applyReportChoices(draft, choices));
        if (!checked.ok) return { isQueued: false, problem: 'invalid', errors: checked.errors };
        // The draft's id is the report's idempotency key: sending one draft twice queues it once.
        const report = await queue.enqueue(draftId, checked.report);
        if (report === null) return { isQueued: false, problem: 'queue-full', errors: [] };
        await removeDraft(draftId);
        return { isQueued: true, report };
      },
    },
    'report.list': {
      tier: 'extension',
      validate: validateEmpty,
      handle: () => queue.list(),
    },
    'banner.mistake': {
      tier: 'content-top',
      validate: validateEmpty,
      async handle(_request, caller) {
        if (caller.kind !== 'content') throw new Error('not a content script');
        // The report view is an extension page: nothing is sent until the user presses Send there.
        const path = buildReportPath({ kind: 'mistake', url: caller.url, tabId: caller.tabId });
        await browser.tabs.create({ url: browser.runtime.getURL(path), openerTabId: caller.tabId });
        return null;
      },
    },
  };
}
