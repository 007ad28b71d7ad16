// From list entries to sorted, de-duplicated rows: a key, a group and (while building only) the
// value, so two different values that hash alike are caught and reported, never merged.
import type { ListEntry } from '../types.ts';
import { dropUnusedGroups, type SortedRows } from './assemble.ts';
import { normalizeEntryValue } from './entry-value.ts';
import { checkMeta, compareGroups, groupName, groupOf, type IndexGroup } from './groups.ts';
import { keyOfValue } from './key-hash.ts';
import { BUCKETS, BUCKET_BITS } from './tables.ts';

/** Sorted rows that still carry their values, while the strings are at hand. */
export interface RowSet extends SortedRows {
  values: string[];
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

const MID_MASK = 0xffff;
const scratchKey = new Uint32Array(2);

/** What is wrong with an entry's value for its kind, or null. Values must already be normalized. */
export function checkValue(entry: Pick<ListEntry, 'value' | 'kind'>): string | null {
  if (typeof entry.value !== 'string') return 'value must be a string';
  const normalized = normalizeEntryValue(entry.value, entry.kind);
  if (!normalized.ok) return `${entry.value}: ${normalized.message}`;
  if (normalized.kind !== entry.kind || normalized.value !== entry.value) {
    return `${entry.value} is not normalized (as a ${normalized.kind}: ${normalized.value})`;
  }
  return null;
}

/** What is wrong with an entry, or null. */
export function checkEntry(entry: ListEntry): string | null {
  const metaProblem = checkMeta(entry);
  return metaProblem === null ? checkValue(entry) : `${String(entry.value)}: ${metaProblem}`;
}

/** The rows' order: counting sort by bucket, then by (mid, low, group rank) inside each bucket. */
function sortRows(high: number[], low: number[], rank: Uint32Array): Uint32Array {
  const starts = new Uint32Array(BUCKETS + 1);
  for (const value of high) starts[(value >>> BUCKET_BITS) + 1]!++;
  for (let bucket = 0; bucket < BUCKETS; bucket++) starts[bucket + 1]! += starts[bucket]!;
  const next = starts.slice(0, BUCKETS);
  const order = new Uint32Array(high.length);
  for (let row = 0; row < high.length; row++) order[next[high[row]! >>> BUCKET_BITS]!++] = row;
  const compare = (a: number, b: number): number =>
    (high[a]! & MID_MASK) - (high[b]! & MID_MASK) || low[a]! - low[b]! || rank[a]! - rank[b]!;
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    if (starts[bucket + 1]! - starts[bucket]! > 1) order.subarray(starts[bucket], starts[bucket + 1]).sort(compare);
  }
  return order;
}

interface Collected {
  high: number[];
  low: number[];
  groupOfRow: number[];
  values: string[];
  groups: IndexGroup[];
}

function collect(entries: Iterable<ListEntry>): Collected {
  const collected: Collected = { high: [], low: [], groupOfRow: [], values: [], groups: [] };
  const groupIds = new Map<string, number>();
  const problems: string[] = [];
  for (const entry of entries) {
    const problem = checkEntry(entry);
    if (problem !== null) {
      problems.push(problem);
      continue;
    }
    const group = groupOf(entry);
    const name = groupName(group);
    let id = groupIds.get(name);
    if (id === undefined) {
      id = collected.groups.push(group) - 1;
      groupIds.set(name, id);
    }
    keyOfValue(entry.value, scratchKey, 0);
    collected.high.push(scratchKey[0]!);
    collected.low.push(scratchKey[1]!);
    collected.groupOfRow.push(id);
    collected.values.push(entry.value);
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
  return { groups: order.map((id) => groups[id]!), rank: Uint32Array.from(groupOfRow, (id) => rankOfGroup[id]!) };
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
    high: Uint32Array.from(kept, (row) => high[row]!),
    low: Uint32Array.from(kept, (row) => low[row]!),
    group: Uint32Array.from(kept, (row) => rank[row]!),
    values: kept.map((row) => values[row]!),
    groups,
  });
}

/** Validates, hashes, sorts and de-duplicates entries; throws EntryError or KeyCollisionError. */
export function prepareRows(entries: Iterable<ListEntry>): RowSet {
  const collected = collect(entries);
  const ranked = rankGroups(collected);
  return toRowSet(dedupeSorted(sortRows(collected.high, collected.low, ranked.rank), collected, ranked), collected, ranked);
}
