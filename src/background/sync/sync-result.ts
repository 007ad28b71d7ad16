// What the popup says about the last check, in the user's words: a refusal names its reason
// (core's feed_error_<code> strings), a network failure says so without alarm. Technical detail goes
// to the console, once per check; an offline check logs nothing at all.
import { feedErrorMessageKey, isFeedError } from '../../core/feed/index.ts';
import { t, type MessageKey } from '../../shared/i18n.ts';
import type { SyncResult } from '../../shared/protocol.ts';
import { DownloadError } from './fetch-capped.ts';

export function describeSuccess(at: Date): SyncResult {
  return { at: at.toISOString(), isOk: true, code: null, message: null };
}

export function describeFailure(error: unknown, at: Date): SyncResult {
  const failed = (code: string, message: string): SyncResult => ({ at: at.toISOString(), isOk: false, code, message });
  if (isFeedError(error)) return failed(error.code, t('sync_refused', t(feedErrorMessageKey(error.code) as MessageKey)));
  if (error instanceof DownloadError) {
    return error.kind === 'offline' ? failed('offline', t('sync_offline')) : failed('http-error', t('sync_http_error', String(error.status)));
  }
  return failed('failed', t('sync_failed'));
}

export function logFailure(error: unknown): void {
  if (error instanceof DownloadError && error.kind === 'offline') return;
  if (isFeedError(error) || error instanceof DownloadError) console.warn(`Scam Warner: list update refused or unavailable: ${error.message}`);
  else console.error('Scam Warner: list update failed', error);
}
