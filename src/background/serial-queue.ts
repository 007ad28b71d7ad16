// Read-modify-write work over state that several messages or events may change at once (session
// rules, the drafts record, the list in use) runs one job at a time, in the order it was asked; a
// job that fails does not stop the ones queued after it.

export type SerialQueue = <T>(work: () => Promise<T>) => Promise<T>;

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result;
  };
}
