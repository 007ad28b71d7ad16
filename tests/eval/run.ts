// `npm run eval [name...]`: runs every tests/eval/<name>.eval.ts in turn (or the named ones).
// Evaluations print detection and false-alarm figures on labelled real data.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const suites = readdirSync(dir)
  .filter((file) => file.endsWith('.eval.ts'))
  .map((file) => file.slice(0, -'.eval.ts'.length))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

for (const name of suites) {
  console.log(`\n=== ${name} ===`);
  const suite = (await import(`./${name}.eval.ts`)) as { run(): Promise<void> };
  await suite.run();
}
