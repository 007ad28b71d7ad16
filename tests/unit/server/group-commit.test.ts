import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../src/server/group-commit.ts';

describe('createGroupCommit', () => {
  it('commits what arrives together in one batch, in order, and resolves only afterwards', async () => {
    const batches: number[][] = [];
    const commits = createGroupCommit((items: number[]) => {
      batches.push(items);
      return items.map((item) => item * 10);
    }, 100);
    let isResolved = false;
    const first = commits.submit(1).then((value) => {
      isResolved = true;
      return value;
    });
    const results = Promise.all([first, commits.submit(2), commits.submit(3)]);
    expect(isResolved).toBe(false);
    expect(batches).toEqual([]);
    expect(await results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('splits a burst into batches of at most the limit', async () => {
    const sizes: number[] = [];
    const commits = createGroupCommit((items: number[]) => {
      sizes.push(items.length);
      return items;
    }, 4);
    expect(await Promise.all(Array.from({ length: 10 }, (_, i) => commits.submit(i)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('rejects every caller of a failed batch and goes on with the next', async () => {
    let calls = 0;
    const commits = createGroupCommit((items: string[]) => {
      calls++;
      if (calls === 1) throw new Error('disk full');
      return items;
    }, 10);
    const failed = await Promise.allSettled([commits.submit('a'), commits.submit('b')]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await commits.submit('c')).toBe('c');
  });
});
