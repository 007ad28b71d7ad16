// Entry metadata as a small table of distinct (kind, allow, category, source, added) groups; each
// row stores only its group's number. The table's order is canonical, so the same entries always
// give the same bytes, and it puts the rows that must win first within one key.
import { MAX_SOURCE_NAME_LENGTH } from '../feed/limits.ts';
import { isCategory, type EntryKind, type EntryMeta, type ListEntry } from '../types.ts';

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

/** An entry without its value: what a group is made of. */
export type EntryHead = Omit<ListEntry, 'value'>;

export function groupOf(entry: EntryHead): IndexGroup {
  return { kind: entry.kind, allow: entry.allow === true, category: entry.category, source: entry.source, added: entry.added };
}

/** A string naming the group, for interning. The source goes last: it is the only field that may hold a tab. */
export function groupName(group: IndexGroup): string {
  return `${group.kind}\t${group.allow}\t${group.category}\t${group.added}\t${group.source}`;
}

/** What is wrong with an entry's metadata, or null. */
export function checkMeta(entry: EntryHead): string | null {
  // Own keys only: `in` would also accept inherited names such as 'toString'.
  if (typeof entry.kind !== 'string' || !Object.hasOwn(KIND_RANK, entry.kind)) return `unknown kind ${String(entry.kind)}`;
  if (!isCategory(entry.category)) return `unknown category ${String(entry.category)}`;
  if (typeof entry.source !== 'string' || entry.source.length > MAX_SOURCE_NAME_LENGTH) {
    return `source must be a string of at most ${MAX_SOURCE_NAME_LENGTH} characters`;
  }
  if (typeof entry.added !== 'string' || !ADDED.test(entry.added)) return 'added must be a YYYY-MM-DD date';
  return null;
}
