import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { COMMUNITY_FILE } from '../../../src/server/community-csv.ts';
import { postReport, useTestServers, type TestServer } from './test-server.ts';
import { useTempDirs } from './temp-dir.ts';

const startServer = useTestServers();
const makeDir = useTempDirs();
const TOKEN = 'review-token-0123456789abcdef';
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'><a href="javascript:alert(3)">x</a>';

interface Review extends TestServer {
  sourcesDir: string;
  cookie: string;
  origin: string;
}

async function startReview(): Promise<Review> {
  const sourcesDir = makeDir();
  const server = await startServer({ reviewToken: TOKEN, sourcesDir });
  const origin = server.base;
  const login = await fetch(`${origin}/review/login`, { method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin }, body: `token=${TOKEN}` });
  expect(login.status).toBe(303);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { ...server, sourcesDir, cookie, origin };
}

function parse(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

async function reviewPage(review: Review, headers: Record<string, string> = {}): Promise<{ response: Response; doc: Document }> {
  const response = await fetch(`${review.base}/review`, { headers: { Cookie: review.cookie, ...headers } });
  return { response, doc: parse(await response.text()) };
}

function postForm(review: Review, path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${review.base}${path}`, { method: 'POST', redirect: 'manual', body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: review.cookie, Origin: review.origin, ...headers } });
}

function formFields(doc: Document): { csrf: string; id: string } {
  const form = doc.querySelector('form[action="/review/decide"]');
  return {
    csrf: form?.querySelector<HTMLInputElement>('input[name=csrf]')?.value ?? '',
    id: form?.querySelector<HTMLInputElement>('input[name=id]')?.value ?? '',
  };
}

describe('review page: sign-in', () => {
  it('is off without a token, and shows only the sign-in form before signing in', async () => {
    const plain = await startServer();
    expect((await fetch(`${plain.base}/review`)).status).toBe(404);
    const review = await startReview();
    const page = await fetch(`${review.base}/review`);
    const doc = parse(await page.text());
    expect(doc.querySelector('form[action="/review/login"] input[type=password]')).not.toBeNull();
    expect(doc.querySelector('[data-testid="review:group"]')).toBeNull();
  });

  it('refuses a wrong token and a cross-site sign-in, and sets a strict HttpOnly cookie', async () => {
    const review = await startReview();
    const wrong = await postForm({ ...review, cookie: '' }, '/review/login', { token: 'nope' });
    expect(wrong.status).toBe(403);
    expect(parse(await wrong.text()).querySelector('[data-testid="review:login-failed"]')).not.toBeNull();
    const crossSite = await postForm({ ...review, cookie: '' }, '/review/login', { token: TOKEN }, { Origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const login = await postForm({ ...review, cookie: '' }, '/review/login', { token: TOKEN });
    expect(login.headers.get('set-cookie')).toMatch(/^sw_review=[\w-]{43}; Path=\/review; HttpOnly; SameSite=Strict; Max-Age=28800$/);
  });

  it('limits sign-in attempts per client', async () => {
    const review = await startReview();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await postForm({ ...review, cookie: '' }, '/review/login', { token: 'guess' })).status);
    expect(statuses.slice(0, 4)).toEqual([403, 403, 403, 403]);
    expect(statuses[5]).toBe(429);
  });
});

describe('review page: hostile reports', () => {
  it('shows notes, titles and signals as text only, under a CSP with no script', async () => {
    const review = await startReview();
    await postReport(review.base, { url: 'https://evil-scam.test/a', note: HOSTILE, title: HOSTILE,
      signals: [{ kind: 'signal', name: HOSTILE.slice(0, 200) }] });
    await postReport(review.base, { url: 'https://evil-scam.test/a' });
    const { response, doc } = await reviewPage(review);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(doc.querySelectorAll('script, img, a, iframe, object')).toHaveLength(0);
    for (const element of doc.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/);
    }
    const group = doc.querySelector('[data-testid="review:group"]');
    expect(group?.textContent).toContain(HOSTILE);
    expect(group?.querySelector('h2')?.textContent).toMatch(/evil-scam\.test.*2/s);
  });

  it('shows the page in Arabic, right to left, when the browser prefers it', async () => {
    const review = await startReview();
    const { doc } = await reviewPage(review, { 'Accept-Language': 'ar-EG,ar;q=0.9,en;q=0.5' });
    expect([doc.documentElement.getAttribute('lang'), doc.documentElement.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect(doc.querySelector('[data-testid="review:empty"]')?.textContent).toBe('لا توجد بلاغات بانتظار المراجعة.');
  });
});

describe('review page: decisions', () => {
  it('approving writes the entry to the sources and clears the group', async () => {
    const review = await startReview();
    await postReport(review.base, { url: 'https://login.evil-scam.test/x', category: 'parcel' });
    const { csrf, id } = formFields((await reviewPage(review)).doc);
    const decided = await postForm(review, '/review/decide', { csrf, id, action: 'approve', category: 'parcel' });
    expect([decided.status, decided.headers.get('location')]).toEqual([303, '/review?notice=approved']);
    expect(readFileSync(join(review.sourcesDir, COMMUNITY_FILE), 'utf8')).toMatch(/\nevil-scam\.test,parcel,community report,\d{4}-\d\d-\d\d,block\n$/);
    const after = await reviewPage(review, {});
    expect(after.doc.querySelector('[data-testid="review:group"]')).toBeNull();
    expect((await review.store.get(id))?.status).toBe('approved');
  });

  it('refuses a decision without the CSRF token, from another origin, or without a session', async () => {
    const review = await startReview();
    await postReport(review.base, { url: 'https://evil-scam.test/' });
    const { csrf, id } = formFields((await reviewPage(review)).doc);
    const attempts = [
      postForm(review, '/review/decide', { id, action: 'approve' }),
      postForm(review, '/review/decide', { csrf: `${csrf}x`, id, action: 'approve' }),
      postForm(review, '/review/decide', { csrf, id, action: 'approve' }, { Origin: 'https://evil.example' }),
      postForm(review, '/review/decide', { csrf, id, action: 'approve' }, { 'Sec-Fetch-Site': 'cross-site' }),
      fetch(`${review.base}/review/decide`, { method: 'POST', body: new URLSearchParams({ csrf, id, action: 'approve' }).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: review.cookie } }),
      postForm({ ...review, cookie: '' }, '/review/decide', { csrf, id, action: 'approve' }),
    ];
    expect((await Promise.all(attempts)).map((response) => response.status)).toEqual([403, 403, 403, 403, 403, 401]);
    expect((await review.store.get(id))?.status).toBe('pending');
  });

  it('rejecting settles the group and writes nothing; signing out ends the session', async () => {
    const review = await startReview();
    await postReport(review.base, { url: 'https://evil-scam.test/', kind: 'false-positive' });
    const { csrf, id } = formFields((await reviewPage(review)).doc);
    const rejected = await postForm(review, '/review/decide', { csrf, id, action: 'reject' });
    expect(rejected.headers.get('location')).toBe('/review?notice=rejected');
    expect((await review.store.get(id))?.status).toBe('rejected');
    const again = await postForm(review, '/review/decide', { csrf, id, action: 'reject' });
    expect(again.headers.get('location')).toBe('/review?notice=already');
    expect((await postForm(review, '/review/logout', { csrf })).status).toBe(303);
    expect((await reviewPage(review)).doc.querySelector('form[action="/review/login"]')).not.toBeNull();
  });
});
