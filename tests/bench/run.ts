// `npm run bench [name...]`: runs every tests/bench/<name>.bench.ts in turn (or the named ones).
// Benchmarks print figures and ratios against peers measured in the same run; they assert nothing on time.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const suites = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

for (const name of suites) {
  console.log(`\n=== ${name} ===`);
  const suite = (await import(`./${name}.bench.ts`)) as { run(): Promise<void> };
  await suite.run();
}
