// The report view's entry point: which page and which kind of report. The report form and its
// queue (issue 6) mount here; until they land this says plainly that sending is not available.
import { t } from '../shared/i18n.ts';
import type { ReportRequest } from '../shared/report-entry.ts';

export function ReportEntry({ request, onBack }: { request: ReportRequest; onBack: (() => void) | null }) {
  return (
    <main data-testid="report:main" data-kind={request.kind}>
      <h1>{t(request.kind === 'mistake' ? 'report_heading_mistake' : 'report_heading_scam')}</h1>
      <p>
        <strong>{t('report_page_label')}</strong> <span class="url" data-testid="report:url">{request.url}</span>
      </p>
      <p class="note" role="status">
        {t('report_unavailable')}
      </p>
      {onBack ? (
        <button type="button" onClick={onBack}>
          {t('warning_confirm_no')}
        </button>
      ) : null}
    </main>
  );
}
