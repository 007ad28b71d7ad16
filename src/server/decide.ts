// Approving or rejecting a report, the same for `scam-warner reports approve|reject` and the review
// page: approval settles the report's whole site group and appends its entry to the sources in one
// step (if the row cannot be written, nothing is settled).
import { guessCategory, parseEntryValue, suggestEntry } from '../core/index.ts';
import type { Category } from '../core/types.ts';
import { appendCommunityRow, type CommunityRow } from './community-csv.ts';
import type { ReportStore, StoredReport } from './report-store.ts';

export interface DecideRequest {
  id: string;
  action: 'approve' | 'reject';
  /** Needed to approve: the maintainers' sources folder. */
  sourcesDir?: string;
  /** The maintainer's choice; else the report's category, the signals' guess, or `other`. */
  category?: Category;
  /** The maintainer's choice of entry; else the one `suggestEntry` gives. */
  entry?: string;
  now: Date;
}

export type DecideOutcome =
  | { ok: true; report: StoredReport; settled: number; row?: CommunityRow }
  | { ok: false; code: 'not-found' | 'already-decided' | 'bad-request'; reason: string };

export async function decideReport(store: ReportStore, request: DecideRequest): Promise<DecideOutcome> {
  if (request.action === 'reject') {
    return settle(await store.decide(request.id, { status: 'rejected', decidedAt: request.now }), request.id);
  }
  if (!request.sourcesDir) return { ok: false, code: 'bad-request', reason: 'approving needs the sources folder (--sources DIR)' };
  const report = await store.get(request.id);
  if (!report) return notFound(request.id);
  const entry = chooseEntry(report, request.entry);
  if (!entry.ok) return { ok: false, code: 'bad-request', reason: entry.reason };
  const row: CommunityRow = {
    url: entry.value,
    category: request.category ?? report.category ?? guessCategory(report.signals ?? []) ?? 'other',
    added: request.now.toISOString().slice(0, 10),
    action: report.kind === 'false-positive' ? 'allow' : 'block',
  };
  const sourcesDir = request.sourcesDir;
  const result = await store.decide(request.id, { status: 'approved', decidedAt: request.now, entry: row.url }, () => {
    appendCommunityRow(sourcesDir, row);
  });
  const outcome = settle(result, request.id);
  return outcome.ok ? { ...outcome, row } : outcome;
}

function chooseEntry(report: StoredReport, override: string | undefined): { ok: true; value: string } | { ok: false; reason: string } {
  const suggestion = override === undefined ? suggestEntry(report.url) : parseEntryValue(override);
  if (suggestion.ok) return { ok: true, value: suggestion.entry.value };
  return { ok: false, reason: override === undefined ? `${suggestion.reason}; give the entry to add (--entry)` : suggestion.reason };
}

function settle(result: Awaited<ReturnType<ReportStore['decide']>>, id: string): DecideOutcome {
  if (result.outcome === 'not-found') return notFound(id);
  if (result.outcome === 'already-decided') {
    return { ok: false, code: 'already-decided', reason: `report ${id} was already ${result.report.status} on ${result.report.decidedAt ?? '?'}` };
  }
  return { ok: true, report: result.report, settled: result.settled };
}

function notFound(id: string): DecideOutcome {
  return { ok: false, code: 'not-found', reason: `no report with id ${JSON.stringify(id.slice(0, 80))}` };
}
