// Publisher side: the delta between two versions' contents, and applying a delta to plain content
// (what `verify` uses to prove every delta leads to the snapshot).
import type { Indicator, ListEntry } from '../types.ts';
import {
  feedItemKey, expandEntries, expandIndicators, groupEntries, groupIndicators, type EntryGroup, type FeedContent,
  type IndicatorGroup,
} from './content.ts';
import type { Delta, Removal } from './delta.ts';

type Item = ListEntry | Indicator;

export function diffContent(before: FeedContent, after: FeedContent): Pick<Delta, 'add' | 'remove'> {
  const entries = diffGroups(before.entries, after.entries);
  const indicators = diffGroups(before.indicators, after.indicators);
  return {
    add: { entries: entries.added, indicators: indicators.added },
    remove: { entries: entries.removed, indicators: indicators.removed },
  };
}

/**
 * Works on the groups themselves, with one value map per kind, so a million-entry diff allocates no
 * object per entry. `after`'s groups are canonical (sorted), so the added groups come out canonical too.
 */
function diffGroups<G extends EntryGroup | IndicatorGroup>(before: readonly G[], after: readonly G[]): { added: G[]; removed: Removal<G['kind']>[] } {
  const old = new Map<string, Map<string, G>>();
  for (const group of before) {
    const values = old.get(group.kind) ?? new Map<string, G>();
    old.set(group.kind, values);
    for (const value of group.values) values.set(value, group);
  }
  const added: G[] = [];
  const removed = new Map<string, Removal<G['kind']>>();
  for (const group of after) {
    const values = old.get(group.kind);
    const fresh: string[] = [];
    for (const value of group.values) {
      const previous = values?.get(value);
      if (previous) values?.delete(value);
      if (previous && isSameHead(previous, group)) continue;
      if (previous) addRemoval(removed, previous, value);
      fresh.push(value);
    }
    if (fresh.length > 0) added.push({ ...group, values: fresh });
  }
  for (const values of old.values()) for (const [value, group] of values) addRemoval(removed, group, value);
  const sorted = [...removed.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, removal]) => ({ ...removal, values: removal.values.sort() }));
  return { added, removed: sorted };
}

function addRemoval<G extends EntryGroup | IndicatorGroup>(removals: Map<string, Removal<G['kind']>>, group: G, value: string): void {
  const allow = isAllowGroup(group);
  const id = `${group.kind} ${allow}`;
  let removal = removals.get(id);
  if (!removal) removals.set(id, (removal = { kind: group.kind, ...(allow ? { allow } : {}), values: [] }));
  removal.values.push(value);
}

function isSameHead(a: EntryGroup | IndicatorGroup, b: EntryGroup | IndicatorGroup): boolean {
  return a.category === b.category && a.source === b.source && a.added === b.added && isAllowGroup(a) === isAllowGroup(b);
}

function isAllowGroup(group: EntryGroup | IndicatorGroup): boolean {
  return 'allow' in group && group.allow;
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

function applyItems<T extends Item>(before: Iterable<T>, removals: readonly Removal<string>[], added: Iterable<T>): T[] {
  const items = new Map<string, T>();
  for (const item of before) items.set(feedItemKey(item), item);
  for (const { kind, values } of removals) for (const value of values) items.delete(feedItemKey({ kind, value }));
  for (const item of added) items.set(feedItemKey(item), item);
  return [...items.values()];
}
