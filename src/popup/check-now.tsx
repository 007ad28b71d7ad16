// "Check for updates now": asks the background to check the feed at once (a real click only), then
// lets the popup show the list's new state, whose last-check line says how it went.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { send } from '../shared/protocol.ts';
import { ErrorNote } from '../ui/status-note.tsx';

export function CheckNowButton({ onChecked }: { onChecked: () => void }) {
  const [isChecking, setIsChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const check = async (event: MouseEvent) => {
    if (!event.isTrusted || isChecking) return;
    setIsChecking(true);
    setError(null);
    try {
      await send('sync.now', {});
      onChecked();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setIsChecking(false);
    }
  };
  return (
    <>
      <button type="button" data-testid="popup:check-now" disabled={isChecking} aria-busy={isChecking} onClick={check}>
        {t(isChecking ? 'popup_checking' : 'popup_check_now')}
      </button>
      {error !== null ? <ErrorNote message={error} /> : null}
    </>
  );
}
