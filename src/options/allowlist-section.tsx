// The sites the user trusts, each with a button to stop trusting it.
import { useState } from 'preact/hooks';
import { formatDate, t } from '../shared/i18n.ts';
import { send, type AllowedSite } from '../shared/protocol.ts';
import { ErrorNote, LoadingNote } from '../ui/status-note.tsx';
import { useAsync } from '../ui/use-async.ts';

export function AllowlistSection() {
  const [sites, setSites] = useState<AllowedSite[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loaded = useAsync(() => send('allowlist.get', {}), []);
  const shown = sites ?? loaded.value;
  const remove = (host: string) => (event: MouseEvent) => {
    if (!event.isTrusted) return;
    send('site.untrust', { host }).then(setSites, (failure: unknown) => setError(String(failure)));
  };
  return (
    <section aria-labelledby="allowlist-heading" data-testid="options:allowlist">
      <h2 id="allowlist-heading">{t('options_allowlist_heading')}</h2>
      <p class="note">{t('options_allowlist_lead')}</p>
      {loaded.isLoading && !shown ? <LoadingNote /> : null}
      {shown?.length === 0 ? <p data-testid="options:allowlist-empty">{t('options_allowlist_empty')}</p> : null}
      <ul class="allowlist">
        {(shown ?? []).map((site) => (
          <li key={site.host} data-testid="options:allowed-site">
            <span>
              <span class="url">{site.host}</span> <span class="note">{formatDate(site.added)}</span>
            </span>
            <button type="button" aria-label={t('options_remove_label', site.host)} onClick={remove(site.host)}>
              {t('options_remove')}
            </button>
          </li>
        ))}
      </ul>
      {loaded.error !== undefined ? <ErrorNote message={loaded.error} /> : null}
      {error !== null ? <ErrorNote message={error} /> : null}
    </section>
  );
}
