// "Check for updates now" (popup and options page): asks the background to check the feed at once
// (a real click only), then lets the page show the list's new state, whose last-check line says how
// it went.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { send } from '../shared/protocol.ts';
import { ErrorNote } from './status-note.tsx';
import { errorMessage } from '../core/error-message.ts';

type CheckState = 'idle' | 'checking' | 'done' | 'failed';

/** `testId`: the page's own hook (`popup:check-now`, `options:check-now`). */
export function CheckNowButton({ onChecked, testId }: { onChecked: () => void; testId: string }) {
  const [state, setState] = useState<CheckState>('idle');
  const [error, setError] = useState<string | null>(null);
  const isChecking = state === 'checking';
  const check = async (event: MouseEvent) => {
    if (!event.isTrusted || isChecking) return;
    setState('checking');
    setError(null);
    try {
      await send('sync.now', {});
      setState('done');
      onChecked();
    } catch (failure) {
      setState('failed');
      setError(errorMessage(failure));
    }
  };
  return (
    <>
      <button type="button" data-testid={testId} data-state={state} disabled={isChecking} aria-busy={isChecking} onClick={check}>
        {t(isChecking ? 'popup_checking' : 'popup_check_now')}
      </button>
      {error !== null ? <ErrorNote message={error} /> : null}
    </>
  );
}
