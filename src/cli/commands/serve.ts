// `scam-warner serve`: report intake, the review page and the feed, until SIGTERM or SIGINT.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { closeServer, createReportServer, listen } from '../../server/app.ts';
import { openSqliteStore } from '../../server/sqlite-store.ts';
import { CliError, parseCommandArgs, printJson, requireOption } from '../io.ts';

export const REPORTS_DB = 'reports.sqlite';
const TOKEN_ENV = 'SCAM_WARNER_REVIEW_TOKEN';

const OPTIONS = {
  feed: { type: 'string' },
  data: { type: 'string' },
  port: { type: 'string', default: '8080' },
  host: { type: 'string', default: '127.0.0.1' },
  sources: { type: 'string' },
  token: { type: 'string' },
  rate: { type: 'string', default: '10' },
  burst: { type: 'string', default: '20' },
  'trust-proxy': { type: 'boolean', default: false },
} as const;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, OPTIONS);
  const dataDir = requireOption(values.data, 'data');
  const port = parseWholeNumber(values.port, 'port', 65_535);
  const reviewToken = values.token ?? process.env[TOKEN_ENV];
  mkdirSync(dataDir, { recursive: true });
  const store = openSqliteStore(join(dataDir, REPORTS_DB));
  let server;
  try {
    server = createReportServer({
      store,
      ratePerMinute: parseWholeNumber(values.rate, 'rate', 1_000_000),
      rateBurst: Math.max(1, parseWholeNumber(values.burst, 'burst', 1_000_000)),
      trustProxy: values['trust-proxy'],
      // The feed handler (src/server/feed-handler.ts, the feed engineer's) mounts here: createFeedHandler(values.feed).
      ...(reviewToken ? { reviewToken } : {}),
      ...(values.sources ? { sourcesDir: values.sources } : {}),
    });
  } catch (error) {
    await store.close();
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  const actualPort = await listen(server, port, values.host);
  printJson({ event: 'listening', host: values.host, port: actualPort, url: `http://${values.host}:${actualPort}`,
    feed: values.feed ?? null, review: reviewToken !== undefined, sources: values.sources ?? null });
  await waitForSignal();
  await closeServer(server);
  await store.close();
  printJson({ event: 'closed' });
  return 0;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop).off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop).on('SIGINT', stop);
  });
}

/** Whole-number options (`--port 0`, `--limit 50`), refused with a one-line error when they are not. */
export function parseWholeNumber(text: string | undefined, flag: string, max: number): number {
  const value = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || value > max) throw new CliError(`--${flag} must be a whole number from 0 to ${max}`);
  return value;
}
