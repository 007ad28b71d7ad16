// What snapshots and deltas carry: entries and page indicators grouped by their shared metadata, so a
// million domains cost little more than their own characters, and a client can walk them without
// materializing a million objects at once.
import { isCategory, type EntryKind, type EntryMeta, type Indicator, type IndicatorKind, type ListEntry } from '../types.ts';
import { MAX_ENTRY_VALUE_LENGTH, MAX_INDICATOR_VALUE_LENGTH, MAX_SOURCE_NAME_LENGTH } from './limits.ts';
import { expectArray, expectObject, expectString, malformed, type JsonObject } from './validate.ts';

export interface EntryGroup extends EntryMeta {
  kind: EntryKind;
  allow: boolean;
  values: string[];
}

export interface IndicatorGroup extends EntryMeta {
  kind: IndicatorKind;
  values: string[];
}

export interface FeedContent {
  entries: EntryGroup[];
  indicators: IndicatorGroup[];
}

export const ENTRY_KINDS: readonly EntryKind[] = ['domain', 'host', 'url-prefix'];
export const INDICATOR_KINDS: readonly IndicatorKind[] = ['phrase', 'wallet', 'phone', 'payment-handle'];
const ENTRY_VALUE_PATTERN = /^[\x21-\x7e]+$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A stable identity: one entry per kind and value (the publisher never ships both allow and block). */
export function feedItemKey(entry: { kind: string; value: string }): string {
  return `${entry.kind} ${entry.value}`;
}

/** Groups by metadata, sorted, values sorted: the same entries always give the same bytes. */
export function groupEntries(entries: Iterable<ListEntry>): EntryGroup[] {
  return groupBy(
    entries,
    (entry) => `${entry.kind}\t${entry.allow === true}\t${entry.category}\t${entry.source}\t${entry.added}`,
    (entry) => ({ kind: entry.kind, allow: entry.allow === true, ...metaOf(entry) }),
  );
}

export function groupIndicators(indicators: Iterable<Indicator>): IndicatorGroup[] {
  return groupBy(
    indicators,
    (indicator) => `${indicator.kind}\t${indicator.category}\t${indicator.source}\t${indicator.added}`,
    (indicator) => ({ kind: indicator.kind, ...metaOf(indicator) }),
  );
}

// Explicit object literals, not spreads of a rest-destructured group: at a million entries the
// spread costs over a second, a literal of known shape a small fraction of that.
export function* expandEntries(groups: readonly EntryGroup[]): Generator<ListEntry> {
  for (const { kind, category, source, added, allow, values } of groups) {
    for (const value of values) yield allow ? { kind, value, category, source, added, allow } : { kind, value, category, source, added };
  }
}

export function* expandIndicators(groups: readonly IndicatorGroup[]): Generator<Indicator> {
  for (const { kind, category, source, added, values } of groups) {
    for (const value of values) yield { kind, value, category, source, added };
  }
}

export function countValues(groups: readonly { values: readonly string[] }[]): number {
  return groups.reduce((sum, group) => sum + group.values.length, 0);
}

/** JSON-ready groups with keys in a fixed order and `allow` only where true. */
export function toWireGroups(groups: readonly (EntryGroup | IndicatorGroup)[]): JsonObject[] {
  return groups.map((group) => ({
    kind: group.kind,
    ...('allow' in group && group.allow ? { allow: true } : {}),
    category: group.category,
    source: group.source,
    added: group.added,
    values: group.values,
  }));
}

export function validateEntryGroups(value: unknown, what: string): EntryGroup[] {
  return expectArray(value, what).map((item, i) => {
    const object = expectObject(item, `${what}[${i}]`);
    const kind = expectKind(object.kind, ENTRY_KINDS, `${what}[${i}] kind`);
    if (object.allow !== undefined && object.allow !== true) throw malformed(`${what}[${i}] allow`, 'only true may be written');
    const values = validateValues(object.values, `${what}[${i}] values`, isEntryValue);
    return { kind, allow: object.allow === true, ...validateMeta(object, `${what}[${i}]`), values };
  });
}

export function validateIndicatorGroups(value: unknown, what: string): IndicatorGroup[] {
  return expectArray(value, what).map((item, i) => {
    const object = expectObject(item, `${what}[${i}]`);
    const kind = expectKind(object.kind, INDICATOR_KINDS, `${what}[${i}] kind`);
    const values = validateValues(object.values, `${what}[${i}] values`, isIndicatorValue);
    return { kind, ...validateMeta(object, `${what}[${i}]`), values };
  });
}

export function expectKind<K extends string>(value: unknown, kinds: readonly K[], what: string): K {
  if (!kinds.includes(value as K)) throw malformed(what, `unknown kind ${JSON.stringify(value)}`);
  return value as K;
}

export function validateValues(value: unknown, what: string, isValid: (value: unknown) => boolean): string[] {
  const values = expectArray(value, what);
  for (const item of values) if (!isValid(item)) throw malformed(what, `bad value ${JSON.stringify(item)?.slice(0, 80)}`);
  return values as string[];
}

export function isEntryValue(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_ENTRY_VALUE_LENGTH && ENTRY_VALUE_PATTERN.test(value);
}

export function isIndicatorValue(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_INDICATOR_VALUE_LENGTH && !CONTROL_CHARACTERS.test(value);
}

function validateMeta(object: JsonObject, what: string): EntryMeta {
  if (!isCategory(object.category)) throw malformed(`${what} category`, `unknown category ${JSON.stringify(object.category)}`);
  const source = expectString(object.source, `${what} source`, undefined, MAX_SOURCE_NAME_LENGTH);
  if (source === '' || CONTROL_CHARACTERS.test(source)) throw malformed(`${what} source`, 'empty or control characters');
  return { category: object.category, source, added: expectString(object.added, `${what} added`, DATE_PATTERN) };
}

function metaOf(item: EntryMeta): EntryMeta {
  return { category: item.category, source: item.source, added: item.added };
}

/** `idOf` is a cheap string per item (source names cannot hold tabs); the head object is built once per group. */
function groupBy<T extends { value: string }, G extends { values: string[] }>(
  items: Iterable<T>,
  idOf: (item: T) => string,
  headOf: (item: T) => Omit<G, 'values'>,
): G[] {
  const groups = new Map<string, G>();
  for (const item of items) {
    const id = idOf(item);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { ...headOf(item), values: [] } as unknown as G));
    group.values.push(item.value);
  }
  for (const group of groups.values()) group.values.sort(compareStrings);
  return [...groups.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, group]) => group);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
