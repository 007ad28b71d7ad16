// Advanced: automatic list updates, a feed mirror's address, and the list's state.
import { useState } from 'preact/hooks';
import { FEED_KEYS } from '../shared/build-settings.ts';
import { isAcceptableFeedUrl } from '../shared/feed-url.ts';
import { t } from '../shared/i18n.ts';
import { send, type Settings } from '../shared/protocol.ts';
import { CheckNowButton } from '../ui/check-now.tsx';
import { ListStatusView } from '../ui/list-status.tsx';
import { ErrorNote } from '../ui/status-note.tsx';
import { useAsync } from '../ui/use-async.ts';
import { errorMessage } from '../core/error-message.ts';

export function FeedSection({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const [feedUrl, setFeedUrl] = useState(settings.feedUrl ?? '');
  const [isAutoUpdateOn, setIsAutoUpdateOn] = useState(settings.isAutoUpdateOn);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useAsync(() => send('list.status', {}), []);
  const isUrlValid = feedUrl.trim() === '' || isAcceptableFeedUrl(feedUrl.trim());
  const save = (event: Event) => {
    event.preventDefault();
    if (!event.isTrusted || !isUrlValid) return;
    send('settings.set', { feedUrl: feedUrl.trim() === '' ? null : feedUrl.trim(), isAutoUpdateOn }).then(
      () => {
        setNote(t('options_saved'));
        setError(null);
        onSaved();
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };
  return (
    <section aria-labelledby="feed-heading" data-testid="options:feed">
      <h2 id="feed-heading">{t('options_feed_heading')}</h2>
      <form onSubmit={save}>
        <label>
          <input type="checkbox" checked={isAutoUpdateOn} onChange={(event) => setIsAutoUpdateOn(event.currentTarget.checked)} /> {t('options_auto_update')}
        </label>
        <label for="feed-url">{t('options_feed_url_label')}</label>
        <input id="feed-url" type="url" dir="ltr" value={feedUrl} aria-invalid={!isUrlValid} aria-describedby="feed-url-hint" onInput={(event) => setFeedUrl(event.currentTarget.value)} />
        <p id="feed-url-hint" class="note">
          {isUrlValid ? t('options_feed_url_hint', String(FEED_KEYS.length)) : t('options_feed_url_invalid')}
        </p>
        <button type="submit" class="primary">
          {t('options_save')}
        </button>
        {note !== null ? <p role="status">{note}</p> : null}
        {error !== null ? <ErrorNote message={error} /> : null}
      </form>
      {list.value ? <ListStatusView list={list.value} /> : null}
      {list.value ? <CheckNowButton onChecked={list.reload} testId="options:check-now" /> : null}
    </section>
  );
}
