// Reading a request body without trusting it: the declared length and the bytes actually sent are
// both held to a cap, and reading stops at the cap instead of buffering whatever a client streams.
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; text: string } | { ok: false; status: 400 | 413; reason: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    return Promise.resolve(tooLarge(maxBytes));
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
        finish(tooLarge(maxBytes));
      } else chunks.push(chunk);
    };
    const onEnd = () => finish(decode(Buffer.concat(chunks, size)));
    const onError = () => finish({ ok: false, status: 400, reason: 'the request body was cut off' });
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

function tooLarge(maxBytes: number): BodyResult {
  return { ok: false, status: 413, reason: `the body is larger than ${maxBytes} bytes` };
}

function decode(bytes: Buffer): BodyResult {
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    return { ok: false, status: 400, reason: 'the body is not valid UTF-8' };
  }
}
