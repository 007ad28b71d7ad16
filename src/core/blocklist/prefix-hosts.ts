// The hosts that have url-prefix rows, with how many each: a lookup hashes a URL's path only when
// its host is here, and deltas keep the counts right without any stored strings.
import { keyOfValue } from './key-hash.ts';
import type { IndexTables } from './tables.ts';

type PrefixArrays = Pick<IndexTables, 'prefixHigh' | 'prefixLow' | 'prefixCount'>;

const scratchKey = new Uint32Array(2);

export class PrefixHostCounts {
  private readonly counts = new Map<string, { high: number; low: number; count: number }>();

  static fromTables(tables: PrefixArrays): PrefixHostCounts {
    const counts = new PrefixHostCounts();
    tables.prefixHigh.forEach((high, i) => counts.change(high, tables.prefixLow[i]!, tables.prefixCount[i]!));
    return counts;
  }

  /** Counts one url-prefix value (`host/path...`) in or out. */
  changeValue(value: string, delta: number): void {
    keyOfValue(value.slice(0, value.indexOf('/')), scratchKey, 0);
    this.change(scratchKey[0]!, scratchKey[1]!, delta);
  }

  private change(high: number, low: number, delta: number): void {
    const name = `${high}:${low}`;
    const entry = this.counts.get(name) ?? { high, low, count: 0 };
    entry.count += delta;
    this.counts.set(name, entry);
  }

  toArrays(): PrefixArrays {
    const hosts = [...this.counts.values()].filter((host) => host.count > 0).sort((a, b) => a.high - b.high || a.low - b.low);
    return {
      prefixHigh: Uint32Array.from(hosts, (host) => host.high),
      prefixLow: Uint32Array.from(hosts, (host) => host.low),
      prefixCount: Uint32Array.from(hosts, (host) => host.count),
    };
  }
}
