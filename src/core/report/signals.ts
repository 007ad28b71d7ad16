// From a verdict's reasons to the compact signals a report carries, and the category they suggest.
import { CATEGORIES, type Category, type Reason } from '../types.ts';
import { REPORT_LIMITS, type ReportSignal } from './report-types.ts';
import { cleanText } from './text.ts';

/** The reasons of a verdict as report signals: the names the maintainers need, nothing else. */
export function signalsFromReasons(reasons: readonly Reason[]): ReportSignal[] {
  return reasons.slice(0, REPORT_LIMITS.signals).map(toSignal);
}

function toSignal(reason: Reason): ReportSignal {
  switch (reason.kind) {
    case 'blocklist':
      return makeSignal('blocklist', reason.entry, reason.category);
    case 'allowlist':
      return makeSignal('allowlist', reason.entry);
    case 'signal':
      return makeSignal('signal', reason.signal, reason.category ?? undefined, reason.weight);
    case 'indicator':
      return makeSignal('indicator', `${reason.indicatorKind}:${reason.value}`, reason.category, reason.weight);
    default:
      return makeSignal(reason.kind, reason.brandDomain, undefined, reason.weight);
  }
}

function makeSignal(kind: string, name: string, category?: Category, weight?: number): ReportSignal {
  const signal: ReportSignal = { kind, name: cleanText(name, REPORT_LIMITS.signalName) || '?' };
  if (category !== undefined) signal.category = category;
  if (weight !== undefined && Number.isFinite(weight)) {
    signal.weight = Math.max(-REPORT_LIMITS.signalWeight, Math.min(REPORT_LIMITS.signalWeight, weight));
  }
  return signal;
}

/** Lookalike domains imitate a brand to take its users' logins. */
const LOOKALIKE_CATEGORY: Category = 'phishing';

/**
 * The category the signals point to: a blocklist entry's category when one matched, else the
 * category with the largest total positive weight (ties go to the earlier one in CATEGORIES), else null.
 */
export function guessCategory(signals: readonly ReportSignal[]): Category | null {
  const listed = signals.find((signal) => signal.kind === 'blocklist' && signal.category !== undefined);
  if (listed?.category) return listed.category;
  const totals = new Map<Category, number>();
  for (const signal of signals) {
    const category = signal.category ?? (signal.kind.startsWith('lookalike-') ? LOOKALIKE_CATEGORY : undefined);
    if (category === undefined) continue;
    totals.set(category, (totals.get(category) ?? 0) + Math.max(0, signal.weight ?? 1));
  }
  let best: Category | null = null;
  for (const category of CATEGORIES) {
    const total = totals.get(category) ?? 0;
    if (total > 0 && (best === null || total > (totals.get(best) ?? 0))) best = category;
  }
  return best;
}
