// The review page's words, from the extension's own `_locales` (English and Arabic), so every
// user-facing string in the project lives in one place and is translated once.
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';

export const REVIEW_LOCALES = ['en', 'ar'] as const;
export type ReviewLocale = (typeof REVIEW_LOCALES)[number];

const RTL: ReadonlySet<ReviewLocale> = new Set(['ar']);
const LOCALES_DIR = new URL('../../../public/_locales/', import.meta.url);

type Messages = Record<string, { message: string } | undefined>;

export interface Translator {
  locale: ReviewLocale;
  dir: 'ltr' | 'rtl';
  t(key: string): string;
}

const cache = new Map<ReviewLocale, Messages>();

function loadMessages(locale: ReviewLocale): Messages {
  let messages = cache.get(locale);
  if (!messages) {
    messages = JSON.parse(readFileSync(new URL(`${locale}/messages.json`, LOCALES_DIR), 'utf8')) as Messages;
    cache.set(locale, messages);
  }
  return messages;
}

export function translatorFor(locale: ReviewLocale): Translator {
  const messages = loadMessages(locale);
  const fallback = loadMessages('en');
  return {
    locale,
    dir: RTL.has(locale) ? 'rtl' : 'ltr',
    t: (key) => messages[key]?.message ?? fallback[key]?.message ?? key,
  };
}

/** The first of the browser's languages that the review page has, else English. */
export function pickLocale(req: IncomingMessage): ReviewLocale {
  const header = req.headers['accept-language'] ?? '';
  const tags = header.split(',').map((part) => {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const quality = Number(params.find((param) => param.trim().startsWith('q='))?.trim().slice(2) ?? '1');
    return { language: tag.split('-')[0] ?? '', quality: Number.isNaN(quality) ? 0 : quality };
  });
  tags.sort((a, b) => b.quality - a.quality);
  const match = tags.find((tag) => tag.quality > 0 && (REVIEW_LOCALES as readonly string[]).includes(tag.language));
  return (match?.language as ReviewLocale | undefined) ?? 'en';
}
