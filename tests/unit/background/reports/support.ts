// The report queue's test bench: a whole background (fake-indexeddb, fake browser) whose queue
// delivers to a real report server (SQLite in a temporary folder) over a network the test controls:
// it can go offline, lose an answer after the server stored the report, or hang like a worker stopped
// mid-request. A clock the test moves stands in for time passing between alarms.
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, vi } from 'vitest';
import { createHandlers } from '../../../../src/background/handlers/index.ts';
import { createReportQueue, REPORT_ALARM, type ReportQueue } from '../../../../src/background/reports/queue.ts';
import { createRouter, type Router } from '../../../../src/background/router.ts';
import { IDEMPOTENCY_HEADER } from '../../../../src/core/report/index.ts';
import type { ReportDraft, ReportState, SubmitResult } from '../../../../src/shared/protocol.ts';
import type { ServerOptions } from '../../../../src/server/app.ts';
import { removeFakeChrome } from '../../shared/support/fake-chrome.ts';
import { useTestServers, type TestServer } from '../../server/test-server.ts';
import { pageSender, startTestBackground, type TestBackground } from '../support/background.ts';

export const EXTENSION_VERSION = '0.1.0';
export const POPUP = pageSender('src/popup/index.html');

export interface Clock {
  now(): Date;
  advance(ms: number): void;
}

export function createClock(start = '2025-03-01T10:00:00.000Z'): Clock {
  let time = Date.parse(start);
  return { now: () => new Date(time), advance: (ms) => (time += ms) };
}

export interface SeenRequest {
  key: string | null;
  body: string;
  status: number | null;
  retryAfter: string | null;
}

export interface Network {
  isOnline: boolean;
  /** How many of the next answers are lost after the server handled the request. */
  answersToLose: number;
  /** Requests that never finish (a worker stopped mid-request). */
  isHanging: boolean;
  /** Stands in for the server when set: a proxy or a server of another version. */
  respond: ((request: Request) => Response | Promise<Response>) | null;
  seen: SeenRequest[];
  fetch: typeof fetch;
}

export function createNetwork(): Network {
  const network: Network = {
    isOnline: true,
    answersToLose: 0,
    isHanging: false,
    respond: null,
    seen: [],
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const seen: SeenRequest = { key: request.headers.get(IDEMPOTENCY_HEADER), body: await request.clone().text(), status: null, retryAfter: null };
      network.seen.push(seen);
      if (network.isHanging) return new Promise<Response>(() => undefined);
      if (!network.isOnline) throw new TypeError('Failed to fetch');
      const response = network.respond ? await network.respond(request) : await fetch(request);
      seen.status = response.status;
      seen.retryAfter = response.headers.get('Retry-After');
      if (network.answersToLose > 0) {
        network.answersToLose--;
        throw new TypeError('network connection was lost');
      }
      return response;
    },
  };
  return network;
}

export interface ReportBench {
  background: TestBackground;
  queue: ReportQueue;
  route: Router;
  /** The same storage and browser state, a new worker (new module state, new queue). */
  restart(): ReportBench;
}

export function startReportBench(network: Network, clock: Clock, reportUrl: string, background = startTestBackground()): ReportBench {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: EXTENSION_VERSION } as ReturnType<typeof fakeBrowser.runtime.getManifest>);
  const queue = createReportQueue(background.services, { fetch: network.fetch, now: clock.now, reportUrl, random: () => 0.5 });
  const route = createRouter(createHandlers(background.services, queue), { runtimeId: fakeBrowser.runtime.id, extensionOrigins: ['chrome-extension://test-extension-id'] });
  return { background, queue, route, restart: () => startReportBench(network, clock, reportUrl, background.restart()) };
}

export async function routeValue<T>(bench: ReportBench, name: string, request: unknown, sender = POPUP): Promise<T> {
  const reply = await bench.route({ name, request }, sender);
  if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
  return reply.value as T;
}

export function draftReport(bench: ReportBench, url: string, extra: { kind?: string; tabId?: number } = {}): Promise<ReportDraft> {
  return routeValue<ReportDraft>(bench, 'report.draft', { kind: 'scam', url, ...extra });
}

/** Drafts and submits a report of `url` the way the popup does; returns its queue state. */
export async function reportPage(bench: ReportBench, url: string, note = ''): Promise<ReportState> {
  const draft = await draftReport(bench, url);
  const result = await routeValue<SubmitResult>(bench, 'report.submit', { draftId: draft.id, category: draft.report.category ?? null, note });
  if (!result.isQueued) throw new Error(`not queued: ${result.problem}`);
  return result.report;
}

/** Waits for delivery work started without awaiting (a submit starts a round). */
export async function settle(bench: ReportBench): Promise<ReportState[]> {
  await bench.queue.flush();
  return bench.queue.list();
}

export interface BenchContext {
  startServer: (options?: Partial<ServerOptions>) => Promise<TestServer>;
  server: TestServer;
  network: Network;
  clock: Clock;
  bench: ReportBench;
}

/** A fresh report server, network, clock and background for each test of the file that calls it. */
export function useReportBench(): BenchContext {
  const context = { startServer: useTestServers() } as BenchContext;
  beforeEach(async () => {
    context.server = await context.startServer();
    context.network = createNetwork();
    context.clock = createClock();
    context.bench = startReportBench(context.network, context.clock, `${context.server.base}/v1/reports`);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    removeFakeChrome();
  });
  return context;
}

export const storedReports = async (server: TestServer) => (await server.store.list({ limit: 1000 })).reports;
export const alarmTime = async () => (await fakeBrowser.alarms.get(REPORT_ALARM))?.scheduledTime;
/** How long from now until the report's next attempt. */
export const delayOf = (clock: Clock, state: ReportState | undefined) => Date.parse(state?.nextAttemptAt ?? '') - clock.now().getTime();
