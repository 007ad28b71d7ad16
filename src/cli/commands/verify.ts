// `scam-warner verify DIR --key KEY | --keys FILE`: checks a published feed end to end (see
// publish/verify-feed.ts). Keys in the form SCAM_WARNER_FEED_KEYS takes; that variable is the fallback.
import { readFileSync } from 'node:fs';
import { parsePinnedKeys } from '../../core/index.ts';
import { CliError, parseCommandArgs, printJson } from '../io.ts';
import { verifyFeedDir } from '../publish/verify-feed.ts';
import { parseNow } from './feed-options.ts';
import { errorMessage } from '../../core/error-message.ts';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    key: { type: 'string', multiple: true },
    keys: { type: 'string' },
    now: { type: 'string' },
  }, true);
  const [dir, ...extra] = positionals;
  if (dir === undefined || extra.length > 0) throw new CliError('usage: scam-warner verify DIR --key KEY | --keys FILE');
  const keys = await parsePinnedKeys(readKeyText(values.key, values.keys)).catch((error: Error) => {
    throw new CliError(error.message);
  });
  try {
    printJson({ ok: true, ...(await verifyFeedDir(dir, keys, parseNow(values.now))) });
    return 0;
  } catch (error) {
    throw new CliError(`feed refused: ${errorMessage(error)}`, 1);
  }
}

function readKeyText(keys: string[] | undefined, file: string | undefined): string {
  if (file !== undefined) {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      throw new CliError(`cannot read keys from ${file}`);
    }
  }
  const text = keys?.join(',') ?? process.env.SCAM_WARNER_FEED_KEYS ?? '';
  if (text.trim() === '') throw new CliError('give the public key(s) with --key, --keys FILE or SCAM_WARNER_FEED_KEYS');
  return text;
}
