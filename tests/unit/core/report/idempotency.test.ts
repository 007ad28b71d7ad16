import { describe, expect, it } from 'vitest';
import { createIdempotencyKey, isIdempotencyKey } from '../../../../src/core/report/index.ts';

describe('idempotency keys', () => {
  it('creates distinct keys the server accepts', () => {
    const keys = new Set(Array.from({ length: 1000 }, createIdempotencyKey));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(isIdempotencyKey(key)).toBe(true);
  });

  it('accepts UUIDs and ULIDs, refuses short, long, spaced or non-string keys', () => {
    expect(isIdempotencyKey('01HXZ3Q7K8M9N0P1Q2R3S4T5V6')).toBe(true);
    expect(isIdempotencyKey('report:2024-05-01:1')).toBe(true);
    for (const key of ['short', 'x'.repeat(129), 'has space in it', 'a\nbcdefghij', 'ключ-ключ-ключ', 12345678, null]) {
      expect(isIdempotencyKey(key)).toBe(false);
    }
  });
});
