// How readily suspicious pages are flagged: a radio group saved on change.
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../shared/i18n.ts';
import { send, type Sensitivity, type Settings } from '../shared/protocol.ts';
import { ErrorNote } from '../ui/status-note.tsx';
import { errorMessage } from '../core/error-message.ts';

const CHOICES: { value: Sensitivity; label: MessageKey }[] = [
  { value: 'low', label: 'options_sensitivity_low' },
  { value: 'normal', label: 'options_sensitivity_normal' },
  { value: 'high', label: 'options_sensitivity_high' },
];

export function SensitivitySection({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const [error, setError] = useState<string | null>(null);
  // A refused save remounts the group, so the radios show the stored choice again, not the one clicked.
  const [refusals, setRefusals] = useState(0);
  const choose = (sensitivity: Sensitivity) => (event: Event) => {
    if (!event.isTrusted) return;
    send('settings.set', { sensitivity }).then(
      () => {
        setError(null);
        onSaved();
      },
      (failure: unknown) => {
        setError(errorMessage(failure));
        setRefusals((count) => count + 1);
      },
    );
  };
  return (
    <section data-testid="options:sensitivity">
      <fieldset key={refusals}>
        <legend>{t('options_sensitivity_heading')}</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value}>
            <input type="radio" name="sensitivity" value={choice.value} checked={settings.sensitivity === choice.value} onChange={choose(choice.value)} />{' '}
            {t(choice.label)}
          </label>
        ))}
      </fieldset>
      {error !== null ? <ErrorNote message={error} /> : null}
    </section>
  );
}
