// Placeholder until the command lands; the command table in main.ts already names it.
import { CliError } from '../io.ts';

export async function run(_args: string[]): Promise<number> {
  throw new CliError('"reports" is not available yet', 1);
}
