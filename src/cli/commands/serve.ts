// `scam-warner serve`: report intake, the review page and the feed, until SIGTERM or SIGINT.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { closeServer, createReportServer, listen, MIN_REVIEW_TOKEN_LENGTH } from '../../server/app.ts';
import { createFeedHandler } from '../../server/feed-handler.ts';
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
  const settings = readSettings(values);
  mkdirSync(settings.dataDir, { recursive: true });
  const store = openSqliteStore(join(settings.dataDir, REPORTS_DB));
  const server = createReportServer({
    store,
    ratePerMinute: settings.ratePerMinute,
    rateBurst: settings.rateBurst,
    trustProxy: values['trust-proxy'],
    ...(values.feed ? { feedHandler: createFeedHandler(values.feed) } : {}),
    ...(settings.reviewToken ? { reviewToken: settings.reviewToken } : {}),
    ...(values.sources ? { sourcesDir: values.sources } : {}),
  });
  const port = await listen(server, settings.port, values.host);
  printJson({ event: 'listening', host: values.host, port, url: `http://${values.host}:${port}`,
    feed: values.feed ?? null, review: settings.reviewToken !== undefined, sources: values.sources ?? null });
  await waitForSignal();
  await closeServer(server);
  await store.close();
  printJson({ event: 'closed' });
  return 0;
}

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

/** Every option checked before anything is opened, so bad input leaves nothing behind. */
function readSettings(values: Values) {
  const reviewToken = values.token ?? process.env[TOKEN_ENV];
  if (reviewToken !== undefined && reviewToken.length < MIN_REVIEW_TOKEN_LENGTH) {
    throw new CliError(`the review token must be at least ${MIN_REVIEW_TOKEN_LENGTH} characters`);
  }
  for (const [flag, dir] of [['feed', values.feed], ['sources', values.sources]] as const) {
    if (dir !== undefined && !existsSync(dir)) throw new CliError(`the ${flag} folder ${dir} does not exist`);
  }
  return {
    dataDir: requireOption(values.data, 'data'),
    port: parseWholeNumber(values.port, 'port', 65_535),
    ratePerMinute: parseWholeNumber(values.rate, 'rate', 1_000_000),
    rateBurst: Math.max(1, parseWholeNumber(values.burst, 'burst', 1_000_000)),
    reviewToken,
  };
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
