// The report view: which page and which kind of report, the form over a draft the background
// built for that page, then the report's state once it is queued.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { send, type ReportState } from '../shared/protocol.ts';
import { toWireKind, type ReportRequest } from '../shared/report-entry.ts';
import { ErrorNote, LoadingNote } from '../ui/status-note.tsx';
import { useAsync } from '../ui/use-async.ts';
import { ReportForm } from './report-form.tsx';
import { ReportStates } from './report-states.tsx';
import './report.css';

const SHOWN_AFTER_SENDING = 5;

function loadDraft(request: ReportRequest) {
  const { kind, url, tabId } = request;
  return send('report.draft', { kind: toWireKind(kind), url, ...(tabId === undefined ? {} : { tabId }) });
}

export function ReportEntry({ request, onBack }: { request: ReportRequest; onBack: (() => void) | null }) {
  const draft = useAsync(() => loadDraft(request), [request.kind, request.url, request.tabId]);
  const [queued, setQueued] = useState<ReportState | null>(null);
  return (
    <main data-testid="report:main" data-kind={request.kind}>
      <h1>{t(request.kind === 'mistake' ? 'report_heading_mistake' : 'report_heading_scam')}</h1>
      <p>
        <strong>{t('report_page_label')}</strong> <span class="url" data-testid="report:url">{request.url}</span>
      </p>
      {draft.isLoading && !draft.value ? <LoadingNote /> : null}
      {draft.error !== undefined ? <ErrorNote message={draft.error} /> : null}
      {queued === null && draft.value ? <ReportForm draft={draft.value} onQueued={setQueued} /> : null}
      {queued !== null ? (
        <>
          <p role="status" data-testid="report:queued">{t('report_queued_note')}</p>
          <ReportStates limit={SHOWN_AFTER_SENDING} />
        </>
      ) : null}
      {onBack ? (
        <button type="button" onClick={onBack}>
          {t('report_back')}
        </button>
      ) : null}
    </main>
  );
}
