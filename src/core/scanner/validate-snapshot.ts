// The background receives snapshots from content scripts a hostile page can reach: check every
// field's type and size before anything reads it, and say exactly what is wrong.
import type { BehaviourCounters, PageSnapshot, SnapshotField, SnapshotForm } from '../types.ts';
import { BEHAVIOUR_KEYS } from './behaviour.ts';
import { SNAPSHOT_LIMITS } from './limits.ts';

export class SnapshotError extends Error {
  constructor(path: string, problem: string) {
    super(`invalid page snapshot: ${path} ${problem}`);
    this.name = 'SnapshotError';
  }
}

const FIELD_TAGS = new Set<SnapshotField['tag']>(['input', 'select', 'textarea']);
const FIELD_STRINGS = ['type', 'name', 'id', 'autocomplete', 'inputMode', 'placeholder', 'label'] as const;

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SnapshotError(path, 'must be an object');
  return value as Record<string, unknown>;
}

function string(value: unknown, path: string, max: number): string {
  if (typeof value !== 'string') throw new SnapshotError(path, 'must be a string');
  if (value.length > max) throw new SnapshotError(path, `is longer than ${max} characters`);
  return value;
}

function count(value: unknown, path: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > SNAPSHOT_LIMITS.counter) {
    throw new SnapshotError(path, `must be a whole number from ${min} to ${SNAPSHOT_LIMITS.counter}`);
  }
  return value;
}

function list<T>(value: unknown, path: string, max: number, item: (entry: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new SnapshotError(path, 'must be an array');
  if (value.length > max) throw new SnapshotError(path, `has more than ${max} entries`);
  return value.map((entry, index) => item(entry, `${path}[${index}]`));
}

const shortString = (value: unknown, path: string) => string(value, path, SNAPSHOT_LIMITS.shortString);
const longString = (value: unknown, path: string) => string(value, path, SNAPSHOT_LIMITS.longString);

function field(value: unknown, path: string): SnapshotField {
  const raw = record(value, path);
  const tag = raw.tag as SnapshotField['tag'];
  if (!FIELD_TAGS.has(tag)) throw new SnapshotError(`${path}.tag`, 'must be input, select or textarea');
  const strings = Object.fromEntries(FIELD_STRINGS.map((key) => [key, shortString(raw[key], `${path}.${key}`)]));
  return { tag, ...(strings as Omit<SnapshotField, 'tag' | 'maxLength'>), maxLength: count(raw.maxLength, `${path}.maxLength`, -1) };
}

function behaviour(value: unknown, path: string): BehaviourCounters {
  const raw = record(value, path);
  return Object.fromEntries(BEHAVIOUR_KEYS.map((key) => [key, count(raw[key], `${path}.${key}`)])) as unknown as BehaviourCounters;
}

/** A checked copy holding only known fields; throws SnapshotError naming the first problem. */
export function validatePageSnapshot(value: unknown): PageSnapshot {
  const raw = record(value, 'snapshot');
  const limits = SNAPSHOT_LIMITS;
  let fieldCount = 0;
  const forms = list(raw.forms, 'snapshot.forms', limits.forms, (entry, path): SnapshotForm => {
    const form = record(entry, path);
    const fields = list(form.fields, `${path}.fields`, limits.fields, field);
    fieldCount += fields.length;
    if (fieldCount > limits.fields) throw new SnapshotError('snapshot.forms', `hold more than ${limits.fields} fields`);
    return { action: longString(form.action, `${path}.action`), fields };
  });
  if (typeof raw.truncated !== 'boolean') throw new SnapshotError('snapshot.truncated', 'must be true or false');
  return {
    url: longString(raw.url, 'snapshot.url'),
    title: longString(raw.title, 'snapshot.title'),
    lang: string(raw.lang, 'snapshot.lang', limits.lang),
    text: string(raw.text, 'snapshot.text', limits.textChars),
    headings: list(raw.headings, 'snapshot.headings', limits.headings, shortString),
    buttons: list(raw.buttons, 'snapshot.buttons', limits.buttons, shortString),
    forms,
    links: list(raw.links, 'snapshot.links', limits.links, longString),
    imageAlts: list(raw.imageAlts, 'snapshot.imageAlts', limits.imageAlts, shortString),
    // Added after the first release: a snapshot from an older content script has none.
    imageNames: raw.imageNames === undefined ? [] : list(raw.imageNames, 'snapshot.imageNames', limits.imageNames, shortString),
    struck: raw.struck === undefined ? [] : list(raw.struck, 'snapshot.struck', limits.struck, shortString),
    behaviour: behaviour(raw.behaviour, 'snapshot.behaviour'),
    truncated: raw.truncated,
  };
}
