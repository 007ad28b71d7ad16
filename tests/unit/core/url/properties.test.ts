import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeSlowly, canonicalizeUrl } from '../../../../src/core/url/canonicalize.ts';
import { canonicalizeCleanUrl } from '../../../../src/core/url/fast-path.ts';
import { encodeUtf8, toBinaryString, unescapeFully } from '../../../../src/core/url/percent.ts';
import { urlExpressions } from '../../../../src/core/url/index.ts';

const piece = (options: string[]) => fc.constantFrom(...options);
const SCHEMES = ['http://', 'https://', 'HTTP://', 'http:', 'http:\\\\', '', 'ftp://', 'mailto:', 'http:///'];
const HOST_PARTS = ['a', 'b', 'Ex', 'xn--mlat-zra', 'ü', '0', '1', '255', '0x1f', '010', '.', '..', '-', '_', '%2e', '%41', '%25', '%', '@', ':80', ':x', '[', ']', '::1', ' ', '\t', '#', 'é', '%C3%BC'];
const PATH_PARTS = ['/', '//', '/.', '/..', 'a', 'B', '.', '..', '%2F', '%2f', '%25', '%2525', '%252', '%41', '%zz', '%', '%20', '%7F', '%C3%A9', 'é', ' ', '\\', '?', '#', ';', '~', '\n'];

/** Strings shaped like URLs, to reach deep into the parser far more often than random text would. */
const urlLike = fc
  .tuple(piece(SCHEMES), fc.array(piece(HOST_PARTS), { maxLength: 8 }), fc.array(piece(PATH_PARTS), { maxLength: 12 }))
  .map(([scheme, host, path]) => scheme + host.join('') + path.join(''));

/** Near-canonical URLs: mostly clean, with a few odd chars, to hold the fast path to the slow one. */
const nearlyClean = fc
  .tuple(
    piece(['http://', 'https://']),
    fc.array(fc.stringMatching(/^[a-z0-9_-]{1,6}$/), { minLength: 1, maxLength: 4 }),
    fc.array(fc.oneof(fc.stringMatching(/^[a-zA-Z0-9._~;=&-]{0,5}$/), piece(PATH_PARTS)), { maxLength: 8 }),
    fc.option(fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9=&/?.]{0,5}$/), piece(PATH_PARTS)), { maxLength: 4 })),
  )
  .map(([scheme, labels, path, query]) => `${scheme}${labels.join('.')}/${path.join('/')}${query === null ? '' : `?${query.join('')}`}`);

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), urlLike, nearlyClean);

function unescapeRepeatedly(bytes: Uint8Array): string {
  let text = toBinaryString(bytes);
  for (;;) {
    const next = text.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === text) return text;
    text = next;
  }
}

describe('canonicalizeUrl properties', () => {
  it('never throws, and returns null or an http(s) URL', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const canonical = canonicalizeUrl(input);
        expect(canonical === null || /^https?:\/\/[^/]+\//.test(canonical)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const canonical = canonicalizeUrl(input);
        if (canonical !== null) expect(canonicalizeUrl(canonical)).toBe(canonical);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the fast path only where it agrees with the full canonicalization', () => {
    let fastCount = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: nearlyClean }, { weight: 1, arbitrary: urlLike }), (input) => {
        const fast = canonicalizeCleanUrl(input);
        if (fast === undefined) return;
        fastCount++;
        expect(fast).toBe(canonicalizeSlowly(input));
      }),
      { numRuns: 3000 },
    );
    // About 500 of the 3000 take the fast path: enough for the agreement to mean something.
    expect(fastCount).toBeGreaterThan(250);
  });

  it('gives expressions only from canonical URLs, at most 5 hosts x 6 paths', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const expressions = urlExpressions(input);
        expect(expressions.length).toBeLessThanOrEqual(30);
        expect(expressions.length === 0).toBe(canonicalizeUrl(input) === null);
      }),
      { numRuns: 1000 },
    );
  });

  it('unescapes in one pass exactly as unescaping again and again does', () => {
    fc.assert(
      fc.property(fc.array(piece(['%', '2', '5', '3', '4', '1', 'a', 'F', 'g', '%25', '%32', '%35']), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(toBinaryString(unescapeFully(encodeUtf8(text)))).toBe(unescapeRepeatedly(encodeUtf8(text)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('canonicalizeUrl on 1 MB inputs', () => {
  const MB = 1024 * 1024;
  const hostile = [
    `http://evil.com/${'%25'.repeat(MB / 3)}41`,
    `http://evil.com/${'/./..'.repeat(MB / 5)}`,
    `http://${'a.'.repeat(MB / 2)}com/`,
    `http://${'é'.repeat(MB / 2)}.com/`,
    `http://evil.com/${' '.repeat(MB)}x`,
    `${'a'.repeat(MB)}:x`,
    `http://evil.com/?${'%'.repeat(MB)}`,
    `http://evil.com/${'\u{1F600}'.repeat(MB / 2)}`,
  ];

  it('returns promptly and stays idempotent', { timeout: 20_000 }, () => {
    for (const input of hostile) {
      const canonical = canonicalizeUrl(input);
      // Compared as a boolean: a failure must not print megabytes.
      if (canonical !== null) expect(canonicalizeUrl(canonical) === canonical).toBe(true);
    }
  });

  it('refuses inputs over the 2 MB limit and hosts over 253 chars', () => {
    expect(canonicalizeUrl(`http://evil.com/${'a'.repeat(2 * MB)}`)).toBeNull();
    expect(canonicalizeUrl(hostile[2]!)).toBeNull();
    expect(canonicalizeUrl(`http://evil.com/${'%25'.repeat(20)}41`)).toBe(`http://evil.com/${'%25'.repeat(19)}A`);
    expect(canonicalizeUrl(`http://evil.com/${' '.repeat(MB)}x`)).toBeNull();
  });
});
