// `scam-warner check <url>... [--feed DIR] [--sensitivity S]`: one JSON verdict per URL, judged by the
// allow and block lists and lookalike detection, exactly as the extension's background judges a URL.
import { canonicalizeUrl, checkUrl } from '../../core/index.ts';
import { CliError, parseCommandArgs, printJson } from '../io.ts';
import { loadListState } from '../list-state.ts';
import { parseSensitivity } from './sensitivity.ts';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { feed: { type: 'string' }, sensitivity: { type: 'string' } }, true);
  if (positionals.length === 0) throw new CliError('usage: scam-warner check <url>... [--feed DIR] [--sensitivity low|normal|high]');
  const bad = positionals.find((url) => canonicalizeUrl(url) === null);
  if (bad !== undefined) throw new CliError(`not an http(s) URL: ${JSON.stringify(bad.slice(0, 200))}`);
  const sensitivity = parseSensitivity(values.sensitivity);
  const { index } = loadListState(values.feed);
  for (const url of positionals) printJson(checkUrl(url, { index, sensitivity }));
  return 0;
}
