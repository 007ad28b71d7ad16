// The popup: the tab's verdict and reasons, trust / stop trusting, the report entry, the list state.
import { useState } from 'preact/hooks';
import { getExtensionApi } from '../shared/ext.ts';
import { t } from '../shared/i18n.ts';
import { send, type TabView } from '../shared/protocol.ts';
import type { ReportRequest } from '../shared/report-entry.ts';
import { CheckNowButton } from '../ui/check-now.tsx';
import { ListStatusView } from '../ui/list-status.tsx';
import { ErrorNote, LoadingNote } from '../ui/status-note.tsx';
import { useAsync } from '../ui/use-async.ts';
import { VerdictSummary } from '../ui/verdict-summary.tsx';
import { findTabId } from './find-tab.ts';
import { ReportEntry } from './report-entry.tsx';
import { ReportStates } from './report-states.tsx';
import { errorMessage } from '../core/error-message.ts';

/** Reports listed under the tab's panel: the latest few say whether they went out. */
const RECENT_REPORTS = 3;

function TrustButton({ view, onChange }: { view: TabView; onChange: () => void }) {
  const [error, setError] = useState<string | null>(null);
  if (view.host === null) return null;
  const host = view.host;
  const toggle = async (event: MouseEvent) => {
    if (!event.isTrusted) return;
    try {
      await send(view.isTrusted ? 'site.untrust' : 'site.trust', { host });
      onChange();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <>
      {view.isTrusted ? <p data-testid="popup:trusted">{t('popup_trusted_note', host)}</p> : null}
      <button type="button" data-testid={view.isTrusted ? 'popup:untrust' : 'popup:trust'} onClick={toggle}>
        {t(view.isTrusted ? 'popup_untrust' : 'popup_trust')}
      </button>
      {error !== null ? <ErrorNote message={error} /> : null}
    </>
  );
}

function TabPanel({ view, onChange, onReport }: { view: TabView; onChange: () => void; onReport: (url: string) => void }) {
  const url = view.url;
  return (
    <>
      {url === null ? <p data-testid="popup:no-page">{t('popup_no_page')}</p> : <p class="popup__url url" data-testid="popup:url">{url}</p>}
      {view.verdict ? <VerdictSummary verdict={view.verdict} /> : null}
      <div class="actions">
        <TrustButton view={view} onChange={onChange} />
        {url !== null ? (
          <button type="button" data-testid="popup:report" onClick={() => onReport(url)}>
            {t('popup_report')}
          </button>
        ) : null}
      </div>
    </>
  );
}

export function PopupApp({ tabId, report }: { tabId: number | null; report: ReportRequest | null }) {
  const [reportRequest, setReportRequest] = useState(report);
  const state = useAsync(async () => send('tab.describe', { tabId: await findTabId(tabId) }), [tabId]);
  if (reportRequest !== null) return <ReportEntry request={reportRequest} onBack={report === null ? () => setReportRequest(null) : null} />;
  const view = state.value;
  return (
    <main data-testid="popup:main">
      <h1>{t('extension_name')}</h1>
      {state.isLoading && !state.value ? <LoadingNote /> : null}
      {state.error !== undefined ? <ErrorNote message={state.error} /> : null}
      {view ? <TabPanel view={view} onChange={state.reload} onReport={(url) => setReportRequest({ kind: 'scam', url, tabId: view.tabId })} /> : null}
      <ReportStates limit={RECENT_REPORTS} />
      <footer class="popup__footer">
        {state.value ? <ListStatusView list={state.value.list} /> : null}
        {state.value ? <CheckNowButton onChecked={state.reload} testId="popup:check-now" /> : null}
        <button type="button" class="link" data-testid="popup:settings" onClick={() => void getExtensionApi().runtime.openOptionsPage()}>
          {t('popup_settings')}
        </button>
      </footer>
    </main>
  );
}
