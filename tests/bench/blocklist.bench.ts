// `npm run bench blocklist`: URL string to verdict against indexes of 10k, 100k and 1M entries built
// from the eth-phishing-detect blacklist (topped up with generated domains), with
// @ghostery/adblocker and a plain Set with a suffix walk measured side by side in the same run.
// Every engine must give the same verdict for every URL before anything is timed.
import { makeGhosteryEngine, makeIndexEngine, makeSetEngine, type Engine } from './blocklist/engines.ts';
import { generateEntries, loadRealData, seededRandom } from './blocklist/dataset.ts';
import { makeUrls } from './blocklist/urls.ts';
import type { ListEntry } from '../../src/core/types.ts';

const SIZES = [10_000, 100_000, 1_000_000];
const URL_COUNT = 100_000;
const ROUNDS = 5;
const DELTA = 1_000;

function checkVerdicts(engines: Engine[], urls: string[]): number {
  let blocked = 0;
  for (const url of urls) {
    const verdicts = engines.map((engine) => engine.isBlocked(url));
    if (verdicts.some((verdict) => verdict !== verdicts[0])) {
      throw new Error(`engines disagree on ${url}: ${engines.map((engine, i) => `${engine.name}=${verdicts[i]}`).join(', ')}`);
    }
    if (verdicts[0]) blocked++;
  }
  return blocked;
}

/** This process's CPU time in µs: unlike the wall clock, it does not count time other processes on the shared machine take. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** Median CPU ns per lookup over several rounds, after a warm-up round. */
function nsPerLookup(engine: Engine, urls: string[]): number {
  const rounds: number[] = [];
  let sink = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    const start = cpuMicros();
    for (const url of urls) if (engine.isBlocked(url)) sink++;
    if (round > 0) rounds.push(((cpuMicros() - start) * 1e3) / urls.length);
  }
  if (sink < 0) console.log(sink);
  return rounds.sort((a, b) => a - b)[Math.floor(rounds.length / 2)]!;
}

const fixed = (value: number | null, digits: number): string => (value === null ? '—' : value.toFixed(digits));

function entriesOfSize(size: number, real: ListEntry[], seed: number): ListEntry[] {
  if (size <= real.length) return real.slice(0, size);
  const taken = new Set(real.map((entry) => entry.value));
  return [...real, ...generateEntries(seededRandom(seed), size - real.length, taken)];
}

async function measureSize(size: number, real: ReturnType<typeof loadRealData>): Promise<number> {
  const entries = entriesOfSize(size, real.entries, size);
  const urls = makeUrls(seededRandom(size + 1), entries, real.topSites, URL_COUNT);
  const delta = { add: generateEntries(seededRandom(size + 2), DELTA, new Set(entries.map((entry) => entry.value))), remove: entries.slice(0, DELTA) };
  const indexEngine = makeIndexEngine(entries, delta);
  const engines = [indexEngine, makeGhosteryEngine(entries), makeSetEngine(entries)];
  const blocked = checkVerdicts(engines, urls);
  console.log(`\n${size.toLocaleString('en')} entries, ${urls.length.toLocaleString('en')} URLs (${blocked.toLocaleString('en')} blocked): all engines agree on every URL`);
  console.log('engine                 ns/lookup (CPU)  bytes/entry  build ms  load ms');
  const ns = engines.map((engine) => nsPerLookup(engine, urls));
  engines.forEach((engine, i) => {
    const bytesPerEntry = engine.bytes === null ? null : engine.bytes / entries.length;
    console.log(
      `${engine.name.padEnd(22)} ${fixed(ns[i]!, 0).padStart(15)}  ${fixed(bytesPerEntry, 2).padStart(11)}  ${fixed(engine.buildMs, 0).padStart(8)}  ${fixed(engine.loadMs, 1).padStart(7)}`,
    );
  });
  console.log(`BlocklistIndex.withChanges, ${DELTA} added + ${DELTA} removed: ${indexEngine.deltaMs.toFixed(1)} ms (a full build: ${indexEngine.buildMs.toFixed(0)} ms)`);
  return ns[1]! / ns[0]!;
}

export async function run(): Promise<void> {
  const real = loadRealData(seededRandom(1));
  console.log(`eth-phishing-detect blacklist: ${real.entries.length} entries accepted, ${real.refused} refused; ${real.topSites.length} legitimate sites`);
  const speedups: string[] = [];
  for (const size of SIZES) speedups.push(`speedup vs @ghostery/adblocker at ${size}: ${(await measureSize(size, real)).toFixed(1)}x`);
  console.log(`\n${speedups.join('\n')}`);
}
