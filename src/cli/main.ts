// The maintainers' command `scam-warner <command>`: JSON on stdout, one line on stderr for bad input.
import { CliError, type CommandModule } from './io.ts';
import { errorMessage } from '../core/error-message.ts';

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  check: () => import('./commands/check.ts'),
  scan: () => import('./commands/scan.ts'),
  keygen: () => import('./commands/keygen.ts'),
  publish: () => import('./commands/publish.ts'),
  verify: () => import('./commands/verify.ts'),
  serve: () => import('./commands/serve.ts'),
  reports: () => import('./commands/reports.ts'),
};

const USAGE = `usage: scam-warner <command> [options]
  check <url>... [--feed DIR]              verdict for each URL, one JSON object per line
  scan --url <url> --html <file>           verdict for a saved page, page patterns included
  keygen --out DIR                         a new Ed25519 feed signing key pair
  publish --sources DIR --out DIR --key F  publish the next signed feed version
  verify DIR                               check a published feed end to end
  serve --feed DIR --data DIR --port N     serve the feed and take reports
  reports list|show|approve|reject ...     review reports`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) return fail(new CliError(`unknown command "${name}" (try --help)`));
  try {
    const command = await load();
    return await command.run(args);
  } catch (error) {
    return fail(error);
  }
}

function fail(error: unknown): number {
  const message = errorMessage(error);
  process.stderr.write(`scam-warner: ${message.split('\n')[0]}\n`);
  return error instanceof CliError ? error.exitCode : 1;
}
