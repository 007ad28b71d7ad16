// The report wire format: what the extension sends to the report server, field by field.
// Every field but `url` is optional, and every field has a cap so a report stays small and a
// hostile one cannot make the server or the review page do unbounded work.
import type { Category, VerdictLevel } from '../types.ts';

export const REPORT_KINDS = ['scam', 'false-positive'] as const;
/** `scam`: this page should be blocked; `false-positive`: Scam Warner warned about an honest page. */
export type ReportKind = (typeof REPORT_KINDS)[number];

/** One piece of evidence the extension saw, in a compact form (see `signalsFromReasons`). */
export interface ReportSignal {
  /** The reason's kind: `signal`, `blocklist`, `indicator`, `lookalike-typo`... */
  kind: string;
  /** What fired: the signal id, the matched entry, the imitated brand's domain, the indicator value. */
  name: string;
  category?: Category;
  weight?: number;
}

export interface Report {
  /** The page, in Safe Browsing canonical form. */
  url: string;
  kind: ReportKind;
  category?: Category;
  /** The reporter's own words. */
  note?: string;
  /** The page title. */
  title?: string;
  /** The verdict the extension gave the page. */
  verdict?: VerdictLevel;
  signals?: ReportSignal[];
  extensionVersion?: string;
  /** The feed version the extension had. */
  feedVersion?: number;
  /** When the report was drafted (the form opened), ISO 8601 UTC: the preview shows the very bytes sent. */
  reportedAt?: string;
}

/** A refused field: a dotted path (`signals[2].weight`) and a plain reason. */
export interface ReportFieldError {
  field: string;
  reason: string;
}

export type ReportValidation = { ok: true; report: Report } | { ok: false; errors: ReportFieldError[] };

/** Caps in UTF-16 code units (string `length`), items for arrays. */
export const REPORT_LIMITS = {
  url: 4096,
  title: 300,
  note: 2000,
  signals: 32,
  signalKind: 40,
  signalName: 200,
  signalWeight: 1000,
  extensionVersion: 32,
  reportedAt: 30,
} as const;

/**
 * The largest body a valid report needs when sent as `JSON.stringify` writes it: at most 3 UTF-8
 * bytes per code unit of clean text, plus keys and punctuation (a test builds the worst case).
 * The server stops reading a body at this size.
 */
export const MAX_REPORT_BYTES = 64 * 1024;
