// Entry metadata as a small table of distinct (kind, allow, category, source, added) groups; each
// row stores only its group's number. The table's order is canonical, so the same entries always
// give the same bytes, and it puts the rows that must win first within one key.
import { MAX_SOURCE_NAME_LENGTH } from '../feed/limits.ts';
import { isCategory, type Category, type EntryKind, type EntryMeta, type ListEntry } from '../types.ts';

export interface IndexGroup extends EntryMeta {
  kind: EntryKind;
  allow: boolean;
}

const KIND_RANK: Readonly<Record<EntryKind, number>> = { 'url-prefix': 0, host: 1, domain: 2 };
const ADDED = /^\d{4}-\d{2}-\d{2}$/;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Allow before block (allow always wins), then the more specific kind, then the earliest added, so
 * that among duplicates of one entry the first in this order is the one kept.
 */
export function compareGroups(a: IndexGroup, b: IndexGroup): number {
  if (a.allow !== b.allow) return a.allow ? -1 : 1;
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    compareText(a.added, b.added) ||
    compareText(a.category, b.category) ||
    compareText(a.source, b.source)
  );
}

export function groupOf(entry: ListEntry): IndexGroup {
  return { kind: entry.kind, allow: entry.allow === true, category: entry.category, source: entry.source, added: entry.added };
}

/** A string naming the group, for interning. */
export function groupName(group: IndexGroup): string {
  return JSON.stringify(toTuple(group));
}

type GroupTuple = [EntryKind, 0 | 1, Category, string, string];

function toTuple(group: IndexGroup): GroupTuple {
  return [group.kind, group.allow ? 1 : 0, group.category, group.source, group.added];
}

/** What is wrong with an entry's metadata, or null. */
export function checkMeta(entry: ListEntry): string | null {
  if (!(entry.kind in KIND_RANK)) return `unknown kind ${String(entry.kind)}`;
  if (!isCategory(entry.category)) return `unknown category ${String(entry.category)}`;
  if (typeof entry.source !== 'string' || entry.source.length > MAX_SOURCE_NAME_LENGTH) {
    return `source must be a string of at most ${MAX_SOURCE_NAME_LENGTH} characters`;
  }
  if (typeof entry.added !== 'string' || !ADDED.test(entry.added)) return 'added must be a YYYY-MM-DD date';
  return null;
}

export function encodeGroups(groups: readonly IndexGroup[]): string {
  return JSON.stringify(groups.map(toTuple));
}

function decodeGroup(tuple: unknown, index: number): IndexGroup {
  if (!Array.isArray(tuple) || tuple.length !== 5) throw new Error(`group ${index} is malformed`);
  const [kind, allow, category, source, added] = tuple as unknown[];
  const group = { kind, allow: allow === 1, category, source, added } as IndexGroup;
  const problem = allow === 0 || allow === 1 ? checkMeta({ ...group, value: '' }) : 'allow must be 0 or 1';
  if (problem !== null) throw new Error(`group ${index}: ${problem}`);
  return group;
}

/** Parses and checks a serialized group table; throws a plain message on anything unexpected. */
export function decodeGroups(json: string): IndexGroup[] {
  const tuples: unknown = JSON.parse(json);
  if (!Array.isArray(tuples)) throw new Error('the group table is not a list');
  const groups = tuples.map(decodeGroup);
  for (let i = 1; i < groups.length; i++) {
    if (compareGroups(groups[i - 1]!, groups[i]!) >= 0) throw new Error('the group table is not in canonical order');
  }
  return groups;
}
