// A stand-in for the parts of `chrome` that src/shared reads through getExtensionApi(): i18n
// answered from the real _locales files (so tests see the real strings), and a runtime whose
// sendMessage the test provides.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function readLocale(locale: string): Messages {
  // From the project root: under happy-dom, import.meta.url is not a file URL.
  return JSON.parse(readFileSync(join(process.cwd(), 'public', '_locales', locale, 'messages.json'), 'utf8')) as Messages;
}

/** chrome.i18n.getMessage over one locale's messages.json, placeholders included. */
export function createGetMessage(locale: string): (key: string, substitutions?: string | string[]) => string {
  const messages = readLocale(locale);
  return (key, substitutions) => {
    if (key === '@@ui_locale') return locale;
    if (key === '@@bidi_dir') return locale === 'ar' ? 'rtl' : 'ltr';
    const entry = messages[key];
    if (!entry) return '';
    const values = substitutions === undefined ? [] : [substitutions].flat();
    const fill = (text: string) => text.replace(/\$(\d)/g, (_match, digit: string) => values[Number(digit) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_match, name: string) => fill(entry.placeholders?.[name.toLowerCase()]?.content ?? ''));
  };
}

export interface FakeChrome {
  sent: unknown[];
  reply: (message: unknown) => unknown;
}

/** Installs `globalThis.chrome`; `reply` answers each sendMessage (default: an error reply). */
export function installFakeChrome(locale = 'en', extra: Record<string, unknown> = {}): FakeChrome {
  const fake: FakeChrome = { sent: [], reply: () => ({ ok: false, error: 'no reply set' }) };
  (globalThis as { chrome?: unknown }).chrome = {
    i18n: { getMessage: createGetMessage(locale) },
    runtime: {
      id: 'test-extension-id',
      getURL: (path: string) => `chrome-extension://test-extension-id/${path.replace(/^\//, '')}`,
      sendMessage: async (message: unknown) => {
        fake.sent.push(message);
        return fake.reply(message);
      },
      openOptionsPage: async () => undefined,
    },
    ...extra,
  };
  return fake;
}

export function removeFakeChrome(): void {
  delete (globalThis as { chrome?: unknown }).chrome;
}
