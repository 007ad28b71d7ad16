// The compact blocklist index: 64-bit keys in typed arrays (8.3 to 9.3 bytes an entry from 10k to 1M
// entries, and half a byte more in memory for the filter of a large one), no per-entry strings or
// objects, loaded from its bytes without reparsing, looked up in well under a microsecond.
import type { ListEntry } from '../types.ts';
import { assembleTables } from './assemble.ts';
import { alignBytes, readTables, writeTables } from './format.ts';
import type { IndexGroup } from './groups.ts';
import { lookupUrl, type IndexMatch } from './lookup.ts';
import { prepareLookupTables, type LookupTables } from './lookup-tables.ts';
import { mergeTables } from './merge.ts';
import { PrefixHostCounts } from './prefix-hosts.ts';
import { groupsOfEntries, prepareRows, type BuildOptions, type ValueGroup } from './rows.ts';
import { rowCount, type IndexTables } from './tables.ts';

export class BlocklistIndex {
  private readonly tables: LookupTables;

  private constructor(private readonly bytes: Uint8Array, tables: IndexTables) {
    this.tables = prepareLookupTables(tables);
  }

  private static fromTables(tables: IndexTables): BlocklistIndex {
    const bytes = writeTables(tables);
    return new BlocklistIndex(bytes, readTables(bytes, true));
  }

  /**
   * Builds an index from normalized entries (see normalizeEntryValue). Duplicates of one
   * (value, kind, allow) keep the earliest added. Throws EntryError listing invalid entries, and
   * KeyCollisionError if two different values share a 64-bit key. `{ normalized: true }` is for
   * entries from a verified feed: their values' shape is checked, not their normal form.
   */
  static build(entries: Iterable<ListEntry>, options: BuildOptions = {}): BlocklistIndex {
    return BlocklistIndex.fromGroups(groupsOfEntries(entries), options);
  }

  /** As build, from entries grouped by their metadata (a feed's form): no object per entry, one metadata check per group. */
  static fromGroups(groups: Iterable<ValueGroup>, options: BuildOptions = {}): BlocklistIndex {
    const rows = prepareRows(groups, options);
    const prefixHosts = new PrefixHostCounts();
    rows.group.forEach((group, row) => {
      if (rows.groups[group]!.kind === 'url-prefix') prefixHosts.changeValue(rows.valueAt(row), 1);
    });
    return BlocklistIndex.fromTables(assembleTables(rows, prefixHosts));
  }

  /** Views over serialized bytes (kept, not copied, when 4-byte aligned); throws IndexFormatError when they are damaged. */
  static load(bytes: Uint8Array): BlocklistIndex {
    const aligned = alignBytes(bytes);
    return new BlocklistIndex(aligned, readTables(aligned));
  }

  /** The binary form: what `load` takes. Shared with the index, so do not modify it. */
  serialize(): Uint8Array {
    return this.bytes;
  }

  /** Number of rows (distinct entries). */
  get size(): number {
    return rowCount(this.tables);
  }

  /** The distinct metadata groups, in canonical order. */
  get groups(): readonly IndexGroup[] {
    return this.tables.groups;
  }

  /** The entry a URL matches (an allow match wins, then the most specific), or null. */
  lookup(url: string): IndexMatch | null {
    return lookupUrl(this.tables, url);
  }

  /** As lookup, for a URL that is canonicalizeUrl's output already: it is not canonicalized again. */
  lookupCanonical(canonicalUrl: string): IndexMatch | null {
    return lookupUrl(this.tables, canonicalUrl, true);
  }

  /** The domain or host entry a host matches; the host must already be canonical (as in canonicalizeUrl's output). */
  lookupHost(host: string): IndexMatch | null {
    return lookupUrl(this.tables, `http://${host}/`, true);
  }

  /**
   * A new index without `remove` (matched by value, kind and allow) and with `add`; this one is
   * unchanged. Options as for build.
   */
  withChanges(add: readonly ListEntry[], remove: readonly ListEntry[], options: BuildOptions = {}): BlocklistIndex {
    return BlocklistIndex.fromTables(mergeTables(this.tables, add, remove, options));
  }
}
