// Puts a verdict's evidence into words, the same way in the popup, the warning page and the banner.
import type { IndicatorKind, Reason } from '../core/types.ts';
import { getExtensionApi } from './ext.ts';
import { getCategoryKey, t, type MessageKey } from './i18n.ts';

const INDICATOR_KEYS: Record<IndicatorKind, MessageKey> = {
  phrase: 'indicator_phrase',
  wallet: 'indicator_wallet',
  phone: 'indicator_phone',
  'payment-handle': 'indicator_payment_handle',
};

const LOOKALIKE_KEYS = {
  'lookalike-confusable': 'reason_lookalike_confusable',
  'lookalike-typo': 'reason_lookalike_typo',
  'lookalike-embedding': 'reason_lookalike_embedding',
  'lookalike-combo': 'reason_lookalike_combo',
  'lookalike-subdomain': 'reason_lookalike_subdomain',
} as const satisfies Record<string, MessageKey>;

/** A page signal's name: its own message (`signal_<id>`, added by the scanner) or, failing that, its id in words. */
export function describeSignal(signal: string): string {
  const key = `signal_${signal.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
  return getExtensionApi().i18n.getMessage(key) || signal.replace(/[-_.]+/g, ' ');
}

export function describeReason(reason: Reason): string {
  switch (reason.kind) {
    case 'blocklist':
      return t('reason_blocklist', [t(getCategoryKey(reason.category)), reason.entry, reason.source, reason.added]);
    case 'allowlist':
      return t('reason_allowlist', [reason.entry, reason.source]);
    case 'signal':
      return reason.evidence
        ? t('reason_signal_evidence', [describeSignal(reason.signal), reason.evidence])
        : t('reason_signal', describeSignal(reason.signal));
    case 'indicator':
      return t('reason_indicator', [t(INDICATOR_KEYS[reason.indicatorKind]), reason.value]);
    default:
      return t(LOOKALIKE_KEYS[reason.kind], [reason.brand, reason.brandDomain]);
  }
}
