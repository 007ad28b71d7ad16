import { describe, expect, it, vi } from 'vitest';
import type * as KeyHash from '../../../../src/core/blocklist/key-hash.ts';
import type { ListEntry } from '../../../../src/core/types.ts';

// Entries named `flip-<bit>.<host>` are stored under the real key of <host> with one bit flipped:
// an unlisted URL whose key differs from a stored one in that bit alone. Lookups hash for real.
vi.mock('../../../../src/core/blocklist/key-hash.ts', async (importOriginal) => {
  const original = await importOriginal<typeof KeyHash>();
  return {
    ...original,
    keyOfValue: (value: string, keys: Uint32Array, slot: number) => {
      const flip = /^flip-(\d+)\.(.+)$/.exec(value);
      original.keyOfValue(flip === null ? value : flip[2]!, keys, slot);
      if (flip === null) return;
      const bit = Number(flip[1]);
      keys[2 * slot + (bit < 32 ? 1 : 0)]! ^= 2 ** (bit % 32);
    },
  };
});

const { BlocklistIndex } = await import('../../../../src/core/blocklist/index.ts');
const entry = (value: string): ListEntry => ({ kind: 'domain', value, category: 'phishing', source: 'test', added: '2024-01-01' });

describe('every bit of a 64-bit key is compared', () => {
  // Few rows make a small directory: the high half's lowest bits are then neither bucket nor
  // fingerprint, and live in the tag.
  const index = BlocklistIndex.build([entry('listed.test'), ...Array.from({ length: 64 }, (_, bit) => entry(`flip-${bit}.unlisted.test`))]);

  it('matches the stored key itself', () => {
    expect(index.lookup('https://listed.test/')?.entry).toBe('listed.test');
  });

  it.each(Array.from({ length: 64 }, (_, bit) => bit))('tells apart a key that differs in bit %i only', (bit) => {
    const single = BlocklistIndex.build([entry(`flip-${bit}.unlisted.test`)]);
    expect(single.lookup('https://unlisted.test/')).toBeNull();
    expect(index.lookup('https://unlisted.test/')).toBeNull();
  });
});
