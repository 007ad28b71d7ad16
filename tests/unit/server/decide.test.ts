import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/index.ts';
import { COMMUNITY_FILE } from '../../../src/server/community-csv.ts';
import { decideReport } from '../../../src/server/decide.ts';
import type { ReportStore } from '../../../src/server/report-store.ts';
import { openSqliteStore } from '../../../src/server/sqlite-store.ts';
import { useTempDirs } from './temp-dir.ts';

const makeDir = useTempDirs();
const NOW = new Date('2024-05-01T12:00:00.000Z');
let store: ReportStore;
let sourcesDir: string;

afterEach(async () => store.close());

async function setUp(reports: Report[]): Promise<string[]> {
  const dir = makeDir();
  sourcesDir = makeDir();
  store = openSqliteStore(join(dir, 'reports.sqlite'));
  const ids: string[] = [];
  for (const report of reports) ids.push((await store.add(report, { receivedAt: NOW })).id);
  return ids;
}

const csvLines = () => readFileSync(join(sourcesDir, COMMUNITY_FILE), 'utf8').trim().split('\n').slice(1);

describe('decideReport', () => {
  it('approving a scam report blocks its domain with its category and settles the site group', async () => {
    const [id = ''] = await setUp([
      { url: 'https://login.evil-scam.test/a', kind: 'scam', category: 'investment' },
      { url: 'https://evil-scam.test/b', kind: 'scam' },
    ]);
    const outcome = await decideReport(store, { id, action: 'approve', sourcesDir, now: NOW });
    expect(outcome).toMatchObject({ ok: true, settled: 2, row: { url: 'evil-scam.test', category: 'investment', action: 'block', added: '2024-05-01' } });
    expect(csvLines()).toEqual(['evil-scam.test,investment,community report,2024-05-01,block']);
  });

  it('approving a false-positive report allows the site', async () => {
    const [id = ''] = await setUp([{ url: 'https://www.my-bank.test/login', kind: 'false-positive' }]);
    await decideReport(store, { id, action: 'approve', sourcesDir, now: NOW });
    expect(csvLines()).toEqual(['my-bank.test,other,community report,2024-05-01,allow']);
  });

  it("uses the signals' category when the reporter gave none, and the maintainer's over both", async () => {
    const [first = '', second = ''] = await setUp([
      { url: 'https://a.test/', kind: 'scam', signals: [{ kind: 'signal', name: 'gift-cards', category: 'gift-card', weight: 5 }] },
      { url: 'https://b.test/', kind: 'scam', category: 'prize' },
    ]);
    await decideReport(store, { id: first, action: 'approve', sourcesDir, now: NOW });
    await decideReport(store, { id: second, action: 'approve', sourcesDir, now: NOW, category: 'job' });
    expect(csvLines()).toEqual(['a.test,gift-card,community report,2024-05-01,block', 'b.test,job,community report,2024-05-01,block']);
  });

  it('blocks only the page on a shared host, and needs an explicit entry where none is safe', async () => {
    const [page = '', bare = ''] = await setUp([
      { url: 'https://sites.google.com/view/free-btc/claim', kind: 'scam' },
      { url: 'https://weebly.com/', kind: 'scam' },
    ]);
    await decideReport(store, { id: page, action: 'approve', sourcesDir, now: NOW });
    const refused = await decideReport(store, { id: bare, action: 'approve', sourcesDir, now: NOW });
    expect(refused).toMatchObject({ ok: false, code: 'bad-request', reason: expect.stringMatching(/--entry/) });
    await decideReport(store, { id: bare, action: 'approve', sourcesDir, now: NOW, entry: 'https://scam-shop.weebly.com/' });
    expect(csvLines()).toEqual(['sites.google.com/view/free-btc,other,community report,2024-05-01,block',
      'scam-shop.weebly.com,other,community report,2024-05-01,block']);
  });

  it('refuses a bad entry override, approval without sources, unknown and already-decided reports', async () => {
    const [id = ''] = await setUp([{ url: 'https://evil-scam.test/', kind: 'scam' }]);
    expect(await decideReport(store, { id, action: 'approve', sourcesDir, now: NOW, entry: 'co.uk' })).toMatchObject({ ok: false, reason: expect.stringMatching(/public suffix/) });
    expect(await decideReport(store, { id, action: 'approve', sourcesDir, now: NOW, entry: 'two words' })).toMatchObject({ ok: false });
    expect(await decideReport(store, { id, action: 'approve', now: NOW })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await decideReport(store, { id: 'nope', action: 'reject', now: NOW })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await decideReport(store, { id, action: 'reject', now: NOW })).toMatchObject({ ok: true, settled: 1 });
    expect(await decideReport(store, { id, action: 'approve', sourcesDir, now: NOW })).toMatchObject({ ok: false, code: 'already-decided' });
    expect(existsSync(join(sourcesDir, COMMUNITY_FILE))).toBe(false);
  });

  it('leaves the reports pending when the sources file cannot be written', async () => {
    const [id = ''] = await setUp([{ url: 'https://evil-scam.test/', kind: 'scam' }]);
    writeFileSync(join(sourcesDir, COMMUNITY_FILE), 'something,else\n');
    await expect(decideReport(store, { id, action: 'approve', sourcesDir, now: NOW })).rejects.toThrow(/header/);
    expect((await store.get(id))?.status).toBe('pending');
  });
});
