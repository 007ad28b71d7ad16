// Near-miss search without measuring the edit distance to every target.
// - One-edit targets: symmetric deletion. Each target is stored under itself and every string one
//   deletion away; a query looks up the same. Two strings within one edit (or one swap of
//   neighbours) always share such a key, so a query costs about (length + 1) map probes.
// - Two-edit targets (a few long curated names): a query's depth-2 deletions would cost ~100
//   strings, so these are screened by length and by which characters occur, and only the few that
//   pass get a bounded edit distance.

export interface TypoTarget<T> {
  /** The skeleton a near miss is measured against. */
  key: string;
  /** How many edits still count as a near miss of this target (1 or 2). */
  maxEdits: number;
  value: T;
}

interface WideTarget<T> {
  target: TypoTarget<T>;
  mask: number;
}

export class TypoIndex<T> {
  readonly #buckets = new Map<string, TypoTarget<T>[]>();
  readonly #wide: WideTarget<T>[] = [];
  #shortest = Infinity;
  #longest = 0;

  add(target: TypoTarget<T>): void {
    if (target.maxEdits > 1) {
      this.#wide.push({ target, mask: maskCharacters(target.key) });
      return;
    }
    this.#shortest = Math.min(this.#shortest, target.key.length);
    this.#longest = Math.max(this.#longest, target.key.length);
    visitDeletions(target.key, (variant) => {
      const bucket = this.#buckets.get(variant);
      if (bucket === undefined) this.#buckets.set(variant, [target]);
      else if (!bucket.includes(target)) bucket.push(target);
    });
  }

  /** Targets within their edit budget of `query`, excluding exact matches. */
  search(query: string): TypoTarget<T>[] {
    const found = new Set<TypoTarget<T>>();
    if (query.length >= this.#shortest - 1 && query.length <= this.#longest + 1) {
      visitDeletions(query, (variant) => {
        for (const target of this.#buckets.get(variant) ?? []) {
          if (!found.has(target) && isNearMiss(query, target)) found.add(target);
        }
      });
    }
    const mask = maskCharacters(query);
    for (const wide of this.#wide) {
      // Each edit brings in or takes out at most one character, so a near miss differs in few.
      const isClose = countBits(mask & ~wide.mask) <= wide.target.maxEdits && countBits(wide.mask & ~mask) <= wide.target.maxEdits;
      if (isClose && isNearMiss(query, wide.target)) found.add(wide.target);
    }
    return [...found];
  }
}

function isNearMiss<T>(query: string, target: TypoTarget<T>): boolean {
  if (target.key === query || Math.abs(target.key.length - query.length) > target.maxEdits) return false;
  return measureEditDistance(query, target.key, target.maxEdits) <= target.maxEdits;
}

/** One bit per character class (code point mod 32): equal strings share bits, near misses nearly. */
function maskCharacters(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
}

function countBits(value: number): number {
  let count = 0;
  for (let rest = value >>> 0; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** Calls `visit` with the string and every string one deletion away (some may come twice). */
export function visitDeletions(text: string, visit: (variant: string) => void): void {
  visit(text);
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && text[i] === text[i - 1]) continue; // deleting either of two equal neighbours is the same
    visit(text.slice(0, i) + text.slice(i + 1));
  }
}

/**
 * Optimal string alignment distance (insert, delete, substitute, swap two neighbours), giving up
 * early with `limit + 1` once every path costs more than `limit`.
 */
export function measureEditDistance(a: string, b: string, limit = Infinity): number {
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (twoBack[j - 2] ?? 0) + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    twoBack = previous;
    previous = row;
  }
  return previous[b.length] ?? 0;
}
