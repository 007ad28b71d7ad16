// Publisher side: the delta between two versions' contents, and applying a delta to plain content
// (what `verify` uses to prove every delta leads to the snapshot).
import type { Indicator, ListEntry } from '../types.ts';
import {
  feedItemKey, expandEntries, expandIndicators, groupEntries, groupIndicators, type FeedContent,
} from './content.ts';
import type { Delta, Removal } from './delta.ts';

type Item = ListEntry | Indicator;

export function diffContent(before: FeedContent, after: FeedContent): Pick<Delta, 'add' | 'remove'> {
  const entries = diffItems<ListEntry>(expandEntries(before.entries), expandEntries(after.entries));
  const indicators = diffItems<Indicator>(expandIndicators(before.indicators), expandIndicators(after.indicators));
  return {
    add: { entries: groupEntries(entries.added), indicators: groupIndicators(indicators.added) },
    remove: { entries: groupRemovals(entries.removed), indicators: groupRemovals(indicators.removed) },
  };
}

/** Remove, then add: the content a client with `before` holds after the delta. */
export function applyContentDelta(before: FeedContent, delta: Pick<Delta, 'add' | 'remove'>): FeedContent {
  const entries = applyItems<ListEntry>(expandEntries(before.entries), delta.remove.entries, expandEntries(delta.add.entries));
  const indicators = applyItems<Indicator>(
    expandIndicators(before.indicators),
    delta.remove.indicators,
    expandIndicators(delta.add.indicators),
  );
  return { entries: groupEntries(entries), indicators: groupIndicators(indicators) };
}

export function isDeltaEmpty(delta: Pick<Delta, 'add' | 'remove'>): boolean {
  const { add, remove } = delta;
  return [add.entries, add.indicators, remove.entries, remove.indicators].every((groups) => groups.length === 0);
}

function diffItems<T extends Item>(before: Iterable<T>, after: Iterable<T>): { added: T[]; removed: T[] } {
  const previous = new Map<string, T>();
  for (const item of before) previous.set(feedItemKey(item), item);
  const added: T[] = [];
  const removed: T[] = [];
  for (const item of after) {
    const key = feedItemKey(item);
    const old = previous.get(key);
    previous.delete(key);
    if (old && isSameItem(old, item)) continue;
    if (old) removed.push(old);
    added.push(item);
  }
  removed.push(...previous.values());
  return { added, removed };
}

function applyItems<T extends Item>(before: Iterable<T>, removals: readonly Removal<string>[], added: Iterable<T>): T[] {
  const items = new Map<string, T>();
  for (const item of before) items.set(feedItemKey(item), item);
  for (const { kind, values } of removals) for (const value of values) items.delete(feedItemKey({ kind, value }));
  for (const item of added) items.set(feedItemKey(item), item);
  return [...items.values()];
}

function groupRemovals<K extends string>(items: readonly (Item & { kind: K })[]): Removal<K>[] {
  const groups = new Map<string, Removal<K>>();
  for (const item of items) {
    const allow = isAllow(item);
    const id = `${item.kind} ${allow}`;
    const group = groups.get(id) ?? { kind: item.kind, ...(allow ? { allow } : {}), values: [] };
    group.values.push(item.value);
    groups.set(id, group);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, group]) => ({ ...group, values: group.values.sort() }));
}

function isSameItem(a: Item, b: Item): boolean {
  return a.category === b.category && a.source === b.source && a.added === b.added && isAllow(a) === isAllow(b);
}

function isAllow(item: Item): boolean {
  return 'allow' in item && item.allow === true;
}
