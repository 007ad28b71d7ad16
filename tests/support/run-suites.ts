// Runs every `<name>.<kind>.ts` module in a folder (or only the names given on the command line),
// calling its exported `run()`. Shared by `npm run bench` and `npm run eval`.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function runSuites(dirUrl: URL, kind: 'bench' | 'eval', wanted: string[]): Promise<void> {
  const suffix = `.${kind}.ts`;
  const names = readdirSync(fileURLToPath(dirUrl))
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.slice(0, -suffix.length))
    .filter((name) => wanted.length === 0 || wanted.includes(name))
    .sort();
  if (names.length === 0) throw new Error(`no ${kind} suite matches ${wanted.join(', ') || 'anything'}`);
  for (const name of names) {
    console.log(`\n=== ${name} ===`);
    const suite = (await import(pathToFileURL(fileURLToPath(new URL(`${name}${suffix}`, dirUrl))).href)) as { run(): Promise<void> };
    await suite.run();
  }
}
