// withChanges: the index's sorted rows merged with a sorted delta in O(n + k log k). Removal goes by
// (value, kind, allow) and ignores metadata; additions then follow the same rules as a build, so the
// result is byte for byte the index a rebuild from the changed entries would give.
import type { EntryKind, ListEntry } from '../types.ts';
import { assembleTables, dropUnusedGroups, pickEach, type SortedRows } from './assemble.ts';
import { compareGroups, type IndexGroup } from './groups.ts';
import { keyOfValue } from './key-hash.ts';
import { PrefixHostCounts } from './prefix-hosts.ts';
import { EntryError, checkValue, groupsOfEntries, prepareRows, type BuildOptions, type RowSet } from './rows.ts';
import { unpackRows, type IndexTables } from './tables.ts';

interface Removal {
  high: number;
  low: number;
  kind: EntryKind;
  allow: boolean;
  value: string;
}

interface RunRow {
  group: number;
  isOld: boolean;
  value: string;
}

const compareKeys = (highA: number, lowA: number, highB: number, lowB: number): number => highA - highB || lowA - lowB;

function prepareRemovals(entries: readonly ListEntry[], isNormalized: boolean): Removal[] {
  const problems = entries.map((entry) => checkValue(entry.kind, entry.value, isNormalized)).filter((problem) => problem !== null);
  if (problems.length > 0) throw new EntryError(problems);
  const key = new Uint32Array(2);
  return entries
    .map((entry) => {
      keyOfValue(entry.value, key, 0);
      return { high: key[0]!, low: key[1]!, kind: entry.kind, allow: entry.allow === true, value: entry.value };
    })
    .sort((a, b) => compareKeys(a.high, a.low, b.high, b.low));
}

/** The sorted union of two canonical group lists, and where each list's groups went. */
function uniteGroups(old: IndexGroup[], added: IndexGroup[]): { groups: IndexGroup[]; fromOld: Uint32Array; fromAdded: Uint32Array } {
  const groups: IndexGroup[] = [];
  const fromOld = new Uint32Array(old.length);
  const fromAdded = new Uint32Array(added.length);
  let i = 0;
  let j = 0;
  while (i < old.length || j < added.length) {
    const order = i >= old.length ? 1 : j >= added.length ? -1 : compareGroups(old[i]!, added[j]!);
    const id = groups.push(order <= 0 ? old[i]! : added[j]!) - 1;
    if (order <= 0) fromOld[i++] = id;
    if (order >= 0) fromAdded[j++] = id;
  }
  return { groups, fromOld, fromAdded };
}

interface MergeState {
  groups: IndexGroup[];
  oldHigh: Uint32Array;
  oldLow: Uint32Array;
  oldGroup: Uint32Array;
  added: RowSet;
  removals: Removal[];
  counts: PrefixHostCounts;
  out: SortedRows;
  size: number;
  /** Cursors into the old rows, the added rows and the removals. */
  old: number;
  add: number;
  removal: number;
}

const isSameIdentity = (a: IndexGroup, b: { kind: EntryKind; allow: boolean }): boolean => a.kind === b.kind && a.allow === b.allow;

function emit(state: MergeState, high: number, low: number, group: number): void {
  state.out.high[state.size] = high;
  state.out.low[state.size] = low;
  state.out.group[state.size++] = group;
}

function hasKey(high: Uint32Array, low: Uint32Array, row: number, keyHigh: number, keyLow: number): boolean {
  return row < high.length && high[row] === keyHigh && low[row] === keyLow;
}

/** How many removals have this key, from the removal cursor (moved past any smaller keys). */
function countRemovalsAt(state: MergeState, high: number, low: number): number {
  const { removals } = state;
  while (state.removal < removals.length && compareKeys(removals[state.removal]!.high, removals[state.removal]!.low, high, low) < 0) state.removal++;
  let end = state.removal;
  while (end < removals.length && removals[end]!.high === high && removals[end]!.low === low) end++;
  return end - state.removal;
}

/** Every surviving row with this key, old and added, in group order. */
function collectRun(state: MergeState, high: number, low: number, removals: Removal[]): RunRow[] {
  const run: RunRow[] = [];
  for (; hasKey(state.oldHigh, state.oldLow, state.old, high, low); state.old++) {
    const group = state.oldGroup[state.old]!;
    const removal = removals.find((candidate) => isSameIdentity(state.groups[group]!, candidate));
    if (removal === undefined) run.push({ group, isOld: true, value: '' });
    else if (removal.kind === 'url-prefix') state.counts.changeValue(removal.value, -1);
  }
  for (const { added } = state; hasKey(added.high, added.low, state.add, high, low); state.add++) {
    run.push({ group: added.group[state.add]!, isOld: false, value: added.valueAt(state.add) });
  }
  return run.sort((a, b) => a.group - b.group);
}

/** Keeps the first row of each identity (the group order makes it the winner), counting new url-prefix rows. */
function emitRun(state: MergeState, high: number, low: number, run: RunRow[]): void {
  run.forEach((row, index) => {
    const group = state.groups[row.group]!;
    const sameIdentity = run.filter((other) => isSameIdentity(state.groups[other.group]!, group));
    if (sameIdentity[0] !== run[index]) return;
    if (group.kind === 'url-prefix' && !sameIdentity.some((other) => other.isOld)) state.counts.changeValue(row.value, 1);
    emit(state, high, low, row.group);
  });
}

function mergeRows(state: MergeState): void {
  const { oldHigh, oldLow, added } = state;
  while (state.old < oldHigh.length || state.add < added.high.length) {
    const { old, add } = state;
    const isOldFirst = add >= added.high.length || (old < oldHigh.length && compareKeys(oldHigh[old]!, oldLow[old]!, added.high[add]!, added.low[add]!) <= 0);
    const high = isOldFirst ? oldHigh[old]! : added.high[add]!;
    const low = isOldFirst ? oldLow[old]! : added.low[add]!;
    const removalCount = countRemovalsAt(state, high, low);
    const isLoneOldRow = isOldFirst && removalCount === 0 && !hasKey(oldHigh, oldLow, old + 1, high, low) && !hasKey(added.high, added.low, add, high, low);
    if (isLoneOldRow) {
      emit(state, high, low, state.oldGroup[state.old++]!);
    } else {
      emitRun(state, high, low, collectRun(state, high, low, state.removals.slice(state.removal, state.removal + removalCount)));
    }
  }
}

/** The tables after removing then adding entries; throws EntryError or KeyCollisionError (among additions). */
export function mergeTables(tables: IndexTables, add: readonly ListEntry[], remove: readonly ListEntry[], options: BuildOptions = {}): IndexTables {
  const added = prepareRows(groupsOfEntries(add), options);
  const { groups, fromOld, fromAdded } = uniteGroups(tables.groups, added.groups);
  const old = unpackRows(tables);
  const capacity = old.high.length + added.high.length;
  const state: MergeState = {
    groups,
    oldHigh: old.high,
    oldLow: old.low,
    oldGroup: pickEach(old.group, fromOld),
    added: { ...added, group: pickEach(added.group, fromAdded) },
    removals: prepareRemovals(remove, options.normalized === true),
    counts: PrefixHostCounts.fromTables(tables),
    out: { high: new Uint32Array(capacity), low: new Uint32Array(capacity), group: new Uint32Array(capacity), groups },
    size: 0,
    old: 0,
    add: 0,
    removal: 0,
  };
  mergeRows(state);
  const { out, size } = state;
  const rows = dropUnusedGroups({ high: out.high.subarray(0, size), low: out.low.subarray(0, size), group: out.group.subarray(0, size), groups });
  return assembleTables(rows, state.counts);
}
