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
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // The CLI's review commands and the server may write at once: wait for the lock, do not fail.
  db.pragma('busy_timeout = 5000');
  const sql = prepareStatements(db);

  const insert = (report: Report, meta: AddMeta): AddedReport => {
    const id = randomUUID();
    const key = meta.idempotencyKey ?? null;
    const { changes } = sql.insert.run({
      id, key, url: report.url, site: reportSite(report.url), kind: report.kind,
      receivedAt: meta.receivedAt.toISOString(), report: JSON.stringify(report),
    });
    if (changes === 1 || key === null) return { id, isNew: true };
    // The key was stored before, perhaps earlier in this very batch.
    const existing = sql.idForKey.get(key) as { id: string } | undefined;
    if (!existing) throw new Error('idempotency key conflict without a stored report');
    return { id: existing.id, isNew: false };
  };
  const insertBatch = db.transaction((items: [Report, AddMeta][]) => items.map(([report, meta]) => insert(report, meta)));
  const commits = createGroupCommit(insertBatch, MAX_BATCH);
  const add: ReportStore['add'] = (report, meta) => commits.submit([report, meta]);

  const get = (id: string): StoredReport | null => {
    const row = sql.byId.get(id) as ReportRow | undefined;
    return row ? toStoredReport(row) : null;
  };

  const list = async (query: ListQuery): Promise<ReportPage> => {
    const after = query.after === undefined ? 0 : Number(query.after);
    const rows = sql.page.all({ status: query.status ?? null, after, limit: query.limit + 1 }) as ReportRow[];
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { reports: page.map(toStoredReport), ...(rows.length > query.limit && last ? { next: String(last.seq) } : {}) };
  };

  const listSites = async (query: { limit: number; perGroup: number }): Promise<SiteGroup[]> => {
    const groups = sql.pendingSites.all({ limit: query.limit }) as Pick<SiteGroup, 'site' | 'kind' | 'count'>[];
    return groups.map((group) => ({
      ...group,
      reports: (sql.pendingOfSite.all({ site: group.site, kind: group.kind, limit: query.perGroup }) as ReportRow[]).map(toStoredReport),
    }));
  };

  const decideInTransaction = db.transaction((id: string, decision: Decision, beforeCommit?: (report: StoredReport) => void): DecideResult => {
    const report = get(id);
    if (!report) return { outcome: 'not-found' };
    if (report.status !== 'pending') return { outcome: 'already-decided', report };
    const decidedAt = decision.decidedAt.toISOString();
    const { changes } = sql.settle.run({ status: decision.status, decidedAt, entry: decision.entry ?? null, site: report.site, kind: report.kind });
    const decided: StoredReport = { ...report, status: decision.status, decidedAt, ...(decision.entry ? { entry: decision.entry } : {}) };
    beforeCommit?.(decided);
    return { outcome: 'decided', report: decided, settled: changes };
  });

  return {
    add,
    get: async (id) => get(id),
    list,
    listSites,
    decide: async (id, decision, beforeCommit) => decideInTransaction.immediate(id, decision, beforeCommit),
    close: async () => {
      db.close();
    },
  };
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
