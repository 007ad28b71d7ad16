// The maintainers' side of the end-to-end feed tests, run with the real CLI: a key from `keygen`,
// source lists published with `publish`, the folder served by `serve` on a port of its own, and the
// extension built (into its own folder: dist/ is left alone) to pin that key and ask that server.
// The feed address is `localhost`, which the browser's resolver rules leave alone, so it reaches
// `serve` itself while every made-up site still goes to the demo server.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonLines } from '../../support/cli.ts';
import { spawnServe, type ServeProcess } from '../../unit/server/cli-process.ts';
import { buildExtension, cli } from './maintainer-cli.ts';


export interface PublishSummary {
  version: number;
  feed: string;
  changed: boolean;
}

export interface FeedSide {
  feedDir: string;
  keyFile: string;
  publicKey: string;
  feedUrl: string;
  extensionDir: string;
  /** Publishes the next version listing exactly these domains (phishing), with any extra `publish` flags. */
  publish(domains: readonly string[], flags?: string[]): Promise<PublishSummary>;
  readFile(name: string): Uint8Array;
  writeFile(name: string, bytes: Uint8Array | string): void;
  close(): Promise<void>;
}

export async function startFeedSide(): Promise<FeedSide> {
  const dir = mkdtempSync(join(tmpdir(), 'scam-warner-feed-e2e-'));
  const [sourcesDir, feedDir, keysDir, extensionDir] = ['sources', 'feed', 'keys', 'extension'].map((name) => join(dir, name)) as [string, string, string, string];
  for (const folder of [sourcesDir, feedDir]) mkdirSync(folder, { recursive: true });
  const keys = JSON.parse(await cli(['keygen', '--out', keysDir])) as { publicKey: string; privateKeyFile: string };
  const publish = async (domains: readonly string[], flags: string[] = []) => {
    writeFileSync(join(sourcesDir, 'e2e.txt'), ['# category: phishing', '# source: e2e feed', ...domains, ''].join('\n'));
    return jsonLines(await cli(['publish', '--sources', sourcesDir, '--out', feedDir, '--key', keys.privateKeyFile, ...flags]))[0] as unknown as PublishSummary;
  };
  let serve: ServeProcess | undefined;
  try {
    await publish(['feed-first.test']);
    serve = await spawnServe(['--feed', feedDir, '--data', join(dir, 'data')]);
    const feedUrl = `http://localhost:${serve.port}/feed.json`;
    await buildExtension(extensionDir, { SCAM_WARNER_FEED_URL: feedUrl, SCAM_WARNER_FEED_KEYS: keys.publicKey, SCAM_WARNER_SEED_KEY: keys.privateKeyFile });
    const server = serve;
    return {
      feedDir,
      keyFile: keys.privateKeyFile,
      publicKey: keys.publicKey,
      feedUrl,
      extensionDir,
      publish,
      readFile: (name) => new Uint8Array(readFileSync(join(feedDir, name))),
      writeFile: (name, bytes) => writeFileSync(join(feedDir, name), bytes),
      close: async () => {
        server.child.kill('SIGTERM');
        await server.exited;
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    serve?.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
