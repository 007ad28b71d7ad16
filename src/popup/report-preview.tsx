// Exactly what a report sends: one line per field, in words, and the request body itself.
import { Fragment } from 'preact';
import { previewReport, serializeReport } from '../core/report/build.ts';
import type { Report, ReportFieldError } from '../core/report/report-types.ts';
import { t, type MessageKey } from '../shared/i18n.ts';

/** Preview keys come from core (`report_field_*`, `report_kind_*`, `category_*`); a test checks each exists. */
const label = (key: string) => t(key as MessageKey);

export function ReportPreview({ report }: { report: Report }) {
  return (
    <section class="report-preview" data-testid="report:preview">
      <h2>{t('report_preview_heading')}</h2>
      <p class="note">{t('report_preview_privacy')}</p>
      <dl>
        {previewReport(report).map((line) => (
          <Fragment key={line.field}>
            <dt>{label(line.labelKey)}</dt>
            <dd data-field={line.field} class={line.field === 'url' ? 'url' : undefined}>
              {line.valueKey ? `${label(line.valueKey)} (${line.value})` : line.value}
            </dd>
          </Fragment>
        ))}
      </dl>
      <details>
        <summary>{t('report_preview_exact')}</summary>
        <pre class="url" data-testid="report:body">
          {serializeReport(report)}
        </pre>
      </details>
    </section>
  );
}

/** Why a report cannot be sent as it is, field by field. */
export function FieldErrors({ errors }: { errors: readonly ReportFieldError[] }) {
  return (
    <div class="note note--error" role="alert" data-testid="report:invalid">
      <p>{t('report_invalid')}</p>
      <ul>
        {errors.map((error) => (
          <li key={error.field}>{t('report_field_error', [error.field, error.reason])}</li>
        ))}
      </ul>
    </div>
  );
}
