// `scam-warner publish --sources DIR --out DIR --key FILE`: the next signed feed version. Every
// refused line goes to stderr as `file:line: why`; the summary is one JSON object on stdout. Exit 1
// only when nothing could be published (a source file unreadable as declared, a bad key).
import { CliError, parseCommandArgs, printJson, requireOption } from '../io.ts';
import { readSigningKey } from '../publish/key-files.ts';
import { PublishError, publishFeed } from '../publish/publish-feed.ts';
import { formatProblem } from '../publish/source-types.ts';
import { parseNow, parsePositiveInteger } from './feed-options.ts';

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    sources: { type: 'string' },
    out: { type: 'string' },
    key: { type: 'string' },
    deltas: { type: 'string' },
    'lifetime-days': { type: 'string' },
    'min-poll-seconds': { type: 'string' },
    now: { type: 'string' },
  });
  const sources = requireOption(values.sources, 'sources');
  const out = requireOption(values.out, 'out');
  const keyFile = requireOption(values.key, 'key');
  const privateKey = await readSigningKey(keyFile).catch((error: Error) => {
    throw new CliError(`cannot use ${keyFile} as the signing key: ${error.message}`);
  });
  try {
    const { problems, ...summary } = await publishFeed({
      sources,
      out,
      privateKey,
      now: parseNow(values.now),
      deltaCount: parsePositiveInteger(values.deltas, 'deltas', 8),
      lifetimeDays: parsePositiveInteger(values['lifetime-days'], 'lifetime-days', 7),
      minPollSeconds: parsePositiveInteger(values['min-poll-seconds'], 'min-poll-seconds', 1800),
    });
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
    printJson({ ...summary, deltas: summary.deltas.map(({ from, name, size }) => ({ from, name, size })) });
    return 0;
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    throw new CliError(`nothing published: ${error.problems.length} source problem(s) above must be fixed first`, 1);
  }
}
