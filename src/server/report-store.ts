// The one storage interface the report server and the review commands use. SQLite implements it
// (sqlite-store.ts); a deployment that outgrows one machine can implement it over PostgreSQL.
import type { Report, ReportKind } from '../core/index.ts';

export type ReportStatus = 'pending' | 'approved' | 'rejected';
export const REPORT_STATUSES: readonly ReportStatus[] = ['pending', 'approved', 'rejected'];

export interface StoredReport extends Report {
  id: string;
  status: ReportStatus;
  /** The group the review shows it in: the entry approving it would add, else its host. */
  site: string;
  /** When the server stored it, ISO 8601. */
  receivedAt: string;
  /** How many stored reports (this one included) name the same URL with the same kind. */
  duplicates: number;
  decidedAt?: string;
  /** The list entry an approval wrote to the sources. */
  entry?: string;
}

export interface AddedReport {
  id: string;
  /** False when the idempotency key was seen before: `id` is the first report's. */
  isNew: boolean;
}

export interface ListQuery {
  status?: ReportStatus;
  /** Only reports stored after the one with this cursor (from a previous page). */
  after?: string;
  limit: number;
}

export interface ReportPage {
  reports: StoredReport[];
  /** Pass as `after` for the next page; absent on the last page. */
  next?: string;
}

/** Pending reports of one site and kind, most reported first, with the first of its reports. */
export interface SiteGroup {
  site: string;
  kind: ReportKind;
  count: number;
  reports: StoredReport[];
}

export interface Decision {
  status: Exclude<ReportStatus, 'pending'>;
  decidedAt: Date;
  entry?: string;
}

export type DecideResult =
  | { outcome: 'decided'; report: StoredReport; settled: number }
  | { outcome: 'not-found' }
  | { outcome: 'already-decided'; report: StoredReport };

export interface ReportStore {
  /** Resolves only once the report is durable: the server answers 202 after this. */
  add(report: Report, meta: { idempotencyKey?: string; receivedAt: Date }): Promise<AddedReport>;
  get(id: string): Promise<StoredReport | null>;
  list(query: ListQuery): Promise<ReportPage>;
  /** Pending reports grouped by site and kind, at most `perGroup` reports each. */
  listSites(query: { limit: number; perGroup: number }): Promise<SiteGroup[]>;
  /**
   * Settles every pending report of the report's site and kind. `beforeCommit` runs inside the same
   * transaction (writing the sources file): if it throws, nothing is settled.
   */
  decide(id: string, decision: Decision, beforeCommit?: (report: StoredReport) => void): Promise<DecideResult>;
  close(): Promise<void>;
}
