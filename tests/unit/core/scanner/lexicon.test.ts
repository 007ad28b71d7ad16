import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEXICON_LANGUAGES, loadLexicons, parseLexicon, type LexiconGroup } from '../../../../src/core/scanner/lexicon.ts';
import { SIGNAL_IDS } from '../../../../src/core/scanner/signals.ts';

// Groups every language must cover, or pages in that language would miss whole kinds of evidence.
const REQUIRED: readonly LexiconGroup[] = [
  'pressure_urgency', 'pressure_account', 'pressure_arrest', 'pressure_fine', 'pressure_virus', 'pressure_prize',
  'pressure_returns', 'pressure_withdrawal', 'pressure_parcel', 'pressure_job', 'ask_fee_payment', 'ask_transfer',
  'cue_call', 'cue_discount', 'cue_negation', 'context_awareness', 'field_password', 'field_card', 'field_otp', 'field_national_id',
];

function messages(locale: string): Record<string, { message: string }> {
  return JSON.parse(readFileSync(new URL(`../../../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'));
}

describe('lexicons', () => {
  const phrases = loadLexicons();

  it('load all six languages with every required group', () => {
    for (const language of LEXICON_LANGUAGES) {
      const groups = new Set(phrases.filter((phrase) => phrase.language === language).map((phrase) => phrase.group));
      expect(REQUIRED.filter((group) => !groups.has(group)), language).toEqual([]);
    }
  });

  it('hold phrases in folded form, stems marked', () => {
    const stem = phrases.find((phrase) => phrase.language === 'ar' && phrase.group === 'pressure_fine' && phrase.isStem);
    expect(stem?.text).toBe('غرامه');
    expect(phrases.every((phrase) => phrase.text.length > 0 && !phrase.text.endsWith('*'))).toBe(true);
  });

  it('refuse an unknown group or language with a clear error', () => {
    expect(() => parseLexicon({ language: 'en', groups: { pressure_vibes: ['x'] } })).toThrow('unknown group "pressure_vibes"');
    expect(() => parseLexicon({ language: 'fr', groups: {} })).toThrow('unknown language "fr"');
    expect(() => parseLexicon({ language: 'en', groups: { pressure_urgency: ['\u200b'] } })).toThrow('empty phrase');
  });
});

describe('signal labels', () => {
  it('every signal has a user-facing label in English and Arabic', () => {
    for (const locale of ['en', 'ar']) {
      const known = messages(locale);
      expect(SIGNAL_IDS.filter((id) => !known[`signal_${id}`]?.message), locale).toEqual([]);
    }
  });
});
