// Downloads for the feed: never more than a cap, counted while the body streams in (a declared
// length is only a hint from a hostile network), no cookies, no HTTP cache in the way (feed.json is
// revalidated by our own If-None-Match, and a tampered file must never be masked by a cached one).
import { concatBytes } from '../../core/feed/bytes.ts';
import { FeedError } from '../../core/feed/index.ts';
import { errorMessage } from '../../core/error-message.ts';

export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

export type Download = { isModified: false } | { isModified: true; bytes: Uint8Array; etag: string | null };

/** The server could not be asked or did not answer with the file: no verdict on the feed itself. */
export class DownloadError extends Error {
  override name = 'DownloadError';
  constructor(
    /** `offline`: no answer, or the connection broke mid-body; `http`: an error status. */
    readonly kind: 'offline' | 'http',
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** A download that makes no progress for this long is given up (a hung connection must not hold the sync forever). */
export const STALL_TIMEOUT_MS = 30_000;

export async function fetchCapped(fetchFn: FetchFunction, url: string, maxBytes: number, etag: string | null = null, stallMs = STALL_TIMEOUT_MS): Promise<Download> {
  const stall = new StallTimer(stallMs);
  try {
    let response: Response;
    try {
      response = await fetchFn(url, { cache: 'no-store', credentials: 'omit', signal: stall.signal, headers: etag === null ? {} : { 'If-None-Match': etag } });
    } catch (error) {
      throw new DownloadError('offline', `${url}: ${errorMessage(error)}`);
    }
    if (response.status === 304 && etag !== null) return { isModified: false };
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new DownloadError('http', `${url}: HTTP ${response.status}`, response.status);
    }
    return { isModified: true, bytes: await readCapped(response, url, maxBytes, stall), etag: response.headers.get('ETag') };
  } finally {
    stall.stop();
  }
}

/** Aborts the request when `stallMs` pass without progress. */
class StallTimer {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly signal = this.controller.signal;
  /** Rejects when the timer fires: raced against each read, since a body need not honour the abort. */
  readonly stalled: Promise<never>;

  constructor(private readonly stallMs: number) {
    this.stalled = new Promise<never>((_resolve, reject) => this.signal.addEventListener('abort', () => reject(this.signal.reason as Error), { once: true }));
    this.stalled.catch(() => undefined);
    this.touch();
  }

  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(new Error(`no progress for ${this.stallMs} ms`)), this.stallMs);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/** A file named by feed.json: any answer but its bytes is a failure. */
export async function fetchFileCapped(fetchFn: FetchFunction, url: string, maxBytes: number): Promise<Uint8Array> {
  const download = await fetchCapped(fetchFn, url, maxBytes);
  if (!download.isModified) throw new DownloadError('http', `${url}: unexpected 304`, 304);
  return download.bytes;
}

async function readCapped(response: Response, url: string, maxBytes: number, stall: StallTimer): Promise<Uint8Array> {
  const declared = Number(response.headers.get('Content-Length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, `declares ${declared} bytes`, maxBytes);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await readChunk(reader, url, stall);
    if (done) break;
    stall.touch();
    total += value.length;
    if (total > maxBytes) {
      // Stop reading at the cap: the rest is never pulled from the network.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(url, `sent more than ${maxBytes} bytes`, maxBytes);
    }
    chunks.push(value);
  }
  return chunks.length === 1 && chunks[0] ? chunks[0] : concatBytes(...chunks);
}

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>, url: string, stall: StallTimer): Promise<ReadableStreamReadResult<Uint8Array>> {
  try {
    return await Promise.race([reader.read(), stall.stalled]);
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw new DownloadError('offline', `${url}: the download broke off (${errorMessage(error)})`);
  }
}

function tooLarge(url: string, what: string, maxBytes: number): FeedError {
  return new FeedError('too-large', `${url} ${what} (at most ${maxBytes})`);
}
