// The six lexicons (data files under lexicons/), checked and folded once. A phrase belongs to a
// group: a text signal, a cue the scanner combines with structure, or a field meaning.
// A phrase ending in `*` is a stem: it also matches longer words (inflections, suffixes).
import { foldEach } from '../text/normalize.ts';
import type { SignalId } from './signals.ts';
import ar from './lexicons/ar.json' with { type: 'json' };
import bn from './lexicons/bn.json' with { type: 'json' };
import en from './lexicons/en.json' with { type: 'json' };
import es from './lexicons/es.json' with { type: 'json' };
import ne from './lexicons/ne.json' with { type: 'json' };
import th from './lexicons/th.json' with { type: 'json' };

/** Signals raised straight from phrases in the page's text. */
export const TEXT_SIGNAL_GROUPS = [
  'ask_seed_phrase', 'ask_gift_card', 'ask_remote_access', 'ask_fee_payment', 'ask_transfer', 'ask_messenger', 'ask_prepayment',
  'pressure_urgency', 'pressure_countdown', 'pressure_account', 'pressure_arrest', 'pressure_fine', 'pressure_virus',
  'pressure_prize', 'pressure_giveaway', 'pressure_returns', 'pressure_withdrawal', 'pressure_parcel', 'pressure_job',
  'pressure_discount', 'context_awareness',
] as const satisfies readonly SignalId[];

/**
 * Words that only count next to structure: a phone number (call, payment app), a percentage
 * (discount, period of a promised return), two prices (what it "was"), an ask they negate.
 */
export const CUE_GROUPS = [
  'cue_call', 'cue_discount', 'cue_negation', 'cue_period_day', 'cue_period_week', 'cue_period_month', 'cue_payment_app',
  'cue_was_price', 'cue_currency',
] as const;

/**
 * Words grouped by what they mean rather than by sentence (fee, withdraw, deposit, work, refund...),
 * with their inflections. No concept is evidence alone: concepts.ts raises a signal only when
 * several meet in one clause, the way a scam's demand is built whatever its wording.
 */
export const CONCEPT_GROUPS = [
  'concept_fee', 'concept_withdraw', 'concept_before', 'concept_pay', 'concept_deposit', 'concept_profit', 'concept_work',
  'concept_refund', 'concept_block', 'concept_account', 'concept_automation', 'concept_trading',
] as const;

/**
 * What a form field asks for, read from its name, id, placeholder and label. `field_account_password`
 * is the password of another account ("email password"); `field_ignore` names fields that look like
 * an ask but are not one (a captcha's "verification code"); `field_phone` is no ask by itself.
 */
export const FIELD_GROUPS = [
  'field_password', 'field_account_password', 'field_card', 'field_cvv', 'field_otp', 'field_seed', 'field_national_id', 'field_ignore',
  'field_phone',
] as const;

export type TextSignalGroup = (typeof TEXT_SIGNAL_GROUPS)[number];
export type FieldGroup = (typeof FIELD_GROUPS)[number];
export type ConceptGroup = (typeof CONCEPT_GROUPS)[number];
export type LexiconGroup = TextSignalGroup | (typeof CUE_GROUPS)[number] | ConceptGroup | FieldGroup;

export const LEXICON_LANGUAGES = ['en', 'ar', 'th', 'bn', 'ne', 'es'] as const;
export type LexiconLanguage = (typeof LEXICON_LANGUAGES)[number];

export interface LexiconPhrase {
  group: LexiconGroup;
  language: LexiconLanguage;
  /** The folded phrase, without the stem marker. */
  text: string;
  isStem: boolean;
}

interface LexiconFile {
  language: string;
  groups: Record<string, string[]>;
}

const FILES: readonly LexiconFile[] = [en, ar, th, bn, ne, es];
const GROUPS = new Set<string>([...TEXT_SIGNAL_GROUPS, ...CUE_GROUPS, ...CONCEPT_GROUPS, ...FIELD_GROUPS]);

let cached: readonly LexiconPhrase[] | undefined;

/** Every phrase of every lexicon, folded; throws if a file names an unknown group or language. */
export function loadLexicons(): readonly LexiconPhrase[] {
  cached ??= FILES.flatMap(parseLexicon);
  return cached;
}

export function parseLexicon(file: LexiconFile): LexiconPhrase[] {
  const language = file.language;
  if (!(LEXICON_LANGUAGES as readonly string[]).includes(language)) throw new Error(`lexicon: unknown language "${language}"`);
  const raw = Object.entries(file.groups).flatMap(([group, phrases]) => {
    if (!GROUPS.has(group)) throw new Error(`lexicon ${language}: unknown group "${group}"`);
    return phrases.map((phrase) => ({ group, phrase, isStem: phrase.endsWith('*') }));
  });
  // One fold for the whole file: folding phrase by phrase took about a fifth of a worker's first build.
  const folded = foldEach(raw.map(({ phrase, isStem }) => (isStem ? phrase.slice(0, -1) : phrase)));
  return raw.map(({ group, isStem }, index) => {
    const text = folded[index]!;
    if (text.length === 0) throw new Error(`lexicon ${language}: empty phrase in ${group}`);
    return { group: group as LexiconGroup, language: language as LexiconLanguage, text, isStem };
  });
}
