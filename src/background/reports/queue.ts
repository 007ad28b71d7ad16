// Delivers queued reports. Nothing that matters lives in this module: every attempt is written to
// IndexedDB before it is made (a worker stopped mid-request tries again later with the same
// idempotency key, so the server still stores the report once), and an alarm, which outlives the
// worker, wakes the queue when the next attempt is due.
import browser from 'webextension-polyfill';
import type { Report } from '../../core/report/index.ts';
import type { ReportState } from '../../shared/protocol.ts';
import { REPORT_URL } from '../../shared/build-settings.ts';
import type { ScamWarnerDb } from '../db.ts';
import type { Services } from '../services.ts';
import { computeRetryDelay, FIRST_RETRY_MS } from './backoff.ts';
import { deliverReport, type DeliveryOutcome } from './delivery.ts';
import { addReport, listReports, listWaiting, newReportState, saveReport } from './report-store.ts';

export const REPORT_ALARM = 'scam-warner:reports';
/** The soonest an alarm is set for: an overdue report is tried now by the round that set it. */
const MIN_ALARM_DELAY_MS = 1000;

export interface ReportQueueDeps {
  getDb(): Promise<ScamWarnerDb>;
  now(): Date;
  fetch: typeof fetch;
  reportUrl: string;
  random(): number;
}

export interface ReportQueue {
  /** Queues a validated report under its idempotency key and starts delivery; null when the queue is full. */
  enqueue(id: string, report: Report): Promise<ReportState | null>;
  list(): Promise<ReportState[]>;
  /** Tries every report that is due (after one gets through, every waiting one), then sets the alarm. */
  flush(): Promise<void>;
}

export function createReportQueue(services: Services, overrides: Partial<ReportQueueDeps> = {}): ReportQueue {
  const deps: ReportQueueDeps = {
    getDb: async () => (await services.getEngine()).db,
    now: () => services.now(),
    // Called through globalThis: a bare `fetch` reference loses its receiver in a service worker.
    fetch: (input, init) => globalThis.fetch(input, init),
    reportUrl: REPORT_URL,
    random: Math.random,
    ...overrides,
  };
  let running: Promise<void> | null = null;
  let isRequested = false;
  const flush = (): Promise<void> => {
    isRequested = true;
    running ??= (async () => {
      while (isRequested) {
        isRequested = false;
        await runRound(deps);
      }
    })().finally(() => (running = null));
    return running;
  };
  return {
    async enqueue(id, report) {
      const state = await addReport(await deps.getDb(), newReportState(id, report, deps.now()));
      if (state) void flush().catch((error: unknown) => console.error('Scam Warner: sending reports failed', error));
      return state;
    },
    list: async () => listReports(await deps.getDb()),
    flush,
  };
}

async function runRound(deps: ReportQueueDeps): Promise<void> {
  const db = await deps.getDb();
  const due = await listWaiting(db, deps.now());
  // A watchdog first: if this worker is stopped mid-round, the alarm starts the next one.
  if (due.length > 0) await setAlarm(deps.now().getTime() + FIRST_RETRY_MS);
  let result = await deliverEach(deps, db, due);
  // One got through: the server is reachable again, so the reports waiting out a back-off go too.
  if (result.hasSent && result.stoppedUntil === null) result = await deliverEach(deps, db, await listWaiting(db));
  await scheduleNextRound(deps, db, result.stoppedUntil);
}

interface RoundResult {
  hasSent: boolean;
  /** Set when an attempt failed for a reason that holds for the others too (offline, busy). */
  stoppedUntil: number | null;
}

async function deliverEach(deps: ReportQueueDeps, db: ScamWarnerDb, reports: ReportState[]): Promise<RoundResult> {
  let hasSent = false;
  for (const report of reports) {
    const settled = await attempt(deps, db, report);
    if (settled.state === 'sent') hasSent = true;
    if (settled.state === 'queued') return { hasSent, stoppedUntil: Date.parse(settled.nextAttemptAt ?? '') || null };
  }
  return { hasSent, stoppedUntil: null };
}

async function attempt(deps: ReportQueueDeps, db: ScamWarnerDb, report: ReportState): Promise<ReportState> {
  const attempts = report.attempts + 1;
  // Recorded as failed before it is made: a worker stopped mid-request must not retry at once forever.
  const pending: ReportState = { ...report, attempts, nextAttemptAt: addMs(deps.now(), computeRetryDelay(attempts, deps.random)) };
  await saveReport(db, pending);
  const outcome = await deliverReport({ fetch: deps.fetch, url: deps.reportUrl }, report.id, report.report, deps.now());
  const settled = applyOutcome(pending, outcome, deps);
  await saveReport(db, settled);
  return settled;
}

function applyOutcome(report: ReportState, outcome: DeliveryOutcome, deps: Pick<ReportQueueDeps, 'now' | 'random'>): ReportState {
  const now = deps.now();
  switch (outcome.kind) {
    case 'sent':
      return { ...report, state: 'sent', serverId: outcome.serverId, settledAt: now.toISOString(), nextAttemptAt: null, lastProblem: null };
    case 'refused':
      return { ...report, state: 'refused', refusal: outcome.reason, settledAt: now.toISOString(), nextAttemptAt: null };
    case 'retry': {
      const delay = computeRetryDelay(report.attempts, deps.random, outcome.retryAfterMs);
      return { ...report, lastProblem: outcome.problem, nextAttemptAt: addMs(now, delay) };
    }
  }
}

/** The alarm at the earliest due report (not before `notBefore`), or none when nothing waits. */
async function scheduleNextRound(deps: ReportQueueDeps, db: ScamWarnerDb, notBefore: number | null): Promise<void> {
  const waiting = await listWaiting(db);
  if (waiting.length === 0) {
    await browser.alarms.clear(REPORT_ALARM);
    return;
  }
  const due = Math.min(...waiting.map((item) => Date.parse(item.nextAttemptAt ?? '') || 0));
  await setAlarm(Math.max(due, notBefore ?? 0, deps.now().getTime() + MIN_ALARM_DELAY_MS));
}

async function setAlarm(when: number): Promise<void> {
  await browser.alarms.create(REPORT_ALARM, { when });
}

function addMs(date: Date, ms: number): string {
  return new Date(date.getTime() + ms).toISOString();
}
