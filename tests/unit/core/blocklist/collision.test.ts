import { describe, expect, it, vi } from 'vitest';
import type * as KeyHash from '../../../../src/core/blocklist/key-hash.ts';
import type { ListEntry } from '../../../../src/core/types.ts';

// A deliberately weak hash (the value's length), so that two different entries share a key: the
// real 64-bit keys never collide in any test one could run.
vi.mock('../../../../src/core/blocklist/key-hash.ts', async (importOriginal) => {
  const original = await importOriginal<typeof KeyHash>();
  return {
    ...original,
    keyOfValue: (value: string, keys: Uint32Array, slot: number) => {
      keys[2 * slot] = value.length;
      keys[2 * slot + 1] = 0;
    },
  };
});

const { BlocklistIndex, KeyCollisionError } = await import('../../../../src/core/blocklist/index.ts');
const entry = (value: string, extra: Partial<ListEntry> = {}): ListEntry => ({ kind: 'domain', value, category: 'phishing', source: 'test', added: '2024-01-01', ...extra });

describe('two different entries with one key', () => {
  it('are reported, naming both, instead of one silently standing for the other', () => {
    expect(() => BlocklistIndex.build([entry('evil.com'), entry('scam.com')])).toThrow(KeyCollisionError);
    expect(() => BlocklistIndex.build([entry('evil.com'), entry('scam.com')])).toThrow('evil.com and scam.com');
  });

  it('are told apart from true duplicates, which are merged', () => {
    expect(BlocklistIndex.build([entry('evil.com'), entry('evil.com', { added: '2020-01-01' }), entry('evil.com', { allow: true })]).size).toBe(2);
  });

  it('are reported among the additions of a delta too', () => {
    const index = BlocklistIndex.build([entry('evil.com')]);
    expect(() => index.withChanges([entry('abc.test'), entry('xyz.test')], [])).toThrow(KeyCollisionError);
  });
});
