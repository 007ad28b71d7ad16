// Downloads stop at their cap while streaming: a hostile server cannot make the worker read (or
// hold) more than the cap, whatever it declares.
import { describe, expect, it } from 'vitest';
import { DownloadError, fetchCapped, fetchFileCapped } from '../../../../src/background/sync/fetch-capped.ts';
import { isFeedError } from '../../../../src/core/feed/index.ts';

const URL_ = 'https://feed.scam-warner.test/v1/feed.json';
const CHUNK = 1024;

/** A body of endless chunks that counts how many were pulled. */
function endlessBody(): { stream: ReadableStream<Uint8Array>; pulls: () => number; isCancelled: () => boolean } {
  let pulls = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      controller.enqueue(new Uint8Array(CHUNK));
    },
    cancel() {
      cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, pulls: () => pulls, isCancelled: () => cancelled };
}

const answer = (response: Response) => async () => response;

describe('fetchCapped', () => {
  it('stops reading a body that goes past the cap, and refuses it as too large', async () => {
    const body = endlessBody();
    const error = await fetchCapped(answer(new Response(body.stream)), URL_, 10 * CHUNK).catch((caught: unknown) => caught);
    expect(isFeedError(error, 'too-large')).toBe(true);
    expect(body.pulls()).toBeLessThanOrEqual(12);
    expect(body.isCancelled()).toBe(true);
  });

  it('refuses a declared length over the cap before reading any of the body', async () => {
    const body = endlessBody();
    const response = new Response(body.stream, { headers: { 'Content-Length': String(100 * CHUNK) } });
    await expect(fetchCapped(answer(response), URL_, 10 * CHUNK)).rejects.toSatisfy((error) => isFeedError(error, 'too-large'));
    expect(body.pulls()).toBe(0);
  });

  it('returns the bytes and the ETag of a body within the cap', async () => {
    const bytes = new TextEncoder().encode('{"hello":"feed"}\n');
    const download = await fetchCapped(answer(new Response(bytes, { headers: { ETag: '"v1"' } })), URL_, bytes.length);
    expect(download).toEqual({ isModified: true, bytes, etag: '"v1"' });
  });

  it('asks with If-None-Match, sends no cookies, bypasses the HTTP cache, and takes 304 as "not modified"', async () => {
    const seen: RequestInit[] = [];
    const fetchFn = async (_url: string, init?: RequestInit) => {
      seen.push(init ?? {});
      return new Response(null, { status: 304 });
    };
    expect(await fetchCapped(fetchFn, URL_, 100, '"v1"')).toEqual({ isModified: false });
    expect(new Headers(seen[0]?.headers).get('If-None-Match')).toBe('"v1"');
    expect(seen[0]).toMatchObject({ cache: 'no-store', credentials: 'omit' });
    // Without an ETag of ours, a 304 is not an answer.
    await expect(fetchCapped(fetchFn, URL_, 100)).rejects.toBeInstanceOf(DownloadError);
    await expect(fetchFileCapped(fetchFn, URL_, 100)).rejects.toBeInstanceOf(DownloadError);
  });

  it('tells no answer (offline), a broken-off body and an error status apart from a refusal', async () => {
    const offline = await fetchCapped(async () => Promise.reject(new TypeError('Failed to fetch')), URL_, 100).catch((error: unknown) => error);
    expect(offline).toMatchObject({ kind: 'offline' });
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
        controller.error(new TypeError('network error'));
      },
    });
    expect(await fetchCapped(answer(new Response(broken)), URL_, 100).catch((error: unknown) => error)).toMatchObject({ kind: 'offline' });
    expect(await fetchCapped(answer(new Response('busy', { status: 503 })), URL_, 100).catch((error: unknown) => error)).toMatchObject({ kind: 'http', status: 503 });
  });
});
