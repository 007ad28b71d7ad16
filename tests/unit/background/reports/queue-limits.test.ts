// The report queue across worker restarts (a fresh worker over the same database resumes; a worker
// stopped mid-request loses nothing and loops on nothing) and its limits (waiting reports, history,
// one report per draft).
import { vi, describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS } from '../../../../src/background/reports/backoff.ts';
import { MAX_KEPT, MAX_WAITING } from '../../../../src/background/reports/report-store.ts';
import type { Report } from '../../../../src/core/report/index.ts';
import type { SubmitResult } from '../../../../src/shared/protocol.ts';
import { alarmTime, delayOf, draftReport, reportPage, routeValue, settle, storedReports, useReportBench } from './support.ts';

const ctx = useReportBench();
const SCAM_URL = 'http://evil-scam.test/login';

describe('across worker restarts', () => {
  it('a fresh worker over the same database resumes delivery when the alarm fires', async () => {
    ctx.network.isOnline = false;
    const queued = await reportPage(ctx.bench, SCAM_URL);
    const [state] = await settle(ctx.bench);
    ctx.network.isOnline = true;
    const next = ctx.bench.restart();
    // A worker starting early sends nothing before the report is due...
    await next.queue.flush();
    expect(ctx.network.seen).toHaveLength(1);
    // ...and the alarm, which outlived the old worker, starts the round that delivers it.
    const alarm = await alarmTime();
    expect(alarm).toBe(Date.parse(state?.nextAttemptAt ?? ''));
    ctx.clock.advance((alarm ?? 0) - ctx.clock.now().getTime());
    const [sent] = await settle(next);
    expect(sent).toMatchObject({ id: queued.id, state: 'sent', attempts: 2 });
    expect(ctx.network.seen.map((seen) => seen.key)).toEqual([queued.id, queued.id]);
  });

  it('a worker stopped in the middle of a request leaves the report queued, not lost and not retried in a loop', async () => {
    ctx.network.isHanging = true;
    const queued = await reportPage(ctx.bench, SCAM_URL);
    await vi.waitFor(() => expect(ctx.network.seen).toHaveLength(1));
    // The old worker is gone for good; its request never finishes.
    ctx.network.isHanging = false;
    const next = ctx.bench.restart();
    const [waiting] = await settle(next);
    expect(waiting).toMatchObject({ id: queued.id, state: 'queued', attempts: 1 });
    expect(ctx.network.seen).toHaveLength(1);
    expect(await alarmTime()).toBeDefined();
    ctx.clock.advance(delayOf(ctx.clock, waiting));
    const [sent] = await settle(next);
    expect(sent?.state).toBe('sent');
    expect(await storedReports(ctx.server)).toHaveLength(1);
  });
});

describe('the queue', () => {
  const minimalReport = (index: number): Report => ({ url: `http://scam-${index}.test/`, kind: 'scam' });

  it(`refuses a new report clearly when ${MAX_WAITING} wait, and drops none of them`, async () => {
    ctx.network.isOnline = false;
    for (let index = 0; index < MAX_WAITING; index++) {
      expect(await ctx.bench.queue.enqueue(`waiting-report-${index}`, minimalReport(index))).not.toBeNull();
    }
    await settle(ctx.bench);
    const draft = await draftReport(ctx.bench, SCAM_URL);
    const full = await routeValue<SubmitResult>(ctx.bench, 'report.submit', { draftId: draft.id, category: null, note: '' });
    expect(full).toEqual({ isQueued: false, problem: 'queue-full', errors: [] });
    expect((await ctx.bench.queue.list()).filter((state) => state.state === 'queued')).toHaveLength(MAX_WAITING);

    ctx.network.isOnline = true;
    ctx.clock.advance(FIRST_RETRY_MS);
    const states = await settle(ctx.bench);
    expect(states.every((state) => state.state === 'sent')).toBe(true);
    expect(await storedReports(ctx.server)).toHaveLength(MAX_WAITING);
    // The same draft goes through now that there is room.
    const retried = await routeValue<SubmitResult>(ctx.bench, 'report.submit', { draftId: draft.id, category: null, note: '' });
    expect(retried.isQueued).toBe(true);
  });

  it(`keeps at most ${MAX_KEPT} reports, dropping the oldest settled ones first`, async () => {
    for (let index = 0; index < MAX_KEPT + 5; index++) {
      ctx.clock.advance(1000);
      await ctx.bench.queue.enqueue(`kept-report-${String(index).padStart(3, '0')}`, minimalReport(index));
      await ctx.bench.queue.flush();
    }
    const states = await ctx.bench.queue.list();
    expect(states).toHaveLength(MAX_KEPT);
    expect(states.at(-1)?.id).toBe('kept-report-005');
    expect(states[0]?.id).toBe(`kept-report-${MAX_KEPT + 4}`);
  });

  it('queues one report when the same draft is sent twice (a double click)', async () => {
    const draft = await draftReport(ctx.bench, SCAM_URL);
    const choices = { draftId: draft.id, category: null, note: '' };
    const [first, second] = await Promise.all([
      routeValue<SubmitResult>(ctx.bench, 'report.submit', choices),
      routeValue<SubmitResult>(ctx.bench, 'report.submit', choices),
    ]);
    expect(first.isQueued || second.isQueued).toBe(true);
    await settle(ctx.bench);
    expect(await ctx.bench.queue.list()).toHaveLength(1);
    expect(await storedReports(ctx.server)).toHaveLength(1);
  });
});
