import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli, spawnServe } from './cli-process.ts';
import { useTempDirs } from './temp-dir.ts';
import { postReport } from './test-server.ts';

const makeDir = useTempDirs();

describe('scam-warner serve', () => {
  it('prints its port when listening, takes reports, and closes on SIGTERM', async () => {
    const data = join(makeDir(), 'data');
    const serve = await spawnServe(['--data', data]);
    expect(serve.lines[0]).toMatchObject({ event: 'listening', port: serve.port, review: false });
    expect((await postReport(serve.base, { url: 'https://evil-scam.test/' })).status).toBe(202);
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    expect(serve.lines.at(-1)).toEqual({ event: 'closed' });
  }, 20_000);

  it('serves the published feed folder and the review page (token from the environment) next to the reports', async () => {
    const feed = makeDir();
    writeFileSync(join(feed, 'feed.json'), '{"signed":"payload"}');
    writeFileSync(join(feed, 'private-key.json'), 'secret');
    const serve = await spawnServe(['--data', makeDir(), '--feed', feed], { SCAM_WARNER_REVIEW_TOKEN: 'a-long-enough-review-token' });
    expect(serve.lines[0]).toMatchObject({ review: true, feed });
    expect((await fetch(`${serve.base}/review`)).status).toBe(200);
    const manifest = await fetch(`${serve.base}/feed.json`);
    expect([manifest.status, await manifest.text()]).toEqual([200, '{"signed":"payload"}']);
    expect((await fetch(`${serve.base}/private-key.json`)).status).toBe(404);
    expect((await fetch(`${serve.base}/health`)).status).toBe(200);
    serve.child.kill('SIGINT');
    expect(await serve.exited).toBe(0);
  }, 20_000);

  it('refuses bad options with one line on stderr', async () => {
    for (const args of [['--port', '0'], ['--data', makeDir(), '--port', '70000'], ['--data', makeDir(), '--token', 'short'],
      ['--data', makeDir(), '--feed', '/nonexistent/feed']]) {
      const result = await runCli(['serve', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 30_000);
});

describe('scam-warner reports', () => {
  it('lists, shows, approves and rejects, with JSON on stdout', async () => {
    const data = makeDir();
    const sources = makeDir();
    const serve = await spawnServe(['--data', data]);
    for (const url of ['https://a.evil-scam.test/1', 'https://a.evil-scam.test/1', 'https://other-scam.test/']) {
      await postReport(serve.base, { url, category: 'giveaway' });
    }
    serve.child.kill('SIGTERM');
    await serve.exited;

    const list = await runCli(['reports', 'list', '--data', data]);
    const reports = jsonLines(list.stdout);
    expect(reports.map((report) => [report.url, report.duplicates, report.status])).toEqual([
      ['https://a.evil-scam.test/1', 2, 'pending'], ['https://a.evil-scam.test/1', 2, 'pending'], ['https://other-scam.test/', 1, 'pending']]);
    const grouped = jsonLines((await runCli(['reports', 'list', '--grouped', '--data', data])).stdout);
    expect(grouped.map((group) => [group.site, group.count])).toEqual([['evil-scam.test', 2], ['other-scam.test', 1]]);

    const [first, , third] = reports.map((report) => String(report.id));
    const shown = jsonLines((await runCli(['reports', 'show', first ?? '', '--data', data])).stdout)[0];
    expect(shown).toMatchObject({ id: first, suggestedEntry: { kind: 'domain', value: 'evil-scam.test' } });

    const approved = await runCli(['reports', 'approve', first ?? '', '--data', data, '--sources', sources]);
    expect(jsonLines(approved.stdout)[0]).toMatchObject({ status: 'approved', settled: 2,
      row: { url: 'evil-scam.test', category: 'giveaway', source: 'community report', action: 'block' } });
    expect(readFileSync(join(sources, 'community-reports.csv'), 'utf8').split('\n')[0]).toBe('url,category,source,added,action');
    expect(jsonLines((await runCli(['reports', 'reject', third ?? '', '--data', data])).stdout)[0]).toMatchObject({ status: 'rejected', settled: 1 });
    expect(jsonLines((await runCli(['reports', 'list', '--status', 'pending', '--data', data])).stdout)).toEqual([]);
    expect(jsonLines((await runCli(['reports', 'list', '--status', 'approved', '--limit', '1', '--data', data])).stdout)).toHaveLength(1);
  }, 60_000);

  it("an approval reaches the next publish: the feed engineer's publish reads community-reports.csv", async () => {
    const data = makeDir();
    const sources = makeDir();
    const keys = makeDir();
    const feed = makeDir();
    const serve = await spawnServe(['--data', data]);
    const { id } = (await (await postReport(serve.base, { url: 'https://sites.google.com/view/free-btc/claim', category: 'giveaway' })).json()) as { id: string };
    await postReport(serve.base, { url: 'https://www.my-bank.test/', kind: 'false-positive' });
    serve.child.kill('SIGTERM');
    await serve.exited;
    const falsePositive = jsonLines((await runCli(['reports', 'list', '--data', data])).stdout).find((report) => report.kind === 'false-positive');
    expect((await runCli(['reports', 'approve', id, '--data', data, '--sources', sources])).code).toBe(0);
    expect((await runCli(['reports', 'approve', String(falsePositive?.id), '--data', data, '--sources', sources])).code).toBe(0);
    expect((await runCli(['keygen', '--out', keys])).code).toBe(0);
    const published = await runCli(['publish', '--sources', sources, '--out', feed, '--key', join(keys, 'feed-signing-key.pem')]);
    expect(published.code, published.stderr).toBe(0);
    expect(jsonLines(published.stdout)[0]).toMatchObject({ entries: 2, refused: 0 });
    const snapshot = readdirSync(feed).find((name) => name.startsWith('snapshot-')) ?? '';
    const text = readFileSync(join(feed, snapshot), 'utf8');
    expect(text).toContain('"sites.google.com/view/free-btc"');
    expect(text).toMatch(/"allow":true[^\]]*"my-bank\.test"/);
  }, 60_000);

  it('refuses bad input with a one-line error and a non-zero exit', async () => {
    const data = makeDir();
    const serve = await spawnServe(['--data', data]);
    serve.child.kill('SIGTERM');
    await serve.exited;
    for (const args of [['reports', 'list', '--data', makeDir()], ['reports', 'show', 'missing', '--data', data], ['reports', 'approve', 'x', '--data', data],
      ['reports', 'frobnicate', '--data', data], ['reports', 'list', '--status', 'odd', '--data', data], ['reports', 'show', '--data', data]]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  }, 60_000);
});
