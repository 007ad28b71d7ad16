// ReportStore over SQLite (better-sqlite3). WAL with synchronous=FULL: a commit is on disk before
// `add` resolves, so a 202 is never sent for a report that a crash or power cut could still lose.
// NORMAL would survive a killed process too, but not a power cut, and the extension deletes its
// queued copy once it sees the 202. Concurrent adds share one commit (group-commit.ts) to pay for
// that fsync once per batch. Prepared statements only; the report itself is stored as its
// validated JSON, with the columns the queries need beside it.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { reportSite, type Report } from '../core/index.ts';
import { createGroupCommit } from './group-commit.ts';
import type { AddedReport, DecideResult, Decision, ListQuery, ReportPage, ReportStore, SiteGroup, StoredReport } from './report-store.ts';
import { prepareStatements, type ReportRow } from './sqlite-schema.ts';

type AddMeta = Parameters<ReportStore['add']>[1];
/** A batch bounds how long one commit holds the event loop. */
const MAX_BATCH = 256;

export function openSqliteStore(path: string): ReportStore {
  return new SqliteReportStore(path);
}

type Statements = ReturnType<typeof prepareStatements>;

class SqliteReportStore implements ReportStore {
  readonly #db: Database.Database;
  readonly #sql: Statements;
  readonly #commits;
  readonly #decide;

  constructor(path: string) {
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    // The CLI's review commands and the server may write at once: wait for the lock, do not fail.
    this.#db.pragma('busy_timeout = 5000');
    this.#sql = prepareStatements(this.#db);
    const insertBatch = this.#db.transaction((items: [Report, AddMeta][]) => items.map(([report, meta]) => this.#insert(report, meta)));
    this.#commits = createGroupCommit(insertBatch, MAX_BATCH);
    this.#decide = this.#db.transaction(this.#settle.bind(this));
  }

  add(report: Report, meta: AddMeta): Promise<AddedReport> {
    return this.#commits.submit([report, meta]);
  }

  async get(id: string): Promise<StoredReport | null> {
    return this.#get(id);
  }

  async list(query: ListQuery): Promise<ReportPage> {
    const after = query.after === undefined ? 0 : Number(query.after);
    const rows = this.#sql.page.all({ status: query.status ?? null, after, limit: query.limit + 1 }) as ReportRow[];
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { reports: page.map(toStoredReport), ...(rows.length > query.limit && last ? { next: String(last.seq) } : {}) };
  }

  async listSites(query: { limit: number; perGroup: number }): Promise<SiteGroup[]> {
    const groups = this.#sql.pendingSites.all({ limit: query.limit }) as Pick<SiteGroup, 'site' | 'kind' | 'count'>[];
    return groups.map((group) => {
      const rows = this.#sql.pendingOfSite.all({ site: group.site, kind: group.kind, limit: query.perGroup }) as ReportRow[];
      return { ...group, reports: rows.map(toStoredReport) };
    });
  }

  async decide(id: string, decision: Decision, beforeCommit?: (report: StoredReport) => void): Promise<DecideResult> {
    return this.#decide.immediate(id, decision, beforeCommit);
  }

  async close(): Promise<void> {
    this.#db.close();
  }

  #insert(report: Report, meta: AddMeta): AddedReport {
    const id = randomUUID();
    const key = meta.idempotencyKey ?? null;
    const { changes } = this.#sql.insert.run({
      id, key, url: report.url, site: reportSite(report.url), kind: report.kind,
      receivedAt: meta.receivedAt.toISOString(), report: JSON.stringify(report),
    });
    if (changes === 1 || key === null) return { id, isNew: true };
    // The key was stored before, perhaps earlier in this very batch.
    const existing = this.#sql.idForKey.get(key) as { id: string } | undefined;
    if (!existing) throw new Error('idempotency key conflict without a stored report');
    return { id: existing.id, isNew: false };
  }

  #get(id: string): StoredReport | null {
    const row = this.#sql.byId.get(id) as ReportRow | undefined;
    return row ? toStoredReport(row) : null;
  }

  #settle(id: string, decision: Decision, beforeCommit?: (report: StoredReport) => void): DecideResult {
    const report = this.#get(id);
    if (!report) return { outcome: 'not-found' };
    if (report.status !== 'pending') return { outcome: 'already-decided', report };
    const decidedAt = decision.decidedAt.toISOString();
    const { changes } = this.#sql.settle.run({ status: decision.status, decidedAt, entry: decision.entry ?? null, site: report.site, kind: report.kind });
    const decided: StoredReport = { ...report, status: decision.status, decidedAt, ...(decision.entry ? { entry: decision.entry } : {}) };
    beforeCommit?.(decided);
    return { outcome: 'decided', report: decided, settled: changes };
  }
}

function toStoredReport(row: ReportRow): StoredReport {
  const report = JSON.parse(row.report) as Report;
  return {
    id: row.id,
    status: row.status,
    site: row.site,
    receivedAt: row.received_at,
    duplicates: row.duplicates,
    ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
    ...(row.entry ? { entry: row.entry } : {}),
    ...report,
  };
}
