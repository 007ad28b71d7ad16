// What the end-to-end specs run as maintainers and release builders do: the real CLI, and the
// extension built as a release is built, but pinned to a test key and pointed at local servers.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runCli } from '../../support/cli.ts';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;

/** `scam-warner <args>`, its stdout; a failure throws with the command's stderr. */
export async function cli(args: string[]): Promise<string> {
  const result = await runCli(args);
  if (result.code !== 0) throw new Error(`scam-warner ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** A release build into its own folder (dist/ is left alone), with the given SCAM_WARNER_* settings. */
export async function buildExtension(outDir: string, env: Record<string, string>): Promise<void> {
  await run('npx', ['vite', 'build', '--mode', 'release', '--outDir', outDir, '--logLevel', 'error'], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
}
