// Loading and error lines, announced to screen readers.
import { t } from '../shared/i18n.ts';

export function LoadingNote() {
  return (
    <p class="note" role="status" data-testid="ui:loading">
      {t('loading')}
    </p>
  );
}

export function ErrorNote({ message }: { message: string }) {
  return (
    <p class="note note--error" role="alert" data-testid="ui:error">
      {t('error_generic', message)}
    </p>
  );
}
