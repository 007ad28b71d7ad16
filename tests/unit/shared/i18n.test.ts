import { afterEach, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/core/types.ts';
import { getCategoryExplainKey, getCategoryKey, getUiLocale, t } from '../../../src/shared/i18n.ts';
import { installFakeChrome, readLocale, removeFakeChrome } from './support/fake-chrome.ts';

afterEach(removeFakeChrome);

describe('t', () => {
  it('fills placeholders from the real English messages', () => {
    installFakeChrome('en');
    expect(t('warning_lead', 'evil-scam.test')).toBe('Scam Warner stopped evil-scam.test before it could load.');
  });

  it('shows the key, not an empty string, when a message is missing', () => {
    installFakeChrome('en');
    expect(t('no_such_key' as never)).toBe('no_such_key');
  });

  it('gives Arabic text and a right-to-left direction under the Arabic UI', () => {
    installFakeChrome('ar');
    expect(t('warning_back')).toBe('العودة إلى الأمان');
    expect(getUiLocale()).toEqual({ lang: 'ar', dir: 'rtl' });
  });
});

describe('category keys', () => {
  it('name every category and its explanation in both languages', () => {
    const english = readLocale('en');
    const arabic = readLocale('ar');
    for (const category of CATEGORIES) {
      for (const key of [getCategoryKey(category), getCategoryExplainKey(category)]) {
        expect(english[key]?.message, key).toBeTruthy();
        expect(arabic[key]?.message, key).toBeTruthy();
      }
    }
    expect(getCategoryKey('gift-card')).toBe('category_gift_card');
  });
});
