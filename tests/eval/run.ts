// `npm run eval [name...]`: every tests/eval/<name>.eval.ts in turn, printing detection and
// false-alarm figures on labelled data.
import { runSuites } from '../support/run-suites.ts';

await runSuites(new URL('.', import.meta.url), 'eval', process.argv.slice(2));
