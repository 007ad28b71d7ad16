// How readily suspicious pages are flagged: a radio group saved on change.
import { t, type MessageKey } from '../shared/i18n.ts';
import { send, type Sensitivity, type Settings } from '../shared/protocol.ts';

const CHOICES: { value: Sensitivity; label: MessageKey }[] = [
  { value: 'low', label: 'options_sensitivity_low' },
  { value: 'normal', label: 'options_sensitivity_normal' },
  { value: 'high', label: 'options_sensitivity_high' },
];

export function SensitivitySection({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const choose = (sensitivity: Sensitivity) => (event: Event) => {
    if (!event.isTrusted) return;
    void send('settings.set', { sensitivity }).then(onSaved);
  };
  return (
    <section data-testid="options:sensitivity">
      <fieldset>
        <legend>{t('options_sensitivity_heading')}</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value}>
            <input type="radio" name="sensitivity" value={choice.value} checked={settings.sensitivity === choice.value} onChange={choose(choice.value)} />{' '}
            {t(choice.label)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
