// `npm run bench reports`: the real report server (a child process, as `scam-warner serve` runs it)
// under sustained concurrent reports for 30 s, with a tenth of them retries of an earlier key. Then
// the database is checked: no acknowledged report lost, none stored twice. Peers in the same run:
// the same server answering GET /health (HTTP alone) and refusing an invalid report (HTTP + JSON +
// validation, no storage), so the figures read as ratios on this shared machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../../src/server/sqlite-store.ts';
import type { StoredReport } from '../../src/server/report-store.ts';

const REPORT_SECONDS = 30;
const PEER_SECONDS = 10;
const CONNECTIONS = 32;
const RETRY_SHARE = 0.1;
const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));

interface Histogram { average: number; p50: number; p99: number; max: number }
interface Result { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number; duration: number; statusCodeStats: Record<string, { count: number }> }
interface RawRequest { method?: string; path?: string; headers?: Record<string, string>; body?: string }
interface RequestSpec extends RawRequest {
  setupRequest?: (req: RawRequest, context: Record<string, unknown>) => RawRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
type Autocannon = (options: { url: string; connections: number; duration: number; requests: RequestSpec[] }) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'scam-warner-bench-'));
  const server = await startServer(dir);
  try {
    const health = await load(server.base, 'GET /health', PEER_SECONDS, [{ method: 'GET', path: '/health' }]);
    const refused = await load(server.base, 'POST invalid (400)', PEER_SECONDS, [jsonPost(JSON.stringify({ url: 'ftp://x', extra: 1 }))]);
    const writes = trackWrites();
    const reports = await load(server.base, 'POST report (202)', REPORT_SECONDS, [writes.spec]);
    await server.stop();
    const check = await checkDatabase(join(dir, 'reports.sqlite'), writes.acknowledged);
    printSummary(reports, health, refused, writes, check);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function jsonPost(body: string, headers: Record<string, string> = {}): RequestSpec {
  return { method: 'POST', path: '/v1/reports', headers: { 'Content-Type': 'application/json', ...headers }, body };
}

/** Every request carries a fresh key, or (one in ten) repeats an earlier one as a retry would. */
function trackWrites() {
  const acknowledged = new Map<string, string>();
  const conflicts: string[] = [];
  const refusals: string[] = [];
  let sent = 0;
  let retries = 0;
  const keys: string[] = [];
  const spec: RequestSpec = {
    ...jsonPost(''),
    setupRequest(req, context) {
      const isRetry = keys.length > 0 && Math.random() < RETRY_SHARE;
      const key = isRetry ? keys[Math.floor(Math.random() * keys.length)] ?? '' : `bench-key-${sent++}`;
      if (isRetry) retries++;
      else keys.push(key);
      context.key = key;
      const body = JSON.stringify({ url: `https://evil${key.length % 50}.test/${key}`, note: key, category: 'investment',
        signals: [{ kind: 'signal', name: 'guaranteed-returns', category: 'investment', weight: 40 }], reportedAt: new Date().toISOString() });
      return { ...req, body, headers: { ...req.headers, 'Idempotency-Key': key } };
    },
    onResponse(status, body, context) {
      if (status !== 202) {
        if (refusals.length < 3) refusals.push(`${status} ${body.slice(0, 200)}`);
        return;
      }
      const key = String(context.key);
      const { id } = JSON.parse(body) as { id: string };
      const earlier = acknowledged.get(key);
      if (earlier !== undefined && earlier !== id) conflicts.push(key);
      acknowledged.set(key, id);
    },
  };
  return { spec, acknowledged, conflicts, refusals, get sent() { return sent; }, get retries() { return retries; } };
}

async function load(base: string, title: string, seconds: number, requests: RequestSpec[]): Promise<Result> {
  process.stdout.write(`${title}: ${seconds} s with ${CONNECTIONS} connections...\n`);
  return autocannon({ url: base, connections: CONNECTIONS, duration: seconds, requests });
}

async function checkDatabase(path: string, acknowledged: Map<string, string>) {
  const store = openSqliteStore(path);
  const stored: StoredReport[] = [];
  let after: string | undefined;
  do {
    const page = await store.list({ limit: 5000, ...(after ? { after } : {}) });
    stored.push(...page.reports);
    after = page.next;
  } while (after);
  await store.close();
  const ids = new Set(stored.map((report) => report.id));
  const notes = new Set(stored.map((report) => report.note));
  const lost = [...acknowledged.values()].filter((id) => !ids.has(id)).length;
  return { stored: stored.length, lost, duplicated: stored.length - notes.size };
}

function printSummary(reports: Result, health: Result, refused: Result, writes: ReturnType<typeof trackWrites>,
  check: Awaited<ReturnType<typeof checkDatabase>>): void {
  const row = (name: string, result: Result) =>
    `${name.padEnd(20)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   max ${result.latency.max} ms   errors ${result.errors}`;
  console.log(row('GET /health', health));
  console.log(row('POST invalid (400)', refused));
  console.log(row('POST report (202)', reports));
  const statuses = Object.entries(reports.statusCodeStats).map(([code, { count }]) => `${code}: ${count}`).join(', ');
  console.log(`reports: ${writes.sent} new keys, ${writes.retries} retries; answers ${statuses}; acknowledged keys ${writes.acknowledged.size}`);
  for (const refusal of writes.refusals) console.log(`  refused: ${refusal}`);
  console.log(`database: ${check.stored} stored, ${check.lost} acknowledged but lost, ${check.duplicated} stored twice, ${writes.conflicts.length} keys answered with two ids`);
  console.log(`throughput ratio, reports / GET /health: ${(reports.requests.average / health.requests.average).toFixed(2)}`);
  console.log(`throughput ratio, reports / invalid POST: ${(reports.requests.average / refused.requests.average).toFixed(2)}`);
  console.log(`p99 ratio, reports / GET /health: ${(reports.latency.p99 / Math.max(1, health.latency.p99)).toFixed(2)}`);
  const isSound = check.lost === 0 && check.duplicated === 0 && writes.conflicts.length === 0 && reports.non2xx === 0;
  console.log(isSound ? 'verdict: none lost, none duplicated' : 'verdict: FAILED (see the counts above)');
  if (!isSound) process.exitCode = 1;
}

async function startServer(dataDir: string): Promise<{ base: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--data', dataDir, '--port', '0', '--rate', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line) as { event?: string; port?: number };
      if (event.event === 'listening' && event.port) resolve(event.port);
    });
    void exited.then(() => reject(new Error('the server exited before listening')));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
