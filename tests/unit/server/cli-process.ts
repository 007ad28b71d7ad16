// The real CLI as a child process: `serve` until it prints its port, and one-shot commands.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CLI_BIN as BIN } from '../../support/cli.ts';

export { BIN };

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  base: string;
  /** Every JSON line printed on stdout so far. */
  lines: unknown[];
  exited: Promise<number | null>;
}

export async function spawnServe(args: string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: unknown[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const event = JSON.parse(line) as { event?: string; port?: number };
      lines.push(event);
      if (event.event === 'listening' && event.port) resolve(event.port);
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, port, base: `http://127.0.0.1:${port}`, lines, exited };
}

export { jsonLines, runCli, type CliResult } from '../../support/cli.ts';
