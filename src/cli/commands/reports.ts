// `scam-warner reports list|show|approve|reject`: the maintainers' review from the command line.
// JSON on stdout (`list`: one report per line); approving appends the entry to
// <sources>/community-reports.csv, which the next `publish` carries to every extension.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { suggestEntry } from '../../core/index.ts';
import { isCategory } from '../../core/types.ts';
import { COMMUNITY_SOURCE } from '../../server/community-csv.ts';
import { decideReport } from '../../server/decide.ts';
import { REPORT_STATUSES, type ReportStatus, type ReportStore } from '../../server/report-store.ts';
import { summarizeGroup } from '../../server/review/group-summary.ts';
import { openSqliteStore } from '../../server/sqlite-store.ts';
import { CliError, parseCommandArgs, printJson, requireOption } from '../io.ts';
import { parseWholeNumber, REPORTS_DB } from './serve.ts';

const OPTIONS = {
  data: { type: 'string' },
  status: { type: 'string', default: 'all' },
  limit: { type: 'string' },
  grouped: { type: 'boolean', default: false },
  sources: { type: 'string' },
  category: { type: 'string' },
  entry: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];
const PAGE_SIZE = 500;
const MAX_GROUPS = 10_000;
const USAGE = 'usage: scam-warner reports list|show <id>|approve <id>|reject <id> --data DIR [options]';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, true);
  const [action, id, ...extra] = positionals;
  if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}" (${USAGE})`);
  const needsId = action === 'show' || action === 'approve' || action === 'reject';
  if (action !== 'list' && !needsId) throw new CliError(USAGE);
  if (needsId && id === undefined) throw new CliError(`reports ${action} needs a report id`);
  if (action === 'list' && id !== undefined) throw new CliError(`unexpected argument "${id}" (${USAGE})`);
  const store = openStore(requireOption(values.data, 'data'));
  try {
    if (action === 'list') await listReports(store, values);
    else if (action === 'show') await showReport(store, id ?? '');
    else await decide(store, action as 'approve' | 'reject', id ?? '', values);
    return 0;
  } finally {
    await store.close();
  }
}

function openStore(dataDir: string): ReportStore {
  const path = join(dataDir, REPORTS_DB);
  // A typo in --data must not create an empty database and report "no reports".
  if (!existsSync(path)) throw new CliError(`no reports database at ${path} (is --data the folder serve uses?)`);
  return openSqliteStore(path);
}

async function listReports(store: ReportStore, values: Values): Promise<void> {
  const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : parseWholeNumber(values.limit, 'limit', 1_000_000_000);
  if (values.grouped) {
    const groups = await store.listSites({ limit: Math.min(limit, MAX_GROUPS), perGroup: 50 });
    for (const group of groups) printJson(summarizeGroup(group));
    return;
  }
  const status = parseStatus(values.status);
  let printed = 0;
  let after: string | undefined;
  do {
    const page = await store.list({ limit: Math.min(PAGE_SIZE, limit - printed), ...(status ? { status } : {}), ...(after ? { after } : {}) });
    for (const report of page.reports) printJson(report);
    printed += page.reports.length;
    after = page.next;
  } while (after !== undefined && printed < limit);
}

function parseStatus(text: string): ReportStatus | undefined {
  if (text === 'all') return undefined;
  if ((REPORT_STATUSES as readonly string[]).includes(text)) return text as ReportStatus;
  throw new CliError(`--status must be all, ${REPORT_STATUSES.join(', ')}`);
}

async function showReport(store: ReportStore, id: string): Promise<void> {
  const report = await store.get(id);
  if (!report) throw new CliError(`no report with id ${JSON.stringify(id)}`);
  const suggestion = suggestEntry(report.url);
  printJson({ ...report, suggestedEntry: suggestion.ok ? suggestion.entry : { none: suggestion.reason } });
}

async function decide(store: ReportStore, action: 'approve' | 'reject', id: string, values: Values): Promise<void> {
  if (values.category !== undefined && !isCategory(values.category)) throw new CliError(`unknown category "${values.category}"`);
  if (action === 'approve' && values.sources !== undefined && !existsSync(values.sources)) {
    throw new CliError(`the sources folder ${values.sources} does not exist`);
  }
  const outcome = await decideReport(store, {
    id, action, now: new Date(),
    ...(values.sources ? { sourcesDir: values.sources } : {}),
    ...(isCategory(values.category) ? { category: values.category } : {}),
    ...(values.entry !== undefined ? { entry: values.entry } : {}),
  });
  if (!outcome.ok) throw new CliError(outcome.reason);
  printJson({ id, status: outcome.report.status, settled: outcome.settled, ...(outcome.row ? { row: { ...outcome.row, source: COMMUNITY_SOURCE } } : {}) });
}
