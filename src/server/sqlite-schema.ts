// The reports table and every statement the SQLite store runs, prepared once.
import type { Database } from 'better-sqlite3';
import type { ReportStatus } from './report-store.ts';

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS reports (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  idempotency_key TEXT UNIQUE,
  url TEXT NOT NULL,
  site TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  received_at TEXT NOT NULL,
  decided_at TEXT,
  entry TEXT,
  report TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_by_url ON reports (url, kind);
CREATE INDEX IF NOT EXISTS reports_by_site ON reports (status, site, kind, seq);
CREATE INDEX IF NOT EXISTS reports_by_status ON reports (status, seq);
`;

export interface ReportRow {
  seq: number;
  id: string;
  status: ReportStatus;
  site: string;
  received_at: string;
  decided_at: string | null;
  entry: string | null;
  report: string;
  duplicates: number;
}

const COLUMNS = `r.seq, r.id, r.status, r.site, r.received_at, r.decided_at, r.entry, r.report,
  (SELECT COUNT(*) FROM reports d WHERE d.url = r.url AND d.kind = r.kind) AS duplicates`;

export function prepareStatements(db: Database) {
  migrate(db);
  return {
    insert: db.prepare(`INSERT INTO reports (id, idempotency_key, url, site, kind, received_at, report)
      VALUES (@id, @key, @url, @site, @kind, @receivedAt, @report) ON CONFLICT (idempotency_key) DO NOTHING`),
    idForKey: db.prepare('SELECT id FROM reports WHERE idempotency_key = ?'),
    byId: db.prepare(`SELECT ${COLUMNS} FROM reports r WHERE r.id = ?`),
    page: db.prepare(`SELECT ${COLUMNS} FROM reports r WHERE (@status IS NULL OR r.status = @status) AND r.seq > @after
      ORDER BY r.seq LIMIT @limit`),
    pendingSites: db.prepare(`SELECT site, kind, COUNT(*) AS count FROM reports WHERE status = 'pending'
      GROUP BY site, kind ORDER BY count DESC, MIN(seq) LIMIT @limit`),
    pendingOfSite: db.prepare(`SELECT ${COLUMNS} FROM reports r WHERE r.status = 'pending' AND r.site = @site AND r.kind = @kind
      ORDER BY r.seq LIMIT @limit`),
    settle: db.prepare(`UPDATE reports SET status = @status, decided_at = @decidedAt, entry = @entry
      WHERE status = 'pending' AND site = @site AND kind = @kind`),
  };
}

function migrate(db: Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`the reports database has schema version ${version}; this version of scam-warner knows ${SCHEMA_VERSION}`);
  }
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}
