// A server killed with SIGKILL in the middle of a stream of writes loses no report it acknowledged.
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli, spawnServe, type ServeProcess } from './cli-process.ts';
import { useTempDirs } from './temp-dir.ts';
import { postReport } from './test-server.ts';

const makeDir = useTempDirs();
const ROUNDS = 3;
const WORKERS = 8;
const ACKS_BEFORE_KILL = 150;

/** Posts reports from several workers until the server dies; returns what it acknowledged. */
async function writeUntilKilled(serve: ServeProcess, round: number): Promise<Map<string, string>> {
  const acknowledged = new Map<string, string>();
  let sent = 0;
  const worker = async (workerId: number) => {
    for (;;) {
      const key = `crash-${round}-${workerId}-${sent++}`;
      let response: Response;
      try {
        response = await postReport(serve.base, { url: `https://evil${round}.test/${key}`, note: key }, { 'Idempotency-Key': key });
      } catch {
        return; // the server is gone
      }
      if (response.status !== 202) throw new Error(`unexpected ${response.status}`);
      acknowledged.set(key, ((await response.json()) as { id: string }).id);
      if (acknowledged.size === ACKS_BEFORE_KILL) serve.child.kill('SIGKILL');
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, id) => worker(id)));
  return acknowledged;
}

describe('durability', () => {
  it('keeps every acknowledged report across SIGKILL during writes, and restarts cleanly', async () => {
    const data = makeDir();
    const acknowledged = new Map<string, string>();
    for (let round = 0; round < ROUNDS; round++) {
      const serve = await spawnServe(['--data', data, '--rate', '0']);
      for (const [key, id] of await writeUntilKilled(serve, round)) acknowledged.set(key, id);
      expect(await serve.exited).toBeNull(); // killed by the signal, not exited
    }
    const list = await runCli(['reports', 'list', '--data', data]);
    expect(list.code).toBe(0);
    const stored = jsonLines(list.stdout);
    const storedIds = new Set(stored.map((report) => report.id));
    expect(storedIds.size).toBe(stored.length);
    const lost = [...acknowledged.values()].filter((id) => !storedIds.has(id));
    expect(lost).toEqual([]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS * ACKS_BEFORE_KILL);
    // Each note is its idempotency key: no key was stored twice.
    expect(new Set(stored.map((report) => report.note)).size).toBe(stored.length);
  }, 90_000);
});
