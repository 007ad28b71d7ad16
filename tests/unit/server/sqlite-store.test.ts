import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Report } from '../../../src/core/index.ts';
import { openSqliteStore } from '../../../src/server/sqlite-store.ts';
import type { ReportStore } from '../../../src/server/report-store.ts';
import { useTempDirs } from './temp-dir.ts';

const makeDir = useTempDirs();
const RECEIVED = new Date('2024-05-01T12:00:00.000Z');
const stores: ReportStore[] = [];

function openStore(path = join(makeDir(), 'reports.sqlite')): ReportStore {
  const store = openSqliteStore(path);
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const scam = (url: string, extra: Partial<Report> = {}): Report => ({ url, kind: 'scam', ...extra });

describe('SQLite report store', () => {
  it('stores a report and gives it back with its id, site and status', async () => {
    const store = openStore();
    const { id, isNew } = await store.add(scam('https://a.evil-scam.test/x', { note: 'hi' }), { receivedAt: RECEIVED });
    expect(isNew).toBe(true);
    expect(await store.get(id)).toEqual({
      id, status: 'pending', site: 'evil-scam.test', receivedAt: RECEIVED.toISOString(), duplicates: 1,
      url: 'https://a.evil-scam.test/x', kind: 'scam', note: 'hi',
    });
    expect(await store.get('nope')).toBeNull();
  });

  it('gives the same id for a repeated idempotency key and stores it once', async () => {
    const store = openStore();
    const first = await store.add(scam('https://evil-scam.test/'), { idempotencyKey: 'key-12345678', receivedAt: RECEIVED });
    const again = await store.add(scam('https://evil-scam.test/other'), { idempotencyKey: 'key-12345678', receivedAt: RECEIVED });
    expect(again).toEqual({ id: first.id, isNew: false });
    expect((await store.list({ limit: 10 })).reports).toHaveLength(1);
  });

  it('counts duplicates of one URL and kind', async () => {
    const store = openStore();
    for (let i = 0; i < 3; i++) await store.add(scam('https://evil-scam.test/'), { receivedAt: RECEIVED });
    await store.add({ url: 'https://evil-scam.test/', kind: 'false-positive' }, { receivedAt: RECEIVED });
    const { reports } = await store.list({ limit: 10 });
    expect(reports.map((report) => report.duplicates)).toEqual([3, 3, 3, 1]);
  });

  it('pages through reports in arrival order, filtered by status', async () => {
    const store = openStore();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await store.add(scam(`https://evil${i}.test/`), { receivedAt: RECEIVED })).id);
    const first = await store.list({ limit: 2 });
    expect(first.reports.map((report) => report.id)).toEqual(ids.slice(0, 2));
    const second = await store.list({ limit: 2, after: first.next });
    const third = await store.list({ limit: 2, after: second.next });
    expect([...second.reports, ...third.reports].map((report) => report.id)).toEqual(ids.slice(2));
    expect(third.next).toBeUndefined();
    await store.decide(ids[1] ?? '', { status: 'rejected', decidedAt: RECEIVED });
    expect((await store.list({ limit: 10, status: 'rejected' })).reports.map((report) => report.id)).toEqual([ids[1]]);
    expect((await store.list({ limit: 10, status: 'pending' })).reports).toHaveLength(4);
  });

  it('groups pending reports by site and kind, most reported first', async () => {
    const store = openStore();
    await store.add(scam('https://one.test/'), { receivedAt: RECEIVED });
    for (const path of ['a', 'b', 'a']) await store.add(scam(`https://www.two.test/${path}`), { receivedAt: RECEIVED });
    await store.add({ url: 'https://two.test/', kind: 'false-positive' }, { receivedAt: RECEIVED });
    const groups = await store.listSites({ limit: 10, perGroup: 2 });
    expect(groups.map(({ site, kind, count, reports }) => [site, kind, count, reports.length])).toEqual([
      ['two.test', 'scam', 3, 2], ['one.test', 'scam', 1, 1], ['two.test', 'false-positive', 1, 1],
    ]);
  });

  it('settles the whole site group at once, runs the side effect inside, and never twice', async () => {
    const store = openStore();
    const { id } = await store.add(scam('https://evil-scam.test/a'), { receivedAt: RECEIVED });
    await store.add(scam('https://login.evil-scam.test/b'), { receivedAt: RECEIVED });
    await store.add(scam('https://other.test/'), { receivedAt: RECEIVED });
    const seen: string[] = [];
    const result = await store.decide(id, { status: 'approved', decidedAt: RECEIVED, entry: 'evil-scam.test' }, (report) => seen.push(report.id));
    expect(result).toMatchObject({ outcome: 'decided', settled: 2, report: { id, status: 'approved', entry: 'evil-scam.test' } });
    expect(seen).toEqual([id]);
    expect(await store.decide(id, { status: 'rejected', decidedAt: RECEIVED })).toMatchObject({ outcome: 'already-decided' });
    expect(await store.decide('missing', { status: 'rejected', decidedAt: RECEIVED })).toEqual({ outcome: 'not-found' });
    expect((await store.list({ limit: 10, status: 'pending' })).reports.map((report) => report.site)).toEqual(['other.test']);
  });

  it('settles nothing when the side effect fails', async () => {
    const store = openStore();
    const { id } = await store.add(scam('https://evil-scam.test/'), { receivedAt: RECEIVED });
    await expect(store.decide(id, { status: 'approved', decidedAt: RECEIVED }, () => {
      throw new Error('disk full');
    })).rejects.toThrow('disk full');
    expect((await store.get(id))?.status).toBe('pending');
  });

  it('keeps reports across reopening, in WAL mode with full sync', async () => {
    const path = join(makeDir(), 'reports.sqlite');
    const store = openSqliteStore(path);
    const { id } = await store.add(scam('https://evil-scam.test/'), { receivedAt: RECEIVED });
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    expect((await openStore(path).get(id))?.url).toBe('https://evil-scam.test/');
  });

  it('refuses a database from a newer version instead of damaging it', () => {
    const path = join(makeDir(), 'reports.sqlite');
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openSqliteStore(path)).toThrow(/schema version 99/);
  });
});

describe('SQLite report store under concurrent adds', () => {
  it('stores a burst in shared commits, each key once, every id readable as soon as its add resolves', async () => {
    const store = openStore();
    const adds = Array.from({ length: 300 }, (_, i) =>
      store.add(scam(`https://evil${i % 7}.test/${i}`), { idempotencyKey: `burst-key-${i % 250}`, receivedAt: RECEIVED }));
    const results = await Promise.all(adds);
    expect(results.filter((result) => result.isNew)).toHaveLength(250);
    for (let i = 250; i < 300; i++) expect(results[i]?.id).toBe(results[i - 250]?.id);
    for (const { id } of results) expect(await store.get(id)).not.toBeNull();
    expect((await store.list({ limit: 1000 })).reports).toHaveLength(250);
  });
});
