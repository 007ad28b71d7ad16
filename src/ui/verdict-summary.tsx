// The verdict of one page: its level in words and a symbol (colour is never the only signal),
// a one-line summary and the reasons.
import type { Verdict, VerdictLevel } from '../core/types.ts';
import { getCategoryKey, t, type MessageKey } from '../shared/i18n.ts';
import { ReasonList } from './reason-list.tsx';

const LEVELS: Record<VerdictLevel, { name: MessageKey; summary: MessageKey; symbol: string }> = {
  dangerous: { name: 'verdict_dangerous', summary: 'verdict_dangerous_summary', symbol: '⛔' },
  suspicious: { name: 'verdict_suspicious', summary: 'verdict_suspicious_summary', symbol: '⚠' },
  unknown: { name: 'verdict_unknown', summary: 'verdict_unknown_summary', symbol: '○' },
  safe: { name: 'verdict_safe', summary: 'verdict_safe_summary', symbol: '✓' },
};

export function VerdictSummary({ verdict }: { verdict: Verdict }) {
  const level = LEVELS[verdict.verdict];
  return (
    <section class={`verdict verdict--${verdict.verdict}`} data-testid="ui:verdict" data-verdict={verdict.verdict}>
      <h2 class="verdict__level">
        <span aria-hidden="true">{level.symbol}</span> {t(level.name)}
        {verdict.category ? <span class="verdict__category">{t(getCategoryKey(verdict.category))}</span> : null}
      </h2>
      <p>{t(level.summary)}</p>
      {verdict.reasons.length > 0 ? <ReasonList reasons={verdict.reasons} testId="ui:reasons" /> : null}
    </section>
  );
}
