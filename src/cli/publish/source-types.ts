// What reading the source lists yields before normalization: raw values with where they came from.
import type { Category, EntryKind, IndicatorKind } from '../../core/types.ts';

export interface Origin {
  /** The file's path relative to the sources folder. */
  file: string;
  /** 1-based; 0 for a problem with the whole file. */
  line: number;
}

interface CandidateMeta extends Origin {
  category: Category;
  source: string;
  added?: string;
}

export interface EntryCandidate extends CandidateMeta {
  value: string;
  allow: boolean;
  kind?: EntryKind;
}

export interface IndicatorCandidate extends CandidateMeta {
  kind: IndicatorKind;
  value: string;
}

export interface Problem extends Origin {
  message: string;
  /** A file that cannot be read as declared: publishing without it would silently drop its entries. */
  fatal?: boolean;
}

export interface SourceReading {
  entries: EntryCandidate[];
  indicators: IndicatorCandidate[];
  problems: Problem[];
}

export function emptyReading(): SourceReading {
  return { entries: [], indicators: [], problems: [] };
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}${problem.line > 0 ? `:${problem.line}` : ''}: ${problem.message}`;
}
