// The warning page. "Go back to safety" has the focus; the other choices are deliberate, and
// "Always allow" asks first. Framed by another page, it shows a notice and offers no action.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { send } from '../shared/protocol.ts';
import { ErrorNote, LoadingNote } from '../ui/status-note.tsx';
import { useAsync } from '../ui/use-async.ts';
import { allowAlways, goBackToSafety, isUserClick, proceedAnyway, reportMistake } from './warning-actions.ts';
import { WarningDetails } from './warning-details.tsx';
import { errorMessage } from '../core/error-message.ts';

type Action = (event: MouseEvent) => void;

function useGuardedAction(setError: (message: string) => void) {
  return (work: () => Promise<void>): Action =>
    (event) => {
      if (!isUserClick(event)) return;
      work().catch((failure: unknown) => setError(errorMessage(failure)));
    };
}

function ConfirmAllow({ host, onYes, onNo }: { host: string; onYes: Action; onNo: Action }) {
  const yesRef = useRef<HTMLButtonElement>(null);
  useEffect(() => yesRef.current?.focus(), []);
  return (
    <div class="warning__confirm" role="alertdialog" aria-labelledby="confirm-text" data-testid="warning:confirm">
      <p id="confirm-text">{t('warning_confirm_allow', host)}</p>
      <div class="actions">
        <button type="button" ref={yesRef} data-testid="warning:confirm-yes" onClick={onYes}>
          {t('warning_confirm_yes')}
        </button>
        <button type="button" data-testid="warning:confirm-no" onClick={onNo}>
          {t('warning_confirm_no')}
        </button>
      </div>
    </div>
  );
}

function WarningBody({ url }: { url: string }) {
  const host = new URL(url).hostname;
  const state = useAsync(() => send('warning.describe', { url }), [url]);
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const guard = useGuardedAction(setError);
  useEffect(() => backRef.current?.focus(), []);
  const isListed = state.value?.verdict !== 'safe' && state.value?.verdict !== 'unknown';
  // A page listed on a shared host (`sites.google.com/view/x`): trusting the host for good would
  // also let every other listed page on it through, so only this tab's "proceed" is offered.
  const isSharedHostPage = state.value?.reasons.some((reason) => reason.kind === 'blocklist' && reason.entryKind === 'url-prefix') ?? false;
  return (
    <main class="warning" data-testid="warning:main">
      <h1>{t('warning_heading')}</h1>
      <p data-testid="warning:lead">{t(isListed ? 'warning_lead' : 'warning_not_listed', host)}</p>
      {state.isLoading ? <LoadingNote /> : null}
      {state.error !== undefined ? <ErrorNote message={state.error} /> : null}
      {state.value ? <WarningDetails url={url} verdict={state.value} /> : null}
      <div class="actions">
        <button type="button" class="primary" ref={backRef} data-testid="warning:back" onClick={guard(goBackToSafety)}>
          {t('warning_back')}
        </button>
      </div>
      <div class="actions warning__secondary">
        <button type="button" data-testid="warning:proceed" onClick={guard(() => proceedAnyway(url))}>
          {t(isListed ? 'warning_proceed' : 'warning_open_site')}
        </button>
        {isSharedHostPage ? null : (
          <button type="button" data-testid="warning:allow" onClick={guard(async () => setIsConfirming(true))}>
            {t('warning_always_allow')}
          </button>
        )}
        <button type="button" data-testid="warning:mistake" onClick={guard(() => reportMistake(url))}>
          {t('warning_mistake')}
        </button>
      </div>
      {isConfirming ? <ConfirmAllow host={host} onYes={guard(() => allowAlways(url))} onNo={guard(async () => setIsConfirming(false))} /> : null}
      {error !== null ? <ErrorNote message={error} /> : null}
    </main>
  );
}

function Notice({ text, testId }: { text: string; testId: string }) {
  return (
    <main class="warning">
      <p role="alert" data-testid={testId}>
        {text}
      </p>
    </main>
  );
}

export function WarningApp({ stoppedUrl, isFramed }: { stoppedUrl: string | null; isFramed: boolean }) {
  if (isFramed) return <Notice text={t('warning_framed')} testId="warning:framed" />;
  if (stoppedUrl === null) return <Notice text={t('warning_no_address')} testId="warning:no-address" />;
  return <WarningBody url={stoppedUrl} />;
}
