// `scam-warner check` through the real CLI entry: one JSON verdict per URL, one-line errors.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../../support/cli.ts';

describe('scam-warner check', { timeout: 30_000 }, () => {
  it('prints one verdict per URL, judged by the project\u2019s own lists and lookalike detection', async () => {
    const result = await runCli(['check', 'https://login.evil-scam.test/account', 'https://paypal.com.verify-account.test/', 'https://www.paypal.com/']);
    expect(result.code).toBe(0);
    const [listed, lookalike, real] = jsonLines(result.stdout);
    expect(listed).toMatchObject({ url: 'https://login.evil-scam.test/account', verdict: 'dangerous', reasons: [{ kind: 'blocklist', entry: 'evil-scam.test' }] });
    expect(lookalike).toMatchObject({ verdict: 'suspicious', reasons: [{ kind: 'lookalike-embedding', brand: 'PayPal' }] });
    expect(real).toMatchObject({ verdict: 'unknown', reasons: [] });
  });

  it('judges by a published feed with --feed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'check-feed-'));
    mkdirSync(join(root, 'sources'));
    writeFileSync(join(root, 'sources', 'list.txt'), '# category: investment\n# source: test list\nfake-returns.test\n');
    expect((await runCli(['keygen', '--out', join(root, 'keys')])).code).toBe(0);
    const publish = await runCli(['publish', '--sources', join(root, 'sources'), '--out', join(root, 'feed'), '--key', join(root, 'keys', 'feed-signing-key.pem')]);
    expect(publish.code).toBe(0);
    const result = await runCli(['check', 'https://app.fake-returns.test/deposit', 'https://login.evil-scam.test/', '--feed', join(root, 'feed')]);
    const [listed, notInThisFeed] = jsonLines(result.stdout);
    expect(listed).toMatchObject({ verdict: 'dangerous', category: 'investment', reasons: [{ kind: 'blocklist', source: 'test list' }] });
    expect(notInThisFeed).toMatchObject({ verdict: 'unknown' });
  });

  it('refuses what is not an http(s) URL, a missing feed and a bad option with one line on stderr', async () => {
    for (const args of [['check', 'javascript:alert(1)'], ['check', 'https://a.test/', '--feed', '/nonexistent'], ['check', 'https://a.test/', '--sensitivity', 'max'], ['check']]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
