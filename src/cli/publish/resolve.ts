// From raw candidates to the entries and indicators a version publishes: normalized, de-duplicated,
// block entries that would hit an allowlisted or protected site refused (saying which source tried),
// and every value checked against what clients accept, so a publish can never ship a feed clients refuse.
import { feedItemKey, isEntryValue, isIndicatorValue } from '../../core/index.ts';
import type { EntryKind, Indicator, ListEntry } from '../../core/types.ts';
import { findAllowing, indexAllowList } from './allow-list.ts';
import type { EntryCandidate, Problem, SourceReading } from './source-types.ts';

export interface Resolvers {
  /** A raw list value to its normalized entry, or why it is refused (public suffix, not a host...). */
  normalizeEntry(raw: string, kindHint?: EntryKind): { ok: true; kind: EntryKind; value: string } | { ok: false; message: string };
  /** Why an entry must never be listed (a protected brand's or top site's own domain), or null. */
  findProtection(entry: { kind: EntryKind; value: string }): string | null;
  /** An indicator's matching form, or why it is refused. */
  normalizeIndicator(kind: Indicator['kind'], raw: string): string | { error: string };
}

export interface ResolveOptions {
  /** `YYYY-MM-DD` for entries first seen now. */
  today: string;
  /** When each entry or indicator already in the feed was added (key: `kind value`). */
  previouslyAdded: ReadonlyMap<string, string>;
}

export interface Resolved {
  entries: ListEntry[];
  indicators: Indicator[];
  problems: Problem[];
}

export function resolveReading(reading: SourceReading, resolvers: Resolvers, options: ResolveOptions): Resolved {
  const problems = [...reading.problems];
  const normalized = normalizeEntries(reading.entries, resolvers, problems);
  const allowList = indexAllowList(normalized.filter(({ entry }) => entry.allow));
  const entries = new Map<string, ListEntry>();
  for (const { entry, origin } of normalized) {
    const refusal = entry.allow ? null : refuseBlock(entry, allowList, resolvers);
    if (refusal) problems.push({ ...origin, message: `refused ${entry.value} from "${entry.source}": ${refusal}` });
    else keepEarliest(entries, withAdded(entry, origin.added, options));
  }
  const indicators = new Map<string, Indicator>();
  for (const candidate of reading.indicators) {
    const value = resolvers.normalizeIndicator(candidate.kind, candidate.value);
    if (typeof value !== 'string') problems.push({ file: candidate.file, line: candidate.line, message: value.error });
    else if (!isIndicatorValue(value)) problems.push({ file: candidate.file, line: candidate.line, message: 'indicator too long or with control characters' });
    else keepEarliest(indicators, withAdded({ kind: candidate.kind, value, category: candidate.category, source: candidate.source, added: '' }, candidate.added, options));
  }
  return { entries: [...entries.values()], indicators: [...indicators.values()], problems };
}

function normalizeEntries(candidates: EntryCandidate[], resolvers: Resolvers, problems: Problem[]) {
  const normalized: { entry: ListEntry; origin: EntryCandidate }[] = [];
  for (const candidate of candidates) {
    const result = resolvers.normalizeEntry(candidate.value, candidate.kind);
    if (!result.ok) {
      problems.push({ file: candidate.file, line: candidate.line, message: result.message });
    } else if (!isEntryValue(result.value)) {
      problems.push({ file: candidate.file, line: candidate.line, message: `${result.value.slice(0, 80)} is too long to list` });
    } else {
      const entry: ListEntry = { kind: result.kind, value: result.value, category: candidate.category, source: candidate.source, added: '' };
      normalized.push({ entry: candidate.allow ? { ...entry, allow: true } : entry, origin: candidate });
    }
  }
  return normalized;
}

function refuseBlock(entry: ListEntry, allowList: ReturnType<typeof indexAllowList>, resolvers: Resolvers): string | null {
  const allowing = findAllowing(allowList, entry);
  if (allowing) return `${allowing.value} is on the allow list of "${allowing.source}"`;
  return resolvers.findProtection(entry);
}

/** An explicit date wins; otherwise the date the item first entered the feed; otherwise today. */
function withAdded<T extends ListEntry | Indicator>(item: T, explicit: string | undefined, options: ResolveOptions): T {
  return { ...item, added: explicit ?? options.previouslyAdded.get(feedItemKey(item)) ?? options.today };
}

/** The same item from several lists: the earliest report stands (ties: the first file read). */
function keepEarliest<T extends ListEntry | Indicator>(items: Map<string, T>, item: T): void {
  const key = feedItemKey(item);
  const existing = items.get(key);
  if (!existing || item.added < existing.added) items.set(key, item);
}
