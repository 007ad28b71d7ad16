// Group commit: writes that arrive while the event loop is busy are committed together, in one
// transaction and one fsync, and each caller's promise settles only after that commit. With
// synchronous=FULL an fsync costs milliseconds, so under concurrent load this multiplies the
// reports per second a server takes while keeping "acknowledged means on disk".

/** Runs one batch in one transaction; returns one result per item, in order, or throws for all. */
export type BatchWriter<T, R> = (items: T[]) => R[];

export interface GroupCommit<T, R> {
  submit(item: T): Promise<R>;
}

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit<T, R>(write: BatchWriter<T, R>, maxBatch: number): GroupCommit<T, R> {
  let queue: Pending<T, R>[] = [];
  let isScheduled = false;

  const flush = () => {
    isScheduled = false;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    if (queue.length > 0) schedule();
    try {
      const results = write(batch.map((pending) => pending.item));
      batch.forEach((pending, index) => pending.resolve(results[index] as R));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  };
  const schedule = () => {
    if (isScheduled) return;
    isScheduled = true;
    // After the I/O callbacks of this turn: every request whose body is complete joins the batch.
    setImmediate(flush);
  };

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}
