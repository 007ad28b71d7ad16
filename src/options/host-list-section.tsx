// A list of the user's own sites (the ones they trust, the ones whose banner they dismissed), each
// with a button that takes it back. One component serves both lists.
import { useState } from 'preact/hooks';
import { formatDate, t, type MessageKey } from '../shared/i18n.ts';
import type { AllowedSite } from '../shared/protocol.ts';
import { ErrorNote, LoadingNote } from '../ui/status-note.tsx';
import { useAsync } from '../ui/use-async.ts';

export interface HostListTexts {
  heading: MessageKey;
  lead: MessageKey;
  empty: MessageKey;
  remove: MessageKey;
  /** With the host as its placeholder. */
  removeLabel: MessageKey;
}

interface HostListProps {
  id: 'allowlist' | 'dismissals';
  texts: HostListTexts;
  load(): Promise<AllowedSite[]>;
  remove(host: string): Promise<AllowedSite[]>;
}

export function HostListSection({ id, texts, load, remove }: HostListProps) {
  const [sites, setSites] = useState<AllowedSite[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loaded = useAsync(load, []);
  const shown = sites ?? loaded.value;
  const onRemove = (host: string) => (event: MouseEvent) => {
    if (!event.isTrusted) return;
    remove(host).then(setSites, (failure: unknown) => setError(String(failure)));
  };
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`options:${id}`}>
      <h2 id={`${id}-heading`}>{t(texts.heading)}</h2>
      <p class="note">{t(texts.lead)}</p>
      {loaded.isLoading && !shown ? <LoadingNote /> : null}
      {shown?.length === 0 ? <p data-testid={`options:${id}-empty`}>{t(texts.empty)}</p> : null}
      <ul class="allowlist">
        {(shown ?? []).map((site) => (
          <li key={site.host} data-testid={`options:${id}-site`}>
            <span>
              <span class="url">{site.host}</span> <span class="note">{formatDate(site.added)}</span>
            </span>
            <button type="button" aria-label={t(texts.removeLabel, site.host)} onClick={onRemove(site.host)}>
              {t(texts.remove)}
            </button>
          </li>
        ))}
      </ul>
      {loaded.error !== undefined ? <ErrorNote message={loaded.error} /> : null}
      {error !== null ? <ErrorNote message={error} /> : null}
    </section>
  );
}
