// What a page's forms ask for, field by field: from the browser's own hints (type, autocomplete)
// first, then from the words around the field (name, id, placeholder, label) in six languages.
import { foldText } from '../text/normalize.ts';
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

/** The words describing a field, camelCase and snake_case split so `cardNumber` reads `card number`. */
export function describeField(field: SnapshotField): string {
  const parts = [field.label, field.placeholder, field.name, field.id, field.autocomplete].filter(Boolean);
  return foldText(parts.join(' . ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_[\]]/g, ' '));
}

/** Field meanings found in a description; a meaning inside a longer one gives way to it. */
function fieldGroups(description: string, matcher: PageMatcher): Set<FieldGroup> {
  const hits: Hit[] = [];
  findMatches(matcher, description, (owner, start, end) => {
    if (owner.type === 'group' && owner.group.startsWith('field_')) hits.push({ group: owner.group as FieldGroup, start, end });
  });
  const kept = hits.filter((hit) => !hits.some((other) => other.group !== hit.group && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start));
  return new Set(kept.map((hit) => hit.group));
}

export function classifyField(field: SnapshotField, matcher: PageMatcher): Set<FieldAsk> {
  const asks = new Set<FieldAsk>();
  const hinted = ASK_OF_AUTOCOMPLETE[field.autocomplete];
  if (hinted) asks.add(hinted);
  const groups = fieldGroups(describeField(field), matcher);
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

/** Whether a field takes a phone number: the lead a fake investment platform calls back. */
export function isPhoneField(field: SnapshotField, matcher: PageMatcher): boolean {
  return field.type === 'tel' || fieldGroups(describeField(field), matcher).has('field_phone');
}

/** What one form asks, with the field that showed each ask first as evidence. */
export function classifyForm(form: SnapshotForm, matcher: PageMatcher): Map<FieldAsk, string> {
  const found = new Map<FieldAsk, string>();
  for (const field of form.fields) {
    for (const ask of classifyField(field, matcher)) if (!found.has(ask)) found.set(ask, field.name || field.id || field.label || field.type);
  }
  const numbered = form.fields.filter(isNumberedBox);
  if (numbered.length >= SEED_WORD_BOXES && !found.has('ask_seed_phrase')) found.set('ask_seed_phrase', `${numbered.length} word boxes`);
  return found;
}

/** Every ask of every form, with the field that showed it first as evidence. */
export function classifyForms(forms: readonly SnapshotForm[], matcher: PageMatcher): Map<FieldAsk, string> {
  const found = new Map<FieldAsk, string>();
  for (const form of forms) for (const [ask, field] of classifyForm(form, matcher)) if (!found.has(ask)) found.set(ask, field);
  return found;
}
