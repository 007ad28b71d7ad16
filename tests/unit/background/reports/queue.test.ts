// The report queue against a real report server: back-off while offline, Retry-After, final
// refusals, one stored report however often delivery is retried, a fresh worker resuming the
// queue, and the cap on waiting reports.
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_RETRY_MS } from '../../../../src/background/reports/backoff.ts';
import { REPORT_ALARM } from '../../../../src/background/reports/queue.ts';
import { MAX_KEPT, MAX_WAITING } from '../../../../src/background/reports/report-store.ts';
import type { Report } from '../../../../src/core/report/index.ts';
import { REPORT_UNREACHABLE, type ReportState, type SubmitResult } from '../../../../src/shared/protocol.ts';
import { removeFakeChrome } from '../../shared/support/fake-chrome.ts';
import { useTestServers, type TestServer } from '../../server/test-server.ts';
import { createClock, createNetwork, draftReport, reportPage, routeValue, settle, startReportBench, type Clock, type Network, type ReportBench } from './support.ts';

const startServer = useTestServers();
let server: TestServer;
let network: Network;
let clock: Clock;
let bench: ReportBench;

beforeEach(async () => {
  server = await startServer();
  network = createNetwork();
  clock = createClock();
  bench = startReportBench(network, clock, `${server.base}/v1/reports`);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  removeFakeChrome();
});

const SCAM_URL = 'http://evil-scam.test/login';
const storedReports = async () => (await server.store.list({ limit: 1000 })).reports;
const alarmTime = async () => (await fakeBrowser.alarms.get(REPORT_ALARM))?.scheduledTime;
const delayOf = (state: ReportState | undefined) => Date.parse(state?.nextAttemptAt ?? '') - clock.now().getTime();

describe('delivery', () => {
  it('sends the report once, with its idempotency key, and records the server id', async () => {
    const queued = await reportPage(bench, SCAM_URL, 'asked for my bank login');
    const [sent] = await settle(bench);
    const [stored] = await storedReports();
    expect(sent).toMatchObject({ id: queued.id, state: 'sent', attempts: 1, serverId: stored?.id, lastProblem: null, nextAttemptAt: null });
    expect(stored).toMatchObject({ url: SCAM_URL, kind: 'scam', category: 'phishing', note: 'asked for my bank login', verdict: 'dangerous' });
    expect(network.seen).toEqual([expect.objectContaining({ key: queued.id, body: JSON.stringify(queued.report), status: 202 })]);
    expect(await alarmTime()).toBeUndefined();
  });

  it('backs off exponentially while offline, keeps the same key, and delivers once the network is back', async () => {
    network.isOnline = false;
    const queued = await reportPage(bench, SCAM_URL);
    let [state] = await settle(bench);
    expect(state).toMatchObject({ state: 'queued', attempts: 1, lastProblem: REPORT_UNREACHABLE });
    // random() is 0.5: three quarters of each step (equal jitter); the alarm is set for that time.
    expect(delayOf(state)).toBe(FIRST_RETRY_MS * 0.75);
    expect(await alarmTime()).toBe(Date.parse(state?.nextAttemptAt ?? ''));

    await bench.queue.flush();
    expect(network.seen).toHaveLength(1);

    clock.advance(delayOf(state));
    [state] = await settle(bench);
    expect(state).toMatchObject({ state: 'queued', attempts: 2 });
    expect(delayOf(state)).toBe(FIRST_RETRY_MS * 2 * 0.75);

    network.isOnline = true;
    clock.advance(delayOf(state));
    [state] = await settle(bench);
    expect(state).toMatchObject({ state: 'sent', attempts: 3 });
    expect(network.seen.map((seen) => seen.key)).toEqual([queued.id, queued.id, queued.id]);
    expect(await storedReports()).toHaveLength(1);
    expect(await alarmTime()).toBeUndefined();
  });

  it('stores a report once when the answer to a stored report was lost and delivery is retried', async () => {
    network.answersToLose = 1;
    await reportPage(bench, SCAM_URL);
    let [state] = await settle(bench);
    expect(state).toMatchObject({ state: 'queued', lastProblem: REPORT_UNREACHABLE });
    expect(network.seen[0]?.status).toBe(202);
    clock.advance(delayOf(state));
    [state] = await settle(bench);
    const stored = await storedReports();
    expect(stored).toHaveLength(1);
    expect(state).toMatchObject({ state: 'sent', serverId: stored[0]?.id });
  });

  it("honours the server's Retry-After when it rate-limits", async () => {
    const limited = await startServer({ ratePerMinute: 1, rateBurst: 1 });
    bench = startReportBench(network, clock, `${limited.base}/v1/reports`);
    await reportPage(bench, SCAM_URL);
    await reportPage(bench, 'http://fake-shop.test/cart');
    const states = await settle(bench);
    const waiting = states.find((state) => state.state === 'queued');
    const retryAfter = network.seen.find((seen) => seen.status === 429)?.retryAfter;
    // Longer than the back-off's own wait (three quarters of the first step here), so it decides.
    expect(Number(retryAfter) * 1000).toBeGreaterThan(FIRST_RETRY_MS * 0.75);
    expect(waiting?.lastProblem).toBe('HTTP 429: too many reports: try again later');
    expect(delayOf(waiting)).toBe(Number(retryAfter) * 1000);
  });

  it('retries a server error, and a Retry-After given as a date', async () => {
    const until = new Date(clock.now().getTime() + 3 * 3600_000);
    network.respond = () => new Response(JSON.stringify({ error: 'down for maintenance' }), { status: 503, headers: { 'Retry-After': until.toUTCString() } });
    await reportPage(bench, SCAM_URL);
    let [state] = await settle(bench);
    expect(state).toMatchObject({ state: 'queued', lastProblem: 'HTTP 503: down for maintenance', nextAttemptAt: until.toISOString() });
    network.respond = null;
    clock.advance(delayOf(state));
    [state] = await settle(bench);
    expect(state?.state).toBe('sent');
  });

  it('takes a 4xx refusal as final, with the reason, and goes on with the other reports', async () => {
    network.respond = () => Response.json({ error: 'the report is not valid', errors: [{ field: 'note', reason: 'longer than 500 characters' }] }, { status: 400 });
    await reportPage(bench, SCAM_URL, 'x'.repeat(600));
    const [state] = await settle(bench);
    expect(state).toMatchObject({ state: 'refused', refusal: 'HTTP 400: the report is not valid (note: longer than 500 characters)', nextAttemptAt: null });
    network.respond = null;
    clock.advance(24 * 3600_000);
    await reportPage(bench, 'http://fake-shop.test/cart');
    const states = await settle(bench);
    expect(states.map((item) => item.state)).toEqual(['sent', 'refused']);
    expect(network.seen).toHaveLength(2);
    expect(await storedReports()).toHaveLength(1);
  });

  it('refuses for good what the real server refuses: a wrong address answers 404', async () => {
    bench = startReportBench(network, clock, `${server.base}/v1/no-such-path`);
    await reportPage(bench, SCAM_URL);
    const [state] = await settle(bench);
    expect(state).toMatchObject({ state: 'refused', refusal: 'HTTP 404: not found' });
  });

  it('sends the waiting reports at once when one gets through', async () => {
    network.isOnline = false;
    await reportPage(bench, SCAM_URL);
    await settle(bench);
    clock.advance(10_000);
    await reportPage(bench, 'http://fake-shop.test/cart');
    const [later, earlier] = await settle(bench);
    network.isOnline = true;
    clock.advance(delayOf(earlier));
    expect(delayOf(later)).toBeGreaterThan(0);
    const states = await settle(bench);
    expect(states.map((state) => state.state)).toEqual(['sent', 'sent']);
    expect(await storedReports()).toHaveLength(2);
  });
});

describe('across worker restarts', () => {
  it('a fresh worker over the same database resumes delivery when the alarm fires', async () => {
    network.isOnline = false;
    const queued = await reportPage(bench, SCAM_URL);
    const [state] = await settle(bench);
    network.isOnline = true;
    const next = bench.restart();
    // A worker starting early sends nothing before the report is due...
    await next.queue.flush();
    expect(network.seen).toHaveLength(1);
    // ...and the alarm, which outlived the old worker, starts the round that delivers it.
    const alarm = await alarmTime();
    expect(alarm).toBe(Date.parse(state?.nextAttemptAt ?? ''));
    clock.advance((alarm ?? 0) - clock.now().getTime());
    const [sent] = await settle(next);
    expect(sent).toMatchObject({ id: queued.id, state: 'sent', attempts: 2 });
    expect(network.seen.map((seen) => seen.key)).toEqual([queued.id, queued.id]);
  });

  it('a worker stopped in the middle of a request leaves the report queued, not lost and not retried in a loop', async () => {
    network.isHanging = true;
    const queued = await reportPage(bench, SCAM_URL);
    await vi.waitFor(() => expect(network.seen).toHaveLength(1));
    // The old worker is gone for good; its request never finishes.
    network.isHanging = false;
    const next = bench.restart();
    const [waiting] = await settle(next);
    expect(waiting).toMatchObject({ id: queued.id, state: 'queued', attempts: 1 });
    expect(network.seen).toHaveLength(1);
    expect(await alarmTime()).toBeDefined();
    clock.advance(delayOf(waiting));
    const [sent] = await settle(next);
    expect(sent?.state).toBe('sent');
    expect(await storedReports()).toHaveLength(1);
  });
});

describe('the queue', () => {
  const minimalReport = (index: number): Report => ({ url: `http://scam-${index}.test/`, kind: 'scam' });

  it(`refuses a new report clearly when ${MAX_WAITING} wait, and drops none of them`, async () => {
    network.isOnline = false;
    for (let index = 0; index < MAX_WAITING; index++) {
      expect(await bench.queue.enqueue(`waiting-report-${index}`, minimalReport(index))).not.toBeNull();
    }
    await settle(bench);
    const draft = await draftReport(bench, SCAM_URL);
    const full = await routeValue<SubmitResult>(bench, 'report.submit', { draftId: draft.id, category: null, note: '' });
    expect(full).toEqual({ isQueued: false, problem: 'queue-full', errors: [] });
    expect((await bench.queue.list()).filter((state) => state.state === 'queued')).toHaveLength(MAX_WAITING);

    network.isOnline = true;
    clock.advance(FIRST_RETRY_MS);
    const states = await settle(bench);
    expect(states.every((state) => state.state === 'sent')).toBe(true);
    expect(await storedReports()).toHaveLength(MAX_WAITING);
    // The same draft goes through now that there is room.
    const retried = await routeValue<SubmitResult>(bench, 'report.submit', { draftId: draft.id, category: null, note: '' });
    expect(retried.isQueued).toBe(true);
  });

  it(`keeps at most ${MAX_KEPT} reports, dropping the oldest settled ones first`, async () => {
    for (let index = 0; index < MAX_KEPT + 5; index++) {
      clock.advance(1000);
      await bench.queue.enqueue(`kept-report-${String(index).padStart(3, '0')}`, minimalReport(index));
      await bench.queue.flush();
    }
    const states = await bench.queue.list();
    expect(states).toHaveLength(MAX_KEPT);
    expect(states.at(-1)?.id).toBe('kept-report-005');
    expect(states[0]?.id).toBe(`kept-report-${MAX_KEPT + 4}`);
  });

  it('queues one report when the same draft is sent twice (a double click)', async () => {
    const draft = await draftReport(bench, SCAM_URL);
    const choices = { draftId: draft.id, category: null, note: '' };
    const [first, second] = await Promise.all([
      routeValue<SubmitResult>(bench, 'report.submit', choices),
      routeValue<SubmitResult>(bench, 'report.submit', choices),
    ]);
    expect(first.isQueued || second.isQueued).toBe(true);
    await settle(bench);
    expect(await bench.queue.list()).toHaveLength(1);
    expect(await storedReports()).toHaveLength(1);
  });
});
