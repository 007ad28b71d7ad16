// The options page: the user's allowlist, how eager heuristic warnings are, and the feed.
import { t } from '../shared/i18n.ts';
import { send } from '../shared/protocol.ts';
import { ErrorNote, LoadingNote } from '../ui/status-note.tsx';
import { useAsync } from '../ui/use-async.ts';
import { AllowlistSection, DismissalsSection } from './allowlist-section.tsx';
import { FeedSection } from './feed-section.tsx';
import { SensitivitySection } from './sensitivity-section.tsx';

export function OptionsApp() {
  const settings = useAsync(() => send('settings.get', {}), []);
  return (
    <main data-testid="options:main">
      <h1>{t('options_page_title')}</h1>
      <AllowlistSection />
      <DismissalsSection />
      {settings.isLoading && !settings.value ? <LoadingNote /> : null}
      {settings.error !== undefined ? <ErrorNote message={settings.error} /> : null}
      {settings.value ? (
        <>
          <SensitivitySection settings={settings.value} onSaved={settings.reload} />
          <FeedSection settings={settings.value} onSaved={settings.reload} />
        </>
      ) : null}
    </main>
  );
}
