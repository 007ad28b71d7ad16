import { describe, expect, it } from 'vitest';
import { encodeUtf8, sha256Hex } from '../../../../src/core/feed/bytes.ts';
import { planUpdate, verifyFile } from '../../../../src/core/feed/files.ts';
import { DEFAULT_FEED_LIMITS } from '../../../../src/core/feed/limits.ts';
import { FEED_ID, makeManifest } from './feed-fixtures.ts';

const BODY = encodeUtf8('{"some":"file"}\n');
const REF = { name: 'delta-4-5-00000000.json', sha256: await sha256Hex(BODY), size: BODY.length };

describe('verifyFile', () => {
  it('accepts the file feed.json describes', async () => {
    await expect(verifyFile(BODY, REF, 1000)).resolves.toBeUndefined();
  });

  it('refuses a size that differs, a hash that differs, and anything over the cap', async () => {
    await expect(verifyFile(BODY.subarray(1), REF, 1000)).rejects.toMatchObject({ code: 'size-mismatch' });
    const flipped = BODY.slice();
    flipped[3] = 0x41;
    await expect(verifyFile(flipped, REF, 1000)).rejects.toMatchObject({ code: 'hash-mismatch' });
    await expect(verifyFile(BODY, REF, BODY.length - 1)).rejects.toMatchObject({ code: 'too-large' });
    await expect(verifyFile(new Uint8Array(50), { ...REF, size: 5 }, 10)).rejects.toMatchObject({ code: 'too-large' });
  });
});

describe('planUpdate', () => {
  const manifest = makeManifest();

  it('takes the delta from the client version of the same feed', () => {
    expect(planUpdate({ feed: FEED_ID, version: 4 }, manifest)).toMatchObject({ type: 'delta', file: { from: 4 } });
  });

  it('takes the snapshot on first install, from another feed, or when no delta starts at the client version', () => {
    expect(planUpdate(null, manifest).type).toBe('snapshot');
    expect(planUpdate({ feed: 'fedcba9876543210', version: 4 }, manifest).type).toBe('snapshot');
    expect(planUpdate({ feed: FEED_ID, version: 2 }, manifest).type).toBe('snapshot');
  });

  it('prefers the snapshot when it is smaller, and refuses a snapshot declared over the cap', () => {
    const big = makeManifest({ deltas: [{ from: 4, name: 'd.json', sha256: 'b'.repeat(64), size: 5000 }] });
    expect(planUpdate({ feed: FEED_ID, version: 4 }, big).type).toBe('snapshot');
    const huge = makeManifest({ snapshot: { name: 's.json', sha256: 'a'.repeat(64), size: DEFAULT_FEED_LIMITS.snapshotBytes + 1 } });
    expect(() => planUpdate(null, huge)).toThrow(expect.objectContaining({ code: 'too-large' }));
  });
});

describe('refusal messages', () => {
  it('has an English and an Arabic message for every refusal code', async () => {
    const { FEED_ERROR_CODES, feedErrorMessageKey } = await import('../../../../src/core/feed/errors.ts');
    const { readFileSync } = await import('node:fs');
    for (const locale of ['en', 'ar']) {
      const messages = JSON.parse(readFileSync(new URL(`../../../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'));
      for (const code of FEED_ERROR_CODES) expect(messages[feedErrorMessageKey(code)]?.message, `${locale} ${code}`).toMatch(/\S/);
    }
  });
});
