// The report queue in IndexedDB: reports waiting to be sent and a short history of sent and
// refused ones, so the popup can say what became of each. A full queue refuses new reports; it
// never drops a waiting one.
import type { Report } from '../../core/report/index.ts';
import type { ReportState } from '../../shared/protocol.ts';
import type { ScamWarnerDb } from '../db.ts';

/** Reports waiting to be sent: room for a long offline period, small enough to stay cheap. */
export const MAX_WAITING = 50;
/** Waiting plus settled reports kept; the oldest settled ones go first. */
export const MAX_KEPT = 100;

const byNewest = (a: ReportState, b: ReportState) => b.queuedAt.localeCompare(a.queuedAt);
const byOldest = (a: ReportState, b: ReportState) => a.queuedAt.localeCompare(b.queuedAt);

export function newReportState(id: string, report: Report, now: Date): ReportState {
  const at = now.toISOString();
  return { id, report, state: 'queued', queuedAt: at, attempts: 0, nextAttemptAt: at, lastProblem: null, serverId: null, settledAt: null, refusal: null };
}

/**
 * Adds a report in one transaction: the same id twice (a double click on "Send") keeps the first;
 * a full queue adds nothing and returns null. Trims the settled history to MAX_KEPT.
 */
export async function addReport(db: ScamWarnerDb, state: ReportState): Promise<ReportState | null> {
  const tx = db.transaction('reports', 'readwrite');
  const all = await tx.store.getAll();
  const existing = all.find((item) => item.id === state.id);
  if (existing) return existing;
  if (all.filter((item) => item.state === 'queued').length >= MAX_WAITING) return null;
  await tx.store.put(state);
  const settled = all.filter((item) => item.state !== 'queued').sort(byOldest);
  const excess = all.length + 1 - MAX_KEPT;
  await Promise.all(settled.slice(0, Math.max(0, excess)).map((item) => tx.store.delete(item.id)));
  await tx.done;
  return state;
}

export async function saveReport(db: ScamWarnerDb, state: ReportState): Promise<void> {
  await db.put('reports', state);
}

export async function listReports(db: ScamWarnerDb): Promise<ReportState[]> {
  return (await db.getAll('reports')).sort(byNewest);
}

/** Waiting reports, oldest first; with `dueBy`, only those whose next attempt is due by then. */
export async function listWaiting(db: ScamWarnerDb, dueBy?: Date): Promise<ReportState[]> {
  const due = dueBy?.toISOString();
  return (await db.getAll('reports'))
    .filter((item) => item.state === 'queued' && (due === undefined || (item.nextAttemptAt ?? '') <= due))
    .sort(byOldest);
}
