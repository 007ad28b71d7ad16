import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../../src/background/serial-queue.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('createSerialQueue', () => {
  it('runs jobs one at a time in the order asked, and a failed job does not stop the next', async () => {
    const serialize = createSerialQueue();
    const events: string[] = [];
    const job = (name: string, fails = false) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
      if (fails) throw new Error(`${name} failed`);
      return name;
    };
    const results = await Promise.allSettled([serialize(job('a')), serialize(job('b', true)), serialize(job('c'))]);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual(['a', 'b failed', 'c']);
  });

  it('keeps separate queues apart', async () => {
    const first = createSerialQueue();
    const second = createSerialQueue();
    let isFirstDone = false;
    const slow = first(async () => {
      await tick();
      isFirstDone = true;
    });
    await second(async () => expect(isFirstDone).toBe(false));
    await slow;
  });
});
