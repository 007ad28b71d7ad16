// What every read-only set of strings built over other storage shares: once `has`, `size` and
// `values` are given, the rest of ReadonlySet follows from them.
export abstract class StringSetBase implements ReadonlySet<string> {
  abstract readonly size: number;

  abstract has(value: string): boolean;

  abstract values(): SetIterator<string>;

  keys(): SetIterator<string> {
    return this.values();
  }

  *entries(): SetIterator<[string, string]> {
    for (const value of this.values()) yield [value, value];
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const value of this.values()) callback.call(thisArg, value, value, this);
  }
}
