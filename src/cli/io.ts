// What every command shares: its shape, argument parsing, and how it reports.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage } from '../core/error-message.ts';

export interface CommandModule {
  run(args: string[]): Promise<number>;
}

/** Bad input: printed as one line on stderr, exit code 2 unless told otherwise. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `node:util` parseArgs, with its errors turned into one-line CLI errors. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new CliError(errorMessage(error));
  }
}

export function requireOption(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new CliError(`missing required option --${flag}`);
  return value;
}

/** One JSON object per line on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
