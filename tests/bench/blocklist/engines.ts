// The three engines the benchmark compares, each built from the same entries and asked the same
// question: is this URL blocked?
import { FiltersEngine, Request } from '@ghostery/adblocker';
import { BlocklistIndex, groupEntries } from '../../../src/core/index.ts';
import type { ListEntry } from '../../../src/core/types.ts';
import { SuffixSet } from './urls.ts';

export interface Engine {
  name: string;
  buildMs: number;
  /** Time to get a working engine back from its serialized form (median wall and CPU ms), or null when it has none. */
  loadMs: { wall: number; cpu: number } | null;
  /** Serialized size, or null when it has none. */
  bytes: number | null;
  isBlocked(url: string): boolean;
}

function timed<T>(work: () => T): { value: T; ms: number; cpuMs: number } {
  const [start, cpuStart] = [performance.now(), process.cpuUsage()];
  const value = work();
  const { user, system } = process.cpuUsage(cpuStart);
  return { value, ms: performance.now() - start, cpuMs: (user + system) / 1000 };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function medianMs(rounds: number, work: () => unknown): number {
  return medianTimes(rounds, work).wall;
}

/** Median wall and CPU ms: on a shared machine the CPU time is the steadier figure. */
function medianTimes(rounds: number, work: () => unknown): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const { ms, cpuMs } = timed(work);
    wall.push(ms);
    cpu.push(cpuMs);
  }
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
  return { wall: median(wall), cpu: median(cpu) };
}

export interface IndexEngine extends Engine {
  /** Time to apply a feed delta with withChanges. */
  deltaMs: number;
  /** Time to build from already-grouped, already-normalized entries, as a client does from a snapshot (wall and CPU ms). */
  trustedBuildMs: { wall: number; cpu: number };
}

/** `delta.add` must be new entries; `delta.remove` existing ones. */
export function makeIndexEngine(entries: readonly ListEntry[], delta: { add: ListEntry[]; remove: ListEntry[] }): IndexEngine {
  const built = timed(() => BlocklistIndex.build(entries));
  const groups = groupEntries(entries);
  const trusted = timed(() => BlocklistIndex.fromGroups(groups, { normalized: true }));
  const bytes = built.value.serialize();
  if (!sameBytes(trusted.value.serialize(), bytes)) throw new Error('the trusted build differs from the checked one');
  const loadMs = medianTimes(5, () => BlocklistIndex.load(bytes));
  const index = BlocklistIndex.load(bytes);
  return {
    name: 'BlocklistIndex',
    buildMs: built.ms,
    loadMs,
    bytes: bytes.length,
    deltaMs: medianMs(5, () => index.withChanges(delta.add, delta.remove)),
    trustedBuildMs: { wall: trusted.ms, cpu: trusted.cpuMs },
    isBlocked: (url) => index.lookup(url)?.action === 'block',
  };
}

export function makeSetEngine(entries: readonly ListEntry[]): Engine {
  const built = timed(() => new SuffixSet(entries));
  return {
    name: 'Set + suffix walk',
    buildMs: built.ms,
    loadMs: null,
    bytes: null,
    isBlocked: (url) => built.value.isUrlListed(url),
  };
}

export function makeGhosteryEngine(entries: readonly ListEntry[]): Engine {
  // `||name^$document` blocks main-frame requests to the name and its subdomains, `||host/path^$document`
  // to the page and below. The benchmark's URLs never fall below a host entry or on a subdomain of a
  // shared host, where these filters and the entries would disagree.
  const filters = entries.map((entry) => `||${entry.value}^$document`).join('\n');
  const options = { loadCosmeticFilters: false, enableInMemoryCache: false, enableCompression: false };
  const built = timed(() => FiltersEngine.parse(filters, options));
  const bytes = built.value.serialize();
  const loadMs = medianTimes(3, () => FiltersEngine.deserialize(bytes));
  const engine = built.value;
  return {
    name: '@ghostery/adblocker',
    buildMs: built.ms,
    loadMs,
    bytes: bytes.length,
    isBlocked: (url) => engine.match(Request.fromRawDetails({ url, type: 'main_frame' })).match,
  };
}
