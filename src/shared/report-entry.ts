// Where a report starts: the popup's report view, reached from the popup ("Report this page"), the
// warning page or the banner ("This is a mistake"), with the page and the kind of report prefilled.
// Also the one way a draft takes the user's choices, shared by the popup (its preview) and the
// background (what it queues), so the two can never disagree.
import type { Report, ReportKind as WireReportKind } from '../core/report/report-types.ts';
import type { ReportChoices } from './protocol.ts';

export type ReportKind = 'scam' | 'mistake';

export interface ReportRequest {
  kind: ReportKind;
  url: string;
  /** The tab that shows the page, when the report starts from one (its title and evidence join the report). */
  tabId?: number;
}

export const POPUP_PAGE_PATH = 'src/popup/index.html';

export function buildReportPath(request: ReportRequest): string {
  const query = new URLSearchParams({ report: request.kind, url: request.url });
  if (request.tabId !== undefined) query.set('tabId', String(request.tabId));
  return `${POPUP_PAGE_PATH}?${query.toString()}`;
}

/** The report a popup address asks for, or null (the popup then describes a tab). */
export function readReportRequest(search: string): ReportRequest | null {
  const query = new URLSearchParams(search);
  const kind = query.get('report');
  const url = query.get('url');
  if ((kind !== 'scam' && kind !== 'mistake') || url === null || !/^https?:\/\//i.test(url)) return null;
  const tabId = query.get('tabId') ?? '';
  return /^\d{1,15}$/.test(tabId) ? { kind, url, tabId: Number(tabId) } : { kind, url };
}

/** The report kind on the wire: a "mistake" is a false-positive report. */
export function toWireKind(kind: ReportKind): WireReportKind {
  return kind === 'mistake' ? 'false-positive' : 'scam';
}

/** The draft with the user's category (none when null) and note (none when blank). Validate the result. */
export function applyReportChoices(draft: Report, choices: ReportChoices): Report {
  const { category: _category, note: _note, ...facts } = draft;
  const note = choices.note.trim();
  return { ...facts, ...(choices.category === null ? {} : { category: choices.category }), ...(note === '' ? {} : { note }) };
}
