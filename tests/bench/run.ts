// `npm run bench [name...]`: every tests/bench/<name>.bench.ts in turn. Benchmarks print figures and
// ratios against peers measured in the same run; they never assert on time.
import { runSuites } from '../support/run-suites.ts';

await runSuites(new URL('.', import.meta.url), 'bench', process.argv.slice(2));
