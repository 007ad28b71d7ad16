// What became of the user's reports: waiting (with the next try and the last problem), sent, or
// refused with the server's reason. Refreshed while any report waits.
import { useEffect } from 'preact/hooks';
import { formatDate, t } from '../shared/i18n.ts';
import { REPORT_UNREACHABLE, send, type ReportState } from '../shared/protocol.ts';
import { useAsync } from '../ui/use-async.ts';

const POLL_MS = 1500;
const SYMBOLS: Record<ReportState['state'], string> = { queued: '⏳', sent: '✓', refused: '✕' };

function describeState(report: ReportState): string {
  if (report.state === 'sent') return t('report_state_sent', formatDate(report.settledAt ?? '', true));
  if (report.state === 'refused') return t('report_state_refused', report.refusal ?? '');
  return t('report_state_queued');
}

function WaitingDetails({ report }: { report: ReportState }) {
  const problem = report.lastProblem;
  return (
    <>
      {problem !== null ? (
        <p class="note">{problem === REPORT_UNREACHABLE ? t('report_state_unreachable') : t('report_state_problem', problem)}</p>
      ) : null}
      {report.nextAttemptAt !== null && report.attempts > 0 ? <p class="note">{t('report_state_next', formatDate(report.nextAttemptAt, true))}</p> : null}
    </>
  );
}

function ReportStateItem({ report }: { report: ReportState }) {
  return (
    <li data-testid="report:state" data-state={report.state} data-id={report.id}>
      <span class="url">{report.report.url}</span>
      <p>
        <span aria-hidden="true">{SYMBOLS[report.state]}</span> <strong data-testid="report:state-text">{describeState(report)}</strong>
      </p>
      {report.state === 'queued' ? <WaitingDetails report={report} /> : null}
    </li>
  );
}

export function ReportStates({ limit }: { limit: number }) {
  const reports = useAsync(() => send('report.list', {}), []);
  const isWaiting = reports.value?.some((report) => report.state === 'queued') ?? false;
  useEffect(() => {
    if (!isWaiting) return undefined;
    const timer = setTimeout(reports.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [reports.value, isWaiting]);
  if (!reports.value || reports.value.length === 0) return null;
  return (
    <section class="report-states" data-testid="report:states">
      <h2>{t('report_list_heading')}</h2>
      <ul>
        {reports.value.slice(0, limit).map((report) => (
          <ReportStateItem key={report.id} report={report} />
        ))}
      </ul>
    </section>
  );
}
