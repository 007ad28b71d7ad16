// The report queue delivering to a real report server: once per report with its idempotency key,
// back-off while offline, Retry-After, server errors retried and 4xx refusals final.
import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS } from '../../../../src/background/reports/backoff.ts';
import { REPORT_UNREACHABLE } from '../../../../src/shared/protocol.ts';
import { alarmTime, delayOf, reportPage, settle, startReportBench, storedReports, useReportBench } from './support.ts';

const ctx = useReportBench();
const SCAM_URL = 'http://evil-scam.test/login';

describe('delivery', () => {
  it('sends the report once, with its idempotency key, and records the server id', async () => {
    const queued = await reportPage(ctx.bench, SCAM_URL, 'asked for my bank login');
    const [sent] = await settle(ctx.bench);
    const [stored] = await storedReports(ctx.server);
    expect(sent).toMatchObject({ id: queued.id, state: 'sent', attempts: 1, serverId: stored?.id, lastProblem: null, nextAttemptAt: null });
    expect(stored).toMatchObject({ url: SCAM_URL, kind: 'scam', category: 'phishing', note: 'asked for my bank login', verdict: 'dangerous' });
    expect(ctx.network.seen).toEqual([expect.objectContaining({ key: queued.id, body: JSON.stringify(queued.report), status: 202 })]);
    expect(await alarmTime()).toBeUndefined();
  });

  it('backs off exponentially while offline, keeps the same key, and delivers once the network is back', async () => {
    ctx.network.isOnline = false;
    const queued = await reportPage(ctx.bench, SCAM_URL);
    let [state] = await settle(ctx.bench);
    expect(state).toMatchObject({ state: 'queued', attempts: 1, lastProblem: REPORT_UNREACHABLE });
    // random() is 0.5: three quarters of each step (equal jitter); the alarm is set for that time.
    expect(delayOf(ctx.clock, state)).toBe(FIRST_RETRY_MS * 0.75);
    expect(await alarmTime()).toBe(Date.parse(state?.nextAttemptAt ?? ''));

    await ctx.bench.queue.flush();
    expect(ctx.network.seen).toHaveLength(1);

    ctx.clock.advance(delayOf(ctx.clock, state));
    [state] = await settle(ctx.bench);
    expect(state).toMatchObject({ state: 'queued', attempts: 2 });
    expect(delayOf(ctx.clock, state)).toBe(FIRST_RETRY_MS * 2 * 0.75);

    ctx.network.isOnline = true;
    ctx.clock.advance(delayOf(ctx.clock, state));
    [state] = await settle(ctx.bench);
    expect(state).toMatchObject({ state: 'sent', attempts: 3 });
    expect(ctx.network.seen.map((seen) => seen.key)).toEqual([queued.id, queued.id, queued.id]);
    expect(await storedReports(ctx.server)).toHaveLength(1);
    expect(await alarmTime()).toBeUndefined();
  });

  it('stores a report once when the answer to a stored report was lost and delivery is retried', async () => {
    ctx.network.answersToLose = 1;
    await reportPage(ctx.bench, SCAM_URL);
    let [state] = await settle(ctx.bench);
    expect(state).toMatchObject({ state: 'queued', lastProblem: REPORT_UNREACHABLE });
    expect(ctx.network.seen[0]?.status).toBe(202);
    ctx.clock.advance(delayOf(ctx.clock, state));
    [state] = await settle(ctx.bench);
    const stored = await storedReports(ctx.server);
    expect(stored).toHaveLength(1);
    expect(state).toMatchObject({ state: 'sent', serverId: stored[0]?.id });
  });

  it("honours the server's Retry-After when it rate-limits", async () => {
    const limited = await ctx.startServer({ ratePerMinute: 1, rateBurst: 1 });
    ctx.bench = startReportBench(ctx.network, ctx.clock, `${limited.base}/v1/reports`);
    await reportPage(ctx.bench, SCAM_URL);
    await reportPage(ctx.bench, 'http://fake-shop.test/cart');
    const states = await settle(ctx.bench);
    const waiting = states.find((state) => state.state === 'queued');
    const retryAfter = ctx.network.seen.find((seen) => seen.status === 429)?.retryAfter;
    // Longer than the back-off's own wait (three quarters of the first step here), so it decides.
    expect(Number(retryAfter) * 1000).toBeGreaterThan(FIRST_RETRY_MS * 0.75);
    expect(waiting?.lastProblem).toBe('HTTP 429: too many reports: try again later');
    expect(delayOf(ctx.clock, waiting)).toBe(Number(retryAfter) * 1000);
  });

  it('retries a server error, and a Retry-After given as a date', async () => {
    const until = new Date(ctx.clock.now().getTime() + 3 * 3600_000);
    ctx.network.respond = () => new Response(JSON.stringify({ error: 'down for maintenance' }), { status: 503, headers: { 'Retry-After': until.toUTCString() } });
    await reportPage(ctx.bench, SCAM_URL);
    let [state] = await settle(ctx.bench);
    expect(state).toMatchObject({ state: 'queued', lastProblem: 'HTTP 503: down for maintenance', nextAttemptAt: until.toISOString() });
    ctx.network.respond = null;
    ctx.clock.advance(delayOf(ctx.clock, state));
    [state] = await settle(ctx.bench);
    expect(state?.state).toBe('sent');
  });

  it('takes a 4xx refusal as final, with the reason, and goes on with the other reports', async () => {
    ctx.network.respond = () => Response.json({ error: 'the report is not valid', errors: [{ field: 'note', reason: 'longer than 500 characters' }] }, { status: 400 });
    await reportPage(ctx.bench, SCAM_URL, 'x'.repeat(600));
    const [state] = await settle(ctx.bench);
    expect(state).toMatchObject({ state: 'refused', refusal: 'HTTP 400: the report is not valid (note: longer than 500 characters)', nextAttemptAt: null });
    ctx.network.respond = null;
    ctx.clock.advance(24 * 3600_000);
    await reportPage(ctx.bench, 'http://fake-shop.test/cart');
    const states = await settle(ctx.bench);
    expect(states.map((item) => item.state)).toEqual(['sent', 'refused']);
    expect(ctx.network.seen).toHaveLength(2);
    expect(await storedReports(ctx.server)).toHaveLength(1);
  });

  it('refuses for good what the real server refuses: a wrong address answers 404', async () => {
    ctx.bench = startReportBench(ctx.network, ctx.clock, `${ctx.server.base}/v1/no-such-path`);
    await reportPage(ctx.bench, SCAM_URL);
    const [state] = await settle(ctx.bench);
    expect(state).toMatchObject({ state: 'refused', refusal: 'HTTP 404: not found' });
  });

  it('sends the waiting reports at once when one gets through', async () => {
    ctx.network.isOnline = false;
    await reportPage(ctx.bench, SCAM_URL);
    await settle(ctx.bench);
    ctx.clock.advance(10_000);
    await reportPage(ctx.bench, 'http://fake-shop.test/cart');
    const [later, earlier] = await settle(ctx.bench);
    ctx.network.isOnline = true;
    ctx.clock.advance(delayOf(ctx.clock, earlier));
    expect(delayOf(ctx.clock, later)).toBeGreaterThan(0);
    const states = await settle(ctx.bench);
    expect(states.map((state) => state.state)).toEqual(['sent', 'sent']);
    expect(await storedReports(ctx.server)).toHaveLength(2);
  });
});
