// `scam-warner keygen --out DIR`: a new Ed25519 key pair for signing the feed. Prints the public key
// as the extension pins it (SCAM_WARNER_FEED_KEYS); the private key stays in DIR with mode 0600.
import { mkdirSync } from 'node:fs';
import { CliError, parseCommandArgs, printJson, requireOption } from '../io.ts';
import { writeNewKeyPair } from '../publish/key-files.ts';

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { out: { type: 'string' } });
  const dir = requireOption(values.out, 'out');
  mkdirSync(dir, { recursive: true });
  try {
    printJson(await writeNewKeyPair(dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`${dir} already holds a key pair: refusing to overwrite it`);
    throw error;
  }
  return 0;
}
