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
  /** When an entry or indicator already in the feed was added. */
  previouslyAdded(kind: string, value: string): string | undefined;
}

export interface Resolved {
  entries: ListEntry[];
  indicators: Indicator[];
  problems: Problem[];
}

export function resolveReading(reading: SourceReading, resolvers: Resolvers, options: ResolveOptions): Resolved {
  const problems = [...reading.problems];
  const normalized = normalizeEntries(reading.entries, resolvers, options, problems);
  const allowList = indexAllowList(normalized.entries.filter((entry) => entry.allow));
  const entries = new Map<string, ListEntry>();
  normalized.entries.forEach((entry, i) => {
    const refusal = entry.allow ? null : refuseBlock(entry, allowList, resolvers);
    const origin = normalized.origins[i]!;
    if (refusal) problems.push({ file: origin.file, line: origin.line, message: `refused ${entry.value} from "${entry.source}": ${refusal}` });
    else keepEarliest(entries, entry);
  });
  const indicators = new Map<string, Indicator>();
  for (const candidate of reading.indicators) {
    const value = resolvers.normalizeIndicator(candidate.kind, candidate.value);
    const origin = { file: candidate.file, line: candidate.line };
    if (typeof value !== 'string') problems.push({ ...origin, message: value.error });
    else if (!isIndicatorValue(value)) problems.push({ ...origin, message: 'indicator too long or with control characters' });
    else keepEarliest(indicators, { kind: candidate.kind, value, category: candidate.category, source: candidate.source, added: addedOf(candidate, candidate.kind, value, options) });
  }
  return { entries: dropCoveredHosts(entries), indicators: [...indicators.values()], problems };
}

/** A host entry beside a domain entry of the same value and list adds nothing, and would make one
 * rule value stand for two entries on the client. */
function dropCoveredHosts(entries: Map<string, ListEntry>): ListEntry[] {
  return [...entries.values()].filter((entry) => {
    const domain = entry.kind === 'host' ? entries.get(feedItemKey({ kind: 'domain', value: entry.value })) : undefined;
    return !domain || domain.allow !== entry.allow;
  });
}

/** Entries and, at the same index, the candidate each came from. */
function normalizeEntries(candidates: EntryCandidate[], resolvers: Resolvers, options: ResolveOptions, problems: Problem[]) {
  const entries: ListEntry[] = [];
  const origins: EntryCandidate[] = [];
  for (const candidate of candidates) {
    const result = resolvers.normalizeEntry(candidate.value, candidate.kind);
    if (!result.ok) {
      problems.push({ file: candidate.file, line: candidate.line, message: result.message });
    } else if (!isEntryValue(result.value)) {
      problems.push({ file: candidate.file, line: candidate.line, message: `${result.value.slice(0, 80)} is too long to list` });
    } else {
      const { kind, value } = result;
      const added = addedOf(candidate, kind, value, options);
      const { category, source } = candidate;
      entries.push(candidate.allow ? { kind, value, category, source, added, allow: true } : { kind, value, category, source, added });
      origins.push(candidate);
    }
  }
  return { entries, origins };
}

function refuseBlock(entry: ListEntry, allowList: ReturnType<typeof indexAllowList>, resolvers: Resolvers): string | null {
  const allowing = findAllowing(allowList, entry);
  if (allowing) return `${allowing.value} is on the allow list of "${allowing.source}"`;
  return resolvers.findProtection(entry);
}

/** An explicit date wins; otherwise the date the item first entered the feed; otherwise today. */
function addedOf(candidate: { added?: string | undefined }, kind: string, value: string, options: ResolveOptions): string {
  return candidate.added ?? options.previouslyAdded(kind, value) ?? options.today;
}

/** The same item from several lists: the earliest report stands (ties: the first file read). */
function keepEarliest<T extends ListEntry | Indicator>(items: Map<string, T>, item: T): void {
  const key = feedItemKey(item);
  const existing = items.get(key);
  if (!existing || item.added < existing.added) items.set(key, item);
}
