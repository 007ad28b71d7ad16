// The report form: the category (guessed from the signals; the user may change it), a note, and
// what will be sent, previewed with the same function and checks the background queues with.
import { useState } from 'preact/hooks';
import { validateReport } from '../core/report/validate.ts';
import { CATEGORIES, type Category } from '../core/types.ts';
import { getCategoryKey, t } from '../shared/i18n.ts';
import { send, type ReportChoices, type ReportDraft, type ReportState, type SubmitResult } from '../shared/protocol.ts';
import { applyReportChoices } from '../shared/report-entry.ts';
import { ErrorNote } from '../ui/status-note.tsx';
import { FieldErrors, ReportPreview } from './report-preview.tsx';
import { errorMessage } from '../core/error-message.ts';

type Refusal = Extract<SubmitResult, { isQueued: false }>;

const PROBLEM_KEYS = { 'queue-full': 'report_queue_full', expired: 'report_expired' } as const;

function RefusalNote({ refusal }: { refusal: Refusal }) {
  if (refusal.problem === 'invalid') return <FieldErrors errors={refusal.errors} />;
  return (
    <p class="note note--error" role="alert" data-testid="report:refused" data-problem={refusal.problem}>
      {t(PROBLEM_KEYS[refusal.problem])}
    </p>
  );
}

function ChoiceFields({ choices, onChange }: { choices: ReportChoices; onChange: (choices: ReportChoices) => void }) {
  return (
    <>
      <label class="field">
        <span>{t('report_category_label')}</span>
        <select data-testid="report:category" value={choices.category ?? ''}
          onChange={(event) => onChange({ ...choices, category: (event.currentTarget.value || null) as Category | null })}>
          <option value="">{t('report_category_none')}</option>
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(getCategoryKey(category))}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('report_note_label')}</span>
        <textarea data-testid="report:note" rows={3} value={choices.note} aria-describedby="report-note-hint"
          onInput={(event) => onChange({ ...choices, note: event.currentTarget.value })} />
        <span class="note" id="report-note-hint">{t('report_note_hint')}</span>
      </label>
    </>
  );
}

export function ReportForm({ draft, onQueued }: { draft: ReportDraft; onQueued: (report: ReportState) => void }) {
  const [choices, setChoices] = useState<ReportChoices>({ category: draft.report.category ?? null, note: '' });
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const checked = validateReport(applyReportChoices(draft.report, choices));
  const submit = async (event: Event) => {
    event.preventDefault();
    // Only the user's own press sends: a script that reached this page could not.
    if (!event.isTrusted || !checked.ok || isSending) return;
    setIsSending(true);
    try {
      const result = await send('report.submit', { draftId: draft.id, ...choices });
      if (result.isQueued) onQueued(result.report);
      else setRefusal(result);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setIsSending(false);
    }
  };
  return (
    <form class="report-form" data-testid="report:form" onSubmit={submit}>
      <ChoiceFields choices={choices} onChange={setChoices} />
      {checked.ok ? <ReportPreview report={checked.report} /> : <FieldErrors errors={checked.errors} />}
      {refusal ? <RefusalNote refusal={refusal} /> : null}
      {error !== null ? <ErrorNote message={error} /> : null}
      <div class="actions">
        <button type="submit" class="primary" data-testid="report:send" disabled={!checked.ok || isSending}>
          {t('report_send')}
        </button>
      </div>
    </form>
  );
}
