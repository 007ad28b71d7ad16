// What a page's forms ask for, field by field: from the browser's own hints (type, autocomplete)
// first, then from the words around the field (name, id, placeholder, label) in six languages.
import { foldEach, foldText } from '../text/normalize.ts';
import type { SnapshotField, SnapshotForm } from '../types.ts';
import type { FieldGroup } from './lexicon.ts';
import { findMatches, type PageMatcher } from './matcher.ts';
import type { SignalId } from './signals.ts';

export type FieldAsk = Extract<SignalId, 'ask_password' | 'ask_account_password' | 'ask_card' | 'ask_otp' | 'ask_seed_phrase' | 'ask_national_id'>;

const ASK_OF_GROUP: Record<FieldGroup, FieldAsk | null> = {
  field_password: 'ask_password',
  field_account_password: 'ask_account_password',
  field_card: 'ask_card',
  field_cvv: 'ask_card',
  field_otp: 'ask_otp',
  field_seed: 'ask_seed_phrase',
  field_national_id: 'ask_national_id',
  field_ignore: null,
  field_phone: null,
};

const ASK_OF_AUTOCOMPLETE: Record<string, FieldAsk> = {
  'cc-number': 'ask_card', 'cc-csc': 'ask_card', 'cc-exp': 'ask_card', 'cc-exp-month': 'ask_card', 'cc-exp-year': 'ask_card',
  'one-time-code': 'ask_otp', 'current-password': 'ask_password', 'new-password': 'ask_password',
};

// Wallet drainers ask for a seed phrase one word per box: twelve or more boxes named by number.
const SEED_WORD_BOXES = 12;
const NUMBERED_BOX = /^\D{0,10}\d{1,2}$/;

function isNumberedBox(field: SnapshotField): boolean {
  return field.tag !== 'select' && [field.label, field.placeholder, field.name, field.id].some((value) => NUMBERED_BOX.test(value.trim()));
}

interface Hit {
  group: FieldGroup;
  start: number;
  end: number;
}

/** What a form asks, with the field that showed each ask first, and whether a field takes a phone number. */
export interface FormReading {
  asks: Map<FieldAsk, string>;
  hasPhoneField: boolean;
}

/** The words describing a field before folding: camelCase and snake_case split so `cardNumber` reads `card number`. */
function wordsOf(field: SnapshotField): string {
  const parts = [field.label, field.placeholder, field.name, field.id, field.autocomplete].filter(Boolean);
  return parts.join(' . ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_[\]]/g, ' ');
}

/** The folded words describing a field. */
export function describeField(field: SnapshotField): string {
  return foldText(wordsOf(field));
}

/**
 * The meanings found in each field's description (a meaning inside a longer one gives way to it),
 * for all fields in one fold and one pass of the automaton over the descriptions, one a line.
 */
function fieldGroups(fields: readonly SnapshotField[], matcher: PageMatcher): Set<FieldGroup>[] {
  const descriptions = foldEach(fields.map(wordsOf));
  const starts = new Int32Array(fields.length + 1);
  descriptions.forEach((description, index) => (starts[index + 1] = starts[index]! + description.length + 1));
  const hits: Hit[][] = fields.map(() => []);
  let at = 0;
  findMatches(matcher, descriptions.join('\n'), (owner, start, end) => {
    // Matches come in the order of their ends; one that runs over a line break belongs to no field.
    while (end >= starts[at + 1]!) at++;
    if (owner.type === 'group' && owner.group.startsWith('field_') && start >= starts[at]!) {
      hits[at]!.push({ group: owner.group as FieldGroup, start: start - starts[at]!, end: end - starts[at]! });
    }
  });
  return hits.map((found) => new Set(found
    .filter((hit) => !found.some((other) => other.group !== hit.group && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start))
    .map((hit) => hit.group)));
}

function asksOf(field: SnapshotField, groups: ReadonlySet<FieldGroup>): Set<FieldAsk> {
  const asks = new Set<FieldAsk>();
  const hinted = ASK_OF_AUTOCOMPLETE[field.autocomplete];
  if (hinted) asks.add(hinted);
  // A captcha asks for nothing secret, whatever else its words say ("verification code").
  if (groups.has('field_ignore')) return asks;
  for (const group of groups) {
    const ask = ASK_OF_GROUP[group];
    if (ask !== null) asks.add(ask);
  }
  // A password box labelled PIN, OTP, CVV or seed is that; otherwise it is a password.
  if (field.type === 'password' && asks.size === 0) asks.add('ask_password');
  if (field.type === 'password' && asks.size > 1) asks.delete('ask_password');
  return asks;
}

export function classifyField(field: SnapshotField, matcher: PageMatcher): Set<FieldAsk> {
  return asksOf(field, fieldGroups([field], matcher)[0]!);
}

/** Every form's asks and phone fields, each field read once. */
export function readForms(forms: readonly SnapshotForm[], matcher: PageMatcher): FormReading[] {
  const groups = fieldGroups(forms.flatMap((form) => form.fields), matcher);
  let next = 0;
  return forms.map((form) => {
    const asks = new Map<FieldAsk, string>();
    let hasPhoneField = false;
    for (const field of form.fields) {
      const meanings = groups[next++]!;
      for (const ask of asksOf(field, meanings)) if (!asks.has(ask)) asks.set(ask, field.name || field.id || field.label || field.type);
      // A phone number is the lead a fake investment platform calls back.
      hasPhoneField ||= field.type === 'tel' || meanings.has('field_phone');
    }
    const numbered = form.fields.filter(isNumberedBox);
    if (numbered.length >= SEED_WORD_BOXES && !asks.has('ask_seed_phrase')) asks.set('ask_seed_phrase', `${numbered.length} word boxes`);
    return { asks, hasPhoneField };
  });
}

/** Every ask of every form, with the field that showed it first as evidence. */
export function mergeAsks(readings: readonly FormReading[]): Map<FieldAsk, string> {
  const found = new Map<FieldAsk, string>();
  for (const { asks } of readings) for (const [ask, field] of asks) if (!found.has(ask)) found.set(ask, field);
  return found;
}
