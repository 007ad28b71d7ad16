// From list entries to sorted, de-duplicated rows: a key, a group and (while building only) the
// value, so two different values that hash alike are caught and reported, never merged.
import type { EntryKind, ListEntry } from '../types.ts';
import { dropUnusedGroups, pickEach, type SortedRows } from './assemble.ts';
import { hasNormalizedShape, normalizeEntryValue } from './entry-value.ts';
import { checkMeta, compareGroups, groupName, groupOf, type IndexGroup } from './groups.ts';
import { keyOfValue } from './key-hash.ts';
import { sortRows } from './sort-rows.ts';

/** Entries that share their metadata: how a feed carries them, and the cheapest way to build from. */
export interface ValueGroup extends IndexGroup {
  values: readonly string[];
}

export interface BuildOptions {
  /**
   * The entries come from a verified feed, whose publisher normalized them: check only their shape
   * (see hasNormalizedShape) instead of normalizing each again (a million: 0.5 s instead of 1.8 s).
   */
  normalized?: boolean;
}

/** Sorted rows that can still name their values, while the strings are at hand. */
export interface RowSet extends SortedRows {
  valueAt(row: number): string;
}

export class EntryError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} invalid entr${problems.length === 1 ? 'y' : 'ies'}: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'EntryError';
  }
}

export class KeyCollisionError extends Error {
  constructor(readonly values: [string, string]) {
    super(`two different entries hash to one 64-bit key: ${values[0]} and ${values[1]}`);
    this.name = 'KeyCollisionError';
  }
}

const scratchKey = new Uint32Array(2);

/** What is wrong with a value for its kind, or null. Values must already be normalized; `isNormalized` trusts that they are (see BuildOptions). */
export function checkValue(kind: EntryKind, value: string, isNormalized = false): string | null {
  if (typeof value !== 'string') return 'value must be a string';
  if (isNormalized) return hasNormalizedShape(kind, value) ? null : `${value} is not a normalized ${kind} value`;
  const normalized = normalizeEntryValue(value, kind);
  if (!normalized.ok) return `${value}: ${normalized.message}`;
  if (normalized.kind !== kind || normalized.value !== value) return `${value} is not normalized (as a ${normalized.kind}: ${normalized.value})`;
  return null;
}

interface Collected {
  high: number[];
  low: number[];
  groupOfRow: number[];
  values: string[];
  groups: IndexGroup[];
}

/** Each entry as a group of its own: the one shape the collection below reads. */
export function* groupsOfEntries(entries: Iterable<ListEntry>): Generator<ValueGroup> {
  for (const entry of entries) yield { ...groupOf(entry), values: [entry.value] };
}

class GroupInterner {
  readonly groups: IndexGroup[] = [];
  private readonly ids = new Map<string, number>();

  idOf(group: IndexGroup): number {
    const name = groupName(group);
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.groups.push(groupOf(group)) - 1;
      this.ids.set(name, id);
    }
    return id;
  }
}

/** Checks and hashes every value; metadata is checked once per group. */
function collect(groups: Iterable<ValueGroup>, isNormalized: boolean): Collected {
  const interner = new GroupInterner();
  const collected: Collected = { high: [], low: [], groupOfRow: [], values: [], groups: interner.groups };
  const problems: string[] = [];
  for (const group of groups) {
    const metaProblem = checkMeta(group);
    const id = metaProblem === null ? interner.idOf(group) : -1;
    for (const value of group.values) {
      const problem = metaProblem === null ? checkValue(group.kind, value, isNormalized) : `${String(value)}: ${metaProblem}`;
      if (problem !== null) {
        problems.push(problem);
        continue;
      }
      keyOfValue(value, scratchKey, 0);
      collected.high.push(scratchKey[0]!);
      collected.low.push(scratchKey[1]!);
      collected.groupOfRow.push(id);
      collected.values.push(value);
    }
  }
  if (problems.length > 0) throw new EntryError(problems);
  return collected;
}

interface Ranked {
  /** Canonical order. */
  groups: IndexGroup[];
  /** Each row's group as its position in `groups`. */
  rank: Uint32Array;
}

function rankGroups({ groups, groupOfRow }: Collected): Ranked {
  const order = groups.map((_, id) => id).sort((a, b) => compareGroups(groups[a]!, groups[b]!));
  const rankOfGroup = new Uint32Array(groups.length);
  order.forEach((id, rank) => (rankOfGroup[id] = rank));
  return { groups: order.map((id) => groups[id]!), rank: pickEach(groupOfRow, rankOfGroup) };
}

/** Keeps the first row of each (key, allow, kind): the group order makes it the one that wins. */
function dedupeSorted(order: Uint32Array, { high, low, values }: Collected, { groups, rank }: Ranked): number[] {
  const kept: number[] = [];
  for (let i = 0; i < order.length; i++) {
    const row = order[i]!;
    const previous = order[i - 1];
    if (previous !== undefined && high[previous] === high[row] && low[previous] === low[row]) {
      if (values[previous] !== values[row]) throw new KeyCollisionError([values[previous]!, values[row]!]);
      const [before, after] = [groups[rank[previous]!]!, groups[rank[row]!]!];
      if (before.allow === after.allow && before.kind === after.kind) continue;
    }
    kept.push(row);
  }
  return kept;
}

function toRowSet(kept: number[], { high, low, values }: Collected, { groups, rank }: Ranked): RowSet {
  return dropUnusedGroups({
    high: pickEach(kept, high),
    low: pickEach(kept, low),
    group: pickEach(kept, rank),
    // Not gathered into a new array: a million strings moved for the few that are ever asked for.
    valueAt: (row) => values[kept[row]!]!,
    groups,
  });
}

/** Validates, hashes, sorts and de-duplicates the values of groups; throws EntryError or KeyCollisionError. */
export function prepareRows(groups: Iterable<ValueGroup>, options: BuildOptions = {}): RowSet {
  const collected = collect(groups, options.normalized === true);
  const ranked = rankGroups(collected);
  return toRowSet(dedupeSorted(sortRows(collected.high, collected.low, ranked.rank), collected, ranked), collected, ranked);
}
