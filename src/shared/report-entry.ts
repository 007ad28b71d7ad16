// Where a report starts: the popup's report view, reached from the popup ("Report this page") or
// from the warning page ("This is a mistake"), with the page and the kind of report prefilled.

export type ReportKind = 'scam' | 'mistake';

export interface ReportRequest {
  kind: ReportKind;
  url: string;
}

export const POPUP_PAGE_PATH = 'src/popup/index.html';

export function buildReportPath(request: ReportRequest): string {
  const query = new URLSearchParams({ report: request.kind, url: request.url });
  return `${POPUP_PAGE_PATH}?${query.toString()}`;
}

/** The report a popup address asks for, or null (the popup then describes a tab). */
export function readReportRequest(search: string): ReportRequest | null {
  const query = new URLSearchParams(search);
  const kind = query.get('report');
  const url = query.get('url');
  if ((kind !== 'scam' && kind !== 'mistake') || url === null || !/^https?:\/\//i.test(url)) return null;
  return { kind, url };
}
