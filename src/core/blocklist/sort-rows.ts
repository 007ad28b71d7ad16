// The build's sort of rows by (key, group rank), over parallel arrays of numbers: a counting sort on
// the keys' top bits, then each bucket, most of them a handful of rows, on its own.

/** Rows are first spread by the top bits of their keys, whatever the index's own directory. */
const SORT_BITS = 16;
const SORT_BUCKETS = 1 << SORT_BITS;
/** Buckets up to this many rows are sorted by insertion: a typed array's sort costs more to set up than they take. */
const INSERTION_SORT_ROWS = 32;

type RowCompare = (a: number, b: number) => number;

function insertionSort(order: Uint32Array, start: number, end: number, compare: RowCompare): void {
  for (let i = start + 1; i < end; i++) {
    const row = order[i]!;
    let j = i - 1;
    for (; j >= start && compare(order[j]!, row) > 0; j--) order[j + 1] = order[j]!;
    order[j + 1] = row;
  }
}

/** The rows' order by (key, group rank). */
export function sortRows(high: number[], low: number[], rank: Uint32Array): Uint32Array {
  const starts = new Uint32Array(SORT_BUCKETS + 1);
  for (const value of high) starts[(value >>> (32 - SORT_BITS)) + 1]!++;
  for (let bucket = 0; bucket < SORT_BUCKETS; bucket++) starts[bucket + 1]! += starts[bucket]!;
  const next = starts.slice(0, SORT_BUCKETS);
  const order = new Uint32Array(high.length);
  for (let row = 0; row < high.length; row++) order[next[high[row]! >>> (32 - SORT_BITS)]!++] = row;
  const compare: RowCompare = (a, b) => high[a]! - high[b]! || low[a]! - low[b]! || rank[a]! - rank[b]!;
  for (let bucket = 0; bucket < SORT_BUCKETS; bucket++) {
    const [start, end] = [starts[bucket]!, starts[bucket + 1]!];
    if (end - start <= INSERTION_SORT_ROWS) insertionSort(order, start, end, compare);
    else order.subarray(start, end).sort(compare);
  }
  return order;
}

