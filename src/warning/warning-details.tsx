// What the stopped site is, why it was stopped (entry, source, date) and what such scams do.
import type { Verdict } from '../core/types.ts';
import { getCategoryExplainKey, getCategoryKey, t } from '../shared/i18n.ts';
import { ReasonList } from '../ui/reason-list.tsx';

export function WarningDetails({ url, verdict }: { url: string; verdict: Verdict }) {
  const category = verdict.category ?? 'other';
  return (
    <dl class="warning__details">
      <dt>{t('warning_address_label')}</dt>
      <dd class="url" data-testid="warning:url">
        {url}
      </dd>
      <dt>{t('warning_what_label')}</dt>
      <dd data-testid="warning:category" data-category={category}>
        {t(getCategoryKey(category))}
      </dd>
      <dt>{t('warning_why_label')}</dt>
      <dd>
        <ReasonList reasons={verdict.reasons} testId="warning:reasons" />
      </dd>
      <dt>{t('warning_explain_label')}</dt>
      <dd data-testid="warning:explain">{t(getCategoryExplainKey(category))}</dd>
    </dl>
  );
}
