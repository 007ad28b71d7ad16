// `scam-warner scan`: the CLI seam of DESIGN.md (one JSON object; bad input: non-zero exit, one line on stderr).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../../src/cli/main.ts';

const PAGES = new URL('../../../fixtures/pages/', import.meta.url).pathname;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('scam-warner scan', () => {
  it('prints the verdict of a saved scam page with its page-pattern reasons', async () => {
    const { out } = capture();
    const code = await main(['scan', '--url', 'https://paypal-resolution-centre.test/myaccount/signin', '--html', join(PAGES, 'en/paypal-limited-login.html')]);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const verdict = JSON.parse(out[0]!);
    expect(verdict).toMatchObject({ url: 'https://paypal-resolution-centre.test/myaccount/signin', verdict: 'suspicious', category: 'phishing' });
    expect(verdict.reasons.map((reason: { kind: string; signal: string }) => `${reason.kind}:${reason.signal}`)).toContain('signal:brand_mismatch');
  });

  it('says unknown, never safe, for an honest page', async () => {
    const { out } = capture();
    await main(['scan', '--url', 'https://www.paypal.com/signin', '--html', join(PAGES, 'en/paypal-real-login.html')]);
    expect(JSON.parse(out[0]!)).toMatchObject({ verdict: 'unknown', category: null, reasons: [] });
  });

  it('does not run the page’s scripts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    const file = join(dir, 'page.html');
    writeFileSync(file, '<html><body><p id="p">static</p><script>document.getElementById("p").textContent = "Your computer is infected";</script></body></html>');
    const { out } = capture();
    await main(['scan', '--url', 'https://x.test/', '--html', file]);
    expect(JSON.parse(out[0]!).signals).toEqual([]);
  });

  it.each([
    [['--html', 'x.html'], 'missing required option --url'],
    [['--url', 'ftp://x.test/', '--html', 'x.html'], 'must be an http(s) URL'],
    [['--url', 'not a url', '--html', 'x.html'], '--url is not a URL'],
    [['--url', 'https://x.test/', '--html', '/no/such/page.html'], 'no such file: /no/such/page.html'],
    [['--url', 'https://x.test/', '--html', 'x.html', '--sensitivity', 'max'], '--sensitivity must be low, normal or high'],
  ])('refuses bad input %j with one line on stderr', async (args, message) => {
    const { out, err } = capture();
    expect(await main(['scan', ...args])).not.toBe(0);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
  });
});
