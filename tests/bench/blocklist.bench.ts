// `npm run bench blocklist`: URL string to verdict against indexes of 10k, 100k and 1M entries built
// from the eth-phishing-detect blacklist (topped up with generated domains, 1% URL prefixes on shared
// hosts), with @ghostery/adblocker and a plain Set with a suffix walk measured side by side in the
// same run. Every engine must give the same verdict for every URL before anything is timed. URLs are
// timed as a browser hands them over (see asReceived), and our index once more as makeUrls built them.
import { makeGhosteryEngine, makeIndexEngine, makeSetEngine, type Engine } from './blocklist/engines.ts';
import { PREFIX_SHARE, generateEntries, generatePrefixEntries, loadRealData, seededRandom } from './blocklist/dataset.ts';
import { asReceived, makeUrls } from './blocklist/urls.ts';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Median ns per lookup over several rounds after a warm-up round, in CPU time and wall time. The
 * garbage of building the engines is collected first: otherwise the collector's threads, marking
 * a heap of millions of filters, would bill whichever engine happens to run next.
 */
function nsPerLookup(engine: Engine, urls: string[]): { cpu: number; wall: number } {
  const cpu: number[] = [];
  const wall: number[] = [];
  let sink = 0;
  collectGarbage();
  for (let round = 0; round <= ROUNDS; round++) {
    const [cpuStart, wallStart] = [cpuMicros(), performance.now()];
    for (const url of urls) if (engine.isBlocked(url)) sink++;
    if (round > 0) {
      cpu.push(((cpuMicros() - cpuStart) * 1e3) / urls.length);
      wall.push(((performance.now() - wallStart) * 1e6) / urls.length);
    }
  }
  if (sink < 0) console.log(sink);
  return { cpu: median(cpu), wall: median(wall) };
}

const fixed = (value: number | null, digits: number): string => (value === null ? '—' : value.toFixed(digits));

function entriesOfSize(size: number, real: ListEntry[], seed: number): ListEntry[] {
  const prefixes = Math.round(size * PREFIX_SHARE);
  const domains = size - prefixes;
  const taken = new Set(real.map((entry) => entry.value));
  const names = domains <= real.length ? real.slice(0, domains) : [...real, ...generateEntries(seededRandom(seed), domains - real.length, taken)];
  return [...names, ...generatePrefixEntries(seededRandom(seed + 3), prefixes, taken)];
}

async function measureSize(size: number, real: ReturnType<typeof loadRealData>): Promise<number> {
  const entries = entriesOfSize(size, real.entries, size);
  const built = makeUrls(seededRandom(size + 1), entries, real.topSites, URL_COUNT);
  const urls = asReceived(built);
  const delta = { add: generateEntries(seededRandom(size + 2), DELTA, new Set(entries.map((entry) => entry.value))), remove: entries.slice(0, DELTA) };
  const indexEngine = makeIndexEngine(entries, delta);
  const engines = [indexEngine, makeGhosteryEngine(entries), makeSetEngine(entries)];
  const blocked = checkVerdicts(engines, urls);
  console.log(`\n${size.toLocaleString('en')} entries, ${urls.length.toLocaleString('en')} URLs (${blocked.toLocaleString('en')} blocked): all engines agree on every URL`);
  console.log('engine                 ns/lookup CPU  (wall)  bytes/entry  build ms  load ms CPU  (wall)');
  const ns = engines.map((engine) => nsPerLookup(engine, urls));
  engines.forEach((engine, i) => {
    const bytesPerEntry = engine.bytes === null ? null : engine.bytes / entries.length;
    const { cpu, wall } = ns[i]!;
    console.log(
      `${engine.name.padEnd(22)} ${fixed(cpu, 0).padStart(13)} ${`(${fixed(wall, 0)})`.padStart(7)}  ${fixed(bytesPerEntry, 2).padStart(11)}  ${fixed(engine.buildMs, 0).padStart(8)}  ${fixed(engine.loadMs?.cpu ?? null, 1).padStart(11)} ${`(${fixed(engine.loadMs?.wall ?? null, 1)})`.padStart(7)}`,
    );
  });
  const asBuilt = nsPerLookup(indexEngine, built);
  console.log(`BlocklistIndex on the URLs as built (ropes of their parts, scattered over the heap by the shuffle): ${fixed(asBuilt.cpu, 0)} ns CPU (${fixed(asBuilt.wall, 0)} wall)`);
  const trusted = indexEngine.trustedBuildMs;
  console.log(`BlocklistIndex.fromGroups, normalized (a verified snapshot's entries): built in ${trusted.wall.toFixed(0)} ms (CPU ${trusted.cpu.toFixed(0)} ms)`);
  console.log(`BlocklistIndex.withChanges, ${DELTA} added + ${DELTA} removed: ${indexEngine.deltaMs.toFixed(1)} ms (a full build: ${indexEngine.buildMs.toFixed(0)} ms)`);
  return ns[1]!.cpu / ns[0]!.cpu;
}

export async function run(): Promise<void> {
  const real = loadRealData(seededRandom(1));
  console.log(`eth-phishing-detect blacklist: ${real.entries.length} entries accepted, ${real.refused} refused; ${real.topSites.length} legitimate sites`);
  const speedups: string[] = [];
  for (const size of SIZES) speedups.push(`speedup vs @ghostery/adblocker at ${size}: ${(await measureSize(size, real)).toFixed(1)}x`);
  console.log(`\n${speedups.join('\n')}`);
}
