// One way to UI text: `t(key)` over the extension's _locales. Keys are typed from the English
// messages, so a missing key is a compile error (and tests/unit/conventions.test.ts checks the rest).
import type englishMessages from '../../public/_locales/en/messages.json';
import type { Category } from '../core/types.ts';
import { getExtensionApi } from './ext.ts';

export type MessageKey = keyof typeof englishMessages;

type Snake<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}_${Snake<Tail>}` : S;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  const text = getExtensionApi().i18n.getMessage(key, substitutions);
  // An empty answer means the key is missing: show the key rather than a blank button.
  return text === '' ? key : text;
}

/** The message key of a category's name (`gift-card` -> `category_gift_card`). */
export function getCategoryKey(category: Category): MessageKey {
  return `category_${category.replaceAll('-', '_') as Snake<Category>}`;
}

export function getCategoryExplainKey(category: Category): MessageKey {
  return `category_${category.replaceAll('-', '_') as Snake<Category>}_explain`;
}

export interface UiLocale {
  /** BCP 47 tag (`en-US`, `ar`). */
  lang: string;
  dir: 'ltr' | 'rtl';
}

export function getUiLocale(): UiLocale {
  const { i18n } = getExtensionApi();
  const lang = i18n.getMessage('@@ui_locale').replaceAll('_', '-') || 'en';
  return { lang, dir: i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr' };
}

/** Sets `lang` and `dir` on a page's root or the banner's shadow host, so RTL and fonts follow the UI language. */
export function applyUiLocale(element: HTMLElement): void {
  const { lang, dir } = getUiLocale();
  element.lang = lang;
  element.dir = dir;
}

/** A date in the UI language, day precision (list dates), or with the time of day. */
export function formatDate(iso: string, shouldShowTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = shouldShowTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(getUiLocale().lang, options).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(getUiLocale().lang).format(value);
}
