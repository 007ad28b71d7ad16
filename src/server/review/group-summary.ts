// What the review page shows of one site group: each page with its count, and the distinct
// categories, signals, titles and notes reporters sent.
import { guessCategory, suggestEntry } from '../../core/index.ts';
import type { Category } from '../../core/types.ts';
import type { SiteGroup } from '../report-store.ts';

const MAX_SHOWN = 10;

export interface GroupSummary {
  /** The report the page's buttons act on (approval settles the whole group). */
  id: string;
  site: string;
  kind: SiteGroup['kind'];
  count: number;
  pages: { url: string; count: number }[];
  categories: Category[];
  /** The category an approval gets unless the maintainer picks another. */
  category: Category;
  signals: string[];
  titles: string[];
  notes: string[];
  /** The entry approval would add, or null when only the CLI with --entry can approve it. */
  entry: string | null;
}

export function summarizeGroup(group: SiteGroup): GroupSummary | null {
  const first = group.reports[0];
  if (!first) return null;
  const pages = new Map<string, number>();
  for (const report of group.reports) pages.set(report.url, report.duplicates);
  const categories = distinct(group.reports.map((report) => report.category));
  const signals = group.reports.flatMap((report) => report.signals ?? []);
  const suggestion = suggestEntry(first.url);
  return {
    id: first.id,
    site: group.site,
    kind: group.kind,
    count: group.count,
    pages: [...pages].map(([url, count]) => ({ url, count })).slice(0, MAX_SHOWN),
    categories,
    category: categories[0] ?? guessCategory(signals) ?? 'other',
    signals: distinct(signals.map((signal) => `${signal.kind}: ${signal.name}`)),
    titles: distinct(group.reports.map((report) => report.title)),
    notes: distinct(group.reports.map((report) => report.note)),
    entry: suggestion.ok ? suggestion.entry.value : null,
  };
}

function distinct<T>(values: (T | undefined)[]): T[] {
  return [...new Set(values.filter((value): value is T => value !== undefined))].slice(0, MAX_SHOWN);
}
