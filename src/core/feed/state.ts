// The client's list state and how a verified snapshot or delta turns into the next one. Pure: the
// old state is never touched, so a refused or interrupted update leaves it working, and the caller
// stores the new state whole, then switches to it in one transaction.
import { BlocklistIndex } from '../blocklist/index.ts';
import type { EntryKind, Indicator, ListEntry } from '../types.ts';
import { expandEntries, expandIndicators, feedItemKey, type EntryGroup } from './content.ts';
import type { Delta } from './delta.ts';
import { LayeredSet } from './layered-set.ts';
import { FeedError } from './errors.ts';
import type { Snapshot } from './snapshot.ts';

export interface FeedState {
  feed: string;
  version: number;
  index: BlocklistIndex;
  /**
   * Values of block entries of kind domain: what the browser's redirect rules list in
   * `requestDomains`, which covers subdomains exactly as a domain entry does. Host entries (that host
   * only) and url-prefix entries cannot be said there without over-blocking: the navigation check
   * catches them.
   */
  blockDomains: ReadonlySet<string>;
  /** Allowed domains and hosts, for allow rules above the redirect rules (allowing more is harmless). */
  allowDomains: ReadonlySet<string>;
  indicators: readonly Indicator[];
}

export interface SetChanges {
  added: string[];
  removed: string[];
}

/** What changed, so the caller rewrites only the rule shards and matchers that must change. */
export interface StateChanges {
  blockDomains: SetChanges;
  allowDomains: SetChanges;
  indicatorsChanged: boolean;
}

/** Removal goes by kind, value and allow; the index ignores a removed entry's metadata. */
const REMOVED_META = { category: 'other', source: 'removed', added: '1970-01-01' } as const;
const BLOCK_RULE_KINDS: ReadonlySet<EntryKind> = new Set(['domain']);
const ALLOW_RULE_KINDS: ReadonlySet<EntryKind> = new Set(['domain', 'host']);
const ruleKinds = (allow: boolean) => (allow ? ALLOW_RULE_KINDS : BLOCK_RULE_KINDS);
/** Snapshots and deltas are written by publish, which normalized every entry; the extension takes them only signed and verified. */
const NORMALIZED = { normalized: true } as const;

export function stateFromSnapshot(snapshot: Snapshot): FeedState {
  return {
    feed: snapshot.feed,
    version: snapshot.version,
    // Straight from the groups, their values' shape checked only: a million entries in 0.5 s, not 8.
    index: BlocklistIndex.fromGroups(snapshot.entries, NORMALIZED),
    blockDomains: new Set(ruleValues(snapshot.entries, false)),
    allowDomains: new Set(ruleValues(snapshot.entries, true)),
    indicators: [...expandIndicators(snapshot.indicators)],
  };
}

export function applyDelta(state: FeedState, delta: Delta): { state: FeedState; changes: StateChanges } {
  if (delta.feed !== state.feed || delta.from !== state.version) {
    throw new FeedError('not-applicable', `the delta goes from version ${delta.from} of feed ${delta.feed}, the list is version ${state.version} of ${state.feed}`);
  }
  const removed: ListEntry[] = delta.remove.entries.flatMap(({ kind, allow, values }) =>
    values.map((value) => ({ kind, value, ...REMOVED_META, ...(allow ? { allow } : {}) })));
  const blockDomains = changeSet(state.blockDomains, removed.filter((entry) => !entry.allow && BLOCK_RULE_KINDS.has(entry.kind)), ruleValues(delta.add.entries, false));
  const allowDomains = changeSet(state.allowDomains, removed.filter((entry) => entry.allow && ALLOW_RULE_KINDS.has(entry.kind)), ruleValues(delta.add.entries, true));
  const indicators = new Map(state.indicators.map((item) => [feedItemKey(item), item]));
  for (const { kind, values } of delta.remove.indicators) for (const value of values) indicators.delete(feedItemKey({ kind, value }));
  for (const item of expandIndicators(delta.add.indicators)) indicators.set(feedItemKey(item), item);
  const next: FeedState = {
    feed: state.feed,
    version: delta.to,
    index: state.index.withChanges([...expandEntries(delta.add.entries)], removed, NORMALIZED),
    blockDomains: blockDomains.set,
    allowDomains: allowDomains.set,
    indicators: [...indicators.values()],
  };
  const indicatorsChanged = delta.add.indicators.length > 0 || delta.remove.indicators.length > 0;
  return { state: next, changes: { blockDomains: blockDomains.changes, allowDomains: allowDomains.changes, indicatorsChanged } };
}

/** The changes between two states' rule sets, for a full snapshot replacing an older state. */
export function compareStates(before: FeedState | null, after: FeedState): StateChanges {
  return {
    blockDomains: compareSets(before?.blockDomains ?? new Set(), after.blockDomains),
    allowDomains: compareSets(before?.allowDomains ?? new Set(), after.allowDomains),
    indicatorsChanged: !before || !sameIndicators(before.indicators, after.indicators),
  };
}

function* ruleValues(groups: readonly EntryGroup[], allow: boolean): Generator<string> {
  for (const group of groups) if (group.allow === allow && ruleKinds(allow).has(group.kind)) yield* group.values;
}

/** A value removed and added again (its metadata changed) is no change to the rules. */
function changeSet(before: ReadonlySet<string>, removed: readonly ListEntry[], added: Iterable<string>) {
  const addedValues = new Set(added);
  const put = new Set<string>();
  const drop = new Set<string>();
  for (const value of addedValues) if (!before.has(value)) put.add(value);
  for (const { value } of removed) if (!addedValues.has(value) && before.has(value)) drop.add(value);
  const changes: SetChanges = { added: [...put], removed: [...drop] };
  return { set: LayeredSet.change(before, put, drop), changes };
}

function compareSets(before: ReadonlySet<string>, after: ReadonlySet<string>): SetChanges {
  return { added: [...after].filter((value) => !before.has(value)), removed: [...before].filter((value) => !after.has(value)) };
}

function sameIndicators(a: readonly Indicator[], b: readonly Indicator[]): boolean {
  const keys = (items: readonly Indicator[]) => items.map((item) => `${feedItemKey(item)} ${item.category} ${item.source} ${item.added}`).sort().join('\n');
  return a.length === b.length && keys(a) === keys(b);
}
