// The delta file: what changed between two versions of one feed. Removals name only kind, value and
// allow (an entry's identity); an entry whose metadata changed is removed and added again, so applying
// a delta is always "remove, then add" with no special cases.
import { encodeUtf8 } from './bytes.ts';
import { FEED_FORMAT } from './limits.ts';
import { FEED_ID_PATTERN } from './manifest.ts';
import {
  ENTRY_KINDS, INDICATOR_KINDS, expectKind, isEntryValue, isIndicatorValue, toWireGroups, validateEntryGroups,
  validateIndicatorGroups, validateValues, type FeedContent,
} from './content.ts';
import type { EntryKind, IndicatorKind } from '../types.ts';
import { expectArray, expectInteger, expectLiteral, expectObject, expectString, malformed, parseJsonBytes } from './validate.ts';

export interface Removal<K extends string> {
  kind: K;
  /** Entries only: removals of allow entries are listed apart, so clients know which rule set they leave. */
  allow?: boolean;
  values: string[];
}

export interface FeedRemovals {
  entries: Removal<EntryKind>[];
  indicators: Removal<IndicatorKind>[];
}

export interface Delta {
  feed: string;
  from: number;
  to: number;
  add: FeedContent;
  remove: FeedRemovals;
}

export function encodeDelta(delta: Delta): Uint8Array {
  return encodeUtf8(
    `${JSON.stringify({
      format: FEED_FORMAT,
      type: 'delta',
      feed: delta.feed,
      from: delta.from,
      to: delta.to,
      add: { entries: toWireGroups(delta.add.entries), indicators: toWireGroups(delta.add.indicators) },
      remove: {
        entries: delta.remove.entries.map(({ kind, allow, values }) => ({ kind, ...(allow ? { allow: true } : {}), values })),
        indicators: delta.remove.indicators.map(({ kind, values }) => ({ kind, values })),
      },
    })}\n`,
  );
}

export function decodeDelta(bytes: Uint8Array): Delta {
  const object = expectObject(parseJsonBytes(bytes, 'delta'), 'delta');
  expectLiteral(object.format, FEED_FORMAT, 'delta format');
  expectLiteral(object.type, 'delta', 'delta type');
  const add = expectObject(object.add, 'delta add');
  const remove = expectObject(object.remove, 'delta remove');
  const to = expectInteger(object.to, 'delta to', 2);
  return {
    feed: expectString(object.feed, 'delta feed', FEED_ID_PATTERN),
    from: expectInteger(object.from, 'delta from', 1, to - 1),
    to,
    add: {
      entries: validateEntryGroups(add.entries, 'delta add entries'),
      indicators: validateIndicatorGroups(add.indicators, 'delta add indicators'),
    },
    remove: {
      entries: validateRemovals(remove.entries, ENTRY_KINDS, isEntryValue, 'delta remove entries'),
      indicators: validateRemovals(remove.indicators, INDICATOR_KINDS, isIndicatorValue, 'delta remove indicators'),
    },
  };
}

function validateRemovals<K extends string>(
  value: unknown,
  kinds: readonly K[],
  isValid: (value: unknown) => boolean,
  what: string,
): Removal<K>[] {
  return expectArray(value, what).map((item, i) => {
    const object = expectObject(item, `${what}[${i}]`);
    if (object.allow !== undefined && object.allow !== true) throw malformed(`${what}[${i}] allow`, 'only true may be written');
    const removal = { kind: expectKind(object.kind, kinds, `${what}[${i}] kind`), values: validateValues(object.values, `${what}[${i}] values`, isValid) };
    return object.allow === true ? { ...removal, allow: true } : removal;
  });
}
