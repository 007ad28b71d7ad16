// A set that is another set with a few values added and a few removed: how a delta changes a
// million listed domains without copying them (copying a Set of a million strings costs about as
// much as building it, most of a delta's work in a worker that has just started). Layers never
// stack: a change to a layered set makes one new layer over the same base, and a layer that grows
// large is folded into a plain set, so every lookup stays a few hash probes.
import { StringSetBase } from './string-set-base.ts';

/** Past this share of the base in its layers, a layered set is copied into a plain one. */
const FOLD_SHARE = 0.25;

export class LayeredSet extends StringSetBase {
  readonly size: number;

  /** `added` holds no value of `base`; `removed` holds only values of `base`. */
  private constructor(
    private readonly base: ReadonlySet<string>,
    private readonly added: ReadonlySet<string>,
    private readonly removed: ReadonlySet<string>,
  ) {
    super();
    this.size = base.size + added.size - removed.size;
  }

  /**
   * `before` with `drop` taken out and `put` added. The caller passes only real changes: every
   * value of `put` is outside `before`, every value of `drop` inside it, and the two are disjoint.
   */
  static change(before: ReadonlySet<string>, put: ReadonlySet<string>, drop: ReadonlySet<string>): ReadonlySet<string> {
    const [base, added, removed] = before instanceof LayeredSet ? [before.base, new Set(before.added), new Set(before.removed)] : [before, new Set<string>(), new Set<string>()];
    for (const value of drop) if (!added.delete(value)) removed.add(value);
    for (const value of put) if (!removed.delete(value)) added.add(value);
    const layered = new LayeredSet(base, added, removed);
    return added.size + removed.size > base.size * FOLD_SHARE ? new Set(layered) : layered;
  }

  has(value: string): boolean {
    return this.added.has(value) || (this.base.has(value) && !this.removed.has(value));
  }

  *values(): SetIterator<string> {
    for (const value of this.base) if (!this.removed.has(value)) yield value;
    yield* this.added;
  }

  /** See the function of that name below. */
  forEachCandidate(callback: (value: string) => void): void {
    this.base.forEach((value) => callback(value));
    for (const value of this.added) callback(value);
  }
}

/**
 * Calls back with every value that may be in `set`: for a layered set, its base's and added values,
 * the removed ones included. Nothing is hashed on the way (a million strings just read from storage
 * cost some 0.2 s to hash), so a caller that filters cheaply first asks `has` of the few it keeps.
 */
export function forEachCandidate(set: ReadonlySet<string>, callback: (value: string) => void): void {
  if (!(set instanceof LayeredSet)) return set.forEach((value) => callback(value));
  set.forEachCandidate(callback);
}
