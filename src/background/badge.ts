// The toolbar badge of one tab: distinct text and colour for dangerous and suspicious (colour is
// never the only signal), a title that says it in words, and nothing otherwise. The browser is asked
// only when a tab's badge changes: every call is work on its busiest thread while a page loads.
import browser from 'webextension-polyfill';
import type { VerdictLevel } from '../core/types.ts';
import { t, type MessageKey } from '../shared/i18n.ts';

interface BadgeLook {
  text: MessageKey;
  title: MessageKey;
  color: string;
}

const BADGES: Partial<Record<VerdictLevel, BadgeLook>> = {
  dangerous: { text: 'badge_dangerous', title: 'title_dangerous', color: '#b91c1c' },
  suspicious: { text: 'badge_suspicious', title: 'title_suspicious', color: '#92400e' },
};

/** What each tab's badge shows since its document committed (the browser resets it then). */
const shown = new Map<number, BadgeLook | undefined>();

/** The tab has a new document (or is gone): its badge starts blank, so the next verdict is shown whatever it is. */
export function forgetBadge(tabId: number): void {
  shown.delete(tabId);
}

export async function showBadge(tabId: number, level: VerdictLevel | null): Promise<void> {
  const look = level === null ? undefined : BADGES[level];
  if (shown.has(tabId) && shown.get(tabId) === look) return;
  shown.set(tabId, look);
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: look ? t(look.text) : '' }),
      browser.action.setTitle({ tabId, title: look ? t(look.title) : null }),
      ...(look ? [browser.action.setBadgeBackgroundColor({ tabId, color: look.color }), browser.action.setBadgeTextColor({ tabId, color: '#ffffff' })] : []),
    ]);
  } catch {
    // The tab closed meanwhile: there is no badge left to set.
    shown.delete(tabId);
  }
}
