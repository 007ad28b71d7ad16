// The verdict for one URL from what the background holds: the user's allowlist, the blocklist
// index (allow entries win), lookalike evidence and the page scanner's result for that very URL,
// combined by core's checkUrl so the CLI and the extension can never disagree.
import type { BlocklistIndex } from '../core/blocklist/index.ts';
import type { ScanResult, Verdict } from '../core/types.ts';
import { checkUrl } from '../core/verdict.ts';
import type { AllowedSite, Sensitivity } from '../shared/protocol.ts';

export type UrlIndex = Pick<BlocklistIndex, 'size' | 'lookup' | 'lookupCanonical'>;

export interface CheckContext {
  index: UrlIndex;
  allowlist: readonly AllowedSite[];
  sensitivity: Sensitivity;
}

export function getHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

export function checkUrlNow(url: string, context: CheckContext, page: ScanResult | null = null): Verdict {
  return checkUrl(url, { index: context.index, userAllowlist: context.allowlist.map((site) => site.host), sensitivity: context.sensitivity, page });
}
